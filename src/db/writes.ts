/**
 * The only way records are written: one rw transaction per user action,
 * every record stamped from the HLC, deletes written as tombstones, and the
 * change counter for the backup reminder bumped in the same transaction.
 *
 * A save reads the clock's meta rows (and whatever its checks need) and then
 * writes. When this tab remembers those meta rows, it issues the writes right
 * behind the reads, in one round trip, and compares what was read with what it
 * remembered: a check that fails or a row another tab (or an import) moved
 * aborts the transaction, so nothing is written, and a moved row redoes the
 * save in two round trips (docs/PERFORMANCE.md, quick log).
 */
import Dexie, { type Table } from 'dexie'
import type { LedgerDB, OutboxRow } from './database'
import { stamperFrom } from './clock'
import { withReopen } from './connection'
import { requestPersistenceOnce } from './persistence'
import { getMetas, type MetaKey, type MetaValues } from './meta'
import type { Stamp, TableName, Tombstone } from '../domain/model/types'

type Unstamped<T> = Omit<T, 'updatedAt'>

/** A change to one table inside a larger save. */
export interface TableChange {
  table: TableName
  put?: Unstamped<{ id: string; updatedAt: Stamp }>[]
  remove?: string[]
}

/** Device-local meta rows written with the save (e.g. the remembered quick-log choices). */
export type MetaPatch = Partial<MetaValues>

/** What a save writes, worked out from the meta rows it depends on. */
export interface SavePlan {
  changes: TableChange[]
  meta?: MetaPatch
}

type MetaTuple<K extends readonly MetaKey[]> = { [I in keyof K]: MetaValues[K[I]] | undefined }

/** A save that reads before it writes; see `saveChecked`. */
export interface CheckedSave<R, K extends readonly MetaKey[]> {
  /** The record tables written or read (meta is always included). */
  tables: TableName[]
  /** Meta rows the plan depends on (the clock's rows are always read). */
  metaKeys: K
  /** Issues the reads the check needs; its first request must go out before its first await. */
  read: () => Promise<R>
  /** Throws when the save must not happen: nothing is written. */
  check: (read: R) => void
  /** The writes, from the meta rows. */
  plan: (metas: MetaTuple<K>) => SavePlan
}

/** Outbox rows for records just written (the last version of an id wins inside one list). */
export function outboxRows(table: TableName, records: readonly { id: string; updatedAt: Stamp }[]): OutboxRow[] {
  return records.map((r) => ({ key: `${table}/${r.id}`, table, id: r.id, updatedAt: r.updatedAt }))
}

function tableOf(db: LedgerDB, name: TableName): Table<{ id: string; updatedAt: Stamp }, string> {
  return db.table(name)
}

/** The meta rows every save reads first: the device, its clock, the change counter. */
export const CLOCK_KEYS = ['deviceId', 'hlc', 'changesSinceBackup'] as const
type ClockRows = MetaTuple<typeof CLOCK_KEYS>

/** Meta rows as this tab last read or committed them (JSON text, '' for a missing row), per database. */
const remembered = new WeakMap<LedgerDB, Map<MetaKey, string>>()
const textOf = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value))

function remember(db: LedgerDB, rows: Iterable<readonly [MetaKey, unknown]>): void {
  const known = remembered.get(db) ?? new Map<MetaKey, string>()
  for (const [key, value] of rows) known.set(key, textOf(value))
  remembered.set(db, known)
}

/** The remembered values of `keys`, or null when one of them is not remembered. */
function rememberedValues(db: LedgerDB, keys: readonly MetaKey[]): unknown[] | null {
  const known = remembered.get(db)
  const texts = keys.map((k) => known?.get(k))
  if (texts.some((t) => t === undefined)) return null
  return texts.map((t) => (t ? JSON.parse(t as string) : undefined))
}

/** A remembered meta row was moved by another tab or an import: redo the save from what is stored. */
class RowsMoved extends Error {
  override name = 'RowsMoved'
}

/**
 * Reads meta rows (with the clock's) outside a save and remembers them, so that the next save can go in
 * one round trip (e.g. when the quick-log sheet opens).
 */
export async function readForSave<const K extends readonly MetaKey[]>(db: LedgerDB, keys: K): Promise<MetaTuple<K>> {
  const all = [...keys, ...CLOCK_KEYS]
  const values = await getMetas(db, all)
  remember(db, all.map((k, i) => [k, values[i]] as const))
  return values.slice(0, keys.length) as MetaTuple<K>
}

