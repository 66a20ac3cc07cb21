/**
 * Local calendar dates as `YYYY-MM-DD` strings. All arithmetic goes through
 * UTC day numbers so that time zones and DST never shift a day.
 */
import type { IsoDate, Person } from './types'

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MS_PER_DAY = 86_400_000

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2023-02-29 is not). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false
  const m = DATE_RE.exec(s)
  if (!m) return false
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return false
  return d <= daysInMonth(y, mo)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Day number since 1970-01-01 of a valid date. */
export function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY)
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days)
}

/** Days from `a` to `b` inclusive of both ends (1 for the same day). */
export function daysInclusive(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a) + 1
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

export function yearStart(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-01-01`
}

export function yearEnd(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

/** "2023年12月31日" (no leading zeros). */
export function formatZhDate(date: IsoDate): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** The local date of a JS Date (the device's calendar day). */
export function localIsoDate(d: Date): IsoDate {
  const y = d.getFullYear()
  const m = String(d.getMonth() + 1).padStart(2, '0')
  const day = String(d.getDate()).padStart(2, '0')
  return `${y}-${m}-${day}`
}

/** The last day that counts for year Y reported as of D: the earlier of D and Y-12-31. */
export function periodEnd(year: number, asOf: IsoDate): IsoDate {
  return minDate(asOf, yearEnd(year))
}

/** The as-of date a year is reported on unless one is asked for: today within this year, else the year's last day. */
export function defaultAsOf(year: number, today: IsoDate): IsoDate {
  return year === yearOf(today) ? today : yearEnd(year)
}

type ActiveSpan = Pick<Person, 'activeFrom' | 'activeTo'>

/** Active on D: activeFrom ≤ D and (activeTo is null or activeTo ≥ D). */
export function isActiveOn(p: ActiveSpan, date: IsoDate): boolean {
  return p.activeFrom <= date && (p.activeTo === null || p.activeTo >= date)
}

/** Days the person is active inside [from, to] (both inclusive); 0 when the spans do not meet. */
export function activeDaysBetween(p: ActiveSpan, from: IsoDate, to: IsoDate): number {
  const start = maxDate(p.activeFrom, from)
  const end = p.activeTo === null ? to : minDate(p.activeTo, to)
  return end < start ? 0 : daysInclusive(start, end)
}

/** Days the person is active inside calendar year Y. */
export function activeDaysInYear(p: ActiveSpan, year: number): number {
  return activeDaysBetween(p, yearStart(year), yearEnd(year))
}

/** Round up to the next 0.5 (30.16 → 30.5, 30.5 → 30.5), robust to float noise. */
export function ceilToHalf(x: number): number {
  return Math.ceil(Math.round(x * 2 * 1e6) / 1e6) / 2
}

/**
 * Pro-rated hour target: target × (active days in Y ÷ days in Y), rounded up to
 * the next 0.5 学时. A person active the whole year gets the full target.
 */
export function proRatedTarget(target: number, p: ActiveSpan, year: number): number {
  const days = activeDaysInYear(p, year)
  const total = daysInYear(year)
  if (days >= total) return target
  return ceilToHalf((target * days) / total)
}

/** Share of year Y elapsed on T (inclusive of T), clamped to [0, 1]. */
export function elapsedShareOfYear(year: number, on: IsoDate): number {
  if (on < yearStart(year)) return 0
  if (on >= yearEnd(year)) return 1
  return daysInclusive(yearStart(year), on) / daysInYear(year)
}

/** Every calendar day an activity spans (1 for a one-day activity). */
export function spanDays(date: IsoDate, endDate: IsoDate | null): number {
  return endDate === null ? 1 : daysInclusive(date, endDate)
}
