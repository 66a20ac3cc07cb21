// Scheduling for the report page's parts below the fold: each is rendered in a task of its own once the
// browser is idle (after the first paint), so that no single task blocks input for long.

/** Runs `fn` in a task of its own when the browser is idle, at the latest after `timeout` ms; returns a cancel. */
export function whenIdle(fn: () => void, timeout = 500): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(fn, 16)
  return () => clearTimeout(id)
}
