/**
 * A ledger worked out by hand: 15 persons in 3 sections, 23 activities of every
 * kind, an annual and pre-appointment exams, a target set of 6 rules. Year 2024
 * (a leap year: 366 days), reported as of 2024-11-30 (335 days elapsed:
 * 31+29+31+30+31+30+31+31+30+31+30), then as of 2024-12-31.
 */
import { describe, expect, it } from 'vitest'
import { computeReportFigures } from '../../../../src/domain/report/figures'
import { evaluateTargets, summarizeStatuses, type PersonHoursRuleResult } from '../../../../src/domain/measures/target-rules'
import type { LedgerData, TargetRule } from '../../../../src/domain/model/types'
import { activity, exam, hoursRule, ledger, person, result, section, targetSet } from '../factories'

const S1 = section({ id: 's1', name: '办公室', order: 1 })
const S2 = section({ id: 's2', name: '法规股', order: 2 })
const S3 = section({ id: 's3', name: '执法大队', order: 3 })

const P = {
  p01: person({ id: 'p01', name: '赵一', sectionId: 's1', roles: ['leader'], activeFrom: '2010-01-01' }),
  p02: person({ id: 'p02', name: '钱二', sectionId: 's1', roles: ['leader', 'enforcement'], activeFrom: '2012-01-01' }),
  p03: person({ id: 'p03', name: '孙三', sectionId: 's1', activeFrom: '2015-01-01' }),
  p04: person({ id: 'p04', name: '李四', sectionId: 's1', activeFrom: '2024-03-01' }), // joiner
  p05: person({ id: 'p05', name: '周五', sectionId: 's1', activeFrom: '2014-01-01', activeTo: '2024-05-31' }), // leaver
  p06: person({ id: 'p06', name: '吴六', sectionId: 's2', roles: ['enforcement'], activeFrom: '2016-01-01' }),
  p07: person({ id: 'p07', name: '郑七', sectionId: 's2', roles: ['enforcement'], activeFrom: '2017-01-01' }),
  p08: person({ id: 'p08', name: '王八', sectionId: 's2', activeFrom: '2018-01-01' }),
  p09: person({ id: 'p09', name: '冯九', sectionId: 's2', roles: ['enforcement'], activeFrom: '2024-07-01' }), // joiner
  p10: person({ id: 'p10', name: '陈十', sectionId: 's2', activeFrom: '2019-01-01' }), // studies nothing
  p11: person({ id: 'p11', name: '褚十一', sectionId: 's3', roles: ['enforcement'], activeFrom: '2011-01-01' }),
  p12: person({ id: 'p12', name: '卫十二', sectionId: 's3', roles: ['enforcement'], activeFrom: '2013-01-01' }),
  p13: person({ id: 'p13', name: '蒋十三', sectionId: 's3', roles: ['enforcement'], activeFrom: '2013-01-01', activeTo: '2024-09-30' }),
  p14: person({ id: 'p14', name: '沈十四', sectionId: 's3', roles: ['enforcement'], activeFrom: '2020-01-01' }),
  p15: person({ id: 'p15', name: '韩十五', sectionId: 's3', activeFrom: '2024-12-15' }), // joins after 11-30
}

const ids = (...n: number[]) => n.map((i) => `p${String(i).padStart(2, '0')}`)

