/**
 * The report's period: the one a URL asks for, the years offered, and last year's comparison (small: the report page
 * and store need it before the computation is loaded).
 */
import { daysInMonth, defaultAsOf, isIsoDate, periodEnd, yearOf, yearStart } from '../model/dates'
import type { IsoDate } from '../model/types'

/** The year and as-of date a report URL asks for (`?year=&asOf=`), or the defaults (this year as of today). */
export function reportPeriod(queryYear: unknown, queryAsOf: unknown, today: IsoDate): { year: number; asOf: IsoDate } {
  const qYear = Number(queryYear)
  const year = Number.isInteger(qYear) && qYear >= 1900 && qYear <= 2999 ? qYear : yearOf(today)
  const qAsOf = String(queryAsOf ?? '')
  const asOf = isIsoDate(qAsOf) && qAsOf >= yearStart(year) ? periodEnd(year, qAsOf) : defaultAsOf(year, today)
  return { year, asOf }
}

/** The years the picker offers: next year back to nine years ago, and the shown one; newest first. */
export function reportYears(shown: number, today: IsoDate): number[] {
  const thisYear = yearOf(today)
  const list: number[] = []
  for (let y = thisYear + 1; y >= thisYear - 9; y--) list.push(y)
  if (!list.includes(shown)) list.push(shown)
  return list.sort((a, b) => b - a)
}

/** The as-of date of last year's comparison: the same day one year earlier (29 Feb → 28 Feb). */
export function previousAsOf(year: number, asOf: IsoDate): IsoDate {
  const end = periodEnd(year, asOf)
  const y = Number(end.slice(0, 4)) - 1
  const m = Number(end.slice(5, 7))
  const d = Math.min(Number(end.slice(8, 10)), daysInMonth(y, m))
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
