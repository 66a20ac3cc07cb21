/**
 * The ledger itself: which unit, this device's identity, role and held scopes, settings. First-start actions (new
 * unit, demo) are stores/ledger-setup.ts, loaded with the welcome page.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEFAULT_SETTINGS, ensureDeviceId, getDb, getMeta, getMetas, setMeta, type DeviceRole, type MetaValues } from '@/db'
import type { Unit } from '@/domain/model/types'
import type { HeldScope } from '@/domain/access/held-scopes'

export const useLedgerStore = defineStore('ledger', () => {
  const unit = ref<Unit | null>(null)
  const deviceId = ref('')
  const identity = ref<string | null>(null)
  const deviceRole = ref<DeviceRole>('person')
  const settings = ref<MetaValues['settings']>({ ...DEFAULT_SETTINGS })
  /** The scopes this device holds (docs/spec/scopes.md). */
  const heldScopes = ref<HeldScope[]>([])
  /** Scores the official entered herself (never counted). */
  const selfScores = ref<MetaValues['selfScores']>({})
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
    const keys = ['unit', 'identity', 'deviceRole', 'settings', 'deviceId', 'heldScopes', 'selfScores', 'syncConnection'] as const
    const [u, id, role, saved, device, held, scores, sync] = await getMetas(db, keys)
    deviceId.value = device || (await ensureDeviceId(db))
    unit.value = u ?? null
    identity.value = id ?? null
    deviceRole.value = role ?? 'person'
    settings.value = { ...DEFAULT_SETTINGS, ...(saved ?? {}) }
    // Recorded by the version-4 upgrade, a new unit, the demo, every import and every pull; a keeper's ledger
    // without it is its own.
    heldScopes.value = held ?? (role === 'keeper' ? [{ scope: { role: 'keeper' }, asOf: '', source: 'local' }] : [])
    selfScores.value = scores ?? {}
    isSyncConnected.value = sync !== undefined
    isReady.value = true
  }

  /** Re-reads the held scopes alone (a sync's pull moved their as-of time without changing any record). */
  async function refreshHeldScopes(): Promise<void> {
    const held = await getMeta(getDb(), 'heldScopes')
    if (held) heldScopes.value = held
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

  return { unit, deviceId, identity, deviceRole, settings, heldScopes, selfScores, isReady, isSyncConnected, isKeeper, isHead, ready, init, refreshHeldScopes, setIdentity, setDeviceRole, saveSettings }
})
