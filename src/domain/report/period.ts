/** The period of last year's comparison (small: the report store needs it before the computation is loaded). */
import { daysInMonth, periodEnd } from '../model/dates'
import type { IsoDate } from '../model/types'

/** The as-of date of last year's comparison: the same day one year earlier (29 Feb → 28 Feb). */
export function previousAsOf(year: number, asOf: IsoDate): IsoDate {
  const end = periodEnd(year, asOf)
  const y = Number(end.slice(0, 4)) - 1
  const m = Number(end.slice(5, 7))
  const d = Math.min(Number(end.slice(8, 10)), daysInMonth(y, m))
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
