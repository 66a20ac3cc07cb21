import { describe, expect, it } from 'vitest'
import { computePersonHours } from '../../../../src/domain/measures/person-hours'
import { personProgress } from '../../../../src/domain/views/person-progress'
import {
  evaluateTargets,
  evaluatePerson,
  summarizeStatuses,
  targetSetFor,
  type CountRuleResult,
  type ExamRuleResult,
  type PersonHoursRuleResult,
} from '../../../../src/domain/measures/target-rules'
import { copyTargetSet, defaultTargetSet } from '../../../../src/domain/measures/targets-default'
import type { LedgerData, PersonHoursRule, TargetRule } from '../../../../src/domain/model/types'
import { activity, enforcer, exam, hoursRule, ledger, person, result, STAMP, targetSet } from '../factories'

function hoursOn(rule: PersonHoursRule, p: ReturnType<typeof person>, acts: ReturnType<typeof activity>[], year: number, asOf: string) {
  return evaluatePerson(rule, p, computePersonHours(acts, year, asOf).get(p.id), year, asOf)
}

const train = (id: string, date: string, hours: number, over = {}) =>
  activity({ kind: 'training', date, hours, attendees: [id], ...over })

describe('personHours rule, one person', () => {
  const rule = hoursRule({ minHours: 60 })
  const p = enforcer({ id: 'p' })

  it('exactly at the target is met, with no pace and no gap', () => {
    const r = hoursOn(rule, p, [train('p', '2023-05-01', 60)], 2023, '2023-06-01')
    expect(r).toMatchObject({ status: 'met', target: 60, hours: 60, gap: 0, expected: null })
  })

  it('half a 学时 short on Dec 30 is behind or on track, never missed', () => {
    // pace on 2023-12-30: 60 × 364/365 = 59.84
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2023-12-30').status).toBe('behind')
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2023-12-30').gap).toBe(0.5)
    // 2023-12-28 is day 362: 60 × 362/365 = 59.507 > 59.5 → still behind; 12-27 (day 361): 59.34 → on track
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2023-12-28').status).toBe('behind')
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2023-12-27').status).toBe('onTrack')
  })

  it('on Dec 31 (and after) short is missed', () => {
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2023-12-31')).toMatchObject({ status: 'missed', expected: null })
    expect(hoursOn(rule, p, [train('p', '2023-05-01', 59.5)], 2023, '2024-01-15').status).toBe('missed')
  })

  it('pace on the leap day 2024-02-29: 60 × 60/366', () => {
    const r = hoursOn(rule, p, [train('p', '2024-02-01', 9.5)], 2024, '2024-02-29')
    expect(r.expected).toBeCloseTo((60 * 60) / 366, 9) // 9.836
    expect(r.status).toBe('behind')
    expect(hoursOn(rule, p, [train('p', '2024-02-01', 10)], 2024, '2024-02-29').status).toBe('onTrack')
    // 2023-03-01 is day 60 of a 365-day year
    expect(hoursOn(rule, p, [], 2023, '2023-03-01').expected).toBeCloseTo((60 * 60) / 365, 9)
  })

  it('on Jan 1 the pace is one day of the year', () => {
    expect(hoursOn(rule, p, [], 2024, '2024-01-01').expected).toBeCloseTo(60 / 366, 9)
  })

  it('a joiner is pro-rated by active days and paced on his own days', () => {
    const j = enforcer({ id: 'j', activeFrom: '2024-07-01' })
    // 60 × 184/366 = 30.16 → 30.5; on 2024-09-30 92 of his 184 days have passed → 15.25
    const r = hoursOn(rule, j, [train('j', '2024-08-01', 15)], 2024, '2024-09-30')
    expect(r.target).toBe(30.5)
    expect(r.expected).toBeCloseTo(15.25, 9)
    expect(r.status).toBe('behind')
    expect(hoursOn(rule, j, [train('j', '2024-08-01', 15.5)], 2024, '2024-09-30').status).toBe('onTrack')
    expect(hoursOn(rule, j, [train('j', '2024-08-01', 30.5)], 2024, '2024-12-31').status).toBe('met')
    // 2023-10-01: 92 of 365 days → 15.12 → 15.5
    expect(hoursOn(rule, enforcer({ id: 'k', activeFrom: '2023-10-01' }), [], 2023, '2023-12-31').target).toBe(15.5)
  })

  it('without pro-rating a joiner has the full target', () => {
    const j = enforcer({ id: 'j', activeFrom: '2024-07-01' })
    expect(hoursOn(hoursRule({ proRate: false }), j, [], 2024, '2024-12-31').target).toBe(60)
  })

  it('the rule kinds restrict which hours count', () => {
    const r = hoursOn(hoursRule({ kinds: ['training', 'lecture'] }), p, [
      train('p', '2023-03-01', 50),
      activity({ kind: 'lecture', date: '2023-03-02', hours: 5, attendees: ['p'] }),
      activity({ kind: 'self', date: '2023-03-03', hours: 5, attendees: ['p'] }),
    ], 2023, '2023-12-31')
    expect(r).toMatchObject({ hours: 55, gap: 5, status: 'missed' })
  })

  it('per-category minimums: hours over the target are not enough', () => {
    const cat = hoursRule({ categoryMinHours: { publicLaw: 20, enforcementSkill: 10 } })
    const acts = [
      train('p', '2023-03-01', 30, { category: 'publicLaw' }),
      train('p', '2023-04-01', 30, { category: 'business' }),
      train('p', '2023-05-01', 8, { category: 'enforcementSkill' }),
    ]
    const r = hoursOn(cat, p, acts, 2023, '2023-12-31')
    expect(r).toMatchObject({ hours: 68, gap: 0, status: 'missed', categoryGaps: { enforcementSkill: 2 } })
    expect(r.categoryHours).toEqual({ publicLaw: 30, business: 30, enforcementSkill: 8 })
    const ok = hoursOn(cat, p, [...acts, train('p', '2023-06-01', 2, { category: 'enforcementSkill' })], 2023, '2023-12-31')
    expect(ok).toMatchObject({ status: 'met', categoryGaps: {} })
    // before the year ends with enough hours but a category short: on track
    expect(hoursOn(cat, p, acts, 2023, '2023-11-01').status).toBe('onTrack')
  })

  it('category minimums are pro-rated with the target', () => {
    const cat = hoursRule({ categoryMinHours: { publicLaw: 20 } })
    const j = enforcer({ id: 'j', activeFrom: '2024-07-01' })
    // 20 × 184/366 = 10.05 → 10.5
    expect(hoursOn(cat, j, [], 2024, '2024-12-31').categoryTargets).toEqual({ publicLaw: 10.5 })
  })
})

