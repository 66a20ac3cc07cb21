/** Typed read queries. Tombstones never leave this module. */
import type { Collection, Table } from 'dexie'
import type { LedgerDB } from './database'
import {
  isTombstone,
  type Activity,
  type ActivityKind,
  type Exam,
  type ExamResult,
  type LedgerData,
  type Person,
  type Section,
  type StoredRecord,
  type TargetSet,
} from '../domain/model/types'
import { newestFirst } from '../domain/views/activity-list'
import { dayNumber, maxDate, minDate, periodEnd, yearEnd, yearStart } from '../domain/model/dates'
import { compareZh } from '../domain/model/order'
import type { IsoDate } from '../domain/model/types'

export function live<T extends object>(rows: StoredRecord<T>[]): T[] {
  const out: T[] = []
  for (const r of rows) if (!isTombstone(r)) out.push(r)
  return out
}

export async function listSections(db: LedgerDB): Promise<Section[]> {
  return live(await db.sections.toArray()).sort((a, b) => a.order - b.order || compareZh(a.name, b.name))
}

/** How many activities wait for review (the keeper's 首页), from the `review` index alone (schema v2). */
export function countSelfReported(db: LedgerDB): Promise<number> {
  return db.activities.where('review').equals('selfReported').count()
}

export async function listPersons(db: LedgerDB): Promise<Person[]> {
  return live(await db.persons.toArray())
}

export async function listExams(db: LedgerDB): Promise<Exam[]> {
  return live(await db.exams.toArray()).sort((a, b) => b.year - a.year || (b.date ?? '').localeCompare(a.date ?? ''))
}

export async function listExamResults(db: LedgerDB, examId?: string): Promise<ExamResult[]> {
  const rows = examId ? await db.examResults.where('examId').equals(examId).toArray() : await db.examResults.toArray()
  return live(rows)
}

export async function listTargetSets(db: LedgerDB): Promise<TargetSet[]> {
  return live(await db.targetSets.toArray())
}

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

/** One person's activities through the multiEntry `attendees` index. */
export async function activitiesOfPerson(db: LedgerDB, personId: string): Promise<Activity[]> {
  return (await db.activities.where('attendees').equals(personId).toArray()) as Activity[]
}

/** Every live record a year's figures need, read once: the activities of Y up to D by one range read. */
export async function loadYearData(db: LedgerDB, year: number, asOf: IsoDate): Promise<LedgerData> {
  return db.transaction('r', [db.sections, db.persons, db.activities, db.exams, db.examResults, db.targetSets], async () => {
    const [sections, persons, activities, exams, examResults, targetSets] = await Promise.all([
      listSections(db),
      listPersons(db),
      activitiesOfPeriod(db, yearStart(year), periodEnd(year, asOf)),
      listExams(db),
      listExamResults(db),
      listTargetSets(db),
    ])
    return { sections, persons, activities, exams, examResults, targetSets }
  })
}

/** 记录 → 全部: which records of a year a page holds. */
export interface YearPageQuery {
  year: number
  /** Only these kinds, each read through `[kind+date]`; null: every kind, through `date`. */
  kinds: readonly ActivityKind[] | null
  /** Only the records this accepts (a section's members…), applied while paging. */
  accept?: ((a: Activity) => boolean) | null
}

export interface YearPage {
  /** Newest first (date, last edit, id): every accepted record dated in [next ?? Jan 1, before). */
  rows: Activity[]
  /** The oldest date this page holds in full: the next page starts strictly before it. null: the year is done. */
  next: IsoDate | null
}

export const YEAR_PAGE_SIZE = 50

export { newestFirst }

/** One index range in date order: [from, to] (to excluded unless includeTo). Tombstones are in neither index. */
type DateRange = (from: IsoDate, to: IsoDate, includeTo: boolean) => Collection<Activity, string>

function dateRanges(db: LedgerDB, kinds: readonly ActivityKind[] | null): DateRange[] {
  // Rows found through these indexes are never tombstones (a tombstone has no date or kind).
  const table = db.activities as unknown as Table<Activity, string>
  if (kinds === null) return [(from, to, inc) => table.where('date').between(from, to, true, inc)]
  return kinds.map((k) => (from, to, inc) => table.where('[kind+date]').between([k, from], [k, to], true, inc))
}

