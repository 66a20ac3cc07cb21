/**
 * How a view reads the registers (registers.ts) over the records a device holds. An outcome applies to a record when
 * its stamp is at least the record's (the keeper judged this version or a later one, which would win the merge
 * anyway); a record edited after the review shows its own state (an official's edit is 自报 again). An exam status
 * stands in for a result only when it is newer than the result the device holds (or the device holds none); it never
 * has a score. Nothing here is ever written back. (首页 loads this module with the first screen: keep it small.)
 */
import {
  PERSONAL_KINDS,
  isTombstone,
  type Activity,
  type ExamResult,
  type ExamStatus,
  type ReviewOutcome,
  type StoredRecord,
} from '../model/types'

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
