/**
 * Working-day arithmetic for the demo ledger's schedule and exams (Monday–Friday; no public holidays).
 */
import { addDays, dayNumber, daysInMonth } from '../model/dates'
import type { Rng } from './prng'
import type { IsoDate } from '../model/types'

export function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** A working day (Mon–Fri) in month m of year y, near a day drawn from [from, to]. */
export function workday(rng: Rng, y: number, m: number, from = 1, to = 28): IsoDate {
  const dim = daysInMonth(y, m)
  const d = rng.int(Math.min(from, dim), Math.min(to, dim))
  let date = `${y}-${pad2(m)}-${pad2(d)}`
  const wd = weekday(date)
  if (wd === 6) date = addDays(date, d > 1 ? -1 : 2)
  else if (wd === 0) date = addDays(date, d < dim ? 1 : -2)
  return date
}

/** A working day from which `days` working days in a row stay inside one week. */
export function weekStart(rng: Rng, y: number, m: number, days: number): IsoDate {
  let date = workday(rng, y, m, 3, 24)
  while (weekday(date) > 6 - days) date = addDays(date, -1)
  return date
}

/** The n-th working day on or after `date` (n = 0: the date itself, or the next working day). */
export function nextWorkday(date: IsoDate, n: number): IsoDate {
  let d = date
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1)
  for (let k = 0; k < n; k++) {
    d = addDays(d, 1)
    while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1)
  }
  return d
}

/** A uniformly drawn day of year y (month first, then the day in that month). */
export function randomDateInYear(rng: Rng, y: number): IsoDate {
  const m = rng.int(1, 12)
  const d = rng.int(1, daysInMonth(y, m))
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
