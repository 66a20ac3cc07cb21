/**
 * Delete a record after a confirm, then offer 撤销 for a few seconds. The
 * pending undo is shared, so a delete on the edit page can be undone on the
 * page it returns to. The dialogs and the store that changes records load on
 * the first delete or 撤销 (activity-removal-actions.ts), not with 首页.
 */
import { shallowRef } from 'vue'
import type { Activity } from '@/domain/model/types'

const UNDO_MS = 8000
const pending = shallowRef<Activity | null>(null)
let timer: ReturnType<typeof setTimeout> | undefined

function offerUndo(a: Activity | null): void {
  clearTimeout(timer)
  pending.value = a
  if (a !== null) timer = setTimeout(() => (pending.value = null), UNDO_MS)
}

const actions = () => import('./activity-removal-actions')

export function useActivityRemoval() {
  /** Resolves true when the record was deleted. */
  async function confirmRemove(a: Activity): Promise<boolean> {
    const isRemoved = await (await actions()).confirmAndRemove(a)
    if (isRemoved) offerUndo(a)
    return isRemoved
  }

  async function undo(): Promise<void> {
    const a = pending.value
    if (a === null) return
    offerUndo(null)
    await (await actions()).restoreRemoved(a)
  }

  return { pending, confirmRemove, undo, dismiss: () => offerUndo(null) }
}
