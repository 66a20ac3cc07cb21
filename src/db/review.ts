/**
 * 自报审核: the activities that arrived in 提交 files, and the keeper's
 * verdict on them (a normal stamped edit, so it travels like any other).
 */
import type { LedgerDB } from './database'
import { commitChanges } from './writes'
import { isTombstone, type Activity, type ReviewState } from '../domain/model/types'

/** Live activities in a review state, oldest date first (the `review` index: tombstones carry none). */
export async function listActivitiesByReview(db: LedgerDB, state: ReviewState): Promise<Activity[]> {
  const rows = await db.activities.where('review').equals(state).toArray()
  return (rows.filter((a) => !isTombstone(a)) as Activity[]).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
}

/**
 * Sets the review state of activities in one transaction. `returned` needs a
 * note (退回原因); `verified` clears it. Records deleted or already reviewed
 * meanwhile are left alone; resolves with how many were changed.
 */
export async function setReview(db: LedgerDB, ids: string[], review: 'verified' | 'returned', note: string | null = null): Promise<number> {
  return db.transaction('rw', [db.activities, db.meta, db.outbox], async () => {
    const rows = await db.activities.bulkGet(ids)
    const puts: Omit<Activity, 'updatedAt'>[] = []
    for (const r of rows) {
      if (!r || isTombstone(r) || (r as Activity).review !== 'selfReported') continue
      const { updatedAt: _u, ...rest } = r as Activity
      puts.push({ ...rest, review, reviewNote: review === 'returned' ? note : null })
    }
    if (puts.length) await commitChanges(db, [{ table: 'activities', put: puts }])
    return puts.length
  })
}