const isEmptyRange = (from: IsoDate, to: IsoDate, includeTo: boolean): boolean => to < from || (to === from && !includeTo)

/**
 * At least `limit` rows of one range, newest first, in whole dates: the oldest date read is completed by a second
 * read of that date, so a date is never split between pages. `lo` is that oldest date (null: the range is done).
 */
async function readWholeDates(range: DateRange, from: IsoDate, to: IsoDate, includeTo: boolean, limit: number): Promise<{ rows: Activity[]; lo: IsoDate | null }> {
  if (isEmptyRange(from, to, includeTo)) return { rows: [], lo: null }
  const got = await range(from, to, includeTo).reverse().limit(limit).toArray()
  if (got.length < limit) return { rows: got, lo: null }
  const lo = got[got.length - 1].date
  const newer = got.slice(0, got.findIndex((a) => a.date === lo))
  const oldestDay = await range(lo, lo, true).toArray()
  return { rows: newer.concat(oldestDay), lo: lo === from ? null : lo }
}

/**
 * One page of a year's records, newest first, through the `date` index (`[kind+date]` for a kind filter): the
 * records strictly older than `before` (null: from Dec 31), at least `size` accepted ones unless the year runs out,
 * always whole dates — so however many records share a date, paging by `next` returns each exactly once.
 */
export async function activitiesPageOfYear(db: LedgerDB, q: YearPageQuery, before: IsoDate | null, size = YEAR_PAGE_SIZE): Promise<YearPage> {
  const from = yearStart(q.year)
  const ranges = dateRanges(db, q.kinds)
  return db.transaction('r', db.activities, async () => {
    const rows: Activity[] = []
    let to = before ?? yearEnd(q.year)
    let includeTo = before === null
    for (let chunk = size; ; chunk = Math.min(chunk * 2, 1000)) {
      const parts = await Promise.all(ranges.map((r) => readWholeDates(r, from, to, includeTo, chunk)))
      // Below the newest of the ranges' oldest dates, some range is not read yet: that part waits for the next round.
      let cut: IsoDate | null = null
      for (const p of parts) if (p.lo !== null && (cut === null || p.lo > cut)) cut = p.lo
      for (const p of parts) for (const a of p.rows) if ((cut === null || a.date >= cut) && (!q.accept || q.accept(a))) rows.push(a)
      if (cut === null || rows.length >= size) return { rows: rows.sort(newestFirst), next: cut }
      to = cut
      includeTo = false
    }
  })
}

/** The accepted records of a year dated in [from, before) (before null: to Dec 31), newest first: a page re-read. */
export async function activitiesOfYearBetween(db: LedgerDB, q: YearPageQuery, from: IsoDate, before: IsoDate | null): Promise<Activity[]> {
  const lo = maxDate(from, yearStart(q.year))
  const to = before ?? yearEnd(q.year)
  const includeTo = before === null
  if (isEmptyRange(lo, to, includeTo)) return []
  const parts = await Promise.all(dateRanges(db, q.kinds).map((r) => r(lo, to, includeTo).toArray()))
  const rows = parts.flat()
  return (q.accept ? rows.filter(q.accept) : rows).sort(newestFirst)
}

/**
 * What one person's own progress needs besides the person's activities (read through the `attendees`
 * index by `activitiesOfPerson`): the sections, the person's row, the exams and targets and the person's
 * exam results. Cheap at county scale, and untouched by a quick log (it reads neither activities nor
 * meta), so a save does not read it again.
 */
export async function loadPersonContext(db: LedgerDB, personId: string): Promise<Omit<LedgerData, 'activities'>> {
  return db.transaction('r', [db.sections, db.persons, db.exams, db.examResults, db.targetSets], async () => {
    const [sections, persons, exams, results, targetSets] = await Promise.all([
      listSections(db),
      db.persons.get(personId).then((p) => (p ? live([p]) : [])),
      listExams(db),
      db.examResults.where('personId').equals(personId).toArray(),
      listTargetSets(db),
    ])
    return { sections, persons, exams, examResults: live(results), targetSets }
  })
}