describe('personHours rule, unit verdict', () => {
  const rule = hoursRule({ id: 'h', minHours: 10 })
  const data = (acts: LedgerData['activities']): LedgerData =>
    ledger({
      persons: [
        enforcer({ id: 'a', name: '甲' }),
        enforcer({ id: 'b', name: '乙' }),
        enforcer({ id: 'gone', name: '丙', activeTo: '2023-06-30' }), // leaver, never studied
        enforcer({ id: 'future', name: '丁', activeFrom: '2024-01-01' }), // not in 2023 at all
        person({ id: 'staff', name: '戊' }),
      ],
      activities: acts,
      targetSets: [targetSet(2023, [rule])],
    })
  const both = [train('a', '2023-03-01', 10), train('b', '2023-03-01', 10)]

  it('met when every person in scope active on D meets it; leavers are listed but outside the verdict', () => {
    const r = evaluateTargets(data(both), 2023, '2023-12-31').results[0] as PersonHoursRuleResult
    expect(r).toMatchObject({ status: 'met', actual: 2, required: 2 })
    expect(r.persons.map((x) => [x.person.id, x.status, x.isActiveOnAsOf])).toEqual([
      ['gone', 'missed', false],
      ['a', 'met', true],
      ['b', 'met', true],
    ])
    expect(r.counts).toEqual({ met: 2, onTrack: 0, behind: 0, missed: 0 })
  })

  it('one person short: behind before Dec 31, missed on it', () => {
    const acts = [train('a', '2023-03-01', 10), train('b', '2023-03-01', 2)]
    expect(evaluateTargets(data(acts), 2023, '2023-12-30').results[0].status).toBe('behind')
    expect(evaluateTargets(data(acts), 2023, '2023-12-31').results[0].status).toBe('missed')
  })

  it('nobody behind but some not yet met: on track', () => {
    // 2023-07-15 is day 196: pace 10 × 196/365 = 5.37; b has 6; the leaver is out of the verdict
    const acts = [train('a', '2023-03-01', 10), train('b', '2023-03-01', 6)]
    expect(evaluateTargets(data(acts), 2023, '2023-07-15').results[0]).toMatchObject({ status: 'onTrack', actual: 1, required: 2 })
  })

  it('sorts behind-first: missed, behind, on track, met, then the largest gap', () => {
    const acts = [train('a', '2023-03-01', 1), train('b', '2023-03-01', 3)]
    const r = evaluateTargets(data(acts), 2023, '2023-08-01').results[0] as PersonHoursRuleResult
    // a gap 9, b gap 7; gone left on 06-30, so its period is over: missed with its pro-rated target 5 (gap 5)
    expect(r.persons.map((x) => [x.person.id, x.status, x.gap])).toEqual([
      ['gone', 'missed', 5],
      ['a', 'behind', 9],
      ['b', 'behind', 7],
    ])
    expect(summarizeStatuses(r.persons)).toEqual({ met: 0, onTrack: 0, behind: 2, missed: 1 })
  })
})

