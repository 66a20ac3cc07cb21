/**
 * `liveData` whose query depends on reactive parameters (a person id, a year):
 * when the key changes, the old Dexie subscription ends and a new one starts.
 */
import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, watch } from 'vue'
import type { LiveData } from './live'

export function liveDataKeyed<K, T>(key: () => K, querier: (k: K) => Promise<T>, initial: T): LiveData<T> {
  const data = shallowRef(initial)
  const isLoaded = shallowRef(false)
  const error = shallowRef<Error | null>(null)
  let sub: Subscription | null = null
  let lastKey: string | null = null

  const stop = watch(
    key,
    (k) => {
      const serial = JSON.stringify(k) ?? 'undefined'
      if (serial === lastKey) return
      lastKey = serial
      sub?.unsubscribe()
      isLoaded.value = false
      sub = liveQuery(() => querier(k)).subscribe({
        next: (v) => {
          data.value = v
          isLoaded.value = true
          error.value = null
        },
        error: (e: Error) => {
          error.value = e
          isLoaded.value = true
        },
      })
    },
    { immediate: true },
  )
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stop()
      sub?.unsubscribe()
    })
  }
  return { data, isLoaded, error } as LiveData<T>
}
