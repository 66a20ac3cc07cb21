/**
 * The reads of a period's or a year's records (统计, the report, a save's day check): kept out of queries.ts, which
 * comes with the first screen (docs/PERFORMANCE.md), and imported directly (not through `@/db`).
 */
import type { LedgerDB } from './database'
import { listExamResults, listExams, listPersons, listSections, listTargetSets, resultsForView, withOutcomes } from './queries'
import { isTombstone, type Activity, type IsoDate, type LedgerData } from '../domain/model/types'
import { dayNumber, maxDate, minDate, periodEnd, yearStart } from '../domain/model/dates'

/** Activities dated in [from, to] via the `date` index: one range read. */
export async function activitiesBetween(db: LedgerDB, from: IsoDate, to: IsoDate): Promise<Activity[]> {
  if (to < from) return []
  return (await db.activities.where('date').between(from, to, true, true).toArray()) as Activity[]
}

/**
 * The activities dated in [from, to], read the fastest way. Chromium reads an index range about twice as slowly
 * per row as a whole-store getAll (each entry is looked up again by key), so while the period covers more than
 * half of the ledger's date span one store scan filtered by date wins; otherwise the `date` range does
 * (docs/PERFORMANCE.md). Both return the same records; tombstones carry no date and are dropped either way.
 */
export async function activitiesOfPeriod(db: LedgerDB, from: IsoDate, to: IsoDate): Promise<Activity[]> {
  if (to < from) return []
  const [first, last] = await Promise.all([db.activities.orderBy('date').first(), db.activities.orderBy('date').last()])
  if (!first || !last || isTombstone(first) || isTombstone(last)) return []
  const spanDays = dayNumber(last.date) - dayNumber(first.date) + 1
  const lo = maxDate(from, first.date)
  const hi = minDate(to, last.date)
  const coveredDays = hi < lo ? 0 : dayNumber(hi) - dayNumber(lo) + 1
  if (coveredDays * 2 <= spanDays) return activitiesBetween(db, from, to)
  const all = await db.activities.toArray()
  const out: Activity[] = []
  for (const a of all) if (!isTombstone(a) && a.date >= from && a.date <= to) out.push(a)
  return out
}

/** Every live record a year's figures need, read once: the activities of Y up to D by one range read. */
export async function loadYearData(db: LedgerDB, year: number, asOf: IsoDate): Promise<LedgerData> {
  const tables = [db.sections, db.persons, db.activities, db.exams, db.examResults, db.targetSets, db.reviewOutcomes, db.examStatuses]
  return db.transaction('r', tables, async () => {
    const [sections, persons, activities, exams, examResults, targetSets] = await Promise.all([
      listSections(db),
      listPersons(db),
      activitiesOfPeriod(db, yearStart(year), periodEnd(year, asOf)).then((rows) => withOutcomes(db, rows)),
      listExams(db),
      listExamResults(db).then((rows) => resultsForView(db, rows)),
      listTargetSets(db),
    ])
    return { sections, persons, activities, exams, examResults, targetSets }
  })
}
