/**
 * Live sync in the app: the connection, its status in words, and when to sync — at start, a little after each
 * save (the outbox grew), when the network comes back, when the app is shown again, and every few minutes.
 * Nothing here runs on the save path: a save only adds outbox rows in its own transaction; this store notices
 * them afterwards. Loaded lazily (main.ts, the 同步 pages): the first screen does not carry it.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { getDb } from '@/db'
import { forgetConnection, noteSyncError, pendingCount, readSyncRows } from '@/db/sync-store'
import { connectWithSetupCode, joinWithInvitation, syncOnce } from '@/sync/engine'
import { syncApi, SyncError, OFFLINE_MESSAGE } from '@/sync/api'
import { syncStatus, INITIAL_SYNC_STATE, type SyncConnection, type SyncState } from '@/domain/sync/state'
import type { DeviceInfo, InvitationInfo, InvitedRole } from '@/domain/sync/protocol'
import { liveData } from './live'
import { useLedgerStore } from './ledger'

const PERIOD_MS = 5 * 60_000
const AFTER_SAVE_MS = 400

/** A short name for this device in the keeper's device list. */
function deviceLabel(): string {
  const ua = typeof navigator === 'undefined' ? '' : navigator.userAgent
  const kind = /iPhone|iPad/.test(ua) ? 'iPhone/iPad' : /Android/.test(ua) ? 'Android 手机' : /Windows|Macintosh|Linux/.test(ua) ? '电脑浏览器' : '设备'
  return `${kind}（${new Date().toLocaleDateString('zh-CN')} 加入）`
}

export const useSyncStore = defineStore('sync', () => {
  const db = getDb()
  const connection = shallowRef<SyncConnection | null>(null)
  const state = shallowRef<SyncState>({ ...INITIAL_SYNC_STATE })
  const isSyncing = ref(false)
  const isOnline = ref(typeof navigator === 'undefined' ? true : navigator.onLine !== false)
  const lastErrorIsOffline = ref(false)
  const isLoaded = ref(false)
  const now = ref(Date.now())
  const pending = liveData(() => pendingCount(db), 0)
  const progress = ref<{ pushed: number; pulled: number } | null>(null)

  const status = computed(() =>
    syncStatus(
      {
        isConnected: connection.value !== null,
        isSyncing: isSyncing.value,
        isOnline: isOnline.value,
        pending: pending.data.value,
        lastSyncAt: state.value.asOf,
        lastError: state.value.lastError,
        lastErrorIsOffline: lastErrorIsOffline.value,
      },
      now.value,
    ),
  )
  const isKeeper = computed(() => connection.value?.role === 'keeper')
  const isCounty = computed(() => connection.value?.role === 'county')
  const api = () => ({ base: connection.value?.base ?? '', token: connection.value?.token ?? null })

  async function refresh(): Promise<void> {
    const rows = await readSyncRows(db)
    connection.value = rows.connection
    state.value = rows.state
    now.value = Date.now()
    isLoaded.value = true
  }

  let running: Promise<void> | null = null
  /** One sync at a time; a call while one runs waits for it. Failures are kept as words, never thrown. */
  function syncNow(): Promise<void> {
    running ??= (async () => {
      if (!connection.value) return
      isSyncing.value = true
      progress.value = null
      try {
        const out = await syncOnce(db, { onProgress: (p) => (progress.value = p) })
        lastErrorIsOffline.value = false
        // Records arrived: re-read the ledger; else only the held scopes moved (数据截至 the time of this pull).
        if (out.pulled > 0) await useLedgerStore().init()
        else await useLedgerStore().refreshHeldScopes()
      } catch (e) {
        const offline = e instanceof SyncError && e.isOffline
        lastErrorIsOffline.value = offline
        await noteSyncError(db, offline ? OFFLINE_MESSAGE : e instanceof Error ? e.message : String(e), new Date().toISOString())
      } finally {
        isSyncing.value = false
        progress.value = null
        await refresh()
        running = null
      }
    })()
    return running
  }

  let timer: ReturnType<typeof setTimeout> | null = null
  function syncSoon(delayMs: number): void {
    if (!connection.value || connection.value.role === 'county') return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = null
      void syncNow()
    }, delayMs)
  }

  let isListening = false
  /**
   * While the app is shown and online, one long poll waits for the unit to change on the service; a change pulls
   * at once (a colleague's save shows here within a round trip). A failure waits 15 s before the next try.
   */
  async function listen(): Promise<void> {
    if (isListening) return
    isListening = true
    try {
      for (;;) {
        const c = connection.value
        if (!c || c.role === 'county' || document.hidden || !isOnline.value) return
        try {
          const res = await syncApi.wait({ base: c.base, token: c.token }, state.value.cursor)
          if (res.changed) await syncNow()
          // A sync that keeps failing (a wrong clock, a full disk) must not spin: wait before asking again.
          if (state.value.lastError) await new Promise((r) => setTimeout(r, 15_000))
        } catch {
          await new Promise((r) => setTimeout(r, 15_000))
        }
      }
    } finally {
      isListening = false
    }
  }

  let isStarted = false
  /** Reads the connection and, when connected, syncs now and from then on by itself. */
  async function start(): Promise<void> {
    await refresh()
    if (isStarted || !connection.value) return
    isStarted = true
    window.addEventListener('online', () => {
      isOnline.value = true
      syncSoon(0)
      void listen()
    })
    window.addEventListener('offline', () => (isOnline.value = false))
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) return
      syncSoon(500)
      void listen()
    })
    setInterval(() => {
      now.value = Date.now()
      if (!document.hidden) syncSoon(0)
    }, PERIOD_MS)
    setInterval(() => (now.value = Date.now()), 30_000)
    watch(
      () => pending.data.value,
      (n, before) => {
        if (n > (before ?? 0)) syncSoon(AFTER_SAVE_MS)
      },
    )
    syncSoon(0)
    void listen()
  }

  async function afterConnect(): Promise<void> {
    await refresh()
    await useLedgerStore().init()
    await start()
    await syncNow()
  }

  async function connect(setupCode: string, county: boolean): Promise<void> {
    await connectWithSetupCode(db, { base: '', label: deviceLabel(), nowIso: new Date().toISOString(), setupCode, county })
    await afterConnect()
  }

  async function join(code: string): Promise<void> {
    await joinWithInvitation(db, { base: '', label: deviceLabel(), nowIso: new Date().toISOString(), code })
    await afterConnect()
  }

  async function disconnect(): Promise<void> {
    await forgetConnection(db)
    await refresh()
  }

  const invite = (personId: string, role: InvitedRole, sectionIds?: string[]) => syncApi.invite(api(), { personId, role, sectionIds })
  const invitations = async (): Promise<InvitationInfo[]> => (await syncApi.invitations(api())).invitations
  const cancelInvitation = (id: string) => syncApi.cancelInvitation(api(), id)
  const devices = async (): Promise<DeviceInfo[]> => (await syncApi.devices(api())).devices
  const revoke = (id: string) => syncApi.revoke(api(), id)
  const countyTable = (year: number, asOf: string) => syncApi.county(api(), year, asOf)
  const countyUnit = (unitId: string, year: number, asOf: string) => syncApi.countyUnit(api(), unitId, year, asOf)

  return {
    connection,
    state,
    status,
    pending: pending.data,
    progress,
    isSyncing,
    isKeeper,
    isCounty,
    isLoaded,
    start,
    refresh,
    syncNow,
    connect,
    join,
    disconnect,
    invite,
    invitations,
    cancelInvitation,
    devices,
    revoke,
    countyTable,
    countyUnit,
  }
})
