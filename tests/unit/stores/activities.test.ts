// The activities store: validated saves in one transaction; every bad input leaves the database exactly as it was.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { reactive } from 'vue'
import { LedgerDB } from '@/db/database'
import { setDb } from '@/db'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import { getMeta, setMeta } from '@/db/meta'
import type { ActivityInput } from '@/domain/input/activity-input'
import type { Activity, Person } from '@/domain/model/types'
import { useActivitiesStore } from '@/stores/activities'
import { ActivityInputError, useActivityEditsStore } from '@/stores/activity-edits'
import { useLedgerStore } from '@/stores/ledger'

let db: LedgerDB
let n = 0
const TODAY = '2024-11-22'

const person = (id: string, extra: Partial<Person> = {}): Omit<Person, 'updatedAt'> => ({
  id, name: `人员${id}`, sectionId: 's1', title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null, ...extra,
})

function input(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    kind: 'lecture', title: '法治讲座', date: '2024-11-01', endDate: null, hours: 2, legalTheme: true, laws: [],
    category: null, organizer: null, lecturer: null, attendees: ['p1', 'p2'], note: '', ...over,
  }
}

async function snapshot(): Promise<unknown> {
  const tables = ['sections', 'persons', 'activities', 'exams', 'examResults', 'targetSets', 'meta'] as const
  const out: Record<string, unknown> = {}
  for (const t of tables) out[t] = await db.table(t).toArray()
  return out
}

async function setup(role: 'person' | 'keeper', identity: string | null): Promise<ReturnType<typeof useActivityEditsStore>> {
  await setMeta(db, 'unit', { id: 'u1', name: '某局' })
  await setMeta(db, 'deviceRole', role)
  await setMeta(db, 'identity', identity)
  await useLedgerStore().init()
  return useActivityEditsStore()
}

beforeEach(async () => {
  db = new LedgerDB(`store-activities-${++n}`)
  await db.open()
  setDb(db)
  setActivePinia(createPinia())
  let t = Date.UTC(2024, 10, 22, 2)
  setWallClock(() => (t += 1000))
  await commitChanges(db, [
    { table: 'persons', put: [person('p1'), person('p2'), person('p3', { activeFrom: '2024-11-10' })] },
  ])
})
afterEach(async () => {
  setDb(null)
  db.close()
  await db.delete()
})

describe('saveActivity', () => {
  it('saves a group session once, stamped, for every attendee', async () => {
    const store = await setup('keeper', 'p1')
    const id = await store.saveActivity(input(), TODAY)
    const rec = (await db.activities.get(id)) as Activity
    expect(rec).toMatchObject({ kind: 'lecture', attendees: ['p1', 'p2'], hours: 2 })
    expect(rec.updatedAt).toMatch(/^2024-11-22T/)
    expect(await db.activities.where('attendees').equals('p2').count()).toBe(1)
  })

  it('edits a record in place', async () => {
    const store = await setup('keeper', 'p1')
    const id = await store.saveActivity(input(), TODAY)
    await store.saveActivity({ ...input({ title: '宪法讲座' }), id }, TODAY)
    expect(await db.activities.count()).toBe(1)
    expect(((await db.activities.get(id)) as Activity).title).toBe('宪法讲座')
  })

  it.each([
    ['hours 0', { hours: 0 }, '学时须大于 0'],
    ['hours not a step of 0.5', { hours: 0.7 }, '学时须为 0.5 的整数倍'],
    ['over 24 in a day', { hours: 25 }, '一天最多 24 学时'],
    ['a future date', { date: '2024-11-23' }, '日期不能晚于今天'],
    ['end before start', { endDate: '2024-10-01' }, '结束日期不能早于开始日期'],
    ['outside the ledger years', { date: '1999-05-01' }, '日期须在 2000 年至 2024 年之间'],
    ['no attendees', { attendees: [] }, '请至少选择一名参加人员'],
    ['attendee not active', { attendees: ['p3'] }, '人员p3在 2024-11-01 不在岗'],
    ['training without category', { kind: 'training' as const }, '业务培训须选择培训类别'],
  ])('rejects %s and leaves the database unchanged', async (_name, over, message) => {
    const store = await setup('keeper', 'p1')
    await store.saveActivity(input({ title: '已有记录' }), TODAY)
    const before = await snapshot()
    const err = await store.saveActivity(input(over), TODAY).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ActivityInputError)
    expect((err as Error).message).toContain(message)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses group sessions on a device that is not the keeper, unchanged', async () => {
    const store = await setup('person', 'p1')
    const before = await snapshot()
    await expect(store.saveActivity(input(), TODAY)).rejects.toThrow('只有台账管理员')
    expect(await snapshot()).toEqual(before)
  })

  it('finds a likely duplicate before saving', async () => {
    const store = await setup('keeper', 'p1')
    await store.saveActivity(input(), TODAY)
    expect(await store.findDuplicates(input({ attendees: ['p2'] }))).toHaveLength(1)
    expect(await store.findDuplicates(input({ hours: 1 }))).toHaveLength(0)
  })
})

