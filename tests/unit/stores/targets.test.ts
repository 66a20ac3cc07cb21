// 考核指标 store: validated saves in one write, copy from last year, defaults; the progress store follows at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { LedgerDB, setDb } from '@/db'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import { getMeta } from '@/db/meta'
import { listTargetSets } from '@/db/queries'
import { TargetValidationError, useTargetsStore } from '@/stores/targets'
import { useProgressStore } from '@/stores/progress'
import { useLedgerStore } from '@/stores/ledger'
import type { Activity, Person, PersonHoursRule, TargetRule } from '@/domain/model/types'

let db: LedgerDB
let n = 0

beforeEach(async () => {
  db = new LedgerDB(`targets-store-${++n}`)
  await db.open()
  setDb(db)
  let t = Date.UTC(2024, 5, 1)
  setWallClock(() => (t += 1000))
  setActivePinia(createPinia())
})
afterEach(async () => {
  db.close()
  await db.delete()
  setDb(null)
})

const hoursRule = (minHours: number, over: Partial<PersonHoursRule> = {}): PersonHoursRule => ({
  id: 'h1', type: 'personHours', scope: 'enforcement', minHours, kinds: null, proRate: true, categoryMinHours: null, basis: '依据', ...over,
})

async function settled<T>(read: () => T, check: (v: T) => boolean): Promise<T> {
  await vi.waitFor(() => {
    if (!check(read())) throw new Error('not yet')
  }, { timeout: 3000, interval: 10 })
  return read()
}

describe('targets store', () => {
  it('saves a valid set in one write and follows the database', async () => {
    const store = useTargetsStore()
    store.year = 2024
    await store.saveTargetSet([hoursRule(60)])
    const saved = await settled(() => store.targetSet, (s) => s !== null)
    expect(saved?.rules).toEqual([hoursRule(60)])
    expect(await getMeta(db, 'changesSinceBackup')).toBe(1)

    await store.saveTargetSet([hoursRule(40)])
    await settled(() => store.targetSet, (s) => (s?.rules[0] as PersonHoursRule).minHours === 40)
    const all = await listTargetSets(db)
    expect(all).toHaveLength(1) // the same record, edited
    expect(all[0].id).toBe(saved?.id)
  })

  it('refuses an invalid set with a zh-CN message and writes nothing', async () => {
    const store = useTargetsStore()
    const bad: TargetRule[] = [
      hoursRule(0),
      { id: 'c', type: 'unitActivityCount', kind: 'lecture', legalThemeOnly: false, min: 1.5 },
      { id: 'e', type: 'examParticipation', scope: 'all', minRate: 1.2 },
    ]
    const err = await store.saveTargetSet(bad, 2024).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TargetValidationError)
    expect((err as TargetValidationError).messages).toEqual([
      '第 1 条规则：年度学时应大于 0',
      '第 2 条规则：最少次数应为不小于 1 的整数',
      '第 3 条规则：参考率应在 0% 到 100% 之间',
    ])
    await expect(store.saveTargetSet([hoursRule(60.2)], 2024)).rejects.toThrow('0.5 的整数倍')
    await expect(store.saveTargetSet([hoursRule(60)], 1800)).rejects.toThrow('年度应为')
    expect(await listTargetSets(db)).toEqual([])
    expect(await getMeta(db, 'changesSinceBackup')).toBeUndefined()
  })

  it('copies last year with new ids and refuses when last year has none', async () => {
    const store = useTargetsStore()
    await expect(store.copyFromLastYear(2024)).rejects.toThrow('2023 年度还没有考核指标，无法复制')
    await store.saveTargetSet([hoursRule(48, { kinds: ['training'], categoryMinHours: { publicLaw: 10 } })], 2023)
    await store.copyFromLastYear(2024)
    const sets = await listTargetSets(db)
    const y24 = sets.find((s) => s.year === 2024)!
    const y23 = sets.find((s) => s.year === 2023)!
    expect(y24.rules).toHaveLength(1)
    expect(y24.rules[0]).toMatchObject({ minHours: 48, kinds: ['training'], categoryMinHours: { publicLaw: 10 }, basis: '依据' })
    expect(y24.rules[0].id).not.toBe(y23.rules[0].id)
    expect(y24.id).not.toBe(y23.id)
  })

  it('creates the default rules for a year, replacing that year’s set in place', async () => {
    const store = useTargetsStore()
    await store.saveTargetSet([hoursRule(20)], 2025)
    const before = (await listTargetSets(db))[0]
    await store.createDefaults(2025)
    const after = await listTargetSets(db)
    expect(after).toHaveLength(1)
    expect(after[0].id).toBe(before.id)
    expect(after[0].rules.map((r) => r.type)).toEqual(['personHours', 'examParticipation', 'unitActivityCount', 'unitActivityCount'])
    expect(after[0].rules[0]).toMatchObject({ scope: 'enforcement', minHours: 60, proRate: true })
  })
})

describe('progress store follows target changes', () => {
  const person = (id: string, name: string): Omit<Person, 'updatedAt'> => ({
    id, name, sectionId: 's1', title: null, roles: ['enforcement'], certNo: null, activeFrom: '2020-01-01', activeTo: null,
  })
  const study = (id: string, hours: number, attendees: string[]): Omit<Activity, 'updatedAt'> => ({
    id, kind: 'training', title: '培训', date: '2024-03-01', endDate: null, hours, legalTheme: true, laws: [], category: 'business',
    organizer: null, lecturer: null, attendees, note: '',
  })

  it('re-evaluates statuses as soon as a rule changes', async () => {
    const sections = [{ id: 's1', name: '执法一队', order: 1 }]
    await commitChanges(db, [
      { table: 'sections', put: sections },
      { table: 'persons', put: [person('p1', '张三'), person('p2', '李四')] },
      { table: 'activities', put: [study('a1', 25, ['p1']), study('a2', 10, ['p2'])] },
    ])
    const ledger = useLedgerStore()
    ledger.identity = 'p2'
    const targets = useTargetsStore()
    const progress = useProgressStore()
    progress.acquire()
    progress.setPeriod(2024, '2024-07-01') // 183 / 366 of the year: pace 30 of 60
    await targets.saveTargetSet([hoursRule(60)], 2024)
    const statusOf = () => progress.rows.map((r) => `${r.person.name}:${r.status}`).join(',')
    expect(await settled(statusOf, (s) => s.includes('behind'))).toBe('李四:behind,张三:behind')
    expect(progress.myProgress?.gap).toBe(50)
    // A device that does not hold the section's records names nobody as behind…
    expect(progress.reminderFor('s1')).toBeNull()
    // …the keeper's device (its own ledger) does.
    ledger.heldScopes = [{ scope: { role: 'keeper' }, asOf: '2024-07-01T00:00:00.000Z', source: 'local' }]
    expect(progress.reminderFor('s1')).toContain('李四：已完成10学时，还差50学时')

    await targets.saveTargetSet([hoursRule(20)], 2024)
    expect(await settled(statusOf, (s) => s.includes('met'))).toBe('李四:onTrack,张三:met')
    expect(progress.summaries[0]).toMatchObject({ name: '执法一队', personCount: 2, completion: 0.5 })
    expect(progress.unitRuleLines.map((l) => l.value)).toEqual(['1 / 2 人达标'])
    expect(progress.myProgress?.status).toBe('onTrack')
  })
})
