/**
 * The ledger itself: which unit, this device's identity and role, settings.
 * First-start actions (new unit, demo) live here.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  commitChanges,
  DEFAULT_SETTINGS,
  ensureDeviceId,
  getDb,
  getMetas,
  randomId,
  setMeta,
  type DeviceRole,
  type MetaValues,
} from '@/db'
import { localIsoDate, yearOf } from '@/domain/model/dates'
import type { Person, Section, Unit } from '@/domain/model/types'

export const useLedgerStore = defineStore('ledger', () => {
  const unit = ref<Unit | null>(null)
  const deviceId = ref('')
  const identity = ref<string | null>(null)
  const deviceRole = ref<DeviceRole>('person')
  const settings = ref<MetaValues['settings']>({ ...DEFAULT_SETTINGS })
  const isReady = ref(false)
  /** This device is connected to a sync service (the sync store loads only then). */
  const isSyncConnected = ref(false)
  const isKeeper = computed(() => deviceRole.value === 'keeper')
  const isHead = computed(() => deviceRole.value === 'head' || deviceRole.value === 'keeper')

  let firstInit: Promise<void> | null = null
  /** The first read of the ledger (started once, as early as the app starts; later calls share it). */
  function ready(): Promise<void> {
    firstInit ??= init().catch((e: unknown) => {
      firstInit = null
      throw e
    })
    return firstInit
  }

  /** (Re)reads the ledger's meta rows: at start, and after an import or a restore replaced them. */
  async function init(): Promise<void> {
    const db = getDb()
    // One request for the rows every start needs (cold start at county scale: docs/PERFORMANCE.md).
    const [u, id, role, saved, device, sync] = await getMetas(db, ['unit', 'identity', 'deviceRole', 'settings', 'deviceId', 'syncConnection'] as const)
    deviceId.value = device || (await ensureDeviceId(db))
    unit.value = u ?? null
    identity.value = id ?? null
    deviceRole.value = role ?? 'person'
    settings.value = { ...DEFAULT_SETTINGS, ...(saved ?? {}) }
    isSyncConnected.value = sync !== undefined
    isReady.value = true
  }

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
    })
    unit.value = newUnit
    deviceRole.value = 'keeper'
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
    })
    await init()
  }

  async function setIdentity(personId: string | null): Promise<void> {
    await setMeta(getDb(), 'identity', personId)
    identity.value = personId
  }

  async function setDeviceRole(role: DeviceRole): Promise<void> {
    await setMeta(getDb(), 'deviceRole', role)
    deviceRole.value = role
  }

  async function saveSettings(next: MetaValues['settings']): Promise<void> {
    await setMeta(getDb(), 'settings', next)
    settings.value = next
  }

  return { unit, deviceId, identity, deviceRole, settings, isReady, isSyncConnected, isKeeper, isHead, ready, init, createUnit, loadDemo, setIdentity, setDeviceRole, saveSettings }
})
