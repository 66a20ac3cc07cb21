/** Year-over-year comparison of report figures (the report page's "last year" line). */
import { formatHours } from '../model/format'
import { FIGURE_KEYS, FIGURES, printFigure, type FigureKey } from './registry'
import type { ReportFigures } from './figures'

export interface FigureDelta {
  current: number | null
  /** null when the previous year has no data or the figure is undefined there. */
  previous: number | null
  /** current − previous (rates as ratios: 0.05 is 5 个百分点). */
  delta: number | null
  printedPrevious: string
  /** "+3", "-2.5", "+5.2个百分点", "0"; null when there is nothing to compare. */
  printedDelta: string | null
}

function printDelta(key: FigureKey, delta: number): string {
  const f = FIGURES[key].format
  const size = f === 'rate' ? formatHours(Math.abs(delta) * 100) : printFigure(key, Math.abs(delta))
  if (size === '0') return '0'
  return `${delta > 0 ? '+' : '-'}${size}${f === 'rate' ? '个百分点' : ''}`
}

/** Per-figure change against the previous year, where the previous year has data. */
export function compareYears(current: ReportFigures, previous: ReportFigures | null): Record<FigureKey, FigureDelta> {
  const hasPrevious = previous !== null && previous.hasData
  const out = {} as Record<FigureKey, FigureDelta>
  for (const k of FIGURE_KEYS) {
    const cur = current.values[k]
    const prev = hasPrevious ? previous.values[k] : null
    const delta = cur !== null && prev !== null ? cur - prev : null
    out[k] = {
      current: cur,
      previous: prev,
      delta,
      printedPrevious: hasPrevious ? previous.printed[k] : '—',
      printedDelta: delta === null ? null : printDelta(k, delta),
    }
  }
  return out
}
