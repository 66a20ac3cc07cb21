/** The unverified 自报 hours the report and the unit view show beside the figures, whatever the counting rule says. */
import { periodEnd, yearStart } from '../model/dates'
import type { Activity, IsoDate } from '../model/types'

export interface UnverifiedHours {
  /** Attendee-hours of 自报 records not yet checked, Y up to D. */
  hours: number
  records: number
  persons: number
}

/** The 自报 records awaiting review dated in Y up to D. */
function* awaitingReview(activities: readonly Activity[], year: number, asOf: IsoDate): Generator<Activity> {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  for (const a of activities) if (a.review === 'selfReported' && a.date >= from && a.date <= to) yield a
}

/** The 自报 records awaiting review in Y up to D, whatever the counting rule says. */
export function unverifiedHours(activities: readonly Activity[], year: number, asOf: IsoDate): UnverifiedHours {
  const persons = new Set<string>()
  let hours = 0
  let records = 0
  for (const a of awaitingReview(activities, year, asOf)) {
    const who = new Set(a.attendees)
    records++
    hours += a.hours * who.size
    for (const id of who) persons.add(id)
  }
  return { hours, records, persons: persons.size }
}

/** Each person's attendee-hours of 自报 records awaiting review in Y up to D (persons without any left out). */
export function unverifiedHoursByPerson(activities: readonly Activity[], year: number, asOf: IsoDate): Map<string, number> {
  const out = new Map<string, number>()
  for (const a of awaitingReview(activities, year, asOf)) {
    for (const id of new Set(a.attendees)) out.set(id, (out.get(id) ?? 0) + a.hours)
  }
  return out
}

/** "另有未核实的自报学时 12.5 学时（8 条记录，5 人），未计入各项统计。" */
export function unverifiedWords(u: UnverifiedHours, counted: boolean, formatHours: (h: number) => string): string {
  if (u.records === 0) return '没有未核实的自报学时。'
  const what = `未核实的自报学时 ${formatHours(u.hours)} 学时（${u.records} 条记录，${u.persons} 人）`
  return counted ? `${what}已计入各项统计。` : `另有${what}，未计入各项统计。`
}
