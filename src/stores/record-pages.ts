/**
 * 记录 → 全部: a year's records a page at a time, newest first, through the `date` index
 * (db/year-pages activitiesPageOfYear) — the first rows show without reading and sorting the whole year.
 *
 * Each page is live. Its first read finds where it ends (whole dates); from then on it is the fixed range of
 * dates [from, before) and re-reads that range when the database changes. Pages never move, so a deletion, an
 * undo or a new record shows in place, nothing is skipped or shown twice, and the rows already shown stay.
 *
 * No total is counted before the end: an index count() walks every entry of the range (≈ 3–5 s for 220 k records
 * in Chromium, as slow as reading them), so the list says how many there were once the last page is in.
 */
import { liveQuery, type Subscription } from 'dexie'
import { computed, getCurrentScope, onScopeDispose, shallowRef, watch, type ComputedRef, type ShallowRef } from 'vue'
import { getDb } from '@/db'
import { activitiesOfYearBetween, activitiesPageOfYear, type YearPageQuery } from '@/db/year-pages'
import { KIND_FILTERS, type KindFilter } from '@/domain/views/activity-list'
import { yearStart } from '@/domain/model/dates'
import type { Activity, IsoDate } from '@/domain/model/types'

export interface RecordPagesFilter {
  year: number
  kind: KindFilter
  /** Only records attended by one of these persons (a section's members); null: everyone's. */
  attendeesAnyOf: readonly string[] | null
}

export interface RecordPages {
  /** The loaded records, newest first. */
  rows: ComputedRef<Activity[]>
  /** False until the first page arrived (and while no filter is set). */
  isLoaded: ComputedRef<boolean>
  /** More records may follow the loaded ones (a page is being read, or older dates are not read yet). */
  hasMore: ComputedRef<boolean>
  error: ShallowRef<Error | null>
  /** Loads pages until at least n rows are loaded or the year is done. */
  ensure(n: number): void
}

interface Page {
  /** Newest date excluded (null: the page starts at Dec 31, included). */
  before: IsoDate | null
  /** Oldest date included; null until the first read found it. */
  from: IsoDate | null
  /** Where the next page starts (the same as `from`); null: nothing older in the year. */
  next: IsoDate | null
  rows: Activity[] | null
  sub: Subscription | null
}

function toQuery(f: RecordPagesFilter): YearPageQuery {
  const kinds = KIND_FILTERS.find((k) => k.key === f.kind)?.kinds ?? null
  if (f.attendeesAnyOf === null) return { year: f.year, kinds }
  const ids = new Set(f.attendeesAnyOf)
  return { year: f.year, kinds, accept: (a) => a.attendees.some((id) => ids.has(id)) }
}

/**
 * A page that reads itself: the first time through the paging query (which finds where the page ends), then its
 * fixed range of dates whenever the database changes. `onChange` hears every new result (after an error: none).
 */
function livePage(q: YearPageQuery, before: IsoDate | null, onChange: (error: Error | null) => void): Page {
  const page: Page = { before, from: null, next: null, rows: null, sub: null }
  page.sub = liveQuery(async () => {
    if (page.from !== null) return activitiesOfYearBetween(getDb(), q, page.from, page.before)
    const first = await activitiesPageOfYear(getDb(), q, page.before)
    page.next = first.next
    page.from = first.next ?? yearStart(q.year)
    return first.rows
  }).subscribe({
    next: (rows) => {
      page.rows = rows
      onChange(null)
    },
    error: (e: Error) => {
      // The list ends here rather than waiting for ever.
      page.rows ??= []
      page.next = null
      onChange(e)
    },
  })
  return page
}

/** The pages of the records that `filter` selects (none while it returns null); they follow the database. */
export function liveRecordPages(filter: () => RecordPagesFilter | null): RecordPages {
  const pages = shallowRef<readonly Page[]>([])
  const error = shallowRef<Error | null>(null)
  let query: YearPageQuery | null = null
  let wanted = 0

  function addPage(q: YearPageQuery, before: IsoDate | null): void {
    const page = livePage(q, before, (e) => {
      if (!pages.value.includes(page)) return
      error.value = e
      pages.value = [...pages.value]
      pump()
    })
    pages.value = [...pages.value, page]
  }

  function pump(): void {
    const last = pages.value[pages.value.length - 1]
    if (query === null || last === undefined || last.rows === null || last.next === null) return
    if (rows.value.length < wanted) addPage(query, last.next)
  }

  function reset(f: RecordPagesFilter | null): void {
    for (const p of pages.value) p.sub?.unsubscribe()
    error.value = null
    wanted = 0
    pages.value = []
    query = f === null ? null : toQuery(f)
    if (query !== null) addPage(query, null)
  }

  const rows = computed(() => pages.value.flatMap((p) => p.rows ?? []))
  const isLoaded = computed(() => pages.value.length > 0 && pages.value[0].rows !== null)
  const hasMore = computed(() => {
    const last = pages.value[pages.value.length - 1]
    return last !== undefined && (last.rows === null || last.next !== null)
  })

  const stop = watch(() => JSON.stringify(filter()), (key) => reset(JSON.parse(key ?? 'null') as RecordPagesFilter | null), { immediate: true })
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      reset(null)
    })
  }

  return {
    rows,
    isLoaded,
    hasMore,
    error,
    ensure(n: number) {
      wanted = Math.max(wanted, n)
      pump()
    },
  }
}
