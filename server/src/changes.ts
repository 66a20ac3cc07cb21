/**
 * Change notices for long polls: after a push commits, every device of the unit waiting in
 * `GET /api/sync/wait` is answered at once, so a second phone sees a save within a round trip instead of at its
 * next periodic sync. In-process (one service per database); a waiter is always answered within its timeout,
 * and all of them at shutdown.
 */
type Waiter = (changed: boolean) => void

export class ChangeNotices {
  private readonly waiters = new Map<string, Set<Waiter>>()

  /** Resolves true when the unit changes, false after `timeoutMs` or at shutdown. */
  wait(unitId: string, timeoutMs: number, signal: { onAbort(fn: () => void): void }): Promise<boolean> {
    return new Promise((resolve) => {
      const set = this.waiters.get(unitId) ?? new Set<Waiter>()
      this.waiters.set(unitId, set)
      const done: Waiter = (changed) => {
        clearTimeout(timer)
        set.delete(done)
        if (set.size === 0) this.waiters.delete(unitId)
        resolve(changed)
      }
      const timer = setTimeout(() => done(false), timeoutMs)
      set.add(done)
      signal.onAbort(() => done(false))
    })
  }

  notify(unitId: string): void {
    for (const w of [...(this.waiters.get(unitId) ?? [])]) w(true)
  }

  /** Answers every waiter (shutdown). */
  releaseAll(): void {
    for (const set of [...this.waiters.values()]) for (const w of [...set]) w(false)
  }

  get size(): number {
    let n = 0
    for (const s of this.waiters.values()) n += s.size
    return n
  }
}
