// Small statistics helpers for the bench (medians of repeated runs, nearest-rank percentiles).

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Nearest-rank percentile (p95 of 50 values is the 48th smallest). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}

export function round(x, digits = 0) {
  const f = 10 ** digits
  return Math.round(x * f) / f
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`
}
