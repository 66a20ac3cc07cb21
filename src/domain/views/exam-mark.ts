/**
 * How one person's annual-exam result reads on a screen (统计 → 股室, 首页): a word that never
 * relies on colour — 优秀 / 合格 / 不合格 with the score, 缺考 with what to do about it, 免考,
 * 未录入 — and a tone for the colour beside it. A failed exam is never shown as a tick.
 */
import type { Exam, IsoDate, ResultStatus } from '../model/types'
import { formatHours } from '../model/format'
import { ABSENT_ADVICE } from '../model/labels'

export type ExamTone = 'excellent' | 'pass' | 'fail' | 'absent' | 'exempt' | 'pending'

export interface ExamMark {
  /** The short word: "合格", "不合格", "缺考", "免考", "未录入", "已参考". */
  word: string
  /** The score when there is one: "96 分". */
  score: string | null
  tone: ExamTone
  /** What to do next, in words; null when nothing is to be done. */
  advice: string | null
}

export { ABSENT_ADVICE }

/** The mark of a recorded status and score (status null: nothing recorded yet). */
export function examMark(
  result: { status: ResultStatus | null; score: number | null },
  exam: Pick<Exam, 'passScore' | 'excellentScore' | 'date'>,
  asOf: IsoDate,
): ExamMark {
  const { status, score } = result
  if (status === 'exempt') return { word: '免考', score: null, tone: 'exempt', advice: null }
  if (status === 'absent') return { word: '缺考', score: null, tone: 'absent', advice: ABSENT_ADVICE }
  if (status === null) {
    const isOver = exam.date !== null && exam.date < asOf
    return { word: '未录入', score: null, tone: 'pending', advice: isOver ? '考试已结束，成绩尚未录入' : null }
  }
  if (score === null) return { word: '已参考', score: null, tone: 'pass', advice: null }
  const text = `${formatHours(score)} 分`
  if (exam.excellentScore !== null && score >= exam.excellentScore) return { word: '优秀', score: text, tone: 'excellent', advice: null }
  if (score >= exam.passScore) return { word: '合格', score: text, tone: 'pass', advice: null }
  return { word: '不合格', score: text, tone: 'fail', advice: `低于合格线 ${formatHours(exam.passScore)} 分` }
}
