/**
 * The only way records are written: one rw transaction per user action,
 * every record stamped from the HLC, deletes written as tombstones, and the
 * change counter for the backup reminder bumped in the same transaction.
 */
import type { Table } from 'dexie'
import type { LedgerDB } from './database'
import { openStamper } from './clock'
import { withReopen } from './connection'
import { requestPersistenceOnce } from './persistence'
import { getMeta, setMeta } from './meta'
import type { Stamp, TableName, Tombstone } from '../domain/types'

type Unstamped<T> = Omit<T, 'updatedAt'>

/** A change to one table inside a larger save. */
export interface TableChange {
  table: TableName
  put?: Unstamped<{ id: string; updatedAt: Stamp }>[]
  remove?: string[]
}

function tableOf(db: LedgerDB, name: TableName): Table<{ id: string; updatedAt: Stamp }, string> {
  return db.table(name)
}

/**
 * Apply several tables' puts and deletes atomically; resolves once committed. A connection closed
 * under us (another tab upgraded) is reopened and the write retried once.
 */
export async function commitChanges(db: LedgerDB, changes: TableChange[]): Promise<void> {
  await withReopen(db, () => commitOnce(db, changes))
  requestPersistenceOnce()
}

async function commitOnce(db: LedgerDB, changes: TableChange[]): Promise<void> {
  const tables = [...new Set(changes.map((c) => c.table))].map((t) => tableOf(db, t))
  await db.transaction('rw', [...tables, db.meta], async () => {
    const stamper = await openStamper(db)
    let count = 0
    for (const change of changes) {
      const table = tableOf(db, change.table)
      const puts = (change.put ?? []).map((r) => ({ ...r, updatedAt: stamper.next() }))
      if (puts.length) await table.bulkPut(puts)
      const tombs: Tombstone[] = (change.remove ?? []).map((id) => {
        const stamp = stamper.next()
        return { id, deletedAt: stamp, updatedAt: stamp }
      })
      if (tombs.length) await table.bulkPut(tombs)
      count += puts.length + tombs.length
    }
    await stamper.save()
    const prev = (await getMeta(db, 'changesSinceBackup')) ?? 0
    await setMeta(db, 'changesSinceBackup', prev + count)
  })
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