const ACTIVITIES = [
  activity({ id: 'A1', kind: 'centerGroup', date: '2024-01-01', hours: 2, legalTheme: true, laws: ['宪法', '《中华人民共和国宪法》'], attendees: ids(1, 2) }),
  activity({ id: 'A2', kind: 'centerGroup', date: '2024-04-15', hours: 2, attendees: ids(1, 2) }),
  activity({ id: 'A3', kind: 'centerGroup', date: '2024-06-20', hours: 3, legalTheme: true, laws: ['中华人民共和国行政复议法'], attendees: ids(1, 2, 3) }),
  activity({ id: 'A4', kind: 'collective', date: '2024-02-29', hours: 2, laws: ['中华人民共和国民法典'], attendees: ids(1, 2, 3, 5, 6, 7, 8, 11, 12, 13, 14) }),
  activity({ id: 'A5', kind: 'collective', date: '2024-09-10', hours: 2, laws: ['中华人民共和国行政处罚法'], attendees: ids(1, 2, 3, 4, 6, 7, 8, 9, 11, 12, 13, 14) }),
  activity({ id: 'A6', kind: 'preMeeting', date: '2024-03-05', hours: 1, laws: ['中华人民共和国宪法'], attendees: ids(1, 2) }),
  activity({ id: 'A7', kind: 'preMeeting', date: '2024-08-20', hours: 0.5, laws: ['中华人民共和国保守国家秘密法'], attendees: ids(1, 2, 3) }),
  activity({ id: 'A8', kind: 'lecture', date: '2024-05-20', hours: 3, legalTheme: true, laws: ['中华人民共和国民法典'], attendees: ids(1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14) }),
  activity({ id: 'A9', kind: 'training', date: '2024-03-11', endDate: '2024-03-13', hours: 18, category: 'publicLaw', laws: ['中华人民共和国行政处罚法'], attendees: ids(6, 7, 11, 12, 13, 14) }),
  activity({ id: 'A10', kind: 'training', date: '2024-10-14', endDate: '2024-10-15', hours: 12, category: 'enforcementSkill', attendees: ids(2, 6, 7, 9, 11, 12, 14) }),
  activity({ id: 'A11', kind: 'training', date: '2024-11-30', hours: 6, category: 'business', attendees: ids(6, 11) }),
  activity({ id: 'A12', kind: 'training', date: '2024-12-02', hours: 6, category: 'business', attendees: ids(12, 14) }),
  activity({ id: 'A13', kind: 'warning', date: '2024-07-05', hours: 2, attendees: ids(1, 2, 3, 4, 6, 7, 8, 9) }),
  activity({ id: 'A14', kind: 'online', date: '2024-06-01', hours: 1.5, laws: ['中华人民共和国宪法'], attendees: ids(8) }),
  activity({ id: 'A15', kind: 'self', date: '2024-08-08', hours: 1, laws: ['中华人民共和国公务员法'], attendees: ids(8), review: 'selfReported' }),
  activity({ id: 'A16', kind: 'self', date: '2024-09-09', hours: 2, laws: ['中华人民共和国监察法'], attendees: ids(3), review: 'returned' }),
  activity({ id: 'A17', kind: 'online', date: '2024-10-10', hours: 5, attendees: ids(9), review: 'verified' }),
  activity({ id: 'A18', kind: 'self', date: '2023-12-31', hours: 1, attendees: ids(6) }),
  activity({ id: 'A19', kind: 'other', date: '2024-11-11', hours: 1, attendees: ids(4) }),
  activity({ id: 'A20', kind: 'training', date: '2023-12-30', endDate: '2024-01-02', hours: 12, category: 'publicLaw', attendees: ids(7) }),
  activity({ id: 'A21', kind: 'self', date: '2024-12-31', hours: 1, laws: ['中华人民共和国立法法'], attendees: ids(1) }),
  activity({ id: 'A22', kind: 'training', date: '2024-06-10', hours: 15, category: 'business', attendees: ids(6, 11) }),
  activity({ id: 'A23', kind: 'online', date: '2024-11-20', hours: 9.5, attendees: ids(9) }),
]

const X24 = exam({ id: 'X24', year: 2024, date: '2024-10-20', passScore: 60, excellentScore: 90 })
const X23 = exam({ id: 'X23', year: 2023, date: '2023-10-20' })
const PA1 = exam({ id: 'PA1', kind: 'preAppointment', year: 2024, date: '2024-04-10', passScore: 80, excellentScore: null })
const PA2 = exam({ id: 'PA2', kind: 'preAppointment', year: 2024, date: '2024-12-10', passScore: 80, excellentScore: null })
const PA3 = exam({ id: 'PA3', kind: 'preAppointment', year: 2023, date: '2023-11-01', passScore: 80, excellentScore: null })

