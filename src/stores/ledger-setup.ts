/**
 * First-start actions of the welcome page: 新建单位台账 and 体验示例数据. Both make this device the keeper of a ledger
 * of its own (it holds the whole unit, live). Loaded with the welcome page, not with 首页.
 */
import { defineStore } from 'pinia'
import { getDb, randomId, setMeta } from '@/db'
import { commitChanges } from '@/db/writes'
import { localIsoDate, yearOf } from '@/domain/model/dates'
import type { HeldScope } from '@/domain/access/held-scopes'
import type { Person, Section, Unit } from '@/domain/model/types'
import { useLedgerStore } from './ledger'

/** A ledger made on this device: it holds the whole unit, live. */
const ownLedger = (): HeldScope[] => [{ scope: { role: 'keeper' }, asOf: new Date().toISOString(), source: 'local' }]

export const useLedgerSetupStore = defineStore('ledger-setup', () => {
  const ledger = useLedgerStore()

  /** 新建单位台账: the unit, its sections and this year's default targets, in one transaction. */
  async function createUnit(name: string, sectionNames: string[], today = localIsoDate(new Date())): Promise<void> {
    const db = getDb()
    const newUnit: Unit = { id: randomId('u'), name: name.trim() }
    const sections: Omit<Section, 'updatedAt'>[] = sectionNames.map((n, i) => ({ id: randomId('s'), name: n, order: i + 1 }))
    const { defaultTargetSet } = await import('@/domain/measures/targets-default')
    const { updatedAt: _u, ...targets } = defaultTargetSet(yearOf(today), () => randomId('r'), '')
    await db.transaction('rw', [db.sections, db.targetSets, db.meta, db.outbox], async () => {
      await commitChanges(db, [
        { table: 'sections', put: sections },
        { table: 'targetSets', put: [{ ...targets, id: randomId('t') }] },
      ])
      await setMeta(db, 'unit', newUnit)
      await setMeta(db, 'deviceRole', 'keeper')
      await setMeta(db, 'heldScopes', ownLedger())
    })
    await ledger.init()
  }

  /** 体验示例数据: a generated unit; this device acts as its keeper and as one enforcement officer. */
  async function loadDemo(today = localIsoDate(new Date())): Promise<void> {
    const db = getDb()
    const [{ generateDemoLedger }, { mergeRecords }] = await Promise.all([import('@/domain/demo/ledger'), import('@/db/merge-records')])
    const demo = generateDemoLedger({ today, deviceId: 'demo' })
    const me = (demo.records.persons as Person[]).find(
      (p) => p.roles.includes('enforcement') && p.activeTo === null && p.activeFrom < `${yearOf(today)}-01-01`,
    )
    await db.transaction('rw', [db.sections, db.persons, db.activities, db.exams, db.examResults, db.targetSets, db.meta, db.outbox], async () => {
      await mergeRecords(db, demo.records, { unit: demo.unit })
      await setMeta(db, 'identity', me?.id ?? null)
      await setMeta(db, 'deviceRole', 'keeper')
      await setMeta(db, 'heldScopes', ownLedger())
    })
    await ledger.init()
  }

  return { createUnit, loadDemo }
})
