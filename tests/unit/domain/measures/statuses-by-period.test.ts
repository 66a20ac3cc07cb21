// Issue #16 (Deliver 3): once a rule's period, or the exam, is over a status is 达标 or 未达标 — never a pace.
import { describe, expect, it } from 'vitest'
import { computePersonHours } from '../../../../src/domain/measures/person-hours'
import {
  evaluatePerson,
  evaluateTargets,
  isExamOver,
  isPersonPeriodOver,
  type CountRuleResult,
  type ExamRuleResult,
  type PersonHoursRuleResult,
} from '../../../../src/domain/measures/target-rules'
import type { TargetRule, TargetStatus } from '../../../../src/domain/model/types'
import { activity, enforcer, exam, hoursRule, ledger, person, result, targetSet } from '../factories'

const FINAL: TargetStatus[] = ['met', 'missed']
const train = (id: string, date: string, hours: number) => activity({ kind: 'training', date, hours, attendees: [id] })

describe('hour rule around the year end', () => {
  const rule = hoursRule({ minHours: 60 })
  const p = enforcer({ id: 'p' })
  const status = (asOf: string, hours: number, year = 2024) =>
    evaluatePerson(rule, p, computePersonHours([train('p', `${year}-03-01`, hours)], year, asOf).get('p'), year, asOf).status

  it('the day before the year end may still be behind; the last day and after are final', () => {
    expect(status('2024-12-30', 20)).toBe('behind')
    expect(status('2024-12-31', 20)).toBe('missed')
    expect(status('2025-01-01', 20)).toBe('missed')
    expect(status('2025-01-01', 60)).toBe('met')
  })

  it('a leap year ends on Dec 31 too (2024 has 366 days)', () => {
    expect(isPersonPeriodOver(p, 2024, '2024-12-30')).toBe(false)
    expect(isPersonPeriodOver(p, 2024, '2024-12-31')).toBe(true)
  })

  it('every status of a year that is over is 达标 or 未达标', () => {
    for (const hours of [0, 0.5, 30, 59.5, 60, 75]) expect(FINAL).toContain(status('2025-02-01', hours))
  })

  it('a leaver’s period ends when they leave: missed, not behind, though the year goes on', () => {
    const gone = enforcer({ id: 'g', activeTo: '2024-06-30' })
    const acts = [train('g', '2024-03-01', 10)]
    const on = (asOf: string) => evaluatePerson(rule, gone, computePersonHours(acts, 2024, asOf).get('g'), 2024, asOf)
    expect(isPersonPeriodOver(gone, 2024, '2024-06-30')).toBe(false)
    expect(on('2024-06-29').status).toBe('behind')
    expect(on('2024-07-01')).toMatchObject({ status: 'missed', expected: null })
    expect(isPersonPeriodOver(gone, 2024, '2024-07-01')).toBe(true)
  })

  it('the unit verdict of an hour rule is final once the year is over', () => {
    const d = ledger({
      persons: [enforcer({ id: 'a' }), enforcer({ id: 'b' })],
      activities: [train('a', '2024-03-01', 60), train('b', '2024-03-01', 10)],
      targetSets: [targetSet(2024, [rule])],
    })
    const r = (asOf: string) => evaluateTargets(d, 2024, asOf).results[0] as PersonHoursRuleResult
    expect(r('2024-12-30').status).toBe('behind')
    expect(r('2024-12-31').status).toBe('missed')
  })
})

describe('exam participation: an exam dated in the past vs. today', () => {
  const rule: TargetRule = { id: 'e', type: 'examParticipation', scope: 'all', minRate: 1 }
  const x = exam({ id: 'x', year: 2024, date: '2024-11-20' })
  const d = ledger({ persons: [person({ id: 'a' }), person({ id: 'b' })], exams: [x], examResults: [result('x', 'a')], targetSets: [targetSet(2024, [rule])] })
  const run = (asOf: string) => evaluateTargets(d, 2024, asOf).results[0] as ExamRuleResult

  it('on the exam day itself the rate may still rise: behind', () => {
    expect(isExamOver(x, 2024, '2024-11-20')).toBe(false)
    expect(run('2024-11-20').status).toBe('behind')
  })

  it('the day after the exam, 50% is 未达标 — never 进度滞后 — though the year goes on', () => {
    expect(isExamOver(x, 2024, '2024-11-21')).toBe(true)
    expect(run('2024-11-21')).toMatchObject({ status: 'missed', actual: 0.5 })
    expect(run('2024-12-30').status).toBe('missed')
  })

  it('an undated exam is over at the year end only', () => {
    const undated = { ...x, date: null }
    expect(isExamOver(undated, 2024, '2024-12-30')).toBe(false)
    expect(isExamOver(undated, 2024, '2024-12-31')).toBe(true)
    const u = ledger({ ...d, exams: [undated] })
    expect((evaluateTargets(u, 2024, '2024-12-30').results[0] as ExamRuleResult).status).toBe('behind')
    expect((evaluateTargets(u, 2024, '2024-12-31').results[0] as ExamRuleResult).status).toBe('missed')
  })

  it('everyone taken is met before and after the exam is over', () => {
    const all = ledger({ ...d, examResults: [result('x', 'a'), result('x', 'b')] })
    expect((evaluateTargets(all, 2024, '2024-11-20').results[0] as ExamRuleResult).status).toBe('met')
    expect((evaluateTargets(all, 2024, '2025-01-05').results[0] as ExamRuleResult).status).toBe('met')
  })
})

describe('session counts after the year end', () => {
  const rule: TargetRule = { id: 'c', type: 'unitActivityCount', kind: 'lecture', legalThemeOnly: false, min: 2 }
  const run = (asOf: string) =>
    evaluateTargets(ledger({ activities: [activity({ kind: 'lecture', date: '2023-05-01' })], targetSets: [targetSet(2023, [rule])] }), 2023, asOf)
      .results[0] as CountRuleResult

  it('one lecture of two: behind on Dec 30, missed on Dec 31 and in the next year', () => {
    expect(run('2023-12-30').status).toBe('behind')
    expect(run('2023-12-31')).toMatchObject({ status: 'missed', expected: null })
    expect(run('2024-03-01').status).toBe('missed')
  })
})
