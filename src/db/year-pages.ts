/**
 * 记录 → 全部, a page at a time (stores/record-pages.ts). Apart from queries.ts so that 首页's first download does not
 * carry the paging code: import it from here, not from the db index.
 */
import type { Collection, Table } from 'dexie'
import type { LedgerDB } from './database'
import { withOutcomes } from './queries'
import { newestFirst } from '../domain/views/activity-list'
import { maxDate, yearEnd, yearStart } from '../domain/model/dates'
import type { Activity, ActivityKind, IsoDate } from '../domain/model/types'

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
  return db.transaction('r', db.activities, db.reviewOutcomes, async () => {
    const rows: Activity[] = []
    let to = before ?? yearEnd(q.year)
    let includeTo = before === null
    for (let chunk = size; ; chunk = Math.min(chunk * 2, 1000)) {
      const parts = await Promise.all(ranges.map((r) => readWholeDates(r, from, to, includeTo, chunk)))
      // Below the newest of the ranges' oldest dates, some range is not read yet: that part waits for the next round.
      let cut: IsoDate | null = null
      for (const p of parts) if (p.lo !== null && (cut === null || p.lo > cut)) cut = p.lo
      for (const p of parts) for (const a of p.rows) if ((cut === null || a.date >= cut) && (!q.accept || q.accept(a))) rows.push(a)
      if (cut === null || rows.length >= size) return { rows: (await withOutcomes(db, rows)).sort(newestFirst), next: cut }
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
  return (await withOutcomes(db, q.accept ? rows.filter(q.accept) : rows)).sort(newestFirst)
}