describe('examParticipation rule', () => {
  const rule: TargetRule = { id: 'e', type: 'examParticipation', scope: 'all', minRate: 1 }
  const persons = [person({ id: 'a' }), person({ id: 'b' }), person({ id: 'sick' })]
  const x = exam({ id: 'x', date: '2023-10-10' })
  const base = { persons, exams: [x], targetSets: [targetSet(2023, [rule])] }
  const evalExam = (d: LedgerData, asOf: string) => evaluateTargets(d, 2023, asOf).results[0] as ExamRuleResult

  it('exempt examinees leave the denominator: 2 of 2 is 100%', () => {
    const d = ledger({ ...base, examResults: [result('x', 'a'), result('x', 'b'), result('x', 'sick', { status: 'exempt', score: null })] })
    expect(evalExam(d, '2023-12-31')).toMatchObject({ status: 'met', actual: 1, required: 1, eligible: 2, taken: 2 })
  })
  it('an eligible person with no result counts as not taken', () => {
    const d = ledger({ ...base, examResults: [result('x', 'a'), result('x', 'b')] })
    expect(evalExam(d, '2023-12-31')).toMatchObject({ status: 'missed', eligible: 3, taken: 2 })
    // on the exam day results may still come in; once it is over, short of 100% is missed
    expect(evalExam(d, '2023-10-10').status).toBe('behind')
    expect(evalExam(d, '2023-10-11').status).toBe('missed')
  })
  it('no exam held yet is on track before Dec 31 and missed on it', () => {
    const d = ledger({ ...base, exams: [] })
    expect(evalExam(d, '2023-12-30')).toMatchObject({ status: 'onTrack', actual: null, exam: null })
    expect(evalExam(d, '2023-12-31').status).toBe('missed')
  })
  it('a lower minimum is met at exactly that rate', () => {
    const d = ledger({ ...base, examResults: [result('x', 'a'), result('x', 'b')], targetSets: [targetSet(2023, [{ ...rule, minRate: 2 / 3 }])] })
    expect(evalExam(d, '2023-12-31').status).toBe('met')
  })
})

