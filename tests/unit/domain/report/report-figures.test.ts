import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIGURE_KEYS, FIGURES, type FigureKey } from '../../../../src/domain/report/registry'
import { compareYears, computeReportFigures } from '../../../../src/domain/report/figures'
import type { LedgerData } from '../../../../src/domain/model/types'
import {
  activity,
  enforcer,
  exam,
  hoursRule,
  ledger,
  loadLedgerFile,
  person,
  readJson,
  result,
  LEDGER_FIXTURES,
  targetSet,
} from '../factories'

const fig = (data: LedgerData, year: number, asOf: string) => computeReportFigures(data, year, asOf).printed

describe('the worked example (shared fixture)', () => {
  const data = loadLedgerFile(resolve(LEDGER_FIXTURES, 'example-2023.xuefa.json'))
  const expected = readJson<{ figures: Record<string, string> }>(resolve(LEDGER_FIXTURES, 'example-2023.expected.json'))
  const figures = computeReportFigures(data, 2023, '2023-12-31')

  // The worked example fixes the figures it works out; figures added since (the parts and numerators printed beside
  // the totals and rates) are checked in populations.test.ts.
  const worked = Object.keys(expected.figures) as FigureKey[]

  it('prints every figure exactly as worked out', () => {
    expect(Object.fromEntries(worked.map((k) => [k, figures.printed[k]]))).toEqual(expected.figures)
    expect(worked.every((k) => FIGURE_KEYS.includes(k))).toBe(true)
  })

  it.each(worked)('%s', (key) => {
    expect(figures.printed[key]).toBe(expected.figures[key])
  })

  it('lists the laws studied with counts, 《宪法》 first', () => {
    expect(figures.lawsStudied.map((l) => l.count)).toEqual([1, 1, 1])
    expect(figures.lawsStudied.map((l) => l.title)).toEqual(['中华人民共和国宪法', '中华人民共和国民法典', '中华人民共和国行政处罚法'])
  })
})

describe('people active on D', () => {
  const persons = [
    person({ id: 'on', activeFrom: '2023-12-31' }), // joins on D: counts
    person({ id: 'late', activeFrom: '2024-01-01' }), // joins the day after
    enforcer({ id: 'leavesOnD', activeTo: '2023-12-31' }), // still active on D
    enforcer({ id: 'leftBefore', activeTo: '2023-12-30' }),
    person({ id: 'lead', roles: ['leader', 'enforcement'] }),
  ]
  it('counts staff, enforcement officers and leaders on D', () => {
    const p = fig(ledger({ persons }), 2023, '2023-12-31')
    expect([p.staffCount, p.enforcementCount, p.leaderCount]).toEqual(['3', '2', '1'])
  })
  it('an as-of date inside the year judges on that date', () => {
    const p = fig(ledger({ persons }), 2023, '2023-12-30')
    expect([p.staffCount, p.enforcementCount]).toEqual(['3', '3'])
  })
})

describe('activities in Y up to D', () => {
  const a = (date: string, over = {}) => activity({ kind: 'collective', date, attendees: ['p'], ...over })
  const data = ledger({
    persons: [person({ id: 'p' })],
    activities: [
      a('2022-12-31'),
      a('2023-01-01'),
      a('2023-06-30'),
      a('2023-07-01'),
      a('2023-12-31'),
      a('2024-01-01'),
      // multi-day: counted in the year of its first day only
      a('2022-12-30', { kind: 'training', endDate: '2023-01-02' }),
      a('2023-12-30', { kind: 'training', endDate: '2024-01-02' }),
    ],
  })
  it('year boundaries: Jan 1 and Dec 31 are in, the days around are out', () => {
    expect(fig(data, 2023, '2023-12-31').collectiveSessions).toBe('4')
  })
  it('an as-of date inside the year leaves later activities out (D itself is in)', () => {
    expect(fig(data, 2023, '2023-06-30').collectiveSessions).toBe('2')
    expect(fig(data, 2023, '2023-06-30').trainingSessions).toBe('0')
  })
  it('multi-day activities count by their first day', () => {
    expect(fig(data, 2023, '2023-12-31').trainingSessions).toBe('1')
    expect(fig(data, 2024, '2024-12-31').trainingSessions).toBe('0')
    expect(fig(data, 2024, '2024-12-31').collectiveSessions).toBe('1')
  })
  it('an as-of date after the year counts the whole year only', () => {
    expect(fig(data, 2023, '2024-02-01').collectiveSessions).toBe('4')
  })
})

