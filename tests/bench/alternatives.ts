/**
 * Before/after of a change docs/PERFORMANCE.md made, written with the app's own functions so that every
 * bench run measures it next to the code it replaced. (The scan read of loadYearData that used to be here
 * is the app's own now: db/year-data.ts activitiesOfPeriod.)
 */
import type { LedgerDB } from '@/db/database'
import { activitiesBetween } from '@/db/year-data'
import { activitiesPageOfYear } from '@/db/year-pages'
import { yearEnd, yearStart } from '@/domain/model/dates'
import type { Activity } from '@/domain/model/types'

function byNewest(a: Activity, b: Activity): number {
  return b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt)
}

/**
 * 记录 → 全部: what the page reads before it can show its first rows. Before: every record of the year,
 * sorted (the removed stores/activities.ts liveYear). Now: the app's first page through the `date` index
 * (db/year-pages.ts activitiesPageOfYear, whole dates, newest first).
 */
export async function recordsFirstPage(db: LedgerDB, year: number): Promise<{ allMs: number; pageMs: number; rows: number }> {
  let t0 = performance.now()
  const all = (await activitiesBetween(db, yearStart(year), yearEnd(year))).sort(byNewest)
  const allMs = performance.now() - t0
  t0 = performance.now()
  const page = await activitiesPageOfYear(db, { year, kinds: null }, null)
  const pageMs = performance.now() - t0
  if (page.rows.length > 0 && page.rows[0].date !== all[0].date) throw new Error('first pages disagree')
  return { allMs, pageMs, rows: all.length }
}
