/** Typed access to the device-local meta rows. */
import type { LedgerDB } from './database'
import type { Unit } from '../domain/model/types'
import type { HeldScope } from '../domain/access/held-scopes'
import type { SubmittedSet } from '../domain/access/own-records'
import type { SyncConnection, SyncState } from '../domain/sync/state'

export type DeviceRole = 'person' | 'head' | 'keeper'

export interface MetaValues {
  unit: Unit
  deviceId: string
  hlc: { wallMs: number; counter: number }
  /** ISO time of the last backup export. */
  lastBackupAt: string
  /** Writes since the last backup (drives the reminder). */
  changesSinceBackup: number
  /** The roster person this device belongs to ("我是"). */
  identity: string | null
  deviceRole: DeviceRole
  /** SHA-256 hex of the keeper PIN (a UI gate, not encryption). */
  pinHash: string | null
  /** Remembered quick-log defaults. */
  quickLogDefaults: { kind: 'self' | 'online'; hours: number; platform: string | null; laws: string[] }
  /**
   * `countSelfReported` is no longer read: whether unverified 自报 hours count is the keeper's choice kept with the
   * year's targets (TargetSet.counting), so that it travels to every device.
   */
  settings: { countSelfReported: boolean; backupReminderDays: number }
  /** The scopes this device holds and as of when (docs/spec/scopes.md). */
  heldScopes: HeldScope[]
  /** The per-person digests of the newest 发布 / 股室 file imported (access/own-records.ts). */
  ownRecordDigests: { asOf: string; from: string; byPerson: Record<string, string> }
  /** The official's last few 提交 files (newest first): what each carried. */
  submittedSets: SubmittedSet[]
  /** Scores an official entered for herself, per exam id: shown as 本人填写, never counted (the keeper's entry wins). */
  selfScores: Record<string, { score: number; enteredAt: string }>
  /** ISO time of the last submit file this device handed over. */
  lastSubmitAt: string
  /** The newest stamp that file carried: a record of hers stamped after it is 未提交 (stamps, not clocks, order edits). */
  lastSubmitStamp: string
  /** The canonical ledger file text saved automatically before a restore (恢复安全备份 swaps it back). */
  safetyBackup: string
  safetyBackupInfo: { savedAt: string; unitName: string; recordCount: number; reason: string }
  /** This device's enrollment on the sync service (absent: not connected). */
  syncConnection: SyncConnection
  /** Where the last sync got to: cursor, scope and time of the last pull (docs/spec/sync-api.md). */
  syncState: SyncState
}

export type MetaKey = keyof MetaValues

export async function getMeta<K extends MetaKey>(db: LedgerDB, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key)
  return row?.value as MetaValues[K] | undefined
}

/** Several rows in one request, in the order asked. */
export async function getMetas<const K extends readonly MetaKey[]>(
  db: LedgerDB,
  keys: K,
): Promise<{ [I in keyof K]: MetaValues[K[I]] | undefined }> {
  const rows = await db.meta.bulkGet([...keys])
  return rows.map((r) => r?.value) as { [I in keyof K]: MetaValues[K[I]] | undefined }
}

export async function setMeta<K extends MetaKey>(db: LedgerDB, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value })
}

export const DEFAULT_SETTINGS: MetaValues['settings'] = { countSelfReported: false, backupReminderDays: 7 }