const RESULTS = [
  result('X24', 'p01', { score: 95 }),
  result('X24', 'p02', { score: 88 }),
  result('X24', 'p03', { score: 59 }),
  result('X24', 'p04', { status: 'exempt', score: null, reason: '产假' }),
  result('X24', 'p06', { score: 90 }),
  result('X24', 'p07', { score: 60 }),
  result('X24', 'p08', { status: 'absent', score: null }),
  result('X24', 'p09', { score: 72 }),
  // p10: no result at all
  result('X24', 'p11', { score: 100 }),
  result('X24', 'p12', { status: 'exempt', score: null, reason: '借调' }),
  result('X24', 'p13', { score: 70 }), // left 09-30: not active on the exam date
  result('X24', 'p14', { score: 85 }),
  result('X23', 'p10', { score: 99 }),
  result('PA1', 'p03', { score: 85 }),
  result('PA1', 'p08', { score: 78 }),
  result('PA1', 'p10', { status: 'absent', score: null }),
  result('PA2', 'p04', { score: 90 }),
  result('PA3', 'p05', { score: 90 }),
]

const RULES: TargetRule[] = [
  hoursRule({ id: 'R1', scope: 'enforcement', minHours: 60 }),
  hoursRule({ id: 'R2', scope: 'all', minHours: 12 }),
  { id: 'R3', type: 'examParticipation', scope: 'all', minRate: 1 },
  { id: 'R4', type: 'unitActivityCount', kind: 'centerGroup', legalThemeOnly: true, min: 2 },
  { id: 'R5', type: 'unitActivityCount', kind: 'lecture', legalThemeOnly: false, min: 1 },
  { id: 'R6', type: 'unitActivityCount', kind: 'collective', legalThemeOnly: false, min: 4 },
]

const DATA: LedgerData = ledger({
  sections: [S3, S1, S2],
  persons: Object.values(P),
  activities: ACTIVITIES,
  exams: [X23, X24, PA1, PA2, PA3],
  examResults: RESULTS,
  targetSets: [targetSet(2024, RULES), targetSet(2023, [RULES[0]])],
})