describe('session counts by kind', () => {
  const kinds = ['centerGroup', 'collective', 'preMeeting', 'lecture', 'training', 'warning'] as const
  const activities = [
    ...kinds.map((kind) => activity({ kind, date: '2023-05-01', attendees: ['p'] })),
    activity({ kind: 'centerGroup', legalTheme: true, date: '2023-05-02', attendees: ['p'] }),
    activity({ kind: 'centerGroup', legalTheme: true, date: '2023-05-03', attendees: ['p'], review: 'returned' }),
    activity({ kind: 'self', date: '2023-05-03', attendees: ['p'] }),
  ]
  const p = fig(ledger({ persons: [person({ id: 'p' })], activities }), 2023, '2023-12-31')
  it('counts each kind; legal-theme center-group sessions apart; returned records never count', () => {
    expect([p.centerGroupSessions, p.centerGroupLegalSessions]).toEqual(['2', '1'])
    expect([p.collectiveSessions, p.preMeetingSessions, p.lectureCount]).toEqual(['1', '1', '1'])
    expect([p.trainingSessions, p.warningSessions]).toEqual(['1', '1'])
  })
})

describe('hours', () => {
  const data = ledger({
    persons: [
      person({ id: 'a' }),
      person({ id: 'b' }),
      person({ id: 'c' }), // nothing studied
      person({ id: 'gone', activeTo: '2023-04-30' }),
      person({ id: 'new', activeFrom: '2023-11-01' }),
    ],
    activities: [
      activity({ date: '2023-03-01', hours: 2.5, attendees: ['a', 'gone'] }),
      activity({ date: '2023-03-02', hours: 1, attendees: ['a', 'b', 'a'] }), // a listed twice: once
      activity({ date: '2023-11-20', hours: 4, attendees: ['new'] }),
      activity({ date: '2023-08-01', hours: 3, attendees: ['b'], review: 'selfReported' }),
      activity({ date: '2023-08-02', hours: 9, attendees: ['b'], review: 'returned' }),
      activity({ date: '2023-08-03', hours: 5, attendees: ['deleted-person'] }),
    ],
  })
  it('totalHours counts every attendee incl. leavers (a 3.5, b 4, gone 2.5, new 4)', () => {
    expect(fig(data, 2023, '2023-12-31').totalHours).toBe('14')
  })
  it('avgHours divides the hours of persons active on D by staffCount: 11.5 / 4', () => {
    expect(fig(data, 2023, '2023-12-31').avgHours).toBe('2.9')
  })
  it('studyParticipationRate: 3 of the 4 active on D studied', () => {
    expect(fig(data, 2023, '2023-12-31').studyParticipationRate).toBe('75%')
  })
  it('self-reported records count unless told otherwise', () => {
    const p = computeReportFigures(data, 2023, '2023-12-31', { countSelfReported: false }).printed
    expect(p.totalHours).toBe('11')
  })
  it('a joiner before joining is not in staff, and a later as-of includes him', () => {
    expect(fig(data, 2023, '2023-10-31').staffCount).toBe('3')
    expect(fig(data, 2023, '2023-10-31').totalHours).toBe('10')
  })
})

describe('enforcement figures', () => {
  const rule = hoursRule({ minHours: 60, kinds: ['training'] })
  const persons = [
    enforcer({ id: 'full' }),
    enforcer({ id: 'joiner', activeFrom: '2024-07-01' }), // 60 × 184/366 = 30.16 → 30.5
    enforcer({ id: 'gone', activeTo: '2024-06-30' }),
    person({ id: 'staff' }),
  ]
  const t = (id: string, hours: number, date = '2024-09-01') => activity({ kind: 'training', date, hours, attendees: [id] })
  const activities = [
    t('full', 60),
    t('joiner', 30),
    activity({ kind: 'lecture', date: '2024-09-02', hours: 3, attendees: ['joiner'] }), // not training
    t('gone', 80, '2024-03-01'),
    t('staff', 10),
  ]
  it('leap year joiner short by 0.5: only the full-year officer meets the target', () => {
    const p = fig(ledger({ persons, activities, targetSets: [targetSet(2024, [rule])] }), 2024, '2024-12-31')
    expect(p.enforcementCount).toBe('2')
    expect(p.enforcementAvgHours).toBe('45') // (60 + 30) / 2, the lecture left out by the rule's kinds
    expect(p.enforcementMinHours).toBe('30')
    expect(p.enforcementMetCount).toBe('1')
    expect(p.enforcementMetRate).toBe('50%')
  })
  it('with every kind counting (the default rule, no target set) the joiner reaches 33 ≥ 30.5', () => {
    const p = fig(ledger({ persons, activities }), 2024, '2024-12-31')
    expect(p.enforcementAvgHours).toBe('46.5')
    expect(p.enforcementMetCount).toBe('2')
    expect(p.enforcementMetRate).toBe('100%')
  })
  it('no officers: averages and rates print "—"', () => {
    const p = fig(ledger({ persons: [person()] }), 2024, '2024-12-31')
    expect([p.enforcementCount, p.enforcementAvgHours, p.enforcementMinHours]).toEqual(['0', '—', '—'])
    expect([p.enforcementMetCount, p.enforcementMetRate]).toEqual(['0', '—'])
  })
})

