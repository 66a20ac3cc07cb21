/**
 * Plausibility of one person's day: the hours of every record on one calendar day, a multi-day activity counting
 * its hours spread evenly over its days. Over 24 学时 in a day is refused; over the keeper's confirm line
 * (CountingRules.dailyConfirmHours, default 8) the user is asked to confirm.
 */
import { addDays, spanDays } from '../model/dates'
import { formatHours } from '../model/format'
import { MAX_HOURS_PER_DAY, checkHours, type ActivityInput } from './activity-input'
import type { Activity, IsoDate } from '../model/types'

export interface DayLoad {
  personId: string
  date: IsoDate
  /** Hours on that day, the new or changed record included. */
  hours: number
}

/** The days an activity covers, each with its share of the hours. */
function daysOf(a: Pick<Activity, 'date' | 'endDate' | 'hours'>): { date: IsoDate; hours: number }[] {
  const n = spanDays(a.date, a.endDate)
  return Array.from({ length: n }, (_, i) => ({ date: addDays(a.date, i), hours: a.hours / n }))
}

/**
 * For each attendee of `input`, the heaviest day it covers once saved: the other records (the edited record's
 * stored version left out) plus this one. Records that do not list the person or do not meet those days add nothing.
 */
export function heaviestDays(input: ActivityInput, existing: readonly Activity[]): DayLoad[] {
  const days = daysOf(input)
  const out: DayLoad[] = []
  for (const personId of new Set(input.attendees)) {
    let worst: DayLoad | null = null
    for (const day of days) {
      let hours = day.hours
      for (const a of existing) {
        if (a.id === input.id || !a.attendees.includes(personId)) continue
        if (a.date > day.date || (a.endDate ?? a.date) < day.date) continue
        hours += a.hours / spanDays(a.date, a.endDate)
      }
      if (worst === null || hours > worst.hours + 1e-9) worst = { personId, date: day.date, hours }
    }
    if (worst) out.push(worst)
  }
  return out
}

export type DailyVerdict = { kind: 'ok' } | { kind: 'refuse'; message: string } | { kind: 'confirm'; message: string }

const dayWords = (date: IsoDate) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** The day check of a record about to be saved; `nameOf` names a person (我 for one's own record). */
export function checkDailyHours(
  input: ActivityInput,
  existing: readonly Activity[],
  confirmAbove: number,
  nameOf: (personId: string) => string,
): DailyVerdict {
  // A record over the limit on its own is refused for itself ("一天最多 24 学时"), not as a day total.
  const own = checkHours(input)
  if (own !== null) return { kind: 'refuse', message: own }
  const loads = heaviestDays(input, existing).sort((a, b) => b.hours - a.hours)
  const over = loads.filter((l) => l.hours > MAX_HOURS_PER_DAY + 1e-9)
  if (over.length > 0) {
    const l = over[0]
    const more = over.length > 1 ? `等 ${over.length} 人` : ''
    return {
      kind: 'refuse',
      message: `${nameOf(l.personId)}${more}${dayWords(l.date)}的学时合计将达 ${formatHours(l.hours)} 学时，超过一天 ${MAX_HOURS_PER_DAY} 学时的上限，未保存。请核对学时或日期（已有的记录可在“记录”中查看）。`,
    }
  }
  const heavy = loads.filter((l) => l.hours > confirmAbove + 1e-9)
  if (heavy.length === 0) return { kind: 'ok' }
  const l = heavy[0]
  const more = heavy.length > 1 ? `等 ${heavy.length} 人` : ''
  return {
    kind: 'confirm',
    message: `${nameOf(l.personId)}${more}${dayWords(l.date)}的学时合计将达 ${formatHours(l.hours)} 学时，超过一天 ${formatHours(confirmAbove)} 学时。确认没有填错吗？`,
  }
}
