/**
 * The review state a record shows: 未提交 / 待核实 / 已核实 / 退回 (with the reason) on an official's own 自学 /
 * 线上 records (their review state comes from the record, or from the keeper's outcome overlaid by
 * access/registers.ts), 自报 records on the keeper's device as 待核实.
 */
import { parseStamp } from '../ledger/hlc'
import { PERSONAL_KINDS, type Activity } from '../model/types'

export type ReviewMark = 'unsent' | 'pending' | 'verified' | 'returned'

export const REVIEW_MARK_LABELS: Record<ReviewMark, string> = {
  unsent: '未提交',
  pending: '待核实',
  verified: '已核实',
  returned: '退回',
}

export interface ReviewContext {
  isKeeper: boolean
  /** This device's id: a record it stamped and that carries no review was made here. */
  deviceId: string
  /** The newest stamp of the last 提交 file: her records stamped later are 未提交. */
  lastSubmitStamp: string | null
}

export interface RecordReview {
  mark: ReviewMark
  label: string
  /** 退回 reason. */
  note: string | null
}

function made(mark: ReviewMark, note: string | null = null): RecordReview {
  return { mark, label: REVIEW_MARK_LABELS[mark], note }
}

/** What a record shows about its review; null for group sessions and records the keeper entered. */
export function recordReview(a: Activity, ctx: ReviewContext): RecordReview | null {
  if (!PERSONAL_KINDS.includes(a.kind)) return null
  if (a.review === 'verified') return made('verified')
  if (a.review === 'returned') return made('returned', a.reviewNote ?? null)
  const madeHere = parseStamp(a.updatedAt)?.deviceId === ctx.deviceId
  if (a.review === undefined && (ctx.isKeeper || !madeHere)) return null
  if (ctx.isKeeper || !madeHere) return made('pending')
  return ctx.lastSubmitStamp !== null && a.updatedAt <= ctx.lastSubmitStamp ? made('pending') : made('unsent')
}