describe('annual exam', () => {
  const persons = [
    person({ id: 'a' }),
    person({ id: 'b' }),
    person({ id: 'exempt' }),
    person({ id: 'noResult' }),
    person({ id: 'leftAfterExam', activeTo: '2023-11-30' }), // active on the exam date: eligible
    person({ id: 'leftBefore', activeTo: '2023-10-31' }),
    person({ id: 'joinedAfter', activeFrom: '2023-11-16' }),
  ]
  const x = exam({ id: 'x', date: '2023-11-15', passScore: 60, excellentScore: 90 })
  const results = [
    result('x', 'a', { score: 90 }),
    result('x', 'b', { score: 59.5 }),
    result('x', 'exempt', { status: 'exempt', score: null, reason: '病假' }),
    result('x', 'leftAfterExam', { score: 60 }),
    result('x', 'leftBefore', { score: 100 }),
    result('x', 'joinedAfter', { score: 100 }),
  ]
  const data = ledger({ persons, exams: [x], examResults: results })
  it('eligible = active on the exam date minus exempt; no result = not taken', () => {
    const p = fig(data, 2023, '2023-12-31')
    expect([p.examEligible, p.examTaken, p.examParticipationRate]).toEqual(['4', '3', '75%'])
    expect([p.examPassRate, p.examExcellentRate]).toEqual(['66.7%', '33.3%'])
  })
  it('an exam dated after D is not held yet', () => {
    const p = fig(data, 2023, '2023-11-14')
    expect([p.examEligible, p.examTaken, p.examParticipationRate, p.examPassRate]).toEqual(['0', '0', '—', '—'])
  })
  it('an undated exam judges eligibility on D', () => {
    const undated = ledger({ ...data, exams: [{ ...x, date: null }] })
    // on 2023-12-31: a b noResult joinedAfter (exempt out, both leavers gone)
    expect(fig(undated, 2023, '2023-12-31').examEligible).toBe('4')
    expect(fig(undated, 2023, '2023-12-31').examTaken).toBe('3')
  })
  it('of several annual exams the latest dated one counts; other years and kinds are ignored', () => {
    const early = exam({ id: 'early', date: '2023-03-01' })
    const other = exam({ id: 'other', year: 2022, date: '2023-12-01' })
    const pre = exam({ id: 'pre', kind: 'preAppointment', date: '2023-12-02' })
    const more = ledger({ ...data, exams: [early, x, other, pre], examResults: [...results, result('early', 'noResult')] })
    expect(computeReportFigures(more, 2023, '2023-12-31').annualExam?.id).toBe('x')
    expect(computeReportFigures(more, 2023, '2023-06-30').annualExam?.id).toBe('early')
  })
  it('no excellent line: the excellent rate prints "—"', () => {
    const noLine = ledger({ ...data, exams: [{ ...x, excellentScore: null }] })
    expect(fig(noLine, 2023, '2023-12-31').examExcellentRate).toBe('—')
  })
})

describe('pre-appointment exams', () => {
  const pa = (id: string, date: string | null) => exam({ id, kind: 'preAppointment', date, passScore: 80, excellentScore: null })
  const data = ledger({
    persons: [person({ id: 'p' })],
    exams: [pa('in', '2023-01-01'), pa('late', '2023-12-01'), pa('prev', '2022-12-31'), pa('undated', null)],
    examResults: [
      result('in', 'p', { score: 80 }),
      result('in', 'q', { score: 79 }),
      result('in', 'r', { status: 'absent', score: null }),
      result('late', 'p', { score: 95 }),
      result('prev', 'p', { score: 95 }),
      result('undated', 'p', { score: 95 }),
    ],
  })
  it('counts taken results of exams dated in Y up to D', () => {
    expect([fig(data, 2023, '2023-11-30').preAppointmentExamCount, fig(data, 2023, '2023-11-30').preAppointmentPassRate]).toEqual(['2', '50%'])
    expect([fig(data, 2023, '2023-12-31').preAppointmentExamCount, fig(data, 2023, '2023-12-31').preAppointmentPassRate]).toEqual(['3', '66.7%'])
  })
})

