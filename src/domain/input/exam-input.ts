/**
 * Pure checks for the exam forms (issue #3): an exam's lines and a person's
 * result. Each returns a zh-CN sentence for the user, or null when fine.
 */
import { isIsoDate, yearOf } from '../model/dates'
import { EXAM_KINDS, RESULT_STATUSES, type Exam, type ExamKind, type ExamResult } from '../model/types'

export const EXAM_TITLE_MAX = 100
export const REASON_MAX = 100
export const DEFAULT_PASS_SCORE = 60
export const DEFAULT_EXCELLENT_SCORE = 90

/** Reasons offered for 免考 (exempt: outside the exam's denominator); 其他 asks for a text. */
export const EXEMPT_REASONS = ['病假', '产假', '借调', '其他'] as const
export type ExemptReason = (typeof EXEMPT_REASONS)[number]

export type ExamInput = Omit<Exam, 'updatedAt' | 'id'> & { id: string | null }
export type ResultInput = Pick<ExamResult, 'status' | 'score' | 'reason'>

export function defaultExamTitle(kind: ExamKind, year: number): string {
  return kind === 'annual' ? `${year}年度国家工作人员学法考试` : `${year}年任前法律知识考试`
}

/** A typed score: null when empty, NaN when it is not a number. */
export function parseScore(text: string): number | null {
  const t = text.trim()
  if (t === '') return null
  return /^\d+(\.\d*)?$/.test(t) ? Number(t) : Number.NaN
}

function scoreProblem(score: number, what: string): string | null {
  if (!Number.isFinite(score) || score < 0 || score > 100) return `${what}应在 0–100 分之间`
  if (!Number.isInteger(Math.round(score * 10 * 1e6) / 1e6)) return `${what}最多保留一位小数`
  return null
}

export function validateExam(input: ExamInput): string | null {
  const title = input.title.trim()
  if (!(EXAM_KINDS as readonly string[]).includes(input.kind)) return '请选择考试类型'
  if (!title) return '请填写考试名称'
  if ([...title].length > EXAM_TITLE_MAX) return `考试名称不能超过 ${EXAM_TITLE_MAX} 个字`
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) return '请填写正确的年度（例如 2024）'
  if (input.date === null || !isIsoDate(input.date)) return '请选择考试日期'
  if (yearOf(input.date) !== input.year) return `考试日期应在 ${input.year} 年内`
  const pass = scoreProblem(input.passScore, '合格线')
  if (pass) return pass
  if (input.excellentScore === null) return null
  const excellent = scoreProblem(input.excellentScore, '优秀线')
  if (excellent) return excellent
  if (input.excellentScore < input.passScore) return `优秀线不能低于合格线（${input.passScore} 分）`
  return null
}

export function normalizeExam(input: ExamInput): ExamInput {
  return { ...input, title: input.title.trim() }
}

export function validateResult(input: ResultInput): string | null {
  if (!(RESULT_STATUSES as readonly string[]).includes(input.status)) return '请选择参考情况'
  if (input.status === 'taken') {
    if (input.score === null) return '请输入成绩，或选择缺考、免考'
    return scoreProblem(input.score, '成绩')
  }
  if (input.status === 'exempt') {
    const reason = (input.reason ?? '').trim()
    if (!reason) return '请选择或填写免考原因'
    if ([...reason].length > REASON_MAX) return `免考原因不能超过 ${REASON_MAX} 个字`
  }
  return null
}

/** Only the fields that belong to the status: a score for 参考, a reason for 免考. */
export function normalizeResult(input: ResultInput): ResultInput {
  if (input.status === 'taken') return { status: 'taken', score: input.score, reason: null }
  if (input.status === 'exempt') return { status: 'exempt', score: null, reason: (input.reason ?? '').trim() }
  return { status: 'absent', score: null, reason: null }
}

/** The stored reason from a chip and the optional text: "病假", "借调：市委巡察组", or the text for 其他. */
export function composeExemptReason(chip: ExemptReason | null, text: string): string {
  const t = text.trim()
  if (chip === null || chip === '其他') return t
  return t ? `${chip}：${t}` : chip
}
