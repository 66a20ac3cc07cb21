// Issue #16 (Deliver 3): a failed exam reads 不合格 (never a tick), 缺考 says what to do, the section view follows.
import { describe, expect, it } from 'vitest'
import { ABSENT_ADVICE, examMark } from '../../../../src/domain/views/exam-mark'
import { personStatusRows } from '../../../../src/domain/views/progress-views'
import { computePersonHours } from '../../../../src/domain/measures/person-hours'
import { evaluateTargets } from '../../../../src/domain/measures/target-rules'
import { exam, ledger, person, result, targetSet } from '../factories'

const X = exam({ id: 'X', year: 2024, date: '2024-10-20', passScore: 60, excellentScore: 90 })

describe('examMark', () => {
  const on = (status: 'taken' | 'absent' | 'exempt' | null, score: number | null, asOf = '2024-11-30') => examMark({ status, score }, X, asOf)

  it('55 and 58 are 不合格, in words, with the score and the line they missed', () => {
    expect(on('taken', 55)).toEqual({ word: '不合格', score: '55 分', tone: 'fail', advice: '低于合格线 60 分' })
    expect(on('taken', 58).word).toBe('不合格')
    expect(on('taken', 59.5).tone).toBe('fail')
  })

  it('the lines themselves pass: 60 合格, 90 优秀', () => {
    expect(on('taken', 60)).toMatchObject({ word: '合格', score: '60 分', tone: 'pass', advice: null })
    expect(on('taken', 90)).toMatchObject({ word: '优秀', tone: 'excellent' })
    expect(examMark({ status: 'taken', score: 95 }, { ...X, excellentScore: null }, '2024-11-30').word).toBe('合格')
  })

  it('缺考 says what to do: 补考 or 说明', () => {
    expect(on('absent', null)).toEqual({ word: '缺考', score: null, tone: 'absent', advice: ABSENT_ADVICE })
    expect(ABSENT_ADVICE).toContain('补考')
    expect(ABSENT_ADVICE).toContain('说明')
  })

  it('nothing recorded: 未录入, with a word once the exam is over', () => {
    expect(on(null, null, '2024-10-20').advice).toBeNull()
    expect(on(null, null, '2024-10-21').advice).toBe('考试已结束，成绩尚未录入')
    expect(on('exempt', null)).toMatchObject({ word: '免考', advice: null })
  })
})

describe('the section view marks every result in words', () => {
  it('two failed papers, one absent, one excellent', () => {
    const persons = ['a', 'b', 'c', 'd'].map((id) => person({ id, name: id }))
    const d = ledger({
      persons,
      exams: [X],
      examResults: [result('X', 'a', { score: 55 }), result('X', 'b', { score: 58 }), result('X', 'c', { status: 'absent', score: null }), result('X', 'd', { score: 97 })],
      targetSets: [targetSet(2024, [])],
    })
    const ev = evaluateTargets(d, 2024, '2024-11-30')
    const rows = personStatusRows(d, ev, computePersonHours(d.activities, 2024, '2024-11-30'), 2024, '2024-11-30')
    const words = Object.fromEntries(rows.map((r) => [r.person.id, r.exam?.mark.word]))
    expect(words).toEqual({ a: '不合格', b: '不合格', c: '缺考', d: '优秀' })
    expect(rows.find((r) => r.person.id === 'c')?.exam?.mark.advice).toBe(ABSENT_ADVICE)
  })
})
