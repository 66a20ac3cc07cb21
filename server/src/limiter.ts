/**
 * Wrong setup codes and invitation codes, counted per client address: after `max` failures inside the window
 * the address is refused (429) until the window has passed, even with the right code, so a code cannot be
 * guessed by trying.
 */
export interface FailureLimiter {
  /** Throws-free check: true while the address is locked out. */
  isLocked(key: string, nowMs: number): boolean
  fail(key: string, nowMs: number): void
}

export function failureLimiter(max: number, windowMs: number): FailureLimiter {
  const seen = new Map<string, { count: number; since: number }>()
  const current = (key: string, nowMs: number) => {
    const e = seen.get(key)
    if (e && nowMs - e.since >= windowMs) {
      seen.delete(key)
      return undefined
    }
    return e
  }
  return {
    isLocked: (key, nowMs) => (current(key, nowMs)?.count ?? 0) >= max,
    fail(key, nowMs) {
      const e = current(key, nowMs)
      if (e) e.count++
      else seen.set(key, { count: 1, since: nowMs })
      // Bounded memory under a flood of addresses.
      if (seen.size > 10_000) seen.delete(seen.keys().next().value as string)
    },
  }
}
