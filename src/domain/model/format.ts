/**
 * Printing rules (docs/spec/report-figures.md): counts as integers, hours and averages with at
 * most one decimal (half up, no trailing ".0"), rates as percentages with at
 * most one decimal; a value whose denominator is 0 prints "—".
 */

export const DASH = '—'

/** Half-up rounding to one decimal that does not fall for binary float noise (0.05 → 0.1). */
export function roundHalfUp1(x: number): number {
  const scaled = Math.round(x * 10 * 1e6) / 1e6
  const sign = scaled < 0 ? -1 : 1
  return (sign * Math.floor(Math.abs(scaled) + 0.5)) / 10
}

export function formatCount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return DASH
  return String(Math.round(n))
}

/** Hours and averages: "35.3", "474", "0.5". */
export function formatHours(h: number | null): string {
  if (h === null || !Number.isFinite(h)) return DASH
  const r = roundHalfUp1(h)
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

/** A ratio 0..1 as a percentage: "90.9%", "100%". */
export function formatRate(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return DASH
  return `${formatHours(ratio * 100)}%`
}

/** numerator / denominator, or null when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator
}
