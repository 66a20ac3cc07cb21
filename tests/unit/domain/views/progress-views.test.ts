// Section rows behind-first, section summaries, unit rule lines and chart series.
import { describe, expect, it } from 'vitest'
import { computePersonHours } from '../../../../src/domain/measures/person-hours'
import {
  hoursByCategory,
  hoursByMonth,
  personStatusRows,
  rowHoursText,
  rowsOfSection,
  ruleLines,
  sectionSummaries,
} from '../../../../src/domain/views/progress-views'
import { evaluateTargets } from '../../../../src/domain/measures/target-rules'
import { activity, enforcer, exam, hoursRule, ledger, person, result, section, targetSet } from '../factories'

const Y = 2023
const D = '2023-07-02' // 183 / 365 of the year elapsed

function setup() {
  const s1 = section({ id: 'S1', name: '执法一队', order: 1 })
  const s2 = section({ id: 'S2', name: '办公室', order: 2 })
  const ahead = enforcer({ id: 'A', name: '甲', sectionId: 'S1' })
  const behind = enforcer({ id: 'B', name: '乙', sectionId: 'S1' })
  const done = enforcer({ id: 'C', name: '丙', sectionId: 'S1' })
  const clerk = person({ id: 'K', name: '丁', sectionId: 'S2' })
  const loose = enforcer({ id: 'L', name: '戊', sectionId: null })
  const left = enforcer({ id: 'X', name: '己', sectionId: 'S1', activeTo: '2023-03-01' })
  const x = exam({ id: 'E', date: '2023-06-01' })
  const data = ledger({
    sections: [s1, s2],
    persons: [ahead, behind, done, clerk, loose, left],
    activities: [
      activity({ date: '2023-01-10', hours: 35, attendees: ['A'], kind: 'training', category: 'business' }),
      activity({ date: '2023-02-10', hours: 10, attendees: ['B', 'K'] }),
      activity({ date: '2023-03-10', hours: 60, attendees: ['C'], kind: 'training', category: 'publicLaw' }),
      activity({ date: '2023-08-10', hours: 5, attendees: ['A'] }), // after D: not counted
    ],
    exams: [x],
    examResults: [result('E', 'A', { score: 96 }), result('E', 'K', { status: 'exempt', score: null, reason: '病假' })],
    targetSets: [targetSet(Y, [hoursRule({ id: 'H', minHours: 60 }), { id: 'U', type: 'unitActivityCount', kind: 'lecture', legalThemeOnly: false, min: 1 }])],
  })
  const hours = computePersonHours(data.activities, Y, D)
  const evaluation = evaluateTargets(data, Y, D, { hours })
  return { data, rows: personStatusRows(data, evaluation, hours, Y, D), evaluation }
}

describe('personStatusRows', () => {
  it('lists persons on the roster behind-first, persons without an hour rule last, leavers out', () => {
    const { rows } = setup()
    expect(rows.map((r) => `${r.person.name}:${r.status ?? '-'}`)).toEqual(['戊:behind', '乙:behind', '甲:onTrack', '丙:met', '丁:-'])
    expect(rows.map(rowHoursText)).toEqual(['0 / 60', '10 / 60', '35 / 60', '60 / 60', '10 学时'])
  })

  it('marks the exam: taken with score, exempt, nothing recorded', () => {
    const { rows } = setup()
    const byId = new Map(rows.map((r) => [r.person.id, r.exam]))
    expect(byId.get('A')).toMatchObject({ status: 'taken', score: 96, mark: { word: '优秀', score: '96 分', tone: 'excellent' } })
    expect(byId.get('K')).toMatchObject({ status: 'exempt', score: null, mark: { word: '免考', tone: 'exempt' } })
    // the exam (06-01) is over on D: a missing result is said so
    expect(byId.get('B')).toMatchObject({ status: null, score: null, mark: { word: '未录入', advice: '考试已结束，成绩尚未录入' } })
  })

  it('summarizes sections in roster order, with 未分配股室 for the rest', () => {
    const { data, rows } = setup()
    const s = sectionSummaries(rows, data.sections)
    expect(s.map((x) => [x.name, x.personCount, x.ruledCount, x.counts.met, x.completion, x.avgHours])).toEqual([
      ['执法一队', 3, 3, 1, 1 / 3, 35],
      ['办公室', 1, 0, 0, null, 10],
      ['未分配股室', 1, 1, 0, 0, 0],
    ])
    expect(rowsOfSection(rows, null, data.sections).map((r) => r.person.id)).toEqual(['L'])
    expect(rowsOfSection(rows, 'S1', data.sections).map((r) => r.person.id)).toEqual(['B', 'A', 'C'])
  })

  it('is empty without a target set, yet still lists persons with their hours', () => {
    const { data } = setup()
    const bare = { ...data, targetSets: [] }
    const hours = computePersonHours(bare.activities, Y, D)
    const rows = personStatusRows(bare, evaluateTargets(bare, Y, D), hours, Y, D)
    expect(rows.every((r) => r.status === null)).toBe(true)
    expect(rows).toHaveLength(5)
  })
})

describe('自报 awaiting review on a row', () => {
  const pending = (data: ReturnType<typeof setup>['data'], countSelfReported: boolean) => {
    const withSelf = {
      ...data,
      activities: [
        ...data.activities,
        activity({ date: '2023-07-02', hours: 1.5, attendees: ['B'], kind: 'self', review: 'selfReported' }),
        activity({ date: '2023-07-03', hours: 4, attendees: ['B'], kind: 'self', review: 'selfReported' }), // after D
        activity({ date: '2022-12-31', hours: 2, attendees: ['B'], kind: 'self', review: 'selfReported' }), // last year
        activity({ date: '2023-05-01', hours: 3, attendees: ['B'], kind: 'self', review: 'returned' }),
      ],
    }
    const opts = { countSelfReported }
    const hours = computePersonHours(withSelf.activities, Y, D, opts)
    const rows = personStatusRows(withSelf, evaluateTargets(withSelf, Y, D, { ...opts, hours }), hours, Y, D, opts)
    return new Map(rows.map((r) => [r.person.id, [r.totalHours, r.pendingHours]]))
  }

  it('says how many hours the counting rule leaves out, only in Y up to D', () => {
    const { data } = setup()
    const rows = pending(data, false)
    expect(rows.get('B')).toEqual([10, 1.5])
    expect(rows.get('A')).toEqual([35, 0])
  })

  it('says nothing when they count: they are in the hours already', () => {
    const { data } = setup()
    expect(pending(data, true).get('B')).toEqual([11.5, 0])
  })
})

describe('ruleLines and chart series', () => {
  it('writes one line per rule', () => {
    const { evaluation } = setup()
    expect(ruleLines(evaluation.results).map((l) => `${l.title} ${l.value} ${l.status}`)).toEqual([
      '执法证持证人员年度学时 1 / 4 人达标 behind',
      '法治讲座 0 / 1 次 behind',
    ])
  })

  it('sums attendee-hours per month and per category in Y up to D', () => {
    const { data } = setup()
    const m = hoursByMonth(data.activities, Y, D)
    expect(m.slice(0, 4)).toEqual([35, 20, 60, 0])
    expect(m[7]).toBe(0)
    // The self-study of B and K (2 × 10) in its kind's default 公共法律知识: the categories add up to every hour (115).
    expect(hoursByCategory(data.activities, Y, D)).toEqual({ publicLaw: 80, business: 35, enforcementSkill: 0 })
    expect(hoursByMonth(data.activities, Y, '2023-12-31')[7]).toBe(5)
  })
})
