/**
 * What a device keeps about its sync (meta rows `syncConnection` and `syncState`) and the words the 同步 page
 * shows for it: 已同步 · 刚刚 / 待上传 N 条 / 离线，联网后自动同步 / 失败：原因.
 */
import type { Scope } from '../access/scope'
import type { Unit } from '../model/types'
import type { DeviceRole } from './protocol'

export interface SyncConnection {
  /** The service's origin with a trailing slash ('' = the origin the app was loaded from). */
  base: string
  token: string
  /** The device's id on the service (the keeper's device list shows it). */
  serverDeviceId: string
  role: DeviceRole
  unit: Unit | null
  personId: string | null
  sectionIds: string[]
  connectedAt: string
}

/**
 * Meta `syncState`. After each successful pull: `cursor` (pass back as `since`), `scope` (what the service cut the
 * data to), `asOf` (the service's time of that pull, ISO) and `source` (the service's origin). `lastError` holds
 * the last failure's sentence until a sync succeeds; `refused` counts local records the service will never take
 * (outside this device's scope), kept on the phone and no longer queued.
 */
export interface SyncState {
  cursor: string
  scope: Scope | null
  asOf: string | null
  source: string
  lastError: string | null
  lastErrorAt: string | null
  refused: number
}

export const INITIAL_SYNC_STATE: SyncState = {
  cursor: '0',
  scope: null,
  asOf: null,
  source: '',
  lastError: null,
  lastErrorAt: null,
  refused: 0,
}

export type SyncPhase = 'disconnected' | 'synced' | 'pending' | 'syncing' | 'offline' | 'error'

export interface SyncStatusInput {
  isConnected: boolean
  isSyncing: boolean
  isOnline: boolean
  pending: number
  lastSyncAt: string | null
  lastError: string | null
  /** The last failure was the network, not the service's answer. */
  lastErrorIsOffline: boolean
}

export interface SyncStatus {
  phase: SyncPhase
  words: string
}

/** "刚刚", "5 分钟前", "3 小时前", else the local date and time. */
export function sinceWords(iso: string, nowMs: number): string {
  const ms = nowMs - Date.parse(iso)
  if (!Number.isFinite(ms) || ms < 60_000) return '刚刚'
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} 分钟前`
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} 小时前`
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The phase and its words, in the order a user needs them: working, failing, waiting, done. */
export function syncStatus(s: SyncStatusInput, nowMs: number): SyncStatus {
  if (!s.isConnected) return { phase: 'disconnected', words: '未连接同步服务' }
  if (s.isSyncing) return { phase: 'syncing', words: s.pending > 0 ? `正在同步（待上传 ${s.pending} 条）…` : '正在同步…' }
  if (!s.isOnline || (s.lastError && s.lastErrorIsOffline)) {
    return { phase: 'offline', words: s.pending > 0 ? `离线，联网后自动同步（待上传 ${s.pending} 条）` : '离线，联网后自动同步' }
  }
  if (s.lastError) return { phase: 'error', words: `失败：${s.lastError}` }
  if (s.pending > 0) return { phase: 'pending', words: `待上传 ${s.pending} 条` }
  if (!s.lastSyncAt) return { phase: 'pending', words: '尚未同步' }
  return { phase: 'synced', words: `已同步 · ${sinceWords(s.lastSyncAt, nowMs)}` }
}

/** The roles on the service, in words. */
export const SYNC_ROLE_LABELS: Record<DeviceRole, string> = {
  keeper: '台账管理员',
  sectionHead: '股室负责人',
  official: '干部职工',
  county: '县（区）汇总账号',
}
