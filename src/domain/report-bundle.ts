/**
 * Everything the report page and its exports show for year Y as of D, built
 * once from the year's records: figures, last year's for comparison, the draft
 * paragraph. Exports take this bundle, so page and files never disagree.
 */
import { daysInMonth, periodEnd, yearEnd } from './dates'
import type { FigureKey } from './labels'
import type { CountOptions } from './person-hours'
import { compareYears, computeReportFigures, type FigureDelta, type ReportFigures } from './report-figures'
import { draftReportParagraph } from './report-draft'
import type { IsoDate, LedgerData } from './types'

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
}

/** The as-of date of last year's comparison: the same day one year earlier (29 Feb → 28 Feb). */
export function previousAsOf(year: number, asOf: IsoDate): IsoDate {
  const end = periodEnd(year, asOf)
  const y = Number(end.slice(0, 4)) - 1
  const m = Number(end.slice(5, 7))
  const d = Math.min(Number(end.slice(8, 10)), daysInMonth(y, m))
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function buildReportBundle(input: ReportInput): ReportBundle {
  const { unitName, year, asOf, data } = input
  const opts = input.opts ?? {}
  const figures = computeReportFigures(data, year, asOf, opts)
  const prevFigures =
    input.previousData === null ? null : computeReportFigures(input.previousData, year - 1, previousAsOf(year, asOf), opts)
  const previous = prevFigures !== null && prevFigures.hasData ? prevFigures : null
  const draft = draftReportParagraph(
    { printed: figures.printed, annualExam: figures.annualExam },
    { unitName, year, asOf, lawsStudied: figures.lawsStudied },
  )
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
    draft,
  }
}

/** Characters Windows and Android refuse in a file name. */
const BAD_FILE_CHARS = /[\\/:*?"<>|\u0000-\u001f]/g

/** "学法台账-2023年度报告-某某局.xlsx" */
export function reportFileName(unitName: string, year: number, ext: 'xlsx' | 'docx' | 'csv', part = '年度报告'): string {
  const unit = unitName.replace(BAD_FILE_CHARS, '').trim() || '单位'
  return `学法台账-${year}${part}-${unit}.${ext}`
}
