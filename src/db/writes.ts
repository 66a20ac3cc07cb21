/**
 * The only way records are written: one rw transaction per user action,
 * every record stamped from the HLC, deletes written as tombstones, and the
 * change counter for the backup reminder bumped in the same transaction.
 * A save costs two round trips: one read of the clock's meta rows, then all
 * writes issued together.
 */
import type { Table } from 'dexie'
import type { LedgerDB } from './database'
import { stamperFrom } from './clock'
import { withReopen } from './connection'
import { requestPersistenceOnce } from './persistence'
import { getMetas, type MetaKey, type MetaValues } from './meta'
import type { Stamp, TableName, Tombstone } from '../domain/types'

type Unstamped<T> = Omit<T, 'updatedAt'>

/** A change to one table inside a larger save. */
export interface TableChange {
  table: TableName
  put?: Unstamped<{ id: string; updatedAt: Stamp }>[]
  remove?: string[]
}

/** Device-local meta rows written with the save (e.g. the remembered quick-log choices). */
export type MetaPatch = Partial<MetaValues>

function tableOf(db: LedgerDB, name: TableName): Table<{ id: string; updatedAt: Stamp }, string> {
  return db.table(name)
}

/** The meta rows every save reads first: the device, its clock, the change counter. */
export const CLOCK_KEYS = ['deviceId', 'hlc', 'changesSinceBackup'] as const
export type ClockRows = readonly [MetaValues['deviceId'] | undefined, MetaValues['hlc'] | undefined, number | undefined]

/**
 * Runs a save in one rw transaction over the tables and meta; resolves once committed. A connection
 * closed under us (another tab upgraded) is reopened and the save retried once; after the first real
 * save the app asks for persistent storage.
 */
export async function inSaveTransaction<T>(db: LedgerDB, tables: TableName[], body: () => Promise<T>): Promise<T> {
  const stores = [...new Set(tables)].map((t) => tableOf(db, t))
  const result = await withReopen(db, () => db.transaction('rw', [...stores, db.meta], body))
  requestPersistenceOnce()
  return result
}

/** Apply several tables' puts and deletes atomically (two round trips: the clock, then every write). */
export async function commitChanges(db: LedgerDB, changes: TableChange[], meta: MetaPatch = {}): Promise<void> {
  await inSaveTransaction(db, changes.map((c) => c.table), async () => {
    await writeStamped(db, changes, await getMetas(db, CLOCK_KEYS), meta)
  })
}

/**
 * Inside a save transaction, with the clock rows already read (a save that reads other rows reads
 * them in the same request): stamps every record from the HLC and issues all writes at once.
 */
export async function writeStamped(db: LedgerDB, changes: TableChange[], clock: ClockRows, meta: MetaPatch = {}): Promise<void> {
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
    if (puts.length + tombs.length) writes.push(tableOf(db, change.table).bulkPut([...puts, ...tombs]))
    count += puts.length + tombs.length
  }
  const rows: { key: MetaKey; value: unknown }[] = Object.entries(meta).map(([key, value]) => ({ key: key as MetaKey, value }))
  rows.push({ key: 'hlc', value: stamper.state }, { key: 'changesSinceBackup', value: (counted ?? 0) + count })
  if (stamper.isNewDevice) rows.push({ key: 'deviceId', value: stamper.deviceId })
  writes.push(db.meta.bulkPut(rows))
  await Promise.all(writes)
}

export function putRecords<T extends { id: string; updatedAt: Stamp }>(
  db: LedgerDB,
  table: TableName,
  records: Unstamped<T>[],
): Promise<void> {
  return commitChanges(db, [{ table, put: records }])
}

export function removeRecords(db: LedgerDB, table: TableName, ids: string[]): Promise<void> {
  return commitChanges(db, [{ table, remove: ids }])
}