describe('hand-worked ledger, 2024 as of 2024-11-30', () => {
  const f = computeReportFigures(DATA, 2024, '2024-11-30')

  it('people: active on 11-30 are p01-p04, p06-p12, p14 (p05, p13 left; p15 joins 12-15)', () => {
    expect(f.printed.staffCount).toBe('12')
    // leaders p01 p02
    expect(f.printed.leaderCount).toBe('2')
    // enforcement p02 p06 p07 p09 p11 p12 p14 (p13 left)
    expect(f.printed.enforcementCount).toBe('7')
  })

  it('sessions: A12 (12-02) and A21 (12-31) are after D; A18, A20 start in 2023', () => {
    expect(f.printed.centerGroupSessions).toBe('3') // A1 (Jan 1) A2 A3
    expect(f.printed.centerGroupLegalSessions).toBe('2') // A1 A3
    expect(f.printed.collectiveSessions).toBe('2') // A4 (leap day) A5
    expect(f.printed.preMeetingSessions).toBe('2') // A6 A7
    expect(f.printed.lectureCount).toBe('1') // A8
    expect(f.printed.trainingSessions).toBe('4') // A9 A10 A11 (on D) A22
    expect(f.printed.warningSessions).toBe('1') // A13
  })

  it('hours', () => {
    // per activity (hours × attendees): A1 4, A2 4, A3 9, A4 22, A5 24, A6 2, A7 1.5, A8 36,
    // A9 108, A10 84, A11 12, A13 16, A14 1.5, A15 1 (self-reported counts by default),
    // A17 5, A19 1, A22 30, A23 9.5 → 370.5; A16 is returned: never counts.
    expect(f.printed.totalHours).toBe('370.5')
    // leavers' hours out: p05 5 (A4 A8), p13 25 (A4 A5 A8 A9) → 340.5 / 12 = 28.375
    expect([f.printed.activeHours, f.printed.leaverHours]).toEqual(['340.5', '30'])
    expect(f.printed.avgHours).toBe('28.4')
    // p10 has no activity: 11 / 12
    expect(f.printed.studyParticipants).toBe('11')
    expect(f.printed.studyParticipationRate).toBe('91.7%')
  })

  it('enforcement officers', () => {
    // p02 29.5, p06 60, p07 39, p09 30.5, p11 58, p12 37, p14 37 → 291 / 7 = 41.57
    expect(f.printed.enforcementHours).toBe('291')
    expect(f.printed.enforcementAvgHours).toBe('41.6')
    expect(f.printed.enforcementMinHours).toBe('29.5')
    // p06 60 ≥ 60; p09 joined 07-01: 60 × 184/366 = 30.16 → 30.5, has 30.5
    expect(f.printed.enforcementMetCount).toBe('2')
    expect(f.printed.enforcementMetRate).toBe('28.6%')
  })

  it('annual exam (10-20)', () => {
    // active on 10-20: the 12 above (p13 left 09-30); exempt p04 p12 → 10 eligible
    expect(f.printed.examEligible).toBe('10')
    // taken p01 p02 p03 p06 p07 p09 p11 p14; p08 absent, p10 no result
    expect(f.printed.examTaken).toBe('8')
    expect(f.printed.examParticipationRate).toBe('80%')
    // pass ≥ 60: all but p03 (59) → 7/8; excellent ≥ 90: p01 95, p06 90, p11 100 → 3/8
    expect([f.printed.examPassed, f.printed.examPassRate]).toEqual(['7', '87.5%'])
    expect([f.printed.examExcellent, f.printed.examExcellentRate]).toEqual(['3', '37.5%'])
  })

  it('pre-appointment exams in 2024 up to 11-30: PA1 only; p03 85 passes 80, p08 78 fails', () => {
    expect(f.printed.preAppointmentExamCount).toBe('2')
    expect(f.printed.preAppointmentPassed).toBe('1')
    expect(f.printed.preAppointmentPassRate).toBe('50%')
  })

  it('laws studied: 宪法 (A1 once despite two spellings, A6, A14), 民法典 (A4 A8), 行政处罚法 (A5 A9), 行政复议法, 保密法, 公务员法', () => {
    expect(f.printed.lawsStudiedCount).toBe('6')
    expect(f.lawsStudied.slice(0, 3)).toEqual([
      { title: '中华人民共和国宪法', count: 3 },
      { title: '中华人民共和国民法典', count: 2 },
      { title: '中华人民共和国行政处罚法', count: 2 },
    ])
  })

  it('targets: only R4 (2 legal center-group) and R5 (1 lecture) are met', () => {
    expect(f.printed.targetsMet).toBe('2')
    expect(f.printed.targetsTotal).toBe('6')
    expect(f.targets.results.map((r) => [r.rule.id, r.status])).toEqual([
      ['R1', 'behind'],
      ['R2', 'behind'],
      ['R3', 'missed'], // 80% < 100%, and the exam (10-20) is over: final though the year goes on
      ['R4', 'met'],
      ['R5', 'met'],
      ['R6', 'behind'], // 2 < 4 × 335/366 = 3.66
    ])
  })

  it('R1 per person: expected on 11-30 is 60 × 335/366 = 54.92 for the whole-year officers', () => {
    const r1 = f.targets.results[0] as PersonHoursRuleResult
    expect(r1.persons.map((r) => [r.person.id, r.status, r.isActiveOnAsOf])).toEqual([
      // left 09-30: target 60 × 274/366 = 44.9 → 45; a leaver's period is over → missed (25 → gap 20), not behind
      ['p13', 'missed', false],
      // behind, by gap: p02 60-29.5=30.5, p12 23, p14 23, p07 21
      ['p02', 'behind', true],
      ['p14', 'behind', true], // gap 23: 沈 (shen) before 卫 (wei) by pinyin
      ['p12', 'behind', true],
      ['p07', 'behind', true], // gap 21
      ['p11', 'onTrack', true], // 58 ≥ 54.92
      ['p09', 'met', true], // both gap 0: 冯 (feng) before 吴 (wu)
      ['p06', 'met', true],
    ])
    expect(r1.actual).toBe(2)
    expect(r1.required).toBe(7)
    expect(r1.counts).toEqual({ met: 2, onTrack: 1, behind: 4, missed: 0 })
  })

  it('R2 (12 学时, everyone): p04 joined 03-01 → 12 × 306/366 = 10.03 → 10.5; pace 10.5 × 275/306 = 9.44', () => {
    const r2 = f.targets.results[1] as PersonHoursRuleResult
    const byId = new Map(r2.persons.map((r) => [r.person.id, r]))
    expect(byId.get('p04')).toMatchObject({ target: 10.5, hours: 8, status: 'behind', gap: 2.5 })
    expect(byId.get('p04')!.expected).toBeCloseTo((10.5 * 275) / 306, 9)
    // p08 11.5 ≥ 12 × 335/366 = 10.98 → on track
    expect(byId.get('p08')).toMatchObject({ hours: 11.5, status: 'onTrack' })
    expect(byId.get('p10')).toMatchObject({ hours: 0, status: 'behind', gap: 12 })
    // p09 joined 07-01: 12 × 184/366 = 6.03 → 6.5; has 30.5
    expect(byId.get('p09')).toMatchObject({ target: 6.5, status: 'met', expected: null })
    expect(r2.actual).toBe(9)
    expect(r2.required).toBe(12)
    expect(byId.has('p15')).toBe(false)
  })

  it('without self-reported records p08 loses A15 and falls behind', () => {
    const t = evaluateTargets(DATA, 2024, '2024-11-30', { countSelfReported: false })
    const r2 = t.results[1] as PersonHoursRuleResult
    expect(r2.persons.find((r) => r.person.id === 'p08')).toMatchObject({ hours: 10.5, status: 'behind' })
    expect(computeReportFigures(DATA, 2024, '2024-11-30', { countSelfReported: false }).printed.totalHours).toBe('369.5')
  })

  it('section 执法大队 chips (R1, persons on the roster)', () => {
    const r1 = f.targets.results[0] as PersonHoursRuleResult
    const s3 = r1.persons.filter((r) => r.person.sectionId === 's3' && r.isActiveOnAsOf)
    // p11 on track, p12 p14 behind
    expect(summarizeStatuses(s3)).toEqual({ met: 0, onTrack: 1, behind: 2, missed: 0 })
  })

  it('per-person table: section order then the roster order (leaders first, then name); leavers kept; p15 (not yet active) left out', () => {
    expect(f.perPerson.map((r) => r.person.id)).toEqual([
      ...['p02', 'p01', 'p04', 'p03', 'p05'], // 办公室: leaders 钱 赵, then 李 孙 周
      ...['p10', 'p09', 'p08', 'p06', 'p07'], // 法规股: 陈 冯 王 吴 郑
      ...['p11', 'p13', 'p14', 'p12'], // 执法大队: 褚 蒋 沈 卫
    ])
    const p06 = f.perPerson.find((r) => r.person.id === 'p06')!
    expect(p06).toMatchObject({
      sectionName: '法规股',
      totalHours: 60,
      // A9 18 公共法律知识 + A4 A5 A8 A13 (2 + 2 + 3 + 2, no category: their kinds' default 公共法律知识) = 27;
      // A11 6 + A22 15 业务知识; A10 12 行政执法技能 → 27 + 21 + 12 = 60, the total
      categoryHours: { publicLaw: 27, business: 21, enforcementSkill: 12 },
      target: 60,
      status: 'met',
      examStatus: 'taken',
      examScore: 90,
    })
    // p02 is under R1 (60, behind, gap 30.5) and R2 (12, met): the binding one is R1
    expect(f.perPerson.find((r) => r.person.id === 'p02')).toMatchObject({ target: 60, status: 'behind' })
    expect(f.perPerson.find((r) => r.person.id === 'p05')).toMatchObject({ isActiveOnAsOf: false, totalHours: 5 })
  })
})

describe('hand-worked ledger, 2024 as of 2024-12-31 (year end)', () => {
  const f = computeReportFigures(DATA, 2024, '2024-12-31')

  it('the December records now count', () => {
    expect(f.printed.staffCount).toBe('13') // + p15
    expect(f.printed.trainingSessions).toBe('5') // + A12
    expect(f.printed.totalHours).toBe('383.5') // + A12 12 + A21 1
    expect(f.printed.lawsStudiedCount).toBe('7') // + 立法法 (A21)
    expect(f.printed.preAppointmentExamCount).toBe('3') // + PA2: p04 90
    expect(f.printed.preAppointmentPassRate).toBe('66.7%')
    // p15 joined after the exam date: still 10 eligible
    expect(f.printed.examEligible).toBe('10')
    // p15 has no activity: 11 / 13
    expect(f.printed.studyParticipationRate).toBe('84.6%')
  })

  it('unmet rules are missed on Dec 31', () => {
    expect(f.targets.results.map((r) => r.status)).toEqual(['missed', 'missed', 'missed', 'met', 'met', 'missed'])
    const r1 = f.targets.results[0] as PersonHoursRuleResult
    expect(r1.counts).toEqual({ met: 2, onTrack: 0, behind: 0, missed: 5 })
  })
})
