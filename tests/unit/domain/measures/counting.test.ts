// The year's counting rules (the keeper's explicit choice) and the unverified 自报 hours beside the figures.
import { describe, expect, it } from 'vitest'
import { countingRulesFor, countsSelfReported, DEFAULT_COUNTING } from '../../../../src/domain/measures/counting'
import { unverifiedHours, unverifiedWords } from '../../../../src/domain/measures/unverified'
import { formatHours } from '../../../../src/domain/model/format'
import type { TargetSet } from '../../../../src/domain/model/types'
import { activity } from '../factories'

const U = '2024-01-01T00:00:00.000Z_0000_k'
const set = (year: number, counting?: TargetSet['counting']): TargetSet => ({ id: `t${year}`, year, updatedAt: U, rules: [], ...(counting !== undefined ? { counting } : {}) })

describe('counting rules', () => {
  it('default to: unverified 自报 does not count, a day over 8 asks', () => {
    expect(DEFAULT_COUNTING).toEqual({ countSelfReported: false, dailyConfirmHours: 8 })
    expect(countingRulesFor([], 2024)).toEqual({ countSelfReported: false, dailyConfirmHours: 8, isChosen: false })
    expect(countingRulesFor([set(2024, null)], 2024).isChosen).toBe(false)
  })

  it('are the year\'s own choice', () => {
    const sets = [set(2023, { countSelfReported: true, dailyConfirmHours: 6 }), set(2024)]
    expect(countingRulesFor(sets, 2023)).toEqual({ countSelfReported: true, dailyConfirmHours: 6, isChosen: true })
    expect(countingRulesFor(sets, 2024).countSelfReported).toBe(false)
    expect([2022, 2023, 2024].map((y) => countsSelfReported(sets, y))).toEqual([false, true, false])
  })
})

describe('unverified 自报 hours', () => {
  const acts = [
    activity({ kind: 'self', date: '2024-02-01', hours: 2, attendees: ['a'], review: 'selfReported' }),
    activity({ kind: 'online', date: '2024-11-30', hours: 1.5, attendees: ['b'], review: 'selfReported' }),
    activity({ kind: 'self', date: '2024-12-01', hours: 9, attendees: ['b'], review: 'selfReported' }), // after the as-of date
    activity({ kind: 'self', date: '2023-12-31', hours: 9, attendees: ['b'], review: 'selfReported' }), // last year
    activity({ kind: 'self', date: '2024-03-01', hours: 4, attendees: ['a'], review: 'verified' }),
    activity({ kind: 'self', date: '2024-03-02', hours: 4, attendees: ['a'], review: 'returned' }),
    activity({ kind: 'self', date: '2024-03-03', hours: 4, attendees: ['a'] }),
  ]

  it('sums only records awaiting review in Y up to D', () => {
    expect(unverifiedHours(acts, 2024, '2024-11-30')).toEqual({ hours: 3.5, records: 2, persons: 2 })
    expect(unverifiedHours([], 2024, '2024-11-30')).toEqual({ hours: 0, records: 0, persons: 0 })
  })

  it('says whether they are in the figures', () => {
    const u = unverifiedHours(acts, 2024, '2024-11-30')
    expect(unverifiedWords(u, false, formatHours)).toBe('另有未核实的自报学时 3.5 学时（2 条记录，2 人），未计入各项统计。')
    expect(unverifiedWords(u, true, formatHours)).toBe('未核实的自报学时 3.5 学时（2 条记录，2 人）已计入各项统计。')
    expect(unverifiedWords({ hours: 0, records: 0, persons: 0 }, false, formatHours)).toBe('没有未核实的自报学时。')
  })
})
