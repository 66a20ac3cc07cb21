/**
 * An official's 提交: which of her records the keeper has not received yet, and when to remind her. Her 提交 file
 * carries all her records each time (the keeper's import is idempotent), so a file lost on the way loses nothing.
 */
import { isOwnPersonalActivity } from '../ledger/file'
import type { Activity } from '../model/types'

const DAY_MS = 24 * 60 * 60 * 1000
/** Remind after a log when the last 提交 is older than this (or there was none). */
export const SUBMIT_REMINDER_DAYS = 7

/**
 * Her own 自学 / 线上 records changed after the last 提交 (every one when she never submitted): stamped after the
 * newest stamp that file carried (stamps order edits even when the phone's clock is off).
 */
export function unsentRecords(mine: readonly Activity[], personId: string, lastSubmitStamp: string | null): Activity[] {
  return mine.filter((a) => isOwnPersonalActivity(a, personId) && (lastSubmitStamp === null || a.updatedAt > lastSubmitStamp))
}

/** True when a new record should be followed by the 提交 prompt: never submitted, or not for a week. */
export function isSubmitDue(lastSubmitAt: string | null, now: Date, days = SUBMIT_REMINDER_DAYS): boolean {
  if (lastSubmitAt === null) return true
  const last = Date.parse(lastSubmitAt)
  return !Number.isFinite(last) || now.getTime() - last >= days * DAY_MS
}
