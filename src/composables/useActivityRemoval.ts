/**
 * Delete a record after a confirm, then offer 撤销 for a few seconds. The
 * pending undo is shared, so a delete on the edit page can be undone on the
 * page it returns to.
 */
import { shallowRef } from 'vue'
import { formatHours } from '@/domain/model/format'
import type { Activity } from '@/domain/model/types'
import { errorText } from '@/stores/error-text'

const UNDO_MS = 8000
const pending = shallowRef<Activity | null>(null)
let timer: ReturnType<typeof setTimeout> | undefined

function offerUndo(a: Activity | null): void {
  clearTimeout(timer)
  pending.value = a
  if (a !== null) timer = setTimeout(() => (pending.value = null), UNDO_MS)
}

/** The dialogs and the store that changes records load on the first delete or 撤销, not with 首页. */
async function loadEditing() {
  const [dialogs, { useActivityEditsStore }] = await Promise.all([import('./dialogs'), import('@/stores/activity-edits')])
  return { ...dialogs, store: useActivityEditsStore() }
}

export function useActivityRemoval() {
  /** Resolves true when the record was deleted. */
  async function confirmRemove(a: Activity): Promise<boolean> {
    const { showConfirmDialog, showToast, store } = await loadEditing()
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
      await store.removeActivity(a.id)
      offerUndo(a)
      return true
    } catch (e) {
      showToast({ message: errorText(e, '删除失败'), type: 'fail' })
      return false
    }
  }

  async function undo(): Promise<void> {
    const a = pending.value
    if (a === null) return
    offerUndo(null)
    const { showToast, store } = await loadEditing()
    try {
      await store.restoreAsNew(a)
      showToast({ message: '已撤销删除', type: 'success' })
    } catch (e) {
      showToast({ message: errorText(e, '撤销失败'), type: 'fail' })
    }
  }

  return { pending, confirmRemove, undo, dismiss: () => offerUndo(null) }
}
