/**
 * What a delete and its 撤销 do, loaded on the first delete or 撤销 (not with 首页): the confirm dialog, the store
 * that changes records, the toasts (useActivityRemoval.ts holds the shared state).
 */
import { showConfirmDialog, showToast } from './dialogs'
import { formatHours } from '@/domain/model/format'
import type { Activity } from '@/domain/model/types'
import { useActivityEditsStore } from '@/stores/activity-edits'
import { errorText } from '@/stores/error-text'

/** Resolves true when the record was deleted. */
export async function confirmAndRemove(a: Activity): Promise<boolean> {
  const who = a.attendees.length > 1 ? `，${a.attendees.length} 人的学时将一并删除` : ''
  try {
    await showConfirmDialog({
      title: '删除这条记录？',
      message: `${a.date}　${a.title}　${formatHours(a.hours)} 学时${who}。删除后可立即撤销。`,
      confirmButtonText: '删除',
      confirmButtonColor: '#c81e1e',
      cancelButtonText: '取消',
    })
  } catch {
    return false
  }
  try {
    await useActivityEditsStore().removeActivity(a.id)
    return true
  } catch (e) {
    showToast({ message: errorText(e, '删除失败'), type: 'fail' })
    return false
  }
}

/** Brings a deleted record back (under a new id). */
export async function restoreRemoved(a: Activity): Promise<void> {
  try {
    await useActivityEditsStore().restoreAsNew(a)
    showToast({ message: '已撤销删除', type: 'success' })
  } catch (e) {
    showToast({ message: errorText(e, '撤销失败'), type: 'fail' })
  }
}
