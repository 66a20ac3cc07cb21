/**
 * 记一笔's save: ask first when it looks like a record already entered, then log it. Loaded with the
 * quick-log sheet on the first tap (not with 首页), together with the checks it needs.
 */
import { showConfirmDialog, showToast } from 'vant'
import { quickLogActivity, type QuickLogInput } from '@/domain/activity-input'
import { formatHours } from '@/domain/format'
import { useActivityEditsStore } from '@/stores/activity-edits'
import { useLedgerStore } from '@/stores/ledger'

/** In case the toast's enter transition never reports its end (it takes 0.3 s). */
const TOAST_SHOWN_FALLBACK_MS = 500

export function useQuickLog() {
  const ledger = useLedgerStore()
  const store = useActivityEditsStore()

  async function isConfirmedNew(q: QuickLogInput): Promise<boolean> {
    if (!ledger.identity) return true
    const dups = await store.findDuplicates(quickLogActivity(q, ledger.identity))
    if (dups.length === 0) return true
    try {
      await showConfirmDialog({
        title: '可能重复',
        message: `${dups[0].date} 已有一条“${dups[0].title}”${formatHours(dups[0].hours)} 学时的记录。仍要保存吗？`,
        confirmButtonText: '仍要保存',
        cancelButtonText: '不保存',
      })
      return true
    } catch {
      return false
    }
  }

  /**
   * Resolves once the write resolved and 已保存 is being shown, with `shown` settling when the toast is fully
   * on screen; null when the user chose 不保存. Throws what the store throws. The caller closes the sheet
   * after `shown`: the confirmation comes first, the sheet slides away after it (and does not delay it).
   */
  async function save(q: QuickLogInput, today: string): Promise<{ shown: Promise<void> } | null> {
    if (!(await isConfirmedNew(q))) return null
    await store.quickLog(q, today)
    const shown = new Promise<void>((resolve) => {
      const fallback = setTimeout(resolve, TOAST_SHOWN_FALLBACK_MS)
      showToast({
        message: '已保存',
        type: 'success',
        onOpened: () => {
          clearTimeout(fallback)
          resolve()
        },
      })
    })
    return { shown }
  }

  return { save }
}
