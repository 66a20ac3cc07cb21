/**
 * A change docs/PERFORMANCE.md recommends for code the bench does not own, written with the app's own
 * functions so that every bench run measures its effect next to the current code. (The scan read of
 * loadYearData that used to be here is now the app's own: db/queries.ts activitiesOfPeriod.)
 */
import type { LedgerDB } from '@/db/database'
import { activitiesBetween } from '@/db/queries'
import { yearEnd, yearStart } from '@/domain/dates'
import type { Activity } from '@/domain/types'

function byNewest(a: Activity, b: Activity): number {
  return b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt)
}

/**
 * 记录 → 全部: what the page reads before it can show its first 50 rows. Now: every record of the year,
 * sorted (stores/activities.ts liveYear). Recommended: the newest 50 through the `date` index, newest
 * first (a reverse cursor with a limit), the next 50 from the last date shown.
 */
export async function recordsFirstPage(db: LedgerDB, year: number): Promise<{ allMs: number; pageMs: number; rows: number }> {
  let t0 = performance.now()
  const all = (await activitiesBetween(db, yearStart(year), yearEnd(year))).sort(byNewest)
  const allMs = performance.now() - t0
  t0 = performance.now()
  const page = (await db.activities.where('date').between(yearStart(year), yearEnd(year), true, true).reverse().limit(50).toArray()) as Activity[]
  const pageMs = performance.now() - t0
  if (page.length > 0 && page[0].date !== all[0].date) throw new Error("first pages disagree")
  return { allMs, pageMs, rows: all.length }
}
