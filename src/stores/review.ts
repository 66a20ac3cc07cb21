/**
 * 自报审核: the 自报 records waiting for the keeper, and the verdicts
 * 已核实 / 退回 (with a reason), each one stamped transaction.
 */
import { defineStore } from 'pinia'
import { getDb } from '@/db'
import { listActivitiesByReview, setReview } from '@/db/review'
import type { Activity } from '@/domain/model/types'
import { liveData } from './live'
import { InputError } from '@/domain/input/input-error'

export class ReviewInputError extends InputError {
  override name = 'ReviewInputError'
}

export const useReviewStore = defineStore('review', () => {
  const pending = liveData(() => listActivitiesByReview(getDb(), 'selfReported'), [] as Activity[])

  async function verify(ids: string[]): Promise<number> {
    return setReview(getDb(), ids, 'verified')
  }

  /** 退回 needs a reason the official will understand. */
  async function returnWithNote(id: string, note: string): Promise<number> {
    const reason = note.trim()
    if (!reason) throw new ReviewInputError('请填写退回原因，例如“学时与证明材料不符”。')
    if (reason.length > 200) throw new ReviewInputError('退回原因请控制在 200 字以内。')
    return setReview(getDb(), [id], 'returned', reason)
  }

  return { pending: pending.data, isLoaded: pending.isLoaded, error: pending.error, verify, returnWithNote }
})
