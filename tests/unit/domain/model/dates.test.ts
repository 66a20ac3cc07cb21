import { describe, expect, it } from 'vitest'
import {
  activeDaysBetween,
  activeDaysInYear,
  addDays,
  ceilToHalf,
  dayNumber,
  daysInMonth,
  daysInYear,
  daysInclusive,
  elapsedShareOfYear,
  fromDayNumber,
  isActiveOn,
  isIsoDate,
  isLeapYear,
  localIsoDate,
  maxDate,
  minDate,
  periodEnd,
  proRatedTarget,
  spanDays,
  yearEnd,
  yearOf,
  yearStart,
} from '../../../../src/domain/model/dates'

const always = { activeFrom: '2000-01-01', activeTo: null }

describe('years and months', () => {
  it('knows leap years, including the century rules', () => {
    expect(daysInYear(2024)).toBe(366)
    expect(daysInYear(2023)).toBe(365)
    expect(isLeapYear(1900)).toBe(false)
    expect(isLeapYear(2000)).toBe(true)
    expect(isLeapYear(2100)).toBe(false)
    expect(daysInYear(1900)).toBe(365)
    expect(daysInYear(2000)).toBe(366)
  })

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2023, 2)).toBe(28)
    expect(daysInMonth(2023, 12)).toBe(31)
    expect(daysInMonth(2023, 4)).toBe(30)
  })

  it('gives the first and last day of a year', () => {
    expect(yearStart(2024)).toBe('2024-01-01')
    expect(yearEnd(2024)).toBe('2024-12-31')
    expect(yearOf('2023-06-30')).toBe(2023)
  })
})

describe('isIsoDate', () => {
  it('accepts real dates', () => {
    for (const d of ['2024-02-29', '2023-12-31', '2000-02-29', '1900-01-01', '2999-12-31']) expect(isIsoDate(d), d).toBe(true)
  })

  it('rejects impossible or badly written dates', () => {
    for (const d of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-00',
      '2024-1-1',
      '2024-01-1',
      '24-01-01',
      '2024/01/01',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '',
    ]) {
      expect(isIsoDate(d), d).toBe(false)
    }
    expect(isIsoDate(20240101)).toBe(false)
    expect(isIsoDate(null)).toBe(false)
  })
})

describe('day arithmetic', () => {
  it('counts days inclusively and across leap days', () => {
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366)
    expect(daysInclusive('2023-01-01', '2023-12-31')).toBe(365)
    expect(daysInclusive('2024-07-01', '2024-12-31')).toBe(184)
    expect(daysInclusive('2023-10-01', '2023-12-31')).toBe(92)
    expect(daysInclusive('2024-03-05', '2024-03-05')).toBe(1)
  })

  it('adds days over month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01')
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31')
    expect(fromDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29')
    expect(dayNumber('1970-01-01')).toBe(0)
  })

  it('compares dates', () => {
    expect(minDate('2024-01-02', '2023-12-31')).toBe('2023-12-31')
    expect(maxDate('2024-01-02', '2023-12-31')).toBe('2024-01-02')
  })

  it('counts the days an activity spans', () => {
    expect(spanDays('2023-05-08', null)).toBe(1)
    expect(spanDays('2023-05-08', '2023-05-10')).toBe(3)
    expect(spanDays('2024-02-28', '2024-03-01')).toBe(3)
  })

  it('reads the device calendar day of a Date', () => {
    expect(localIsoDate(new Date(2024, 1, 29, 23, 59))).toBe('2024-02-29')
    expect(localIsoDate(new Date(2024, 0, 1, 0, 0))).toBe('2024-01-01')
  })
})

describe('periods', () => {
  it('ends a period at the earlier of the as-of date and the year end', () => {
    expect(periodEnd(2023, '2023-11-30')).toBe('2023-11-30')
    expect(periodEnd(2023, '2024-03-01')).toBe('2023-12-31')
  })
})

