import { describe, expect, it } from 'vitest'
import { categoryHoursOfKinds, computePersonHours, countsByReview, hoursOfKinds } from '../../../../src/domain/measures/person-hours'
import { computeReportFigures } from '../../../../src/domain/report/figures'
import { ACTIVITY_KINDS, type Activity, type Person } from '../../../../src/domain/model/types'
import { activity, exam, hoursRule, ledger, person, result, targetSet } from '../factories'

describe('computePersonHours', () => {
  const acts = [
    activity({ kind: 'training', category: 'publicLaw', date: '2023-01-01', hours: 6, attendees: ['a', 'b'] }),
    activity({ kind: 'self', date: '2023-12-31', hours: 1.5, attendees: ['a'] }),
    activity({ kind: 'online', date: '2023-06-01', hours: 2, attendees: ['a'], review: 'selfReported' }),
    activity({ kind: 'online', date: '2023-06-02', hours: 4, attendees: ['a'], review: 'returned' }),
    activity({ kind: 'lecture', date: '2023-06-03', hours: 3, attendees: ['b'], review: 'verified' }),
    activity({ kind: 'self', date: '2024-01-01', hours: 1, attendees: ['a'] }),
    activity({ kind: 'self', date: '2022-12-31', hours: 1, attendees: ['a'] }),
  ]
  it('totals by kind and by category for the year up to D', () => {
    const m = computePersonHours(acts, 2023, '2023-12-31')
    // Every hour in one category: the training's own, the self and online study in their kinds' default 公共法律知识.
    expect(m.get('a')).toMatchObject({ total: 9.5, activityCount: 3, byCategory: { publicLaw: 9.5, business: 0, enforcementSkill: 0 } })
    expect(m.get('a')!.byKind).toMatchObject({ training: 6, self: 1.5, online: 2 })
    expect(m.get('b')).toMatchObject({ total: 9 })
    expect(hoursOfKinds(m.get('b'), ['lecture'])).toBe(3)
    expect(hoursOfKinds(m.get('b'), null)).toBe(9)
    expect(hoursOfKinds(undefined, null)).toBe(0)
  })
  it('files each hour under the activity\'s category, else its kind\'s default; by kinds, the categories add up to the kinds\' hours', () => {
    const mixed = [
      activity({ kind: 'training', category: 'enforcementSkill', date: '2023-03-01', hours: 6, attendees: ['c'] }),
      activity({ kind: 'training', category: null, date: '2023-03-02', hours: 3, attendees: ['c'] }), // an older record: 业务知识
      activity({ kind: 'collective', category: 'business', date: '2023-03-03', hours: 2, attendees: ['c'] }), // set by the keeper
      activity({ kind: 'warning', date: '2023-03-04', hours: 1.5, attendees: ['c', 'c'] }),
    ]
    const c = computePersonHours(mixed, 2023, '2023-12-31').get('c')!
    expect(c.byCategory).toEqual({ publicLaw: 1.5, business: 5, enforcementSkill: 6 })
    expect(categoryHoursOfKinds(c, null)).toEqual(c.byCategory)
    expect(categoryHoursOfKinds(c, ['training'])).toEqual({ publicLaw: 0, business: 3, enforcementSkill: 6 })
    expect(categoryHoursOfKinds(c, ['training', 'training', 'collective'])).toEqual({ publicLaw: 0, business: 5, enforcementSkill: 6 })
    expect(categoryHoursOfKinds(undefined, null)).toEqual({ publicLaw: 0, business: 0, enforcementSkill: 0 })
    for (const kinds of [null, ['training'], ['warning', 'collective']] as const) {
      const byCat = categoryHoursOfKinds(c, kinds)
      expect(byCat.publicLaw + byCat.business + byCat.enforcementSkill, String(kinds)).toBe(hoursOfKinds(c, kinds))
    }
  })
  it('self-reported counts only when asked; returned never', () => {
    expect(computePersonHours(acts, 2023, '2023-12-31', { countSelfReported: false }).get('a')!.total).toBe(7.5)
    expect(countsByReview({ review: 'returned' }, true)).toBe(false)
    expect(countsByReview({}, false)).toBe(true)
    expect(countsByReview({ review: 'verified' }, false)).toBe(true)
  })
  it('stops at D', () => {
    expect(computePersonHours(acts, 2023, '2023-12-30').get('a')!.total).toBe(8)
  })
})

describe('speed: 2,000 persons, 30,000 activities, 300,000 attendee entries', () => {
  const persons: Person[] = Array.from({ length: 2000 }, (_, i) =>
    person({ id: `p${i}`, name: `人员${i}`, roles: i % 5 === 0 ? ['enforcement'] : [], activeFrom: i % 50 === 0 ? '2024-06-01' : '2000-01-01' }),
  )
  const activities: Activity[] = []
  for (let i = 0; i < 28_000; i++) {
    const d = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
    activities.push(activity({ kind: i % 2 ? 'self' : 'online', date: d, hours: 1, laws: ['中华人民共和国宪法'], attendees: [`p${i % 2000}`] }))
  }
  for (let i = 0; i < 2_000; i++) {
    const attendees = Array.from({ length: 136 }, (_, k) => `p${(i * 7 + k) % 2000}`)
    const kind = ACTIVITY_KINDS[i % 6]
    activities.push(activity({ kind, category: kind === 'training' ? 'business' : null, date: '2024-05-05', hours: 2, attendees }))
  }
  const data = ledger({
    persons,
    activities,
    exams: [exam({ id: 'x', year: 2024, date: '2024-10-10' })],
    examResults: persons.map((p) => result('x', p.id)),
    targetSets: [targetSet(2024, [hoursRule(), hoursRule({ scope: 'all', minHours: 20 })])],
  })

  /** The fastest of a few runs: the machine's other load only ever adds time. */
  function fastest<T>(runs: number, fn: () => T): { ms: number; value: T } {
    let ms = Infinity
    let value!: T
    for (let i = 0; i < runs; i++) {
      const t = performance.now()
      value = fn()
      ms = Math.min(ms, performance.now() - t)
    }
    return { ms, value }
  }

  it('computes per-person hours and every report figure of 2,000 persons (time logged; budgets live in npm run bench)', () => {
    const hours = fastest(7, () => computePersonHours(activities, 2024, '2024-12-31'))
    const figures = fastest(5, () => computeReportFigures(data, 2024, '2024-12-31'))
    console.info(`person hours ${hours.ms.toFixed(1)} ms, report figures ${figures.ms.toFixed(1)} ms`)
    expect(hours.value.size).toBe(2000)
    expect(figures.value.values.totalHours).toBe(28_000 + 2_000 * 136 * 2)
  }, 60_000)
})
