/**
 * The merge rule (docs/spec/ledger-file.md): per id, the record with the greatest `updatedAt` wins (plain string
 * order of HLC stamps), except that a deletion stays: a tombstone beats every live version of its id, even one
 * edited later on a device that had not yet seen the deletion (deletes never resurrect). Among tombstones the
 * greatest stamp wins. The rule is a total order on versions, so merging is idempotent, commutative and
 * associative: files and the sync service converge whatever the order of arrival.
 */
import type { Stamp, Tombstone } from '../model/types'
import { isTombstone } from '../model/types'

export type MergeOutcome = 'added' | 'updated' | 'deleted' | 'unchanged'

export interface Stamped {
  id: string
  updatedAt: Stamp
}

/** True when `b` wins over `a` under the merge rule (a tombstone over any live version, else the greater stamp). */
export function wins(a: Stamped, b: Stamped): boolean {
  const aGone = isTombstone(a as Stamped | Tombstone)
  const bGone = isTombstone(b as Stamped | Tombstone)
  if (aGone !== bGone) return bGone
  return b.updatedAt > a.updatedAt
}

/** Decide what an incoming record does to the local one (undefined = not present). */
export function mergeOutcome(local: Stamped | undefined, incoming: Stamped): MergeOutcome {
  if (local && !wins(local, incoming)) return 'unchanged'
  const goneNow = isTombstone(incoming as Stamped | Tombstone)
  if (goneNow) return local && !isTombstone(local as Stamped | Tombstone) ? 'deleted' : local ? 'unchanged' : 'added'
  return local && !isTombstone(local as Stamped | Tombstone) ? 'updated' : 'added'
}

/** True when the incoming record must replace the local one (the merge rule). */
export function isNewer(local: Stamped | undefined, incoming: Stamped): boolean {
  return local === undefined || wins(local, incoming)
}

/** Greatest stamp among records (for advancing the local clock), or null. */
export function maxStamp(records: Iterable<Stamped>): Stamp | null {
  let max: Stamp | null = null
  for (const r of records) if (max === null || r.updatedAt > max) max = r.updatedAt
  return max
}

export interface TableSummary {
  added: number
  updated: number
  deleted: number
  unchanged: number
}

export function emptySummary(): TableSummary {
  return { added: 0, updated: 0, deleted: 0, unchanged: 0 }
}
