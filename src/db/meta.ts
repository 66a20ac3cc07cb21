/** Typed access to the device-local meta rows. */
import type { LedgerDB } from './database'
import type { Unit } from '../domain/model/types'
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
  settings: { countSelfReported: boolean; backupReminderDays: number }
  /** ISO time of the last submit file this device exported. */
  lastSubmitAt: string
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

export const DEFAULT_SETTINGS: MetaValues['settings'] = { countSelfReported: true, backupReminderDays: 7 }
