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
 * records (merge.ts `wins`): per id the greater stamp, a tombstone over a live entry.
 *
 * Reading: a view overlays the registers on the records it holds. An outcome applies to a record when its stamp is
 * at least the record's (the keeper judged this version or a later one, which would win the merge anyway); a record
 * edited after the review shows its own state (an official's edit is 自报 again). An exam status stands in for a
 * result only when it is newer than the result the device holds (or the device holds none); it never has a score.
 */
import { wins } from '../ledger/merge'
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

/** Per id the winning entry of two register lists, under the merge rule. */
export function mergeRegisterEntries<T extends { id: string; updatedAt: string }>(a: readonly T[], b: readonly T[]): T[] {
  const byId = new Map<string, T>()
  for (const r of [...a, ...b]) {
    const prev = byId.get(r.id)
    if (!prev || wins(prev, r)) byId.set(r.id, r)
  }
  return [...byId.values()]
}

/** True when the outcome speaks about this version of the record (or a later one). */
export function outcomeApplies(outcome: ReviewOutcome | undefined, a: Pick<Activity, 'updatedAt'>): outcome is ReviewOutcome {
  return outcome !== undefined && outcome.updatedAt >= a.updatedAt
}

/**
 * The records as a view shows them: each personal record with an applicable outcome carries the outcome's review
 * state and note. Records are copied only where something changes; never write the result back.
 */
export function withReviewOutcomes(activities: readonly Activity[], outcomeOf: (id: string) => ReviewOutcome | undefined): Activity[] {
  return activities.map((a) => {
    if (!PERSONAL_KINDS.includes(a.kind)) return a
    const o = outcomeOf(a.id)
    if (!outcomeApplies(o, a) || (o.review === a.review && o.reviewNote === (a.reviewNote ?? null))) return a
    return { ...a, review: o.review, reviewNote: o.reviewNote }
  })
}

/**
 * The exam results a view computes with: the results the device holds, and for every person whose status is newer
 * (or whose result the device does not hold) the status as a result with no score. Deleted statuses remove nothing
 * but themselves.
 */
export function withExamStatuses(results: readonly ExamResult[], statuses: readonly StoredRecord<ExamStatus>[]): ExamResult[] {
  if (statuses.length === 0) return [...results]
  const held = new Map(results.map((r) => [r.id, r]))
  const out = new Map<string, ExamResult>(held)
  for (const s of statuses) {
    const r = held.get(s.id)
    if (r !== undefined && s.updatedAt <= r.updatedAt) continue
    if (isTombstone(s)) {
      out.delete(s.id)
      continue
    }
    out.set(s.id, { id: s.id, examId: s.examId, personId: s.personId, status: s.status, score: null, reason: null, updatedAt: s.updatedAt })
  }
  return [...out.values()]
}
