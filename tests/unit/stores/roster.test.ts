// Roster store against a fresh fake-indexeddb database per test.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LedgerDB, listPersons, listSections, setDb, setWallClock } from '@/db'
import { commitChanges } from '@/db/writes'
import { useRosterStore } from '@/stores/roster'
import { InputError } from '@/domain/input/input-error'
import type { Activity, Person } from '@/domain/model/types'
import { readRosterPaste } from '@/domain/input/roster-paste'
import type { PasteDefaults } from '@/domain/input/roster-paste-plan'

let db: LedgerDB
let n = 0
const TODAY = '2024-11-22'

beforeEach(async () => {
  db = new LedgerDB(`t-roster-${++n}-${Date.now()}`)
  await db.open()
  setDb(db)
  let t = Date.UTC(2024, 10, 22)
  setWallClock(() => (t += 1000))
  setActivePinia(createPinia())
})
afterEach(async () => {
  vi.restoreAllMocks()
  setDb(null)
  db.close()
  await db.delete()
})

/** Every row of every table, to prove a refused action changed nothing. */
async function snapshot() {
  return {
    sections: await db.sections.toArray(),
    persons: await db.persons.toArray(),
    activities: await db.activities.toArray(),
    meta: await db.meta.toArray(),
  }
}

/** 批量添加 of a list of names, as the paste sheet sends it. */
async function addNames(names: string[], defaults: PasteDefaults, on = TODAY): Promise<string[]> {
  return (await useRosterStore().pasteRoster(readRosterPaste(names.join('\n'), []).persons, {}, defaults, on)).ids
}

async function seed() {
  const roster = useRosterStore()
  const office = await roster.addSection('办公室')
  const law = await roster.addSection('法规股')
  return { roster, office, law }
}

