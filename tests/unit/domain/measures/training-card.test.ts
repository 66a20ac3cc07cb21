// 业务培训登记卡 and the records-list helpers.
import { describe, expect, it } from 'vitest'
import { buildTrainingCard, trainingRuleFor } from '../../../../src/domain/measures/training-card'
import { dayLabel, filterActivities, groupByMonth, type ListFilter } from '../../../../src/domain/views/activity-list'
import { activity, enforcer, hoursRule, person, targetSet } from '../factories'

const me = enforcer({ id: 'me', activeFrom: '2020-01-01' })
const acts = [
  activity({ id: 't2', kind: 'training', category: 'business', date: '2024-05-10', hours: 6, title: '业务培训', attendees: ['me'] }),
  activity({ id: 't1', kind: 'training', category: 'publicLaw', date: '2024-03-01', hours: 3, title: '行政处罚法培训', laws: ['中华人民共和国行政处罚法'], attendees: ['me', 'x'] }),
  activity({ id: 's1', kind: 'self', date: '2024-04-01', hours: 1.5, title: '自学《宪法》', laws: ['中华人民共和国宪法'], attendees: ['me'] }),
  activity({ id: 'old', kind: 'training', category: 'business', date: '2023-12-31', hours: 6, attendees: ['me'] }),
  activity({ id: 'late', kind: 'training', category: 'business', date: '2024-12-01', hours: 6, attendees: ['me'] }),
  activity({ id: 'other', kind: 'training', category: 'business', date: '2024-06-01', hours: 6, attendees: ['x'] }),
]

describe('buildTrainingCard', () => {
  it('uses 60 学时 of every kind when the year has no enforcement rule', () => {
    const card = buildTrainingCard(me, acts, [], 2024, '2024-11-22')
    expect(card.isDefaultRule).toBe(true)
    expect(card.trainings.map((r) => [r.activity.id, r.running])).toEqual([['t1', 3], ['t2', 9]])
    expect(card.others.map((r) => [r.activity.id, r.running])).toEqual([['s1', 10.5]])
    expect(card.result.hours).toBe(10.5)
    expect(card.result.target).toBe(60)
    // The self-study in its kind's default category: the categories add up to the total.
    expect(card.byCategory).toEqual({ publicLaw: 4.5, business: 6, enforcementSkill: 0 })
    expect(card.others.map((r) => r.category)).toEqual(['publicLaw'])
    expect(card.trainings[0].content).toBe('行政处罚法培训')
    expect(card.others[0].content).toBe('自学《宪法》')
  })

  it('follows the year rule: kinds and pro-rating', () => {
    const rule = hoursRule({ scope: 'enforcement', minHours: 40, kinds: ['training'] })
    const joiner = enforcer({ id: 'me', activeFrom: '2024-07-01' })
    const card = buildTrainingCard(joiner, acts, [targetSet(2024, [rule])], 2024, '2024-12-31')
    expect(card.isDefaultRule).toBe(false)
    expect(card.others).toEqual([])
    expect(card.byCategory).toEqual({ publicLaw: 3, business: 12, enforcementSkill: 0 })
    expect(card.result.target).toBe(20.5) // 40 × 184/366 = 20.1 → 20.5
    expect(card.result.hours).toBe(15)
    expect(card.result.status).toBe('missed')
  })

  it('adds up when the rule counts some kinds only: it lists what the rule counts, and nothing else', () => {
    const rule = hoursRule({ scope: 'enforcement', minHours: 40, kinds: ['self', 'collective'] })
    const more = [...acts, activity({ id: 'c1', kind: 'collective', category: 'business', date: '2024-06-02', hours: 2, attendees: ['me'] })]
    const card = buildTrainingCard(me, more, [targetSet(2024, [rule])], 2024, '2024-12-31')
    expect(card.trainings).toEqual([]) // trainings do not count for this rule
    expect(card.others.map((r) => [r.activity.id, r.category, r.running])).toEqual([['s1', 'publicLaw', 1.5], ['c1', 'business', 3.5]])
    expect(card.result.hours).toBe(3.5)
    expect(card.byCategory).toEqual({ publicLaw: 1.5, business: 2, enforcementSkill: 0 })
  })

  it('finds the enforcement rule among others', () => {
    const all = hoursRule({ scope: 'all', minHours: 10 })
    const enf = hoursRule({ scope: 'enforcement', minHours: 72 })
    expect(trainingRuleFor([targetSet(2024, [all, enf])], 2024).rule.minHours).toBe(72)
    expect(trainingRuleFor([targetSet(2023, [enf])], 2024).isDefault).toBe(true)
  })

  it('names laws the title leaves out', () => {
    const a = activity({ kind: 'training', category: 'publicLaw', date: '2024-02-01', title: '法治培训', laws: ['中华人民共和国民法典'], attendees: ['me'] })
    expect(buildTrainingCard(me, [a], [], 2024, '2024-11-22').trainings[0].content).toBe('法治培训（《民法典》）')
  })
})

describe('records list helpers', () => {
  const persons = [person({ id: 'me', sectionId: 'sA' }), person({ id: 'x', sectionId: 'sB' })]
  const f = (over: Partial<ListFilter>): ListFilter => ({ kind: 'all', year: null, personId: null, sectionId: null, ...over })

  it('filters by kind chip, year, person and section', () => {
    expect(filterActivities(acts, f({ kind: 'personal' }), persons).map((a) => a.id)).toEqual(['s1'])
    expect(filterActivities(acts, f({ year: 2023 }), persons).map((a) => a.id)).toEqual(['old'])
    expect(filterActivities(acts, f({ personId: 'x' }), persons).map((a) => a.id)).toEqual(['t1', 'other'])
    expect(filterActivities(acts, f({ sectionId: 'sB', kind: 'training', year: 2024 }), persons).map((a) => a.id)).toEqual(['t1', 'other'])
  })

  it('groups by month in the given order', () => {
    const sorted = [...acts].sort((a, b) => b.date.localeCompare(a.date))
    expect(groupByMonth(sorted).map((g) => [g.label, g.items.length])).toEqual([
      ['2024年12月', 1], ['2024年6月', 1], ['2024年5月', 1], ['2024年4月', 1], ['2024年3月', 1], ['2023年12月', 1],
    ])
  })

  it('words dates relative to today', () => {
    expect(dayLabel('2024-11-22', '2024-11-22')).toBe('今天 11月22日')
    expect(dayLabel('2024-11-21', '2024-11-22')).toBe('昨天 11月21日')
    expect(dayLabel('2024-03-05', '2024-11-22')).toBe('3月5日')
    expect(dayLabel('2023-03-05', '2024-11-22')).toBe('2023年3月5日')
  })
})
