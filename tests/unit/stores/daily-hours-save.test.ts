// Saving checks one person's day across records (issue 15): over 24 学时 refused with nothing written, over the
// year's confirm line asked; a record saved on an official's phone is 自报, and an edit of a returned one goes back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LedgerDB } from '@/db/database'
import { setDb } from '@/db'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import { setMeta } from '@/db/meta'
import type { ActivityInput } from '@/domain/input/activity-input'
import type { Activity, Person, TargetSet } from '@/domain/model/types'
import { useActivitiesStore } from '@/stores/activities'
import { ActivityInputError, useActivityEditsStore } from '@/stores/activity-edits'
import { useLedgerStore } from '@/stores/ledger'

let db: LedgerDB
let n = 0
const TODAY = '2024-11-22'
const person = (id: string, name: string): Omit<Person, 'updatedAt'> => ({
  id, name, sectionId: null, title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null,
})
const group = (over: Partial<ActivityInput> = {}): ActivityInput => ({
  kind: 'training', title: '执法培训', date: '2024-11-18', endDate: '2024-11-19', hours: 16, legalTheme: true, laws: [],
  category: 'business', organizer: null, lecturer: null, attendees: ['p1', 'p2'], note: '', ...over,
})
const dump = async () => ({ activities: await db.activities.toArray(), meta: await db.meta.toArray() })

async function setup(role: 'person' | 'keeper', identity: string) {
  await setMeta(db, 'unit', { id: 'u1', name: '某局' })
  await setMeta(db, 'deviceRole', role)
  await setMeta(db, 'identity', identity)
  await useLedgerStore().init()
  const activities = useActivitiesStore()
  await new Promise<void>((resolve) => {
    const wait = () => (activities.mine.isLoaded ? resolve() : setTimeout(wait, 5))
    wait()
  })
  return useActivityEditsStore()
}

beforeEach(async () => {
  db = new LedgerDB(`daily-save-${++n}`)
  await db.open()
  setDb(db)
  setActivePinia(createPinia())
  let t = Date.UTC(2024, 10, 22, 2)
  setWallClock(() => (t += 1000))
  await commitChanges(db, [{ table: 'persons', put: [person('p1', '张三'), person('p2', '李四')] }])
})
afterEach(async () => {
  setDb(null)
  db.close()
  await db.delete()
})

describe('a group session', () => {
  it('is refused when an attendee\'s day would pass 24 学时, and nothing is written', async () => {
    const store = await setup('keeper', 'p1')
    await store.saveActivity(group({ kind: 'self', title: '自学', date: '2024-11-19', endDate: null, hours: 17, category: null, attendees: ['p2'] }), TODAY)
    const before = await dump()
    // 16 学时 over two days is 8 a day; 李四 already has 17 on the 19th: 25.
    await expect(store.saveActivity(group(), TODAY)).rejects.toThrow(ActivityInputError)
    await expect(store.saveActivity(group(), TODAY)).rejects.toThrow(/李四11月19日的学时合计将达 25 学时/)
    expect(await dump()).toEqual(before)
    expect(await store.checkDay(group(), new Map([['p2', '李四']]))).toMatchObject({ kind: 'refuse' })
  })

  it('asks above the year\'s confirm line, which the keeper may raise', async () => {
    const store = await setup('keeper', 'p1')
    expect((await store.checkDay(group({ hours: 18 }))).kind).toBe('confirm') // 9 a day
    const set: Omit<TargetSet, 'updatedAt'> = { id: 't', year: 2024, rules: [], counting: { countSelfReported: false, dailyConfirmHours: 10 } }
    await commitChanges(db, [{ table: 'targetSets', put: [set] }])
    expect((await store.checkDay(group({ hours: 18 }))).kind).toBe('ok')
  })
})

describe('an official\'s own record', () => {
  it('is refused by the quick log when her day would pass 24 学时', async () => {
    const store = await setup('person', 'p1')
    const q = { kind: 'self' as const, date: '2024-11-20', hours: 20, laws: [], topic: '', platform: null }
    await store.quickLog(q, TODAY)
    const activities = useActivitiesStore()
    await new Promise<void>((resolve) => {
      const wait = () => (activities.mine.data.length === 1 ? resolve() : setTimeout(wait, 5))
      wait()
    })
    const before = await dump()
    await expect(store.quickLog({ ...q, hours: 6 }, TODAY)).rejects.toThrow(/您11月20日的学时合计将达 26 学时/)
    expect(await dump()).toEqual(before)
  })

  it('is saved as 自报, and an edit of a returned record goes back for review', async () => {
    const store = await setup('person', 'p1')
    const q = { kind: 'self' as const, date: '2024-11-20', hours: 2, laws: [], topic: '', platform: null }
    const id = await store.quickLog(q, TODAY)
    expect(await db.activities.get(id)).toMatchObject({ review: 'selfReported', reviewNote: null })
    const stored = (await db.activities.get(id)) as Activity
    await db.activities.put({ ...stored, review: 'returned', reviewNote: '学时有误' })
    const { updatedAt: _u, ...rest } = stored
    await store.saveActivity({ ...rest, hours: 1.5 }, TODAY)
    expect(await db.activities.get(id)).toMatchObject({ hours: 1.5, review: 'selfReported', reviewNote: null })
  })
})
