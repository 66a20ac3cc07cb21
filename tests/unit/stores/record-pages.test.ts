// The live pages of 记录 → 全部 (stores/record-pages): more pages on demand, and a deletion, an undo or a new record
// shows in place without losing the rows already shown, nothing twice.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef, type EffectScope } from 'vue'
import { LedgerDB } from '@/db/database'
import { setDb } from '@/db'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import { newestFirst } from '@/db/year-pages'
import { addDays } from '@/domain/model/dates'
import type { Activity, IsoDate } from '@/domain/model/types'
import { liveRecordPages, type RecordPages, type RecordPagesFilter } from '@/stores/record-pages'

let db: LedgerDB
let n = 0
let scope: EffectScope

beforeEach(async () => {
  db = new LedgerDB(`store-record-pages-${++n}`)
  await db.open()
  setDb(db)
  let t = Date.UTC(2024, 10, 22, 2)
  setWallClock(() => (t += 1000))
  scope = effectScope()
})
afterEach(async () => {
  scope.stop()
  setDb(null)
  db.close()
  await db.delete()
})

let seq = 0
function activity(date: IsoDate, over: Partial<Activity> = {}): Omit<Activity, 'updatedAt'> {
  seq += 1
  return {
    id: `a${String(seq).padStart(5, '0')}`, kind: 'self', title: `记录${seq}`, date, endDate: null, hours: 1, legalTheme: true,
    laws: [], category: null, organizer: null, lecturer: null, attendees: [seq % 4 === 0 ? 'p2' : 'p1'], note: '', ...over,
  }
}

/** 300 records of 2024, three a day from Dec 31 back, and a few of 2023. */
async function seed(): Promise<void> {
  const rows = Array.from({ length: 300 }, (_, i) => activity(addDays('2024-12-31', -Math.floor(i / 3)), { kind: i % 5 === 0 ? 'lecture' : 'self' }))
  await commitChanges(db, [{ table: 'activities', put: [...rows, activity('2023-12-31'), activity('2023-06-01')] }])
}

async function yearRows(filter: (a: Activity) => boolean = () => true): Promise<string[]> {
  const rows = (await db.activities.where('date').between('2024-01-01', '2024-12-31', true, true).toArray()) as Activity[]
  return rows.filter(filter).sort(newestFirst).map((a) => a.id)
}

const ids = (p: RecordPages): string[] => p.rows.value.map((a) => a.id)
const settled = async (p: RecordPages, check: () => void): Promise<void> => {
  await expect.poll(() => {
    try {
      check()
      return true
    } catch {
      return false
    }
  }).toBe(true)
  expect(new Set(ids(p)).size).toBe(p.rows.value.length)
}

function open(filter: RecordPagesFilter | null): { pages: RecordPages; filter: ReturnType<typeof shallowRef<RecordPagesFilter | null>> } {
  const f = shallowRef<RecordPagesFilter | null>(filter)
  const pages = scope.run(() => liveRecordPages(() => f.value))!
  return { pages, filter: f }
}

describe('liveRecordPages', () => {
  it('shows the newest page first, then more on demand, then everything once', async () => {
    await seed()
    const all = await yearRows()
    const { pages } = open({ year: 2024, kind: 'all', attendeesAnyOf: null })
    await settled(pages, () => expect(pages.isLoaded.value).toBe(true))
    expect(ids(pages)).toEqual(all.slice(0, 51))
    expect(pages.hasMore.value).toBe(true)
    pages.ensure(120)
    await settled(pages, () => expect(pages.rows.value.length).toBeGreaterThanOrEqual(120))
    expect(ids(pages)).toEqual(all.slice(0, pages.rows.value.length))
    pages.ensure(Infinity)
    await settled(pages, () => expect(pages.hasMore.value).toBe(false))
    expect(ids(pages)).toEqual(all)
  })

  it('follows deletions, undo and new records in place, keeping the rows shown', async () => {
    await seed()
    const { pages } = open({ year: 2024, kind: 'all', attendeesAnyOf: null })
    pages.ensure(120)
    await settled(pages, () => expect(pages.rows.value.length).toBeGreaterThanOrEqual(120))
    const shown = pages.rows.value.length
    const victim = pages.rows.value[100]
    await commitChanges(db, [{ table: 'activities', remove: [victim.id] }])
    await settled(pages, () => expect(ids(pages)).not.toContain(victim.id))
    expect(pages.rows.value.length).toBe(shown - 1)
    expect(ids(pages)).toEqual((await yearRows()).slice(0, shown - 1))
    // 撤销: the record comes back under a new id, in its place; a new record of the newest date comes first.
    const { id: _old, updatedAt: _u, ...rest } = victim
    await commitChanges(db, [{ table: 'activities', put: [{ ...rest, id: 'restored' }, activity('2024-12-31', { id: 'newest' })] }])
    await settled(pages, () => expect(pages.rows.value.length).toBe(shown + 1))
    expect(ids(pages)[0]).toBe('newest')
    expect(ids(pages)).toContain('restored')
    expect(ids(pages)).toEqual((await yearRows()).slice(0, shown + 1))
  })

  it('filters by kind and by section, and starts again when the filter changes', async () => {
    await seed()
    const { pages, filter } = open({ year: 2024, kind: 'lecture', attendeesAnyOf: null })
    await settled(pages, () => expect(pages.isLoaded.value).toBe(true))
    pages.ensure(Infinity)
    await settled(pages, () => expect(pages.hasMore.value).toBe(false))
    expect(ids(pages)).toEqual(await yearRows((a) => a.kind === 'lecture'))
    filter.value = { year: 2024, kind: 'all', attendeesAnyOf: ['p2'] }
    await nextTick()
    await settled(pages, () => expect(pages.isLoaded.value).toBe(true))
    const p2 = await yearRows((a) => a.attendees.includes('p2'))
    expect(ids(pages)).toEqual(p2.slice(0, pages.rows.value.length))
    pages.ensure(Infinity)
    await settled(pages, () => expect(pages.hasMore.value).toBe(false))
    expect(ids(pages)).toEqual(p2)
    filter.value = { year: 2023, kind: 'all', attendeesAnyOf: null }
    await nextTick()
    await settled(pages, () => expect(pages.hasMore.value).toBe(false))
    expect(pages.rows.value.map((a) => a.date)).toEqual(['2023-12-31', '2023-06-01'])
    filter.value = { year: 2020, kind: 'all', attendeesAnyOf: null }
    await nextTick()
    await settled(pages, () => expect(pages.isLoaded.value && !pages.hasMore.value).toBe(true))
    expect(pages.rows.value).toEqual([])
    filter.value = null
    await nextTick()
    expect(pages.isLoaded.value).toBe(false)
  })
})
