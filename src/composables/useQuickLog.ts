/**
 * 记一笔's save: ask first when it looks like a record already entered, then log it. Loaded with the
 * quick-log sheet on the first tap (not with 首页), together with the checks it needs.
 */
import { closeToast, showConfirmDialog } from 'vant'
import { quickLogActivity, type QuickLogInput } from '@/domain/input/activity-input'
import { formatHours } from '@/domain/model/format'
import { useActivityEditsStore } from '@/stores/activity-edits'
import { useLedgerStore } from '@/stores/ledger'

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
   * Resolves true once the write resolved (the caller then says 已保存), false when the user chose 不保存.
   * Throws what the store throws.
   */
  async function save(q: QuickLogInput, today: string): Promise<boolean> {
    if (!(await isConfirmedNew(q))) return false
    await store.quickLog(q, today)
    closeToast(true) // 已保存 is then the only message: a Vant toast still showing (示例数据已载入, …) closes
    return true
  }

  return { save }
}
