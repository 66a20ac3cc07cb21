// 记录 → 全部 paging (db/year-pages activitiesPageOfYear): following `next` from the top returns every record of the
// year exactly once, newest first, in whole dates — however many records share a date.
import { beforeEach, describe, expect, it } from 'vitest'
import { LedgerDB } from '@/db/database'
import { commitChanges } from '@/db/writes'
import { activitiesOfYearBetween, activitiesPageOfYear, newestFirst, type YearPageQuery } from '@/db/year-pages'
import { freshLedgerPerTest } from '../support/ledger-db'
import { addDays, yearStart } from '@/domain/model/dates'
import { createRng } from '@/domain/demo/prng'
import type { Activity, ActivityKind, IsoDate } from '@/domain/model/types'

let db: LedgerDB

const ledger = freshLedgerPerTest('record-pages')
beforeEach(() => {
  db = ledger.db
})

let seq = 0
/** A record; `stamp` defaults to one shared by many rows (ties are broken by id). */
function activity(date: IsoDate, over: Partial<Activity> = {}): Activity {
  seq += 1
  return {
    id: `a${String(seq).padStart(5, '0')}`, kind: 'self', title: `记录${seq}`, date, endDate: null, hours: 1, legalTheme: true,
    laws: [], category: null, organizer: null, lecturer: null, attendees: ['p1'], note: '',
    updatedAt: '2024-03-01T00:00:00.000Z_0000_dev1', ...over,
  }
}

const put = (rows: Activity[]): Promise<unknown> => db.activities.bulkPut(rows)
const all = (q: Partial<YearPageQuery> = {}): YearPageQuery => ({ year: 2024, kinds: null, ...q })

/** Every page from the top; checks each page's shape on the way. */
async function pageThrough(q: YearPageQuery, size: number): Promise<{ rows: Activity[]; pages: Activity[][] }> {
  const pages: Activity[][] = []
  let before: IsoDate | null = null
  for (let i = 0; i < 10_000; i++) {
    const page = await activitiesPageOfYear(db, q, before, size)
    pages.push(page.rows)
    expect([...page.rows].sort(newestFirst)).toEqual(page.rows)
    for (const a of page.rows) {
      if (before !== null) expect(a.date < before).toBe(true)
      if (page.next !== null) expect(a.date >= page.next).toBe(true)
    }
    // The same range read again (what a live page re-reads) gives the same rows.
    expect(await activitiesOfYearBetween(db, q, page.next ?? yearStart(q.year), before)).toEqual(page.rows)
    if (page.next === null) return { rows: pages.flat(), pages }
    expect(page.rows.length).toBeGreaterThanOrEqual(size)
    before = page.next
  }
  throw new Error('paging did not end')
}

/** What the year holds: the records in it that pass the filter, newest first. */
function expected(rows: Activity[], q: YearPageQuery): Activity[] {
  return rows
    .filter((a) => a.date.startsWith(`${q.year}-`) && (q.kinds === null || q.kinds.includes(a.kind)) && (!q.accept || q.accept(a)))
    .sort(newestFirst)
}

function expectExactlyOnce(got: Activity[], want: Activity[]): void {
  expect(new Set(got.map((a) => a.id)).size).toBe(got.length)
  expect(got.map((a) => a.id)).toEqual(want.map((a) => a.id))
}

