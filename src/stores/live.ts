/** Bridge Dexie's liveQuery to Vue refs: the data follows the database. */
import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

export interface LiveData<T> {
  data: ShallowRef<T>
  /** False until the first result arrived (drives loading states). */
  isLoaded: ShallowRef<boolean>
  error: ShallowRef<Error | null>
}

export function liveData<T>(querier: () => Promise<T> | T, initial: T): LiveData<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const isLoaded = shallowRef(false)
  const error = shallowRef<Error | null>(null)
  const sub: Subscription = liveQuery(querier).subscribe({
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
  if (getCurrentScope()) onScopeDispose(() => sub.unsubscribe())
  return { data, isLoaded, error }
}
