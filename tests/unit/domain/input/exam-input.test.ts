import { describe, expect, it } from 'vitest'
import {
  composeExemptReason,
  defaultExamTitle,
  normalizeResult,
  parseScore,
  validateExam,
  validateResult,
  type ExamInput,
} from '../../../../src/domain/input/exam-input'
import { examEntry, nextWithoutResult } from '../../../../src/domain/measures/exam-entry'
import { gradeOf } from '../../../../src/domain/measures/exam-stats'
import type { Exam, ExamResult } from '../../../../src/domain/model/types'
import { person, section, STAMP } from '../factories'

const exam: ExamInput = {
  id: null, kind: 'annual', year: 2024, title: defaultExamTitle('annual', 2024), date: '2024-10-20', passScore: 60, excellentScore: 90,
}

describe('validateExam', () => {
  it('accepts the defaults', () => {
    expect(exam.title).toBe('2024年度国家工作人员学法考试')
    expect(defaultExamTitle('preAppointment', 2024)).toBe('2024年任前法律知识考试')
    expect(validateExam(exam)).toBeNull()
    expect(validateExam({ ...exam, excellentScore: null })).toBeNull()
    expect(validateExam({ ...exam, excellentScore: 60 })).toBeNull()
  })

  it.each([
    [{ title: '  ' }, '请填写考试名称'],
    [{ year: 24 }, '请填写正确的年度（例如 2024）'],
    [{ year: 2024.5 }, '请填写正确的年度（例如 2024）'],
    [{ date: null }, '请选择考试日期'],
    [{ date: '2024-02-30' }, '请选择考试日期'],
    [{ date: '2023-12-30' }, '考试日期应在 2024 年内'],
    [{ passScore: 101 }, '合格线应在 0–100 分之间'],
    [{ passScore: -1 }, '合格线应在 0–100 分之间'],
    [{ passScore: Number.NaN }, '合格线应在 0–100 分之间'],
    [{ passScore: 60.25 }, '合格线最多保留一位小数'],
    [{ excellentScore: 120 }, '优秀线应在 0–100 分之间'],
    [{ excellentScore: 59 }, '优秀线不能低于合格线（60 分）'],
  ])('refuses %o', (over, message) => {
    expect(validateExam({ ...exam, ...over })).toBe(message)
  })
})

describe('validateResult', () => {
  it('needs a score in 0..100 with at most one decimal for 参考', () => {
    expect(validateResult({ status: 'taken', score: 96, reason: null })).toBeNull()
    expect(validateResult({ status: 'taken', score: 0, reason: null })).toBeNull()
    expect(validateResult({ status: 'taken', score: 88.5, reason: null })).toBeNull()
    expect(validateResult({ status: 'taken', score: null, reason: null })).toBe('请输入成绩，或选择缺考、免考')
    expect(validateResult({ status: 'taken', score: 100.5, reason: null })).toBe('成绩应在 0–100 分之间')
    expect(validateResult({ status: 'taken', score: 88.25, reason: null })).toBe('成绩最多保留一位小数')
  })

  it('needs a reason for 免考, nothing for 缺考', () => {
    expect(validateResult({ status: 'exempt', score: null, reason: ' ' })).toBe('请选择或填写免考原因')
    expect(validateResult({ status: 'exempt', score: null, reason: '病假' })).toBeNull()
    expect(validateResult({ status: 'absent', score: null, reason: null })).toBeNull()
    expect(validateResult({ status: 'bogus' as 'taken', score: 1, reason: null })).toBe('请选择参考情况')
  })

  it('keeps only the fields of the status', () => {
    expect(normalizeResult({ status: 'absent', score: 50, reason: 'x' })).toEqual({ status: 'absent', score: null, reason: null })
    expect(normalizeResult({ status: 'exempt', score: 50, reason: ' 产假 ' })).toEqual({ status: 'exempt', score: null, reason: '产假' })
    expect(normalizeResult({ status: 'taken', score: 50, reason: 'x' })).toEqual({ status: 'taken', score: 50, reason: null })
  })
})

describe('score text, reasons, grade', () => {
  it('parses typed scores', () => {
    expect(parseScore('')).toBeNull()
    expect(parseScore('96')).toBe(96)
    expect(parseScore('88.5')).toBe(88.5)
    expect(parseScore('8a')).toBeNaN()
  })
  it('composes the exempt reason from a chip and text', () => {
    expect(composeExemptReason('病假', '')).toBe('病假')
    expect(composeExemptReason('借调', ' 市委巡察组 ')).toBe('借调：市委巡察组')
    expect(composeExemptReason('其他', '外出学习')).toBe('外出学习')
    expect(composeExemptReason('其他', '')).toBe('')
  })
  it('grades against the lines', () => {
    const lines = { passScore: 60, excellentScore: 90 }
    expect([gradeOf(90, lines), gradeOf(60, lines), gradeOf(59.5, lines)]).toEqual(['优秀', '合格', '不合格'])
    expect(gradeOf(99, { passScore: 60, excellentScore: null })).toBe('合格')
  })
})

describe('exam entry rows', () => {
  const s1 = section({ id: 's1', order: 1 })
  const s2 = section({ id: 's2', order: 2 })
  const a = person({ id: 'a', name: '张三', sectionId: 's2' })
  const b = person({ id: 'b', name: '李四', sectionId: 's1' })
  const c = person({ id: 'c', name: '王五', sectionId: 's1', activeFrom: '2024-11-01' })
  const d = person({ id: 'd', name: '赵六', sectionId: 's1' })
  const x: Exam = { ...exam, id: 'x', updatedAt: STAMP }
  const result = (personId: string, over: Partial<ExamResult>): ExamResult => ({
    id: `r${personId}`, examId: 'x', personId, status: 'taken', score: 80, reason: null, updatedAt: STAMP, ...over,
  })

  it('lists those active on the exam date in roster order, plus anyone with a result', () => {
    const results = [result('c', {}), result('d', { status: 'exempt', score: null, reason: '病假' })]
    const { rows, tally } = examEntry(x, [a, b, c, d], results, [s1, s2], '2024-12-01')
    expect(rows.map((r) => [r.person.id, r.inScope])).toEqual([['b', true], ['c', false], ['d', true], ['a', true]])
    expect(tally).toMatchObject({ eligible: 2, taken: 0, absent: 0, exempt: 1, missing: 2 })
    expect(nextWithoutResult(rows, 'b')?.person.id).toBe('a')
    expect(nextWithoutResult(rows, 'a')?.person.id).toBe('b')
  })

  it('lists pre-appointment takers only', () => {
    const pre: Exam = { ...x, kind: 'preAppointment' }
    const { rows, tally } = examEntry(pre, [a, b, c, d], [result('a', {})], [s1, s2], '2024-12-01', ['d'])
    expect(rows.map((r) => r.person.id)).toEqual(['d', 'a'])
    expect(tally).toMatchObject({ eligible: 2, taken: 1, absent: 0, exempt: 0, missing: 1 })
    expect(nextWithoutResult(rows, 'd')).toBeNull()
  })
})
