/**
 * The physical limit the app is measured against: the native IndexedDB API, no Dexie, no validation,
 * no merge. Same browser, same profile, same records, same object stores and indexes as the app's
 * schema (translated from Dexie's schema strings), same durability as the app's transactions.
 */

export interface IndexDef {
  name: string
  keyPath: string | string[]
  multiEntry: boolean
  unique: boolean
}

export interface StoreDef {
  name: string
  keyPath: string | string[] | null
  autoIncrement: boolean
  indexes: IndexDef[]
}

function keyPathOf(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec
}

/** Dexie's `'id, date, [kind+date], *attendees'` → object store and index definitions, as Dexie creates them. */
export function parseDexieSchema(schema: Record<string, string>): StoreDef[] {
  return Object.entries(schema).map(([name, spec]) => {
    const [primary, ...rest] = spec.split(',').map((s) => s.trim()).filter(Boolean)
    const autoIncrement = primary.startsWith('++')
    const pk = primary.replace(/^\+\+/, '')
    const indexes = rest.map((raw): IndexDef => {
      const multiEntry = raw.startsWith('*')
      const unique = raw.startsWith('&')
      const body = raw.replace(/^[*&]/, '')
      return { name: body, keyPath: keyPathOf(body), multiEntry, unique }
    })
    return { name, keyPath: pk === '' ? null : keyPathOf(pk), autoIncrement, indexes }
  })
}

function done(req: IDBRequest | IDBOpenDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
}

export async function deleteDatabase(name: string): Promise<void> {
  const req = indexedDB.deleteDatabase(name)
  await new Promise<void>((resolve, reject) => {
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
    // Another connection still open: deletion waits for it; the caller closes its connections first.
    req.onblocked = () => console.warn(`deleteDatabase(${name}) blocked`)
  })
}

/** Creates (or opens) a database with exactly these stores and indexes. */
export function openWithSchema(name: string, stores: StoreDef[]): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1)
  req.onupgradeneeded = () => {
    const db = req.result
    for (const s of stores) {
      const os = db.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement })
      for (const i of s.indexes) os.createIndex(i.name, i.keyPath, { multiEntry: i.multiEntry, unique: i.unique })
    }
  }
  return done(req).then(() => req.result)
}

/** Opens an existing database at its current version (the app's own, created by Dexie). */
export function openExisting(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name)
  return done(req).then(() => req.result)
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'))
  })
}

/** `put` of every record, every table, in ONE readwrite transaction; resolves once committed. */
export async function putAll(db: IDBDatabase, records: Record<string, readonly unknown[]>, durability: IDBTransactionDurability): Promise<void> {
  const names = Object.keys(records)
  const tx = db.transaction(names, 'readwrite', { durability })
  const committed = completion(tx)
  for (const name of names) {
    const store = tx.objectStore(name)
    for (const r of records[name]) store.put(r)
  }
  await committed
}

export interface ReadSpec {
  store: string
  /** Read through this index over [from, to] instead of the whole store. */
  index?: string
  from?: string
  to?: string
}

/** One readonly transaction, every `getAll` issued at once (as Dexie's Promise.all does); row counts. */
export async function getAllOf(db: IDBDatabase, specs: readonly ReadSpec[]): Promise<number[]> {
  const tx = db.transaction([...new Set(specs.map((s) => s.store))], 'readonly')
  const requests = specs.map((s) => {
    const store = tx.objectStore(s.store)
    if (!s.index) return store.getAll()
    return store.index(s.index).getAll(IDBKeyRange.bound(s.from, s.to))
  })
  const results = await Promise.all(
    requests.map((r) => new Promise<unknown[]>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result as unknown[])
      r.onerror = () => reject(r.error)
    })),
  )
  return results.map((rows) => rows.length)
}
