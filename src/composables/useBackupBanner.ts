/**
 * 首页's backup reminder ("⚠ 距上次备份已 N 天 [立即备份]"): whether it shows, what it says, and 立即备份. It shows
 * on the keeper's device when the ledger has changes since a backup older than the reminder period; an official's
 * own records are kept safe by her 提交 (首页 and 我的 remind her of that). The export pipeline loads on the tap,
 * not with 首页.
 */
import { computed, onMounted, ref } from 'vue'
import { backupReminderText } from '@/domain/device/backup-reminder'
import { useBackupStatusStore } from '@/stores/backup-status'
import { useLedgerStore } from '@/stores/ledger'

export function useBackupBanner() {
  const backup = useBackupStatusStore()
  const ledger = useLedgerStore()
  const isExporting = ref(false)
  const loadFailed = ref(false)

  onMounted(() => backup.refreshClock())

  const isShown = computed(() => ledger.isKeeper && !!ledger.unit && backup.isStatusLoaded && backup.reminder.isDue)
  const text = computed(() => (loadFailed.value ? '无法开始备份，请刷新页面后重试' : backupReminderText(backup.reminder)))

  async function backupNow(): Promise<void> {
    isExporting.value = true
    try {
      const [{ useExchangeStore }, { downloadLedgerFile }, { showToast }] = await Promise.all([
        import('@/stores/exchange'),
        import('./useLedgerFileSave'),
        import('./dialogs'),
      ])
      try {
        downloadLedgerFile(await useExchangeStore().exportFile('backup'))
        showToast({ message: '已导出备份文件', type: 'success' })
      } catch (e) {
        showToast({ message: (e as Error).message, type: 'fail', duration: 4000 })
      }
    } catch {
      // The export code could not be loaded (e.g. an update replaced it): the banner says so.
      loadFailed.value = true
    } finally {
      isExporting.value = false
    }
  }

  return { isShown, text, isExporting, backupNow }
}