describe('unitActivityCount rule', () => {
  const rule: TargetRule = { id: 'c', type: 'unitActivityCount', kind: 'centerGroup', legalThemeOnly: true, min: 2 }
  const cg = (date: string, legalTheme = true) => activity({ kind: 'centerGroup', date, legalTheme })
  const run = (acts: LedgerData['activities'], asOf: string, year = 2024) =>
    evaluateTargets(ledger({ activities: acts, targetSets: [targetSet(year, [rule])] }), year, asOf).results[0] as CountRuleResult

  it('counts only legal-theme sessions of the kind', () => {
    expect(run([cg('2024-02-01'), cg('2024-03-01', false)], '2024-12-31')).toMatchObject({ actual: 1, status: 'missed' })
    expect(run([cg('2024-02-01'), cg('2024-03-01')], '2024-12-31')).toMatchObject({ actual: 2, required: 2, status: 'met' })
  })
  it('paces min × elapsed share: 1 session is on track until half the year has passed', () => {
    // 2024-07-01 is day 183 of 366: 2 × 183/366 = 1 → on track; the next day 1 < 1.005 → behind
    expect(run([cg('2024-02-01')], '2024-07-01')).toMatchObject({ status: 'onTrack', expected: 1 })
    expect(run([cg('2024-02-01')], '2024-07-02').status).toBe('behind')
    expect(run([], '2024-01-01').status).toBe('behind')
    expect(run([cg('2024-02-01')], '2024-12-30').status).toBe('behind')
  })
})

describe('target sets', () => {
  it('no target set: nothing to evaluate, 0 of 0', () => {
    expect(evaluateTargets(ledger(), 2023, '2023-12-31')).toMatchObject({ targetSet: null, results: [], metCount: 0, total: 0 })
  })
  it('a year with no data but the default set: hours met vacuously, the rest missed at year end', () => {
    let n = 0
    const set = defaultTargetSet(2023, () => `id${n++}`, STAMP)
    const t = evaluateTargets(ledger({ targetSets: [set] }), 2023, '2023-12-31')
    expect(t.results.map((r) => r.status)).toEqual(['met', 'missed', 'missed', 'missed'])
    expect([t.metCount, t.total]).toEqual([1, 4])
  })
  it('of two sets for one year (two devices), the newest edit wins', () => {
    const a = { ...targetSet(2023, []), updatedAt: '2024-01-01T00:00:00.000Z_0000_a' }
    const b = { ...targetSet(2023, []), updatedAt: '2024-02-01T00:00:00.000Z_0000_b' }
    expect(targetSetFor([b, a, targetSet(2022, [])], 2023)).toBe(b)
    expect(targetSetFor([a], 2024)).toBeNull()
  })
  it('the default set has the defaults of docs/spec/report-figures.md; no dated document is asserted as a basis', () => {
    let n = 0
    const set = defaultTargetSet(2025, () => `id${n++}`, STAMP)
    expect(set).toMatchObject({ id: 'id0', year: 2025, updatedAt: STAMP })
    expect(set.rules).toMatchObject([
      { type: 'personHours', scope: 'enforcement', minHours: 60, proRate: true, kinds: null },
      { type: 'examParticipation', scope: 'all', minRate: 1 },
      { type: 'unitActivityCount', kind: 'centerGroup', legalThemeOnly: true, min: 2 },
      { type: 'unitActivityCount', kind: 'lecture', legalThemeOnly: false, min: 1 },
    ])
    // The 60-学时 rule's basis is offered to the keeper (basis.ts), not filled in; the others describe themselves.
    expect(set.rules.map((r) => r.basis ?? null)).toEqual([null, expect.stringContaining('参考率100%'), expect.stringContaining('法治专题'), expect.stringContaining('法治讲座')])
    expect(set.rules.some((r) => /\d{4}\s*[—-]\s*\d{4}/.test(r.basis ?? ''))).toBe(false)
    expect(new Set(set.rules.map((r) => r.id)).size).toBe(4)
  })
  it('copying makes new ids and shares nothing', () => {
    let n = 0
    const from = targetSet(2024, [hoursRule({ kinds: ['training'], categoryMinHours: { publicLaw: 5 } })])
    const copy = copyTargetSet(from, 2025, () => `n${n++}`, STAMP)
    expect(copy).toMatchObject({ id: 'n0', year: 2025, updatedAt: STAMP, rules: [{ id: 'n1', kinds: ['training'] }] })
    const r = copy.rules[0] as PersonHoursRule
    r.kinds!.push('self')
    r.categoryMinHours!.publicLaw = 9
    expect((from.rules[0] as PersonHoursRule).kinds).toEqual(['training'])
    expect((from.rules[0] as PersonHoursRule).categoryMinHours).toEqual({ publicLaw: 5 })
  })
})

