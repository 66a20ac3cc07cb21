/**
 * The registers: the parts of personal records that travel to everyone (docs/spec/scopes.md).
 *
 * - `reviewOutcomes`: the review state of each 自报 record — {id, review, reviewNote, updatedAt} with the record's
 *   own id and stamp. A phone that holds the record learns 已核实 / 退回 (with the reason); any other phone learns
 *   nothing from an id it does not hold.
 * - `examStatuses`: each person's exam status (参考 / 缺考 / 免考) without the score or the 免考 reason.
 *
 * A register entry is a projection of one version of a record, so it is stored in a table of its own, never in
 * `activities` or `examResults`: a copy with fields removed must never travel under the id and stamp of the real
 * record (a device receiving both would keep whichever came first, the stamps being equal). Entries merge like
 * records (merge.ts `wins`, in db/merge-records.ts): per id the greater stamp, a tombstone over a live entry.
 *
 * This module projects the registers from the records (what the 发布 and 股室 files carry); overlay.ts is how a view
 * reads them.
 */
import {
  PERSONAL_KINDS,
  isTombstone,
  type Activity,
  type ExamResult,
  type ExamStatus,
  type IsoDate,
  type LedgerRecords,
  type LedgerRegisters,
  type ReviewOutcome,
  type StoredRecord,
} from '../model/types'

export function emptyRegisters(): LedgerRegisters {
  return { reviewOutcomes: [], examStatuses: [] }
}

/** The review outcome of a personal record that carries a review state, or null. */
export function reviewOutcomeOf(a: Activity): ReviewOutcome | null {
  if (!PERSONAL_KINDS.includes(a.kind) || a.review === undefined) return null
  return { id: a.id, review: a.review, reviewNote: a.reviewNote ?? null, updatedAt: a.updatedAt }
}

/** An exam result without its score and 免考 reason; a deleted result stays deleted. */
export function examStatusOf(r: StoredRecord<ExamResult>): StoredRecord<ExamStatus> {
  if (isTombstone(r)) return { id: r.id, deletedAt: r.deletedAt, updatedAt: r.updatedAt }
  return { id: r.id, examId: r.examId, personId: r.personId, status: r.status, updatedAt: r.updatedAt }
}

export interface ProjectOptions {
  /** Outcomes only of records dated on or after this date (older ones no longer show on any progress screen). */
  reviewsFrom: IsoDate
}

/** The registers of a ledger the keeper holds whole: what the 发布 and 股室 files carry for everyone. */
export function projectRegisters(records: LedgerRecords, opts: ProjectOptions): LedgerRegisters {
  const reviewOutcomes: ReviewOutcome[] = []
  for (const a of records.activities) {
    if (isTombstone(a) || a.date < opts.reviewsFrom) continue
    const outcome = reviewOutcomeOf(a)
    if (outcome) reviewOutcomes.push(outcome)
  }
  return { reviewOutcomes, examStatuses: records.examResults.map(examStatusOf) }
}
