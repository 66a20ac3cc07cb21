/**
 * 提交 in one tap: builds the official's 提交 file (all her 自学 / 线上 records and deletions: a file lost on the
 * way loses nothing), hands it to the share sheet (else downloads it), and says on screen what was sent.
 */
import { ref, shallowRef } from 'vue'
import { handOverLedgerFile } from './useLedgerFileSave'
import { useExchangeStore } from '@/stores/exchange'
import { errorText } from '@/stores/error-text'

export type SubmitState = 'idle' | 'busy' | 'done' | 'failed'

export interface SubmitDone {
  /** "2 条学习记录（另含 2 条删除）" */
  countWords: string
  fileName: string
  how: 'shared' | 'downloaded'
}

export function useSubmit() {
  const exchange = useExchangeStore()
  const state = ref<SubmitState>('idle')
  const done = shallowRef<SubmitDone | null>(null)
  const error = ref<string | null>(null)
  /** The share sheet was closed without sending. */
  const wasCancelled = ref(false)

  async function submit(): Promise<void> {
    if (state.value === 'busy') return
    state.value = 'busy'
    error.value = null
    wasCancelled.value = false
    try {
      const file = await exchange.exportFile('submit', { since: 'all', recordSubmit: false })
      const how = await handOverLedgerFile(file)
      if (how === 'cancelled') {
        wasCancelled.value = true
        state.value = 'idle'
        return
      }
      await exchange.markSubmitted(file)
      done.value = { countWords: file.countWords, fileName: file.fileName, how }
      state.value = 'done'
    } catch (e) {
      error.value = errorText(e, '提交失败')
      state.value = 'failed'
    }
  }

  return { state, done, error, wasCancelled, submit }
}