describe('quickLog', () => {
  const q = { kind: 'online' as const, date: TODAY, hours: 1.5, laws: ['宪法'], topic: '', platform: '法宣在线' }

  it('saves self-study for me and remembers the choices', async () => {
    const store = await setup('person', 'p1')
    const id = await store.quickLog(q, TODAY)
    expect(await db.activities.get(id)).toMatchObject({
      kind: 'online', title: '法宣在线 线上学习《宪法》', attendees: ['p1'], hours: 1.5, organizer: '法宣在线',
      laws: ['中华人民共和国宪法'],
    })
    expect(await getMeta(db, 'quickLogDefaults')).toEqual({ kind: 'online', hours: 1.5, platform: '法宣在线', laws: ['宪法'] })
    expect(await useActivitiesStore().loadQuickLogDefaults()).toMatchObject({ kind: 'online', platform: '法宣在线' })
  })

  it('accepts the reactive arrays a form hands over', async () => {
    const store = await setup('person', 'p1')
    const form = reactive({ ...q, laws: ['宪法'] })
    await expect(store.quickLog(form, TODAY)).resolves.toMatch(/^a-/)
    const group = await setup('keeper', 'p1')
    await expect(group.saveActivity(reactive(input({ laws: ['民法典'] })), TODAY)).resolves.toMatch(/^a-/)
  })

  it('without an identity asks for one and changes nothing', async () => {
    const store = await setup('person', null)
    const before = await snapshot()
    await expect(store.quickLog(q, TODAY)).rejects.toThrow('我是谁')
    expect(await snapshot()).toEqual(before)
  })

  it('with bad hours changes nothing, not even the remembered defaults', async () => {
    const store = await setup('person', 'p1')
    const before = await snapshot()
    await expect(store.quickLog({ ...q, hours: -1 }, TODAY)).rejects.toThrow('学时须大于 0')
    await expect(store.quickLog({ ...q, date: '2024-12-01' }, TODAY)).rejects.toThrow('日期不能晚于今天')
    expect(await snapshot()).toEqual(before)
  })
})

describe('remove and undo', () => {
  it('deletes as a tombstone and restores under a new id', async () => {
    const store = await setup('person', 'p1')
    const id = await store.quickLog({ kind: 'self', date: TODAY, hours: 1, laws: [], topic: '', platform: null }, TODAY)
    const removed = await store.removeActivity(id)
    expect(store.lastRemoved?.id).toBe(id)
    expect(await db.activities.get(id)).toMatchObject({ id, deletedAt: expect.any(String) })
    const newId = await store.restoreAsNew(removed)
    expect(newId).not.toBe(id)
    expect(await db.activities.get(id)).toHaveProperty('deletedAt')
    expect(await db.activities.get(newId)).toMatchObject({ kind: 'self', hours: 1, attendees: ['p1'] })
    expect(store.lastRemoved).toBeNull()
  })

  it('does not let a person delete a group session', async () => {
    const keeper = await setup('keeper', 'p1')
    const id = await keeper.saveActivity(input(), TODAY)
    await useLedgerStore().setDeviceRole('person')
    const before = await snapshot()
    await expect(keeper.removeActivity(id)).rejects.toThrow('只有台账管理员')
    expect(await snapshot()).toEqual(before)
  })
})
