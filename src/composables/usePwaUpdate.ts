/**
 * Service-worker registration with prompt-style updates: a new version only
 * takes over when the user taps the bar, never mid-form.
 */
import { ref } from 'vue'

const needRefresh = ref(false)
const offlineReady = ref(false)
let updateSW: ((reload?: boolean) => Promise<void>) | null = null
let started = false

export function usePwaUpdate() {
  if (!started && typeof window !== 'undefined' && 'serviceWorker' in navigator && import.meta.env.PROD) {
    started = true
    void import('virtual:pwa-register').then(({ registerSW }) => {
      updateSW = registerSW({
        immediate: true,
        onNeedRefresh: () => (needRefresh.value = true),
        onOfflineReady: () => (offlineReady.value = true),
      })
    })
  }
  async function applyUpdate(): Promise<void> {
    needRefresh.value = false
    await updateSW?.(true)
  }
  return { needRefresh, offlineReady, applyUpdate }
}
