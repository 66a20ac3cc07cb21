// The me card's exam line: the keeper's status and score; an official's own score only as 本人填写.
import { describe, expect, it } from 'vitest'
import { canEnterOwnScore, examLine } from '../../../../src/domain/views/exam-line'
import type { PersonExamStatus } from '../../../../src/domain/views/person-progress'
import { exam } from '../factories'

const mark = (over: Partial<PersonExamStatus> = {}): PersonExamStatus => ({
  exam: exam(), isEligible: true, status: 'taken', score: null, isPassed: false, isExcellent: false, grade: null, ...over,
})

describe('the exam line', () => {
  it('shows a status without a score as 已参考, and her own score as 本人填写', () => {
    expect(examLine(mark())).toBe('已参考')
    expect(examLine(mark(), 88.5)).toBe('已参考 88.5 分（本人填写）')
    expect(canEnterOwnScore(mark())).toBe(true)
  })

  it('lets the keeper\'s score win, saying so when hers differs', () => {
    const kept = mark({ score: 96, isPassed: true, isExcellent: true, grade: '优秀' })
    expect(examLine(kept)).toBe('已参考 96 分 优秀')
    expect(examLine(kept, 96)).toBe('已参考 96 分 优秀')
    expect(examLine(kept, 90)).toBe('已参考 96 分 优秀（以管理员登记为准）')
    expect(canEnterOwnScore(kept)).toBe(false)
  })

  it('never shows her score for 缺考, 免考 or no exam', () => {
    expect(examLine(mark({ status: 'absent' }), 80)).toBe('缺考，需补考或书面说明缺考原因')
    expect(examLine(mark({ status: 'exempt' }), 80)).toBe('免考')
    expect(examLine(null, 80)).toBe('本年度尚未录入考试')
    expect(examLine(mark({ status: null }), 80)).toBe('未参考')
    expect(canEnterOwnScore(mark({ status: 'absent' }))).toBe(false)
  })
})
