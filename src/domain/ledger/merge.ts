/**
 * The merge rule of CONTRACT.md: per id, the record with the greatest
 * `updatedAt` wins (plain string order of HLC stamps). Tombstones are records
 * like any other, so a deletion wins over every older edit and stays.
 */
import type { Stamp, Tombstone } from '../model/types'
import { isTombstone } from '../model/types'

export type MergeOutcome = 'added' | 'updated' | 'deleted' | 'unchanged'

export interface Stamped {
  id: string
  updatedAt: Stamp
}

/** Decide what an incoming record does to the local one (undefined = not present). */
export function mergeOutcome(local: Stamped | undefined, incoming: Stamped): MergeOutcome {
  if (local && local.updatedAt >= incoming.updatedAt) return 'unchanged'
  const goneNow = isTombstone(incoming as Stamped | Tombstone)
  if (goneNow) return local && !isTombstone(local as Stamped | Tombstone) ? 'deleted' : local ? 'unchanged' : 'added'
  return local && !isTombstone(local as Stamped | Tombstone) ? 'updated' : 'added'
}

/** True when the incoming record must replace the local one (the greater stamp wins). */
export function isNewer(local: Stamped | undefined, incoming: Stamped): boolean {
  return local === undefined || incoming.updatedAt > local.updatedAt
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
