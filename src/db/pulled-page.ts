/**
 * Merging one pulled page into the ledger, inside the caller's transaction, by the merge rule of
 * merge-records.ts — without reading first what the device cannot hold.
 *
 * A first full sync brings hundreds of pages of records this device has never seen. Reading each id before
 * writing it (what `mergeRecords` does once a table has rows) costs one IndexedDB request per record, about a
 * third of the write. So a table's records are first *added*: an id this device does not hold is stored as it
 * came (the merge rule keeps any incoming version when there is no local one), and an id it holds fails its
 * add (ConstraintError, which leaves the stored row untouched) and goes through `mergeRecords` with the other
 * held ones. That is exact whatever the device holds; only its speed depends on it, so a table whose page
 * looks mostly held (a sample of its ids is read first) is merged the usual way at once.
 */
import Dexie from 'dexie'
import type { LedgerDB } from './database'
import { receiveStamps } from './clock'
import { mergeRecords, type MergeSummary } from './merge-records'
import { emptySummary, maxStamp, type Stamped } from '../domain/ledger/merge'
import { TABLE_NAMES, isTombstone, type LedgerRecords, type TableName } from '../domain/model/types'

/** Ids read before a table's records are added: one of them held means the page is merged the usual way. */
const SAMPLE = 8

function sampleOf<T>(list: T[]): T[] {
  if (list.length <= SAMPLE) return list
  return Array.from({ length: SAMPLE }, (_, i) => list[Math.floor((i * list.length) / SAMPLE)])
}

/**
 * Adds `list` as new rows; resolves with the records whose id the table already held (their add failed and
 * changed nothing). Any other failure throws, which aborts the caller's transaction.
 */
async function addNew(db: LedgerDB, table: TableName, list: Stamped[]): Promise<Stamped[]> {
  try {
    await db.table<Stamped, string>(table).bulkAdd(list)
    return []
  } catch (e) {
    if (!(e instanceof Dexie.BulkError)) throw e
    const held: Stamped[] = []
    for (const [pos, err] of Object.entries(e.failuresByPos)) {
      if (err.name !== 'ConstraintError') throw err
      held.push(list[Number(pos)])
    }
    return held
  }
}

/** Merges `records` (one page, each table's ids unique) into the ledger; call inside an rw transaction. */
export async function mergePulledPage(db: LedgerDB, records: LedgerRecords): Promise<MergeSummary> {
  const held = {} as Record<TableName, Stamped[]>
  const added: Stamped[] = []
  const summary = {} as MergeSummary
  for (const t of TABLE_NAMES) {
    const list = records[t] as Stamped[]
    held[t] = []
    summary[t] = emptySummary()
    if (list.length === 0) continue
    const sample = await db.table<Stamped, string>(t).bulkGet(sampleOf(list).map((r) => r.id))
    if (sample.some((r) => r !== undefined)) {
      held[t] = list
      continue
    }
    held[t] = await addNew(db, t, list)
    const wasHeld = new Set(held[t])
    for (const r of list) {
      if (wasHeld.has(r)) continue
      added.push(r)
      // As mergeRecords counts it: a deletion of a record this device never had changes nothing it shows.
      summary[t][isTombstone(r as Stamped & { deletedAt?: string }) ? 'unchanged' : 'added']++
    }
  }
  const merged = await mergeRecords(db, held as unknown as LedgerRecords, { queueForSync: false })
  for (const t of TABLE_NAMES) for (const k of Object.keys(summary[t]) as (keyof MergeSummary[TableName])[]) summary[t][k] += merged[t][k]
  // The clock moves past every stamp stored (mergeRecords moved it past those it wrote).
  await receiveStamps(db, maxStamp(added))
  return summary
}