describe('personProgress (the me card)', () => {
  const data = ledger({
    persons: [enforcer({ id: 'me', activeFrom: '2024-07-01' }), person({ id: 'other' })],
    activities: [
      train('me', '2024-08-01', 12, { category: 'publicLaw' }),
      activity({ kind: 'self', date: '2024-08-02', hours: 1.5, attendees: ['me', 'other'] }),
    ],
    exams: [exam({ id: 'x', year: 2024, date: '2024-10-10' })],
    examResults: [result('x', 'me', { score: 96 })],
    targetSets: [targetSet(2024, [hoursRule({ minHours: 60 }), hoursRule({ scope: 'all', minHours: 10 })])],
  })
  it('shows hours against the binding target, what is missing and the exam', () => {
    const me = personProgress(data, 'me', 2024, '2024-09-30')!
    // The home tiles add up to the ring: the training's 12 and the self-study's 1.5 (its kind's default) 公共法律知识.
    expect(me).toMatchObject({ hours: 13.5, target: 30.5, gap: 17, status: 'behind', categoryHours: { publicLaw: 13.5, business: 0, enforcementSkill: 0 } })
    expect(me.expected).toBeCloseTo(15.25, 9)
    expect(me.rules).toHaveLength(2)
    expect(me.exam).toBeNull() // the exam is dated after D
    const later = personProgress(data, 'me', 2024, '2024-10-31')!
    expect(later.exam).toMatchObject({ isEligible: true, status: 'taken', score: 96, isPassed: true, isExcellent: true, grade: '优秀' })
  })
  it('the home tiles follow the binding rule\'s kinds, so that they add up to its hours', () => {
    const trainingOnly = { ...data, targetSets: [targetSet(2024, [hoursRule({ minHours: 60, kinds: ['training'] })])] }
    const me = personProgress(trainingOnly, 'me', 2024, '2024-09-30')!
    expect(me.rule?.hours).toBe(12)
    expect(me.categoryHours).toEqual({ publicLaw: 12, business: 0, enforcementSkill: 0 })
    // Without a rule, every hour.
    expect(personProgress({ ...data, targetSets: [] }, 'me', 2024, '2024-09-30')!.categoryHours.publicLaw).toBe(13.5)
  })
  it('a staff member is held to the all-staff rule only', () => {
    // 10 学时; 2024-10-31 is day 305: pace 8.33 > 1.5
    const other = personProgress(data, 'other', 2024, '2024-10-31')!
    expect(other).toMatchObject({ hours: 1.5, target: 10, gap: 8.5, status: 'behind' })
    expect(other.rules).toHaveLength(1)
    expect(other.exam).toMatchObject({ isEligible: true, status: null, isPassed: false })
  })
  it('with no hour rule there is no target; an unknown id is null', () => {
    const none = personProgress({ ...data, targetSets: [] }, 'other', 2024, '2024-10-31')!
    expect(none).toMatchObject({ hours: 1.5, rule: null, target: null, expected: null, gap: null, status: null })
    expect(personProgress(data, 'nobody', 2024, '2024-10-31')).toBeNull()
  })
})
