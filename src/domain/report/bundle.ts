/**
 * Everything the report page and its exports show for year Y as of D, built
 * once from the year's records: figures, last year's for comparison, the draft
 * paragraph. Exports take this bundle, so page and files never disagree.
 */
import { periodEnd, yearEnd } from '../model/dates'
import type { FigureKey } from './registry'
import type { CountOptions } from '../measures/person-hours'
import { compareYears, computeReportFigures, type FigureDelta, type ReportFigures } from './figures'
import { draftReportParagraph, type DraftOptions } from './draft'
import { previousAsOf } from './period'
import type { IsoDate, LedgerData } from '../model/types'

/** Re-exported: the report store loads the whole computation with one dynamic import of this module. */
export { computeReportFigures, previousAsOf }

export interface ReportBundle {
  unitName: string
  year: number
  asOf: IsoDate
  opts: CountOptions
  /** The year's records as loaded (activities of Y up to D only). */
  data: LedgerData
  figures: ReportFigures
  /** Last year over the same period; null when it has no data. */
  previous: ReportFigures | null
  /** True when `previous` covers the whole of last year (the as-of date is on or after Y-12-31). */
  previousIsFullYear: boolean
  comparison: Record<FigureKey, FigureDelta> | null
  /** The optional clauses the draft states (the report page's switches; none by default). */
  draftOptional: readonly FigureKey[]
  draft: string
}

export interface ReportInput {
  unitName: string
  year: number
  asOf: IsoDate
  opts?: CountOptions
  data: LedgerData
  /** Records of year Y−1 up to previousAsOf(Y, D), or null when not loaded. */
  previousData: LedgerData | null
  draft?: DraftOptions
}

export function buildReportBundle(input: ReportInput): ReportBundle {
  const opts = input.opts ?? {}
  const figures = computeReportFigures(input.data, input.year, input.asOf, opts)
  return assembleReportBundle(input, figures, previousFigures(input))
}

/** Last year's figures over the same period, or null when last year was not loaded. */
export function previousFigures(input: ReportInput): ReportFigures | null {
  const { year, asOf, previousData } = input
  return previousData === null ? null : computeReportFigures(previousData, year - 1, previousAsOf(year, asOf), input.opts ?? {})
}

/**
 * The bundle from figures already computed by `computeReportFigures` for Y and by `previousFigures` (the report
 * store computes them in separate tasks, so that no single task blocks the page for long).
 */
export function assembleReportBundle(input: ReportInput, figures: ReportFigures, prevFigures: ReportFigures | null): ReportBundle {
  const { unitName, year, asOf, data } = input
  const opts = input.opts ?? {}
  const previous = prevFigures !== null && prevFigures.hasData ? prevFigures : null
  const draftOptional = input.draft?.optional ?? []
  return {
    unitName,
    year,
    asOf,
    opts,
    data,
    figures,
    previous,
    previousIsFullYear: periodEnd(year, asOf) === yearEnd(year),
    comparison: previous === null ? null : compareYears(figures, previous),
    draftOptional,
    draft: draftOf(unitName, figures, draftOptional),
  }
}

function draftOf(unitName: string, f: ReportFigures, optional: readonly FigureKey[]): string {
  return draftReportParagraph(
    { printed: f.printed, annualExam: f.annualExam },
    { unitName, year: f.year, asOf: f.asOf, lawsStudied: f.lawsStudied },
    { optional },
  )
}

/** The same bundle with the draft stating these optional clauses (the figures are not computed again). */
export function redraftBundle(b: ReportBundle, optional: readonly FigureKey[]): ReportBundle {
  return { ...b, draftOptional: [...optional], draft: draftOf(b.unitName, b.figures, optional) }
}

/** Characters Windows and Android refuse in a file name. */
const BAD_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g

/** "学法台账-2023年度报告-某某局.xlsx" */
export function reportFileName(unitName: string, year: number, ext: 'xlsx' | 'docx' | 'csv', part = '年度报告'): string {
  const unit = unitName.replace(BAD_FILE_CHARS, '').trim() || '单位'
  return `学法台账-${year}${part}-${unit}.${ext}`
}