describe('activitiesPageOfYear', () => {
  it('returns an empty year as one empty last page', async () => {
    await put([activity('2023-12-31'), activity('2025-01-01')])
    expect(await activitiesPageOfYear(db, all(), null)).toEqual({ rows: [], next: null })
    expect(await activitiesPageOfYear(db, all({ year: 2030 }), null)).toEqual({ rows: [], next: null })
  })

  it('keeps many records of one date together across a page boundary', async () => {
    const rows = [
      ...Array.from({ length: 30 }, (_, i) => activity('2024-06-20', { updatedAt: `2024-06-20T08:00:${String(i % 60).padStart(2, '0')}.000Z_0000_dev1` })),
      ...Array.from({ length: 120 }, () => activity('2024-06-15')),
      ...Array.from({ length: 10 }, () => activity('2024-06-14')),
    ]
    await put(rows)
    const { rows: got, pages } = await pageThrough(all(), 50)
    expectExactlyOnce(got, expected(rows, all()))
    // Page 1: 30 of June 20 and all 120 of June 15 (the date that crossed 50 is completed); page 2: June 14.
    expect(pages.map((p) => p.length)).toEqual([150, 10])
    expect(new Set(pages[0].map((a) => a.date))).toEqual(new Set(['2024-06-20', '2024-06-15']))
    // Newest edit first within a date.
    expect(pages[0][0].updatedAt > pages[0][29].updatedAt).toBe(true)
  })

  it('takes Jan 1 and Dec 31 of the year, not the days around it, and the leap day', async () => {
    const rows = [
      activity('2023-12-31'), activity('2024-01-01'), activity('2024-01-01'), activity('2024-02-28'),
      activity('2024-02-29'), activity('2024-02-29'), activity('2024-03-01'), activity('2024-12-31'), activity('2025-01-01'),
    ]
    await put(rows)
    for (const size of [1, 2, 3, 50]) {
      const { rows: got } = await pageThrough(all(), size)
      expectExactlyOnce(got, expected(rows, all()))
      expect(got.map((a) => a.date)).toEqual(['2024-12-31', '2024-03-01', '2024-02-29', '2024-02-29', '2024-02-28', '2024-01-01', '2024-01-01'])
    }
    const last = await activitiesPageOfYear(db, all(), '2024-01-02', 1)
    expect(last.rows.map((a) => a.date)).toEqual(['2024-01-01', '2024-01-01'])
    expect(last.next).toBeNull()
    expect((await pageThrough(all({ year: 2023 }), 1)).rows.map((a) => a.date)).toEqual(['2023-12-31'])
  })

  it('ends with an empty page when the year holds exactly a page', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => activity(addDays('2024-05-01', i)))
    await put(rows)
    const { pages } = await pageThrough(all(), 50)
    expect(pages.map((p) => p.length)).toEqual([50, 0])
  })

  it('leaves out deleted records (tombstones are in no date index)', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => activity(addDays('2024-07-01', i % 7), { kind: i % 2 ? 'self' : 'lecture' }))
    await put(rows)
    const gone = rows.filter((_, i) => i % 3 === 0).map((a) => a.id)
    await commitChanges(db, [{ table: 'activities', remove: gone }])
    expect(await db.activities.count()).toBe(40)
    const left = rows.filter((a) => !gone.includes(a.id))
    for (const q of [all(), all({ kinds: ['lecture'] }), all({ kinds: ['self', 'online'] })]) {
      expectExactlyOnce((await pageThrough(q, 4)).rows, expected(left, q))
    }
  })

  it('pages a kind filter through [kind+date], several kinds merged in date order', async () => {
    const kinds: ActivityKind[] = ['self', 'online', 'lecture', 'collective', 'other']
    const rng = createRng(7)
    const rows = Array.from({ length: 400 }, () => {
      // "online" is rare and early in the year: the merge must not run ahead of the denser "self".
      const kind = rng.chance(0.05) ? 'online' : rng.pick(kinds.filter((k) => k !== 'online'))
      const date = kind === 'online' ? addDays('2024-01-01', rng.int(0, 40)) : addDays('2024-01-01', rng.int(0, 365))
      return activity(date, { kind })
    })
    await put(rows)
    for (const kindsOf of [['self'], ['self', 'online'], ['online'], ['preMeeting', 'warning', 'other'], ['warning']] as ActivityKind[][]) {
      const q = all({ kinds: kindsOf })
      for (const size of [1, 7, 50]) expectExactlyOnce((await pageThrough(q, size)).rows, expected(rows, q))
    }
  })

  it('applies a section filter while paging, reading further when few records pass', async () => {
    const rng = createRng(11)
    const persons = Array.from({ length: 40 }, (_, i) => `p${i}`)
    const rows = Array.from({ length: 1500 }, () =>
      activity(addDays('2024-01-01', rng.int(0, 365)), { attendees: rng.shuffle(persons).slice(0, rng.chance(0.1) ? 12 : 1), kind: rng.pick(['self', 'lecture'] as const) }),
    )
    await put(rows)
    const section = new Set(['p3', 'p17'])
    const accept = (a: Activity): boolean => a.attendees.some((id) => section.has(id))
    for (const q of [all({ accept }), all({ accept, kinds: ['lecture'] }), all({ accept: (a) => a.attendees.includes('nobody') })]) {
      const want = expected(rows, q)
      const { rows: got, pages } = await pageThrough(q, 50)
      expectExactlyOnce(got, want)
      if (want.length > 50) expect(pages.length).toBeGreaterThan(1)
    }
  })

  it('pages a random year at random page sizes exactly once (property)', async () => {
    for (const seed of [1, 2, 3]) {
      await db.activities.clear()
      const rng = createRng(seed)
      const hot = Array.from({ length: 5 }, () => addDays('2023-12-25', rng.int(0, 380)))
      const rows = Array.from({ length: 300 }, () =>
        activity(rng.chance(0.5) ? rng.pick(hot) : addDays('2023-12-20', rng.int(0, 390)), {
          kind: rng.pick(['self', 'online', 'lecture'] as const),
          updatedAt: `2024-03-0${rng.int(1, 3)}T00:00:00.000Z_0000_dev1`,
        }),
      )
      await put(rows)
      for (const q of [all(), all({ kinds: ['self', 'online'] }), all({ year: 2023 }), all({ year: 2025 })]) {
        expectExactlyOnce((await pageThrough(q, rng.int(1, 60))).rows, expected(rows, q))
      }
    }
  })
})
