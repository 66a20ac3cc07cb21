/**
 * `liveData` whose query depends on reactive parameters (a person id, a year):
 * when the key changes, the old Dexie subscription ends and a new one starts.
 */
import type { Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, watch } from 'vue'
import { emptyLive, subscribeLive, type LiveData } from './live'

export function liveDataKeyed<K, T>(key: () => K, querier: (k: K) => Promise<T>, initial: T): LiveData<T> {
  const target = emptyLive(initial)
  let sub: Subscription | null = null
  let lastKey: string | null = null

  const stop = watch(
    key,
    (k) => {
      const serial = JSON.stringify(k) ?? 'undefined'
      if (serial === lastKey) return
      lastKey = serial
      sub?.unsubscribe()
      target.isLoaded.value = false
      sub = subscribeLive(() => querier(k), target)
    },
    { immediate: true },
  )
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      sub?.unsubscribe()
    })
  }
  return target
}