describe('laws studied', () => {
  const data = ledger({
    persons: [person({ id: 'p' })],
    activities: [
      activity({ date: '2023-02-01', laws: ['中华人民共和国宪法', '宪法'], attendees: ['p', 'q'] }),
      activity({ date: '2023-02-02', laws: ['《中华人民共和国宪法》', '某市物业管理条例'], attendees: ['p'] }),
      activity({ date: '2024-02-02', laws: ['中华人民共和国民法典'], attendees: ['p'] }),
    ],
  })
  it('distinct entries (short names merged), counted per activity', () => {
    const f = computeReportFigures(data, 2023, '2023-12-31')
    expect(f.printed.lawsStudiedCount).toBe('2')
    expect(f.lawsStudied).toEqual([
      { title: '中华人民共和国宪法', count: 2 },
      { title: '某市物业管理条例', count: 1 },
    ])
  })
  it('names 《宪法》 first even when studied least, then the most studied, then by name', () => {
    const acts = [
      activity({ date: '2023-03-01', laws: ['民法典'], attendees: ['p'] }),
      activity({ date: '2023-03-02', laws: ['民法典', '行政复议法'], attendees: ['p'] }),
      activity({ date: '2023-03-03', laws: ['行政处罚法', '宪法'], attendees: ['p'] }),
    ]
    const f = computeReportFigures(ledger({ persons: [person({ id: 'p' })], activities: acts }), 2023, '2023-12-31')
    expect(f.lawsStudied.map((l) => [l.title, l.count])).toEqual([
      ['中华人民共和国宪法', 1],
      ['中华人民共和国民法典', 2],
      ['中华人民共和国行政处罚法', 1],
      ['中华人民共和国行政复议法', 1],
    ])
  })
})

describe('an empty year', () => {
  it('counts and the hour total print 0, rates, averages and the minimum print "—"', () => {
    const p = fig(ledger(), 2025, '2025-12-31')
    for (const key of FIGURE_KEYS) {
      // Counts and sums of hours are 0; rates, averages, the minimum and the excellent count of no exam are "—".
      const isSum = ['totalHours', 'activeHours', 'leaverHours', 'enforcementHours'].includes(key)
      expect(p[key], key).toBe((FIGURES[key].format === 'count' && key !== 'examExcellent') || isSum ? '0' : '—')
    }
  })
  it('with staff but no records: hours 0, averages 0, participation 0%', () => {
    const p = fig(ledger({ persons: [person()] }), 2025, '2025-12-31')
    expect([p.staffCount, p.totalHours, p.avgHours, p.studyParticipationRate]).toEqual(['1', '0', '0', '0%'])
    expect([p.targetsMet, p.targetsTotal]).toEqual(['0', '0'])
  })
})

describe('printing', () => {
  it('averages half up to one decimal; rates with one decimal', () => {
    const persons = Array.from({ length: 11 }, (_, i) => person({ id: `p${i}` }))
    const activities = persons.slice(0, 10).map((p) => activity({ date: '2023-05-05', hours: 1.5, attendees: [p.id] }))
    activities.push(activity({ date: '2023-05-06', hours: 0.5, attendees: ['p0'] }))
    const p = fig(ledger({ persons, activities }), 2023, '2023-12-31')
    expect(p.totalHours).toBe('15.5')
    expect(p.avgHours).toBe('1.4') // 15.5 / 11 = 1.409
    expect(p.studyParticipationRate).toBe('90.9%')
  })
})

describe('compareYears', () => {
  const persons = [person({ id: 'p' }), person({ id: 'q' })]
  const data = ledger({
    persons,
    activities: [
      activity({ kind: 'lecture', date: '2022-05-01', hours: 2, attendees: ['p'] }),
      activity({ kind: 'lecture', date: '2023-05-01', hours: 3, attendees: ['p', 'q'] }),
      activity({ kind: 'lecture', date: '2023-06-01', hours: 1, attendees: ['p'] }),
    ],
  })
  it('gives deltas where the previous year has data', () => {
    const d = compareYears(computeReportFigures(data, 2023, '2023-12-31'), computeReportFigures(data, 2022, '2022-12-31'))
    expect(d.lectureCount).toMatchObject({ current: 2, previous: 1, delta: 1, printedPrevious: '1', printedDelta: '+1' })
    expect(d.totalHours).toMatchObject({ printedPrevious: '2', printedDelta: '+5' })
    expect(d.studyParticipationRate).toMatchObject({ printedPrevious: '50%', printedDelta: '+50个百分点' })
    expect(d.examPassRate).toMatchObject({ delta: null, printedDelta: null })
    expect(d.staffCount.printedDelta).toBe('0')
  })
  it('gives no deltas when the previous year has no data', () => {
    const d = compareYears(computeReportFigures(data, 2022, '2022-12-31'), computeReportFigures(data, 2021, '2021-12-31'))
    expect(d.staffCount).toMatchObject({ previous: null, delta: null, printedPrevious: '—' })
    expect(compareYears(computeReportFigures(data, 2023, '2023-12-31'), null).lectureCount.delta).toBeNull()
  })
})
