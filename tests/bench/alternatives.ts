/**
 * The changes docs/PERFORMANCE.md recommends for code the bench does not own, written with the app's own
 * functions so that every bench run measures their effect next to the current code.
 */
import type { LedgerDB } from '@/db/database'
import { activitiesBetween, listExamResults, listExams, listPersons, listSections, listTargetSets } from '@/db/queries'
import { periodEnd, yearEnd, yearStart } from '@/domain/dates'
import { isTombstone, type Activity, type LedgerData } from '@/domain/types'

/**
 * loadYearData reading the activities with one store `getAll` and a date filter instead of the `date`
 * index range. Chromium reads a store ~2× faster per row than an index (an index read looks every row
 * up again by primary key), so a scan wins while the year holds more than about half of the records
 * (a ledger in its first year or two). Recommended: choose by that share (see PERFORMANCE.md).
 */
export async function loadYearDataScan(db: LedgerDB, year: number, asOf: string): Promise<LedgerData> {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  return db.transaction('r', [db.sections, db.persons, db.activities, db.exams, db.examResults, db.targetSets], async () => {
    const [sections, persons, all, exams, examResults, targetSets] = await Promise.all([
      listSections(db),
      listPersons(db),
      db.activities.toArray(),
      listExams(db),
      listExamResults(db),
      listTargetSets(db),
    ])
    const activities: Activity[] = []
    for (const a of all) if (!isTombstone(a) && a.date >= from && a.date <= to) activities.push(a)
    return { sections, persons, activities, exams, examResults, targetSets }
  })
}

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
