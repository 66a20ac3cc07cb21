/**
 * The records list: kind filter chips, section/person filters, grouping by
 * month, and the short date wording of list rows and date cells.
 */
import { addDays } from '../model/dates'
import { KIND_SHORT_LABELS } from '../model/labels'
import type { Activity, ActivityKind, IsoDate, Person } from '../model/types'

export type KindFilter = 'all' | 'centerGroup' | 'collective' | 'lecture' | 'training' | 'personal' | 'otherGroup'

/** Chips of the records list, in order, with the kinds each one shows (null = every kind). */
export const KIND_FILTERS: readonly { key: KindFilter; label: string; kinds: readonly ActivityKind[] | null }[] = [
  { key: 'all', label: '全部', kinds: null },
  { key: 'centerGroup', label: '中心组', kinds: ['centerGroup'] },
  { key: 'collective', label: KIND_SHORT_LABELS.collective, kinds: ['collective'] },
  { key: 'lecture', label: KIND_SHORT_LABELS.lecture, kinds: ['lecture'] },
  { key: 'training', label: KIND_SHORT_LABELS.training, kinds: ['training'] },
  { key: 'personal', label: `${KIND_SHORT_LABELS.self}/${KIND_SHORT_LABELS.online}`, kinds: ['self', 'online'] },
  { key: 'otherGroup', label: '会前·警示·其他', kinds: ['preMeeting', 'warning', 'other'] },
]

export interface ListFilter {
  kind: KindFilter
  /** Only activities dated in this year. */
  year: number | null
  /** Only activities this person attended. */
  personId: string | null
  /** Only activities attended by someone of this section. */
  sectionId: string | null
}

export function isKindFilter(s: unknown): s is KindFilter {
  return KIND_FILTERS.some((f) => f.key === s)
}

/** The activities that pass every filter, order kept. */
export function filterActivities(
  activities: readonly Activity[],
  filter: ListFilter,
  persons: readonly Person[],
): Activity[] {
  const kinds = KIND_FILTERS.find((f) => f.key === filter.kind)?.kinds ?? null
  const yearPrefix = filter.year === null ? null : `${filter.year}-`
  let inSection: Set<string> | null = null
  if (filter.sectionId !== null) {
    inSection = new Set(persons.filter((p) => p.sectionId === filter.sectionId).map((p) => p.id))
  }
  return activities.filter(
    (a) =>
      (kinds === null || kinds.includes(a.kind)) &&
      (yearPrefix === null || a.date.startsWith(yearPrefix)) &&
      (filter.personId === null || a.attendees.includes(filter.personId)) &&
      (inSection === null || a.attendees.some((id) => inSection.has(id))),
  )
}

export interface MonthGroup {
  /** `YYYY-MM` */
  month: string
  label: string
  items: Activity[]
}

/** "2024年11月" */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
}

/** Consecutive activities of one month together (the input is sorted by date). */
export function groupByMonth(activities: readonly Activity[]): MonthGroup[] {
  const groups: MonthGroup[] = []
  for (const a of activities) {
    const month = a.date.slice(0, 7)
    const last = groups[groups.length - 1]
    if (last !== undefined && last.month === month) last.items.push(a)
    else groups.push({ month, label: monthLabel(month), items: [a] })
  }
  return groups
}

/** "11-20" */
export function shortDate(date: IsoDate): string {
  return date.slice(5)
}

/** "11月22日" */
export function monthDay(date: IsoDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
}

/** "今天 11月22日", "昨天 11月21日", "2024年11月20日" (another year) or "11月20日". */
export function dayLabel(date: IsoDate, today: IsoDate): string {
  if (date === today) return `今天 ${monthDay(date)}`
  if (date === addDays(today, -1)) return `昨天 ${monthDay(date)}`
  if (date.slice(0, 4) !== today.slice(0, 4)) return `${date.slice(0, 4)}年${monthDay(date)}`
  return monthDay(date)
}

/** "2024-11-20 至 11-22" for a multi-day activity, else the date. */
export function dateRangeLabel(date: IsoDate, endDate: IsoDate | null): string {
  if (endDate === null || endDate === date) return date
  return `${date} 至 ${endDate.slice(0, 4) === date.slice(0, 4) ? endDate.slice(5) : endDate}`
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Newest first: date, then the last edit; the id keeps ties in one order. ISO dates and stamps compare
 * as plain strings (no collator: localeCompare builds one on first use, ≈ 10 ms on a slow phone).
 */
export function newestFirst(a: Activity, b: Activity): number {
  return compareText(b.date, a.date) || compareText(b.updatedAt, a.updatedAt) || compareText(b.id, a.id)
}
