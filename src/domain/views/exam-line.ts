/**
 * The "年度学法考试" line of the me card. An official may enter the score she read on the exam platform: it shows as
 * 本人填写 while the device holds no score of the keeper's, and the keeper's entry wins when there is one. A
 * self-entered score is never a result: no figure counts it.
 */
import { formatHours } from '../model/format'
import { ABSENT_ADVICE } from '../model/labels'
import type { PersonExamStatus } from './person-progress'

export function examLine(e: PersonExamStatus | null, selfScore: number | null = null): string {
  if (!e) return '本年度尚未录入考试'
  if (e.status === 'exempt') return '免考'
  if (!e.isEligible) return '不在应考范围'
  if (e.status === 'absent') return `缺考，${ABSENT_ADVICE}`
  if (e.status !== 'taken') return '未参考'
  if (e.score === null) return selfScore === null ? '已参考' : `已参考 ${formatHours(selfScore)} 分（本人填写）`
  const line = `已参考 ${formatHours(e.score)} 分 ${e.grade}`
  return selfScore === null || selfScore === e.score ? line : `${line}（以管理员登记为准）`
}

/** Whether the official may enter her own score: she took the exam and the device holds no score of the keeper's. */
export function canEnterOwnScore(e: PersonExamStatus | null): boolean {
  return e !== null && e.status === 'taken' && e.score === null
}
