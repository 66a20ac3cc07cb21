/**
 * Merging a validated set of records into the ledger: one rw transaction,
 * per record the greatest `updatedAt` wins, the local clock advances past
 * every incoming stamp. Callers validate (and decrypt) completely before
 * calling: no await on anything but Dexie may happen inside the transaction.
 *
 * `replace` is the one exception to the merge rule, used only to restore the
 * automatic safety backup (an undo on this device, never an exchange): the
 * tables become exactly the file's records.
 */
import type { LedgerDB } from './database'
import { receiveStamps } from './clock'
import { setMeta } from './meta'
import { emptySummary, isNewer, maxStamp, mergeOutcome, type MergeOutcome, type Stamped, type TableSummary } from '../domain/merge'
import { TABLE_NAMES, isTombstone, type LedgerRecords, type TableName, type Unit } from '../domain/types'

export type MergeSummary = Record<TableName, TableSummary>

export interface MergeOptions {
  /** Set the ledger's unit (first import, demo, restore). */
  unit?: Unit
  /** Called after each table with the share done (0..1). */
  onProgress?: (share: number) => void
  /** Test hook: called before each write (record tables and meta) to inject faults. */
  beforeWrite?: (table: TableName | 'meta') => void
  /** Make each table exactly the given records (safety-backup restore only). */
  replace?: boolean
  /** Records read and written per step (tests make it small to get many writes). */
  chunkSize?: number
  /** Filled in with the number of records put or deleted (0: the merge changed nothing at all). */
  stats?: { written: number }
}

const CHUNK = 5000

interface TableResult {
  summary: TableSummary
  /** Records put (a merge that writes nothing leaves the clock alone too: a re-import is a no-op). */
  written: number
}

function isGone(r: Stamped | undefined): boolean {
  return r !== undefined && isTombstone(r as Stamped & { deletedAt?: string })
}

/**
 * What the summary shows. A deletion marker for a record this ledger never had
 * (or had already deleted) changes nothing the user can see: 未变.
 */
function outcome(local: Stamped | undefined, incoming: Stamped, replace: boolean): MergeOutcome {
  if (isGone(incoming) && (local === undefined || isGone(local))) return 'unchanged'
  if (!replace) return mergeOutcome(local, incoming)
  if (local?.updatedAt === incoming.updatedAt) return 'unchanged'
  if (isGone(incoming)) return 'deleted'
  return local === undefined || isGone(local) ? 'added' : 'updated'
}

function mustWrite(local: Stamped | undefined, incoming: Stamped, replace: boolean): boolean {
  return replace ? local?.updatedAt !== incoming.updatedAt : isNewer(local, incoming)
}

/** Removes local records that the file does not hold (replace mode); counts the live ones as deleted. */
async function removeMissing(db: LedgerDB, name: TableName, keep: Set<string>, summary: TableSummary, opts: MergeOptions): Promise<number> {
  const table = db.table<Stamped, string>(name)
  const localIds = (await table.toCollection().primaryKeys()) as string[]
  const gone = localIds.filter((id) => !keep.has(id))
  if (!gone.length) return 0
  const rows = await table.bulkGet(gone)
  summary.deleted += rows.filter((r) => r !== undefined && !isGone(r)).length
  opts.beforeWrite?.(name)
  await table.bulkDelete(gone)
  return gone.length
}

async function mergeTable(db: LedgerDB, name: TableName, incoming: Stamped[], opts: MergeOptions): Promise<TableResult> {
  const summary = emptySummary()
  let written = 0
  const table = db.table<Stamped, string>(name)
  const replace = opts.replace === true
  if (replace) written += await removeMissing(db, name, new Set(incoming.map((r) => r.id)), summary, opts)
  const size = Math.max(1, opts.chunkSize ?? CHUNK)
  for (let i = 0; i < incoming.length; i += size) {
    const chunk = incoming.slice(i, i + size)
    const locals = await table.bulkGet(chunk.map((r) => r.id))
    const winners: Stamped[] = []
    chunk.forEach((rec, j) => {
      summary[outcome(locals[j], rec, replace)]++
      if (mustWrite(locals[j], rec, replace)) winners.push(rec)
    })
    if (winners.length) {
      opts.beforeWrite?.(name)
      await table.bulkPut(winners)
      written += winners.length
    }
  }
  return { summary, written }
}

/** Per id the greatest stamp inside one file (a file should not repeat ids, but never trust it). */
function dedupe(records: Stamped[]): Stamped[] {
  const byId = new Map<string, Stamped>()
  for (const r of records) {
    const prev = byId.get(r.id)
    if (!prev || r.updatedAt > prev.updatedAt) byId.set(r.id, r)
  }
  return [...byId.values()]
}

/** Merge records into the ledger atomically; resolves with per-table counts once committed. */
export async function mergeRecords(db: LedgerDB, records: LedgerRecords, opts: MergeOptions = {}): Promise<MergeSummary> {
  const tables = TABLE_NAMES.map((t) => db.table(t))
  return db.transaction('rw', [...tables, db.meta], async () => {
    const result = {} as MergeSummary
    let done = 0
    let written = 0
    for (const name of TABLE_NAMES) {
      const r = await mergeTable(db, name, dedupe(records[name] as Stamped[]), opts)
      result[name] = r.summary
      written += r.written
      done++
      opts.onProgress?.(done / TABLE_NAMES.length)
    }
    if (opts.stats) opts.stats.written = written
    // Every stamp the ledger holds was received when it was written, so only a write moves the clock.
    const newest = written > 0 ? maxStamp(TABLE_NAMES.flatMap((t) => records[t] as Stamped[])) : null
    if (newest) {
      opts.beforeWrite?.('meta')
      await receiveStamps(db, newest)
    }
    if (opts.unit) {
      opts.beforeWrite?.('meta')
      await setMeta(db, 'unit', { id: opts.unit.id, name: opts.unit.name })
    }
    return result
  })
}
