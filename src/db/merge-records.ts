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
import { outboxRows } from './writes'
import { emptySummary, isNewer, maxStamp, mergeOutcome, wins, type MergeOutcome, type Stamped, type TableSummary } from '../domain/ledger/merge'
import type { MergeSummary } from '../domain/ledger/import-outcome'
import { REGISTER_NAMES, TABLE_NAMES, isTombstone, type FileRecords, type RegisterName, type TableName, type Unit } from '../domain/model/types'

export type { MergeSummary }

export interface MergeOptions {
  /** Set the ledger's unit (first import, demo, restore). */
  unit?: Unit
  /** Called after each table with the share done (0..1). */
  onProgress?: (share: number) => void
  /** Make each table exactly the given records (safety-backup restore only). */
  replace?: boolean
  /** Records read and written per step (tests make it small to get many writes). */
  chunkSize?: number
  /** Filled in with the number of records put or deleted (0: the merge changed nothing at all). */
  stats?: { written: number }
  /**
   * Queue the records this merge wrote for the sync service (a file merged on a synced device: the service may
   * not have them). Records that came from the service are not queued.
   */
  queueForSync?: boolean
}

const CHUNK = 5000

const isRecordTable = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name)

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

/** What a merge will do to one table, decided from reads only. */
interface TablePlan {
  name: TableName | RegisterName
  summary: TableSummary
  winners: Stamped[]
  /** Local ids the file does not hold (replace mode only). */
  removeIds: string[]
}

/**
 * Read phase: every local copy is read before anything is written. Chromium serves reads slowly inside a
 * transaction that has already written, and an empty table (an import into a new ledger) is not read at all.
 */
async function planTable(db: LedgerDB, name: TableName | RegisterName, incoming: Stamped[], opts: MergeOptions): Promise<TablePlan> {
  const summary = emptySummary()
  const table = db.table<Stamped, string>(name)
  const replace = opts.replace === true
  if (incoming.length === 0 && !replace) return { name, summary, winners: [], removeIds: [] }
  // One key, not count(): Chromium counts a store by walking it, and a sync merges a page into a full table.
  const isEmpty = (await table.limit(1).primaryKeys()).length === 0
  const removeIds: string[] = []
  if (replace && !isEmpty) {
    const keep = new Set(incoming.map((r) => r.id))
    const localIds = (await table.toCollection().primaryKeys()) as string[]
    removeIds.push(...localIds.filter((id) => !keep.has(id)))
    if (removeIds.length) summary.deleted += (await table.bulkGet(removeIds)).filter((r) => r !== undefined && !isGone(r)).length
  }
  const winners: Stamped[] = []
  const size = Math.max(1, opts.chunkSize ?? CHUNK)
  for (let i = 0; i < incoming.length; i += size) {
    const chunk = incoming.slice(i, i + size)
    const locals = isEmpty ? [] : await table.bulkGet(chunk.map((r) => r.id))
    chunk.forEach((rec, j) => {
      summary[outcome(locals[j], rec, replace)]++
      if (mustWrite(locals[j], rec, replace)) winners.push(rec)
    })
  }
  return { name, summary, winners, removeIds }
}

/** Write phase: the planned deletions and puts, in chunks (each chunk is one write). */
async function applyPlan(db: LedgerDB, plan: TablePlan, opts: MergeOptions): Promise<number> {
  const table = db.table<Stamped, string>(plan.name)
  if (plan.removeIds.length) {
    await table.bulkDelete(plan.removeIds)
  }
  const size = Math.max(1, opts.chunkSize ?? CHUNK)
  for (let i = 0; i < plan.winners.length; i += size) {
    const chunk = plan.winners.slice(i, i + size)
    // Registers come from files only: the service holds the records they are projected from.
    const queued = opts.queueForSync && isRecordTable(plan.name) ? db.outbox.bulkPut(outboxRows(plan.name, chunk)) : null
    await Promise.all([table.bulkPut(chunk), queued])
  }
  return plan.removeIds.length + plan.winners.length
}

/** Per id the winner inside one file under the merge rule (a file should not repeat ids, but never trust it). */
function dedupe(records: Stamped[]): Stamped[] {
  const byId = new Map<string, Stamped>()
  for (const r of records) {
    const prev = byId.get(r.id)
    if (!prev || wins(prev, r)) byId.set(r.id, r)
  }
  return [...byId.values()]
}

/**
 * Merge records (and the registers a file carries, docs/spec/scopes.md) into the ledger atomically; resolves with
 * per-table counts of the record tables once committed. Registers merge by the same rule; in replace mode a file
 * without registers empties them.
 */
export async function mergeRecords(db: LedgerDB, records: FileRecords, opts: MergeOptions = {}): Promise<MergeSummary> {
  const names = [...TABLE_NAMES, ...REGISTER_NAMES.filter((t) => opts.replace || records[t] !== undefined)]
  const rowsOf = (name: TableName | RegisterName) => (records[name] ?? []) as Stamped[]
  return db.transaction('rw', [...names.map((t) => db.table(t)), db.meta, db.outbox], async () => {
    const result = {} as MergeSummary
    const plans: TablePlan[] = []
    for (const name of names) {
      const plan = await planTable(db, name, dedupe(rowsOf(name)), opts)
      if (isRecordTable(name)) result[name] = plan.summary
      plans.push(plan)
    }
    let written = 0
    let done = 0
    for (const plan of plans) {
      written += await applyPlan(db, plan, opts)
      done++
      opts.onProgress?.(done / names.length)
    }
    if (opts.stats) opts.stats.written = written
    // Every stamp the ledger holds was received when it was written, so only a write moves the clock.
    const newest = written > 0 ? maxStamp(names.flatMap(rowsOf)) : null
    if (newest) {
      await receiveStamps(db, newest)
    }
    if (opts.unit) {
      await setMeta(db, 'unit', { id: opts.unit.id, name: opts.unit.name })
    }
    return result
  })
}
