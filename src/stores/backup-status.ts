/**
 * The backup reminder's data (issue #6): the last backup, the changes since, the last submit and the
 * safety backup's info, following the database. Small on purpose: 首页's banner needs it at start,
 * the import/export pipeline (stores/exchange.ts) loads only when used.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getDb } from '@/db'
import { readExchangeStatus, type ExchangeStatus } from '@/db/exchange-status'
import { backupReminder } from '@/domain/device/backup-reminder'
import { useLedgerStore } from './ledger'
import { liveData } from './live'

const EMPTY_STATUS: ExchangeStatus = { lastBackupAt: null, changesSinceBackup: 0, lastSubmitAt: null, lastSubmitStamp: null, safetyBackup: null }

export const useBackupStatusStore = defineStore('backup-status', () => {
  const ledger = useLedgerStore()
  const status = liveData(() => readExchangeStatus(getDb()), EMPTY_STATUS)
  /** Re-evaluated when a page asks (a clock is not reactive). */
  const now = ref(new Date())
  const reminder = computed(() =>
    backupReminder({
      lastBackupAt: status.data.value.lastBackupAt,
      changesSinceBackup: status.data.value.changesSinceBackup,
      reminderDays: ledger.settings.backupReminderDays,
      now: now.value,
    }),
  )

  function refreshClock(): void {
    now.value = new Date()
  }

  return { status: status.data, isStatusLoaded: status.isLoaded, reminder, refreshClock }
})
