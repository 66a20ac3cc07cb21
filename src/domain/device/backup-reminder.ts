/**
 * The backup reminder (issue #6): due when there are changes since the last
 * backup and that backup is older than the reminder period (default 7 days).
 * A ledger never backed up is due as soon as it has changes.
 */
const DAY_MS = 24 * 60 * 60 * 1000

export interface BackupReminderInput {
  /** ISO instant of the last backup export, or null. */
  lastBackupAt: string | null
  changesSinceBackup: number
  reminderDays: number
  now: Date
}

export interface BackupReminder {
  isDue: boolean
  /** Whole days since the last backup; null when never backed up. */
  days: number | null
}

export function backupReminder(input: BackupReminderInput): BackupReminder {
  const last = input.lastBackupAt ? Date.parse(input.lastBackupAt) : NaN
  const days = Number.isFinite(last) ? Math.max(0, Math.floor((input.now.getTime() - last) / DAY_MS)) : null
  if (input.changesSinceBackup <= 0) return { isDue: false, days }
  if (days === null) return { isDue: true, days }
  const period = Math.max(1, input.reminderDays)
  return { isDue: input.now.getTime() - last > period * DAY_MS, days }
}

/** "⚠ 距上次备份已 12 天" / "⚠ 本机台账还没有备份过". */
export function backupReminderText(r: BackupReminder): string {
  return r.days === null ? '⚠ 本机台账还没有备份过' : `⚠ 距上次备份已 ${r.days} 天`
}
