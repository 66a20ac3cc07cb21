/**
 * Per-person hour totals for year Y up to D, built in one pass over the
 * activities (no per-person filtering), so that 2,000 persons and 300,000
 * attendee entries stay in the tens of milliseconds.
 */
import { periodEnd, yearStart } from '../model/dates'
import type { Activity, ActivityKind, TrainingCategory } from '../model/types'
import { ACTIVITY_KINDS, TRAINING_CATEGORIES } from '../model/types'

export interface PersonHours {
  /** Hours of every kind. */
  total: number
  byKind: Record<ActivityKind, number>
  /** Hours of activities carrying a training category. */
  byCategory: Record<TrainingCategory, number>
  /** Number of counted activities the person attended. */
  activityCount: number
}

export interface CountOptions {
  /**
   * Whether activities still awaiting review (`selfReported`) count.
   * `returned` never counts; absent review and `verified` always count.
   * Default: true.
   */
  countSelfReported?: boolean
}

/** Whether an activity counts, by its review state (`review`, docs/spec/ledger-file.md). */
export function countsByReview(a: Pick<Activity, 'review'>, countSelfReported = true): boolean {
  const r = a.review
  if (r === undefined || r === 'verified') return true
  if (r === 'selfReported') return countSelfReported
  return false
}

/** The activities that count for year Y up to D: dated (first day) in the period, review allowing. */
export function activitiesInPeriod(
  activities: readonly Activity[],
  year: number,
  asOf: string,
  opts: CountOptions = {},
): Activity[] {
  const withSelf = opts.countSelfReported ?? true
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  return activities.filter((a) => a.date >= from && a.date <= to && countsByReview(a, withSelf))
}

function zeroKinds(): Record<ActivityKind, number> {
  const r = {} as Record<ActivityKind, number>
  for (const k of ACTIVITY_KINDS) r[k] = 0
  return r
}

function zeroCategories(): Record<TrainingCategory, number> {
  const r = {} as Record<TrainingCategory, number>
  for (const c of TRAINING_CATEGORIES) r[c] = 0
  return r
}

export function emptyPersonHours(): PersonHours {
  return { total: 0, byKind: zeroKinds(), byCategory: zeroCategories(), activityCount: 0 }
}

/** Attendee ids of an activity, each once (a duplicated tick never counts twice). */
function uniqueAttendees(attendees: readonly string[]): readonly string[] {
  if (attendees.length < 2) return attendees
  const set = new Set(attendees)
  return set.size === attendees.length ? attendees : [...set]
}

const KIND_INDEX = new Map<ActivityKind, number>(ACTIVITY_KINDS.map((k, i) => [k, i]))
const CATEGORY_INDEX = new Map<TrainingCategory, number>(TRAINING_CATEGORIES.map((c, i) => [c, i]))
// One flat row per person while summing: [total, count, ...kinds, ...categories].
const ROW = 2 + ACTIVITY_KINDS.length + TRAINING_CATEGORIES.length

function toPersonHours(row: Float64Array): PersonHours {
  const ph = emptyPersonHours()
  ph.total = row[0]
  ph.activityCount = row[1]
  ACTIVITY_KINDS.forEach((k, i) => (ph.byKind[k] = row[2 + i]))
  TRAINING_CATEGORIES.forEach((c, i) => (ph.byCategory[c] = row[2 + ACTIVITY_KINDS.length + i]))
  return ph
}

/**
 * Hours per person for activities in Y up to D. Keyed by every attendee id met,
 * known person or not (callers decide which ids they look up). One pass; each
 * attendee entry costs one Map lookup and a few typed-array adds.
 */
export function computePersonHours(
  activities: readonly Activity[],
  year: number,
  asOf: string,
  opts: CountOptions = {},
): Map<string, PersonHours> {
  const withSelf = opts.countSelfReported ?? true
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  const rows = new Map<string, Float64Array>()
  for (const a of activities) {
    if (a.date < from || a.date > to || !countsByReview(a, withSelf)) continue
    const h = a.hours
    const ki = 2 + (KIND_INDEX.get(a.kind) ?? 0)
    const ci = a.category === null ? -1 : 2 + ACTIVITY_KINDS.length + (CATEGORY_INDEX.get(a.category) ?? 0)
    for (const id of uniqueAttendees(a.attendees)) {
      let row = rows.get(id)
      if (row === undefined) {
        row = new Float64Array(ROW)
        rows.set(id, row)
      }
      row[0] += h
      row[1] += 1
      row[ki] += h
      if (ci >= 0) row[ci] += h
    }
  }
  const out = new Map<string, PersonHours>()
  for (const [id, row] of rows) out.set(id, toPersonHours(row))
  return out
}

/** A person's hours counting only `kinds` (null = every kind). */
export function hoursOfKinds(ph: PersonHours | undefined, kinds: readonly ActivityKind[] | null): number {
  if (ph === undefined) return 0
  if (kinds === null) return ph.total
  let sum = 0
  for (const k of new Set(kinds)) sum += ph.byKind[k] ?? 0
  return sum
}
