/** Bridge Dexie's liveQuery to Vue refs: the data follows the database. */
import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'

export interface LiveData<T> {
  data: ShallowRef<T>
  /** False until the first result arrived (drives loading states). */
  isLoaded: ShallowRef<boolean>
  error: ShallowRef<Error | null>
}

export function emptyLive<T>(initial: T): LiveData<T> {
  return { data: shallowRef(initial) as ShallowRef<T>, isLoaded: shallowRef(false), error: shallowRef<Error | null>(null) }
}

/**
 * Runs `fn` once the next frame has been painted (at once where there are no frames: a hidden page,
 * Node). After a save, the page first shows what the user is waiting for (已保存) and only then
 * re-renders the lists and cards the save changed (docs/PERFORMANCE.md, quick log).
 */
function afterNextPaint(fn: () => void): void {
  if (typeof requestAnimationFrame !== 'function' || typeof document === 'undefined' || document.hidden) fn()
  else requestAnimationFrame(() => setTimeout(fn, 0))
}

/** A live subscription that a save the user waits on can hold (see `holdLive`). */
interface Holdable {
  hold(): void
  resume(): void
}
const holdables = new Set<Holdable>()
let holds = 0

/**
 * Holds every live query while a save the user waits on runs: Dexie re-runs each query the moment a
 * transaction commits, which on a slow phone comes before the 已保存 the user is waiting for. Returns
 * the release (idempotent): call it once the confirmation has been painted, or the save failed; each
 * held query then reads once more, so nothing that changed meanwhile is missed.
 */
export function holdLive(): () => void {
  if (holds++ === 0) for (const h of holdables) h.hold()
  let isReleased = false
  return () => {
    if (isReleased) return
    isReleased = true
    if (--holds === 0) for (const h of holdables) h.resume()
  }
}

/**
 * Subscribes `target` to a Dexie live query: the first result is applied at once (a screen waits for
 * it), later ones after the next paint, the newest of them only. While held (`holdLive`) the query is
 * not subscribed; on release it reads again.
 */
export function subscribeLive<T>(querier: () => Promise<T> | T, target: LiveData<T>): Subscription {
  let isFirst = true
  let isClosed = false
  let pending: { value: T } | null = null
  let sub: Subscription | null = null
  const apply = (v: T): void => {
    if (isClosed) return
    target.data.value = v
    target.isLoaded.value = true
    target.error.value = null
  }
  const subscribe = (): void => {
    sub = liveQuery(querier).subscribe({
      next: (v) => {
        if (isFirst) {
          isFirst = false
          apply(v)
          return
        }
        const isScheduled = pending !== null
        pending = { value: v }
        if (!isScheduled) {
          afterNextPaint(() => {
            const p = pending
            pending = null
            if (p) apply(p.value)
          })
        }
      },
      error: (e: Error) => {
        if (isClosed) return
        target.error.value = e
        target.isLoaded.value = true
      },
    })
  }
  const holdable: Holdable = {
    hold() {
      sub?.unsubscribe()
      sub = null
    },
    resume() {
      if (!isClosed && sub === null) subscribe()
    },
  }
  holdables.add(holdable)
  subscribe() // also while held: a screen opening meanwhile needs its first result
  return {
    get closed() {
      return isClosed
    },
    unsubscribe() {
      isClosed = true
      holdables.delete(holdable)
      sub?.unsubscribe()
    },
  }
}

export function liveData<T>(querier: () => Promise<T> | T, initial: T): LiveData<T> {
  const target = emptyLive(initial)
  const sub = subscribeLive(querier, target)
  if (getCurrentScope()) onScopeDispose(() => sub.unsubscribe())
  return target
}
