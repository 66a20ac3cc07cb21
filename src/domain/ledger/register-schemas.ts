/**
 * Schemas of file format version 2's additions (docs/spec/ledger-file-v2.md): the registers, keyed and stamped like
 * the records they come from (access/registers.ts), and a year's counting rules. record-schemas.ts checks them.
 */
import * as v from 'valibot'
import { REVIEW_STATES, RESULT_STATUSES } from '../model/types'
import { bool, id, num, picked, record, stamp, text } from './record-fields'

export const counting = v.strictObject(
  {
    countSelfReported: bool,
    dailyConfirmHours: v.pipe(num, v.check((h) => h > 0 && h <= 24 && Number.isInteger(h * 2), '应为 0.5 至 24 之间、0.5 的整数倍')),
  },
  '应为对象',
)

export const reviewOutcome = record({
  id,
  review: v.picklist(REVIEW_STATES, picked('审核状态')),
  reviewNote: v.nullable(text(2000)),
  updatedAt: stamp,
})

export const examStatus = record({ id, examId: id, personId: id, status: v.picklist(RESULT_STATUSES, picked('参考情况')), updatedAt: stamp })