/**
 * Runs a save in one rw transaction over the tables and meta; resolves once committed. A connection
 * closed under us (another tab upgraded) is reopened and the save retried once; after the first real
 * save the app asks for persistent storage.
 */
export async function inSaveTransaction<T>(db: LedgerDB, tables: TableName[], body: () => Promise<T>): Promise<T> {
  const stores = [...new Set(tables)].map((t) => tableOf(db, t))
  const result = await withReopen(db, () => db.transaction('rw', [...stores, db.meta, db.outbox], body))
  requestPersistenceOnce()
  return result
}

/**
 * Reads, checks and writes in one transaction; resolves once committed, throws what `check` throws
 * (nothing written). One round trip when this tab remembers the meta rows and they did not move, else
 * two (also inside a caller's transaction, which a retry could not redo).
 */
export async function saveChecked<R, const K extends readonly MetaKey[]>(db: LedgerDB, save: CheckedSave<R, K>): Promise<void> {
  const keys: MetaKey[] = [...save.metaKeys, ...CLOCK_KEYS]
  const n = save.metaKeys.length
  const known = Dexie.currentTransaction ? null : rememberedValues(db, keys)
  if (known) {
    try {
      const written = await inSaveTransaction(db, save.tables, async () => {
        const reading = Promise.all([save.read(), getMetas(db, keys)])
        const plan = save.plan(known.slice(0, n) as MetaTuple<K>)
        const writing = writeStamped(db, plan.changes, known.slice(n) as unknown as ClockRows, plan.meta)
        writing.catch(() => {}) // settled below, or aborted with the transaction
        const [read, rows] = await reading
        save.check(read)
        if (rows.some((v, i) => textOf(v) !== textOf(known[i]))) throw new RowsMoved()
        return writing
      })
      remember(db, written)
      return
    } catch (e) {
      if (!(e instanceof RowsMoved)) throw e
    }
  }
  const written = await inSaveTransaction(db, save.tables, async () => {
    const [read, rows] = await Promise.all([save.read(), getMetas(db, keys)])
    save.check(read)
    const plan = save.plan(rows.slice(0, n) as MetaTuple<K>)
    const meta = await writeStamped(db, plan.changes, rows.slice(n) as unknown as ClockRows, plan.meta)
    return [...keys.map((k, i) => [k, rows[i]] as const), ...meta]
  })
  remember(db, written)
}

/** Apply several tables' puts and deletes atomically (see `saveChecked`). */
export function commitChanges(db: LedgerDB, changes: TableChange[], meta: MetaPatch = {}): Promise<void> {
  return saveChecked(db, {
    tables: changes.map((c) => c.table),
    metaKeys: [],
    read: () => Promise.resolve(),
    check: () => {},
    plan: () => ({ changes, meta }),
  })
}

/**
 * Inside a save transaction, from the clock's rows: stamps every record from the HLC and issues all
 * writes at once (before its first await). Resolves with the meta rows it wrote.
 */
async function writeStamped(db: LedgerDB, changes: TableChange[], clock: ClockRows, meta: MetaPatch = {}): Promise<[MetaKey, unknown][]> {
  const [deviceId, hlc, counted] = clock
  const stamper = stamperFrom(deviceId, hlc)
  const writes: Promise<unknown>[] = []
  let count = 0
  for (const change of changes) {
    const puts = (change.put ?? []).map((r) => ({ ...r, updatedAt: stamper.next() }))
    const tombs: Tombstone[] = (change.remove ?? []).map((id) => {
      const stamp = stamper.next()
      return { id, deletedAt: stamp, updatedAt: stamp }
    })
    // Puts before tombstones: a record both put and removed in one save ends removed.
    const all = [...puts, ...tombs]
    if (all.length) {
      writes.push(tableOf(db, change.table).bulkPut(all))
      // Queued for the sync service in the same transaction (nothing is sent here: docs/spec/sync-api.md).
      writes.push(db.outbox.bulkPut(outboxRows(change.table, all)))
    }
    count += all.length
  }
  const rows: [MetaKey, unknown][] = Object.entries(meta).map(([key, value]) => [key as MetaKey, value])
  rows.push(['hlc', stamper.state], ['changesSinceBackup', (counted ?? 0) + count])
  if (stamper.isNewDevice) rows.push(['deviceId', stamper.deviceId])
  writes.push(db.meta.bulkPut(rows.map(([key, value]) => ({ key, value }))))
  await Promise.all(writes)
  return rows
}