describe('isActiveOn', () => {
  const joiner = { activeFrom: '2024-07-01', activeTo: null }
  const leaver = { activeFrom: '2010-01-01', activeTo: '2024-06-30' }

  it('is active from the join day on', () => {
    expect(isActiveOn(joiner, '2024-06-30')).toBe(false)
    expect(isActiveOn(joiner, '2024-07-01')).toBe(true)
    expect(isActiveOn(joiner, '2030-01-01')).toBe(true)
  })

  it('is active on the leave day and not the day after', () => {
    expect(isActiveOn(leaver, '2024-06-30')).toBe(true)
    expect(isActiveOn(leaver, '2024-07-01')).toBe(false)
    expect(isActiveOn(leaver, '2009-12-31')).toBe(false)
  })

  it('handles a person who joins and leaves on the same day', () => {
    const oneDay = { activeFrom: '2024-03-01', activeTo: '2024-03-01' }
    expect(isActiveOn(oneDay, '2024-03-01')).toBe(true)
    expect(isActiveOn(oneDay, '2024-03-02')).toBe(false)
    expect(activeDaysInYear(oneDay, 2024)).toBe(1)
  })
})

describe('active days and pro-rated targets', () => {
  it('counts active days inside a year', () => {
    expect(activeDaysInYear(always, 2024)).toBe(366)
    expect(activeDaysInYear({ activeFrom: '2024-07-01', activeTo: null }, 2024)).toBe(184)
    expect(activeDaysInYear({ activeFrom: '2010-01-01', activeTo: '2024-06-30' }, 2024)).toBe(182)
    expect(activeDaysInYear({ activeFrom: '2025-01-01', activeTo: null }, 2024)).toBe(0)
    expect(activeDaysInYear({ activeFrom: '2010-01-01', activeTo: '2023-12-31' }, 2024)).toBe(0)
    expect(activeDaysBetween(always, '2024-03-01', '2024-03-31')).toBe(31)
  })

  it('gives a whole-year person the full target', () => {
    expect(proRatedTarget(60, always, 2024)).toBe(60)
    expect(proRatedTarget(60, { activeFrom: '2024-01-01', activeTo: null }, 2024)).toBe(60)
  })

  it('pro-rates a joiner by days, rounding up to 0.5 (the example of docs/spec/report-figures.md)', () => {
    // 60 × 184/366 = 30.16 → 30.5
    expect(proRatedTarget(60, { activeFrom: '2024-07-01', activeTo: null }, 2024)).toBe(30.5)
    // 60 × 92/365 = 15.12 → 15.5
    expect(proRatedTarget(60, { activeFrom: '2023-10-01', activeTo: null }, 2023)).toBe(15.5)
  })

  it('pro-rates a leaver', () => {
    // 60 × 181/365 = 29.75 → 30
    expect(proRatedTarget(60, { activeFrom: '2010-01-01', activeTo: '2023-06-30' }, 2023)).toBe(30)
    // 60 × 182/366 = 29.84 → 30
    expect(proRatedTarget(60, { activeFrom: '2010-01-01', activeTo: '2024-06-30' }, 2024)).toBe(30)
  })

  it('gives 0 to someone not active in the year', () => {
    expect(proRatedTarget(60, { activeFrom: '2025-03-01', activeTo: null }, 2024)).toBe(0)
  })

  it('rounds up to the next half without float noise', () => {
    expect(ceilToHalf(30.16)).toBe(30.5)
    expect(ceilToHalf(30.5)).toBe(30.5)
    expect(ceilToHalf(30)).toBe(30)
    expect(ceilToHalf(30.0000000001)).toBe(30)
    expect(ceilToHalf(0.1 + 0.2)).toBe(0.5)
    expect(ceilToHalf(60 * (183 / 366))).toBe(30)
  })
})

describe('elapsedShareOfYear', () => {
  it('counts the given day as elapsed', () => {
    expect(elapsedShareOfYear(2024, '2024-01-01')).toBeCloseTo(1 / 366, 12)
    expect(elapsedShareOfYear(2023, '2023-01-01')).toBeCloseTo(1 / 365, 12)
    expect(elapsedShareOfYear(2024, '2024-02-29')).toBeCloseTo(60 / 366, 12)
    expect(elapsedShareOfYear(2024, '2024-07-01')).toBeCloseTo(183 / 366, 12)
  })

  it('is 1 on and after Dec 31 and 0 before the year', () => {
    expect(elapsedShareOfYear(2024, '2024-12-31')).toBe(1)
    expect(elapsedShareOfYear(2023, '2023-12-31')).toBe(1)
    expect(elapsedShareOfYear(2024, '2025-03-01')).toBe(1)
    expect(elapsedShareOfYear(2024, '2023-12-31')).toBe(0)
  })
})
