// The report's period from its URL: the asked-for year and as-of date, or this year as of today (a past or future
// year as of its last day); the years the picker offers.
import { describe, expect, it } from 'vitest'
import { reportPeriod, reportYears } from '../../../../src/domain/report/period'

describe('reportPeriod', () => {
  const today = '2024-11-22'
  it('takes the year and as-of date the URL asks for, the as-of date cut at the year end', () => {
    expect(reportPeriod('2023', '2023-06-30', today)).toEqual({ year: 2023, asOf: '2023-06-30' })
    expect(reportPeriod('2023', '2024-02-01', today)).toEqual({ year: 2023, asOf: '2023-12-31' })
  })
  it('defaults to this year as of today, another year as of its last day', () => {
    expect(reportPeriod(undefined, undefined, today)).toEqual({ year: 2024, asOf: '2024-11-22' })
    expect(reportPeriod('2022', undefined, today)).toEqual({ year: 2022, asOf: '2022-12-31' })
    expect(reportPeriod('2025', null, today)).toEqual({ year: 2025, asOf: '2025-12-31' })
  })
  it('ignores a bad year or an as-of date before the year', () => {
    expect(reportPeriod('abc', '2024-02-30', today)).toEqual({ year: 2024, asOf: '2024-11-22' })
    expect(reportPeriod('1800', undefined, today)).toEqual({ year: 2024, asOf: '2024-11-22' })
    expect(reportPeriod('2023', '2022-12-31', today)).toEqual({ year: 2023, asOf: '2023-12-31' })
  })
})

describe('reportYears', () => {
  it('offers next year back to nine years ago, newest first, plus the shown year', () => {
    expect(reportYears(2024, '2024-11-22')).toEqual([2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015])
    expect(reportYears(2001, '2024-11-22').slice(-2)).toEqual([2015, 2001])
  })
})