describe('sections', () => {
  it('adds sections in order, renames and reorders them', async () => {
    const { roster, office, law } = await seed()
    const third = await roster.addSection(' 执法一队 ')
    await roster.renameSection(law, '法规股（审批股）')
    await roster.moveSection(third, -1)
    const sections = await listSections(db)
    expect(sections.map((s) => [s.name, s.order])).toEqual([['办公室', 1], ['执法一队', 2], ['法规股（审批股）', 3]])
    await roster.moveSection(office, -1) // already first: nothing changes
    expect((await listSections(db)).map((s) => s.id)).toEqual([office, third, law])
  })

  it('refuses an empty or duplicate name and changes nothing', async () => {
    const { roster, law } = await seed()
    const before = await snapshot()
    await expect(roster.addSection('  ')).rejects.toThrow('请填写股室名称')
    await expect(roster.addSection('办公室')).rejects.toThrow('已有名为“办公室”的股室')
    await expect(roster.renameSection(law, '办公室')).rejects.toBeInstanceOf(InputError)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses to remove a section that still has persons (a leaver too) and changes nothing', async () => {
    const { roster, office, law } = await seed()
    const [p] = await addNames(['张三'], { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    await roster.setLeaving(p, '2024-06-30', TODAY)
    const before = await snapshot()
    await expect(roster.removeSection(office)).rejects.toThrow('“办公室”还有 1 名人员（其中已调出 1 人），请先把他们调整到其他股室')
    expect(await snapshot()).toEqual(before)
    await roster.removeSection(law)
    expect((await listSections(db)).map((s) => s.name)).toEqual(['办公室'])
    expect(await db.sections.get(law)).toMatchObject({ id: law, deletedAt: expect.any(String) })
  })
})

describe('persons', () => {
  it('pastes many persons in one readwrite transaction, in the pasted order', async () => {
    const { office } = await seed()
    // Count the IndexedDB transactions Dexie opens (a nested Dexie transaction reuses its parent's).
    const core = db.core
    const original = core.transaction
    const modes: string[] = []
    vi.spyOn(core, 'transaction').mockImplementation((stores, mode, options) => {
      modes.push(mode)
      return original.call(core, stores, mode, options)
    })
    const changesBefore = (await db.meta.get('changesSinceBackup'))?.value as number
    const ids = await addNames(['张三', '李四', '王五'], { sectionId: office, roles: ['enforcement'], activeFrom: '2024-01-01' })
    expect(ids).toHaveLength(3)
    expect(modes.filter((m) => m === 'readwrite')).toHaveLength(1)
    const persons = await listPersons(db)
    expect(persons.sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((p) => [p.name, p.order])).toEqual([['张三', 1], ['李四', 2], ['王五', 3]])
    expect(persons.every((p) => p.sectionId === office && p.roles[0] === 'enforcement' && p.activeTo === null)).toBe(true)
    expect((await db.meta.get('changesSinceBackup'))?.value).toBe(changesBefore + 3)
  })

  it('refuses a paste with a bad section or date, or nothing picked, and writes none of it', async () => {
    const { office } = await seed()
    const before = await snapshot()
    const opts = { sectionId: office, roles: [], activeFrom: '2024-01-01' }
    await expect(addNames([], opts)).rejects.toThrow('没有勾选要添加或更新的人员')
    await expect(addNames(['张'.repeat(31)], opts)).rejects.toThrow('没有勾选要添加或更新的人员') // too long: never picked
    await expect(addNames(['张三'], { ...opts, sectionId: 'nope' })).rejects.toThrow('所选股室已不存在')
    await expect(addNames(['张三'], { ...opts, activeFrom: '2025-01-01' })).rejects.toThrow('调入日期不能晚于今天')
    expect(await snapshot()).toEqual(before)
  })

  it('pastes a table: new sections, cert numbers, the pasted order, and fills in an existing person', async () => {
    const { roster, office } = await seed()
    const [old] = await addNames(['老李'], { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    const text = '姓名\t股室\t执法证号\n赵一鸣\t办公室\t\n钱二\t执法大队\t44010012345\n老李\t\t44010099999\n孙三\t执法大队\t44010012346\n'
    const paste = readRosterPaste(text, ['办公室', '法规股'])
    const out = await roster.pasteRoster(paste.persons, {}, { sectionId: office, roles: [], activeFrom: '2024-01-01' }, TODAY)
    expect(out).toMatchObject({ added: 3, updated: 1, sections: 1 })
    const sections = await listSections(db)
    const team = sections.find((s) => s.name === '执法大队')!
    expect(team.order).toBe(3)
    const persons = (await listPersons(db)).sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    expect(persons.map((p) => [p.name, p.order, p.sectionId === team.id, p.certNo, p.roles])).toEqual([
      ['老李', 1, false, '44010099999', ['enforcement']],
      ['赵一鸣', 2, false, null, []],
      ['钱二', 3, true, '44010012345', ['enforcement']],
      ['孙三', 4, true, '44010012346', ['enforcement']],
    ])
    expect(persons.find((p) => p.id === old)?.sectionId).toBe(office)
  })

  it('a person added alone goes after everyone; editing keeps the place', async () => {
    const { roster, office } = await seed()
    await addNames(['甲', '乙'].map((x) => `${x}某`), { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    const input = { id: null, name: '丙某', sectionId: office, title: null, roles: [], certNo: null, activeFrom: '2020-03-01', activeTo: null }
    const id = await roster.savePerson(input, TODAY)
    expect((await db.persons.get(id)) as Person).toMatchObject({ order: 3 })
    await roster.savePerson({ ...input, id, title: '科员', order: 99 }, TODAY)
    expect((await db.persons.get(id)) as Person).toMatchObject({ order: 3, title: '科员' })
  })

  it('saves and edits a person; refuses an empty name or a leave date before joining', async () => {
    const { roster, office, law } = await seed()
    const input = { id: null, name: '张三', sectionId: office, title: '股长', roles: ['leader' as const], certNo: null, activeFrom: '2020-03-01', activeTo: null }
    const id = await roster.savePerson(input, TODAY)
    await roster.savePerson({ ...input, id, sectionId: law, title: ' 副股长 ' }, TODAY)
    expect(await db.persons.get(id)).toMatchObject({ sectionId: law, title: '副股长' })
    const before = await snapshot()
    await expect(roster.savePerson({ ...input, id, name: ' ' }, TODAY)).rejects.toThrow('请填写姓名')
    await expect(roster.savePerson({ ...input, id, activeTo: '2019-01-01' }, TODAY)).rejects.toThrow('调出日期不能早于调入日期（2020-03-01）')
    await expect(roster.setLeaving(id, '2020-02-01', TODAY)).rejects.toThrow('调出日期不能早于调入日期')
    await expect(roster.setLeaving(id, '2024-12-01', TODAY)).rejects.toThrow('调出日期不能晚于今天')
    expect(await snapshot()).toEqual(before)
  })

  it('调出 keeps every activity of the person; reinstating clears activeTo', async () => {
    const { roster, office } = await seed()
    const [p, q] = await addNames(['张三', '李四'], { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    const activity: Omit<Activity, 'updatedAt'> = {
      id: 'a1', kind: 'lecture', title: '法治讲座', date: '2024-03-01', endDate: null, hours: 2, legalTheme: true, laws: [],
      category: null, organizer: null, lecturer: null, attendees: [p, q], note: '',
    }
    await commitChanges(db, [{ table: 'activities', put: [activity] }])
    const activitiesBefore = await db.activities.toArray()
    await roster.setLeaving(p, '2024-09-30', TODAY)
    expect(await db.activities.toArray()).toEqual(activitiesBefore)
    expect(((await db.persons.get(p)) as Person).activeTo).toBe('2024-09-30')
    expect(await roster.referencesOf(p)).toEqual({ activities: 1, examResults: 0 })
    await expect(roster.removePerson(p)).rejects.toThrow('已有 1 条学习记录')
    await roster.reinstate(p)
    expect(((await db.persons.get(p)) as Person).activeTo).toBeNull()
    expect(await db.activities.toArray()).toEqual(activitiesBefore)
  })

  it('deletes a person nobody names (entered by mistake)', async () => {
    const { roster, office } = await seed()
    const [p] = await addNames(['张三'], { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    await roster.removePerson(p)
    expect(await listPersons(db)).toEqual([])
  })

  it('follows the database in its live refs', async () => {
    const { roster, office } = await seed()
    await addNames(['张三'], { sectionId: office, roles: [], activeFrom: '2020-01-01' })
    await vi.waitFor(() => expect(roster.persons.map((p) => p.name)).toEqual(['张三']))
    expect(roster.sections.map((s) => s.name)).toEqual(['办公室', '法规股'])
  })
})
