/**
 * Per-person hour totals for year Y up to D, built in one pass over the
 * activities (no per-person filtering), so that 2,000 persons and 300,000
 * attendee entries stay in the tens of milliseconds.
 */
import { categoryOf } from '../model/categories'
import { periodEnd, yearStart } from '../model/dates'
import type { Activity, ActivityKind, TrainingCategory } from '../model/types'
import { ACTIVITY_KINDS, TRAINING_CATEGORIES } from '../model/types'

export interface PersonHours {
  /** Hours of every kind. */
  total: number
  byKind: Record<ActivityKind, number>
  /** Hours by 登记卡 category (model/categories.ts): every hour lies in one, so they sum to `total`. */
  byCategory: Record<TrainingCategory, number>
  /** Hours by kind and category: index `kindIndex × 3 + categoryIndex` (ACTIVITY_KINDS, TRAINING_CATEGORIES order). */
  kindCategory: Float64Array
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

const KIND_INDEX = new Map<ActivityKind, number>(ACTIVITY_KINDS.map((k, i) => [k, i]))
const CATEGORY_INDEX = new Map<TrainingCategory, number>(TRAINING_CATEGORIES.map((c, i) => [c, i]))
const CATS = TRAINING_CATEGORIES.length
const KIND_CATEGORY = ACTIVITY_KINDS.length * CATS
const CAT_AT = 2 + ACTIVITY_KINDS.length
const KIND_CAT_AT = CAT_AT + CATS
// One flat row per person while summing: [total, count, ...kinds, ...categories, ...kinds × categories].
const ROW = KIND_CAT_AT + KIND_CATEGORY

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
  return { total: 0, byKind: zeroKinds(), byCategory: zeroCategories(), kindCategory: new Float64Array(KIND_CATEGORY), activityCount: 0 }
}

/** Attendee ids of an activity, each once (a duplicated tick never counts twice). */
function uniqueAttendees(attendees: readonly string[]): readonly string[] {
  if (attendees.length < 2) return attendees
  const set = new Set(attendees)
  return set.size === attendees.length ? attendees : [...set]
}

function toPersonHours(row: Float64Array): PersonHours {
  const ph: PersonHours = { total: row[0], byKind: zeroKinds(), byCategory: zeroCategories(), kindCategory: row.subarray(KIND_CAT_AT), activityCount: row[1] }
  ACTIVITY_KINDS.forEach((k, i) => (ph.byKind[k] = row[2 + i]))
  TRAINING_CATEGORIES.forEach((c, i) => (ph.byCategory[c] = row[CAT_AT + i]))
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
    const k = KIND_INDEX.get(a.kind) ?? 0
    const c = CATEGORY_INDEX.get(categoryOf(a)) ?? 0
    const ki = 2 + k
    const ci = CAT_AT + c
    const kci = KIND_CAT_AT + k * CATS + c
    for (const id of uniqueAttendees(a.attendees)) {
      let row = rows.get(id)
      if (row === undefined) {
        row = new Float64Array(ROW)
        rows.set(id, row)
      }
      row[0] += h
      row[1] += 1
      row[ki] += h
      row[ci] += h
      row[kci] += h
    }
  }
  const out = new Map<string, PersonHours>()
  for (const [id, row] of rows) out.set(id, toPersonHours(row))
  return out
}

/** A person's hours by category counting only `kinds` (null = every kind): they sum to `hoursOfKinds`. */
export function categoryHoursOfKinds(ph: PersonHours | undefined, kinds: readonly ActivityKind[] | null): Record<TrainingCategory, number> {
  if (ph === undefined) return zeroCategories()
  if (kinds === null) return { ...ph.byCategory }
  const out = zeroCategories()
  for (const kind of new Set(kinds)) {
    const k = KIND_INDEX.get(kind)
    if (k === undefined) continue
    TRAINING_CATEGORIES.forEach((c, i) => (out[c] += ph.kindCategory[k * CATS + i] ?? 0))
  }
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
