/** The few meta rows the backup reminder and the data page show (read at start: nothing else comes with it). */
import type { LedgerDB } from './database'
import type { HeldScope } from '../domain/access/held-scopes'

/** Meta key of what the data page shows about it (so it need not load the text). */
export const SAFETY_BACKUP_INFO_KEY = 'safetyBackupInfo'

export interface SafetyBackupInfo {
  /** ISO instant it was saved. */
  savedAt: string
  unitName: string
  recordCount: number
  /** Why it was saved, e.g. 导入备份前 / 恢复安全备份前. */
  reason: string
  /** The scopes the device held then (restored with it); absent in safety backups saved before schema version 4. */
  heldScopes?: HeldScope[]
}

/** What the data page and the backup reminder show. */
export interface ExchangeStatus {
  lastBackupAt: string | null
  changesSinceBackup: number
  lastSubmitAt: string | null
  /** The newest stamp of the last 提交 file (records stamped later are 未提交). */
  lastSubmitStamp: string | null
  safetyBackup: SafetyBackupInfo | null
}

export async function readExchangeStatus(db: LedgerDB): Promise<ExchangeStatus> {
  const rows = await db.meta.bulkGet(['lastBackupAt', 'changesSinceBackup', 'lastSubmitAt', SAFETY_BACKUP_INFO_KEY, 'lastSubmitStamp'])
  return {
    lastBackupAt: (rows[0]?.value as string | undefined) ?? null,
    changesSinceBackup: (rows[1]?.value as number | undefined) ?? 0,
    lastSubmitAt: (rows[2]?.value as string | undefined) ?? null,
    safetyBackup: (rows[3]?.value as SafetyBackupInfo | undefined) ?? null,
    // A phone that submitted before the stamp was kept: the file's time (stamps start with their ISO time).
    lastSubmitStamp: (rows[4]?.value as string | undefined) ?? (rows[2]?.value as string | undefined) ?? null,
  }
}
