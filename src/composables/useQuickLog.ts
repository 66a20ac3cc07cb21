/**
 * 记一笔's save: refuse a day over 24 学时, ask first when the day goes over the keeper's confirm line or it looks
 * like a record already entered, then log it. Loaded with the quick-log sheet on the first tap (not with 首页),
 * together with the checks it needs.
 */
import { closeToast, showConfirmDialog } from 'vant'
import { quickLogActivity, type QuickLogInput } from '@/domain/input/activity-input'
import { isSubmitDue } from '@/domain/device/submit-reminder'
import { formatHours } from '@/domain/model/format'
import { useActivityEditsStore, ActivityInputError } from '@/stores/activity-edits'
import { useBackupStatusStore } from '@/stores/backup-status'
import { useLedgerStore } from '@/stores/ledger'
import { useMyProgressStore } from '@/stores/my-progress'

async function confirmed(title: string, message: string, yes: string, no: string): Promise<boolean> {
  try {
    await showConfirmDialog({ title, message, confirmButtonText: yes, cancelButtonText: no })
    return true
  } catch {
    return false
  }
}

export interface QuickLogOutcome {
  isSaved: boolean
  /** An official's record saved and her 提交 is due: 首页 offers to send it. */
  isSubmitDue: boolean
}

export function useQuickLog() {
  const ledger = useLedgerStore()
  const store = useActivityEditsStore()
  const backup = useBackupStatusStore()
  const myProgress = useMyProgressStore()

  async function isConfirmedNew(q: QuickLogInput): Promise<boolean> {
    if (!ledger.identity) return true
    const record = quickLogActivity(q, ledger.identity)
    const day = await store.checkDay(record, new Map(), myProgress.targetSets)
    if (day.kind === 'refuse') throw new ActivityInputError(day.message)
    if (day.kind === 'confirm' && !(await confirmed('学时较多', day.message, '确认无误，保存', '返回修改'))) return false
    const dups = await store.findDuplicates(record)
    if (dups.length === 0) return true
    const message = `${dups[0].date} 已有一条“${dups[0].title}”${formatHours(dups[0].hours)} 学时的记录。仍要保存吗？`
    return confirmed('可能重复', message, '仍要保存', '不保存')
  }

  /**
   * Resolves once the write resolved (the caller then says 已保存); `isSaved` false when the user chose not to save.
   * Throws what the store throws (a refused day among them).
   */
  async function save(q: QuickLogInput, today: string): Promise<QuickLogOutcome> {
    if (!(await isConfirmedNew(q))) return { isSaved: false, isSubmitDue: false }
    await store.quickLog(q, today)
    closeToast(true) // 已保存 is then the only message: a Vant toast still showing (示例数据已载入, …) closes
    return { isSaved: true, isSubmitDue: !ledger.isKeeper && isSubmitDue(backup.status.lastSubmitAt, new Date()) }
  }

  return { save }
}
