/**
 * The annual report workbook (issue #5): 汇总 (every figure), 人员明细 (the
 * per-person table), 学法活动 (every counted activity with its attendee count),
 * and one 登记卡 sheet per enforcement officer. exceljs is loaded on first use.
 */
import type { Workbook } from 'exceljs'
import { DASH } from '../domain/model/format'
import { CATEGORY_LABELS, KIND_LABELS, REVIEW_LABELS, TARGET_STATUS_LABELS } from '../domain/model/labels'
import { TABLE_LABELS, fieldLabel } from '../domain/model/record-labels'
import { displayLawName } from '../domain/model/laws'
import { compareZh } from '../domain/model/order'
import { FIGURE_GROUPS, figure, type FigureKey } from '../domain/report/registry'
import type { ReportBundle } from '../domain/report/bundle'
import { ACTIVITY_SHEET_HEADERS, CARD_HEADERS, NO, REPORT_TEXT, YES } from '../domain/report/labels'
import { hoursCell, personTable } from '../domain/report/table'
import { buildTrainingCards, type OfficerCard } from '../domain/measures/training-cards'
import type { TrainingCard } from '../domain/measures/training-card'
import { activitiesInPeriod } from '../domain/measures/person-hours'
import { formatZhDate, periodEnd } from '../domain/model/dates'
import { TRAINING_CATEGORIES } from '../domain/model/types'
import { appendLines, fillTableSheet, sheetName, type SheetValue } from './xlsx-sheet'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type ExcelModule = typeof import('exceljs')

export async function loadExcel(): Promise<ExcelModule> {
  const mod = (await import('exceljs')) as ExcelModule & { default?: ExcelModule }
  return mod.default ?? mod
}

/** A figure as a sheet value that displays exactly as printed: numbers stay numbers, rates get a % format. */
export function figureValue(key: FigureKey, printed: string): SheetValue {
  if (printed === DASH || printed === '') return printed
  if (figure(key).format !== 'rate') return Number(printed)
  const pct = printed.slice(0, -1)
  return { value: Number(pct) / 100, numFmt: pct.includes('.') ? '0.0%' : '0%' }
}

function periodTitle(b: ReportBundle): string {
  return `${b.unitName}${b.year}年度${REPORT_TEXT.reportTitle}（${REPORT_TEXT.asOfPrefix}${formatZhDate(periodEnd(b.year, b.asOf))}）`
}

function summarySheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.summarySheet, taken))
  const prevHeader = b.previousIsFullYear ? REPORT_TEXT.previousFull : REPORT_TEXT.previousSamePeriod
  const rows: SheetValue[][] = []
  for (const g of FIGURE_GROUPS) {
    for (const k of g.keys) {
      const cmp = b.comparison?.[k]
      rows.push([
        g.title,
        figure(k).label,
        figureValue(k, b.figures.printed[k]),
        b.previous === null ? '' : figureValue(k, b.previous.printed[k]),
        cmp?.printedDelta ?? '',
        k,
      ])
    }
  }
  fillTableSheet(ws, {
    title: periodTitle(b),
    headers: [REPORT_TEXT.figureGroup, REPORT_TEXT.figure, REPORT_TEXT.value, prevHeader, REPORT_TEXT.delta, REPORT_TEXT.key],
    rows,
    orientation: 'portrait',
  })
  for (const col of [3, 4, 5]) ws.getColumn(col).alignment = { horizontal: 'right' }
  const laws = b.figures.lawsStudied.map((l): SheetValue[] => ['', `《${displayLawName(l.title)}》`, l.count])
  if (laws.length > 0) appendLines(ws, [[], [REPORT_TEXT.lawsStudied, '', `${REPORT_TEXT.timesSuffix}数`]], true)
  appendLines(ws, laws)
  appendLines(ws, [[], [REPORT_TEXT.draft]], true)
  const draftRow = ws.addRow([b.draft])
  ws.mergeCells(draftRow.number, 1, draftRow.number, 5)
  draftRow.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' }
  // Excel does not grow a merged row by itself: about one 11-pt line per (merged width ÷ 2) characters.
  const width = [1, 2, 3, 4, 5].reduce((w, c) => w + (ws.getColumn(c).width ?? 8), 0)
  draftRow.height = Math.min(409, 15 * Math.ceil(b.draft.length / Math.max(10, width / 2 - 1)))
}

function personSheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.perPersonSheet, taken))
  const t = personTable(b.figures)
  fillTableSheet(ws, { title: periodTitle(b), headers: t.headers, rows: t.rows })
}

function activitySheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.activitiesSheet, taken))
  const acts = activitiesInPeriod(b.data.activities, b.year, b.asOf, b.opts).sort(
    (x, y) => x.date.localeCompare(y.date) || x.kind.localeCompare(y.kind) || compareZh(x.title, y.title),
  )
  const rows = acts.map((a, i): SheetValue[] => [
    i + 1,
    a.date,
    a.endDate ?? '',
    KIND_LABELS[a.kind],
    a.title,
    a.legalTheme ? YES : NO,
    a.laws.map((l) => `《${displayLawName(l)}》`).join(''),
    a.category === null ? '' : CATEGORY_LABELS[a.category],
    a.organizer ?? '',
    a.lecturer ?? '',
    hoursCell(a.hours),
    new Set(a.attendees).size,
    a.review === undefined ? '' : REVIEW_LABELS[a.review],
  ])
  fillTableSheet(ws, { title: periodTitle(b), headers: ACTIVITY_SHEET_HEADERS, rows, maxWidth: 40 })
}

function cardRows(card: TrainingCard): SheetValue[][] {
  return [...card.trainings, ...card.others].map(({ activity: a, content, running }, i): SheetValue[] => [
    i + 1,
    a.endDate === null ? a.date : `${a.date}至${a.endDate}`,
    KIND_LABELS[a.kind],
    content,
    a.category === null ? '' : CATEGORY_LABELS[a.category],
    a.organizer ?? '',
    hoursCell(a.hours),
    hoursCell(running),
  ])
}

function cardSheet(wb: Workbook, b: ReportBundle, { card, sectionName }: OfficerCard, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(`${REPORT_TEXT.cardSheetPrefix}-${card.person.name}`, taken))
  fillTableSheet(ws, {
    title: `${b.unitName}${b.year}年度${REPORT_TEXT.cardTitle}`,
    preface: [
      [fieldLabel('persons', 'name'), card.person.name, TABLE_LABELS.sections, sectionName ?? '', fieldLabel(null, 'certNo'), card.person.certNo ?? ''],
    ],
    headers: CARD_HEADERS,
    rows: cardRows(card),
    maxWidth: 40,
  })
  const line = (label: string, v: SheetValue): SheetValue[] => ['', '', '', label, '', '', v]
  const r = card.result
  appendLines(
    ws,
    [
      ...TRAINING_CATEGORIES.map((c) => line(`${CATEGORY_LABELS[c]}${REPORT_TEXT.total}`, hoursCell(card.byCategory[c]))),
      line(REPORT_TEXT.total, hoursCell(r.hours)),
      line(REPORT_TEXT.target, hoursCell(r.target)),
      line(REPORT_TEXT.status, TARGET_STATUS_LABELS[r.status]),
    ],
    true,
  )
}

/** Assemble the workbook (exported for tests that read it back). */
export async function buildReportWorkbook(b: ReportBundle): Promise<Workbook> {
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = '学法台账'
  wb.created = new Date()
  const taken = new Set<string>()
  summarySheet(wb, b, taken)
  personSheet(wb, b, taken)
  activitySheet(wb, b, taken)
  const cards = buildTrainingCards(b.data, b.figures.perPerson, b.year, b.asOf, b.opts)
  for (const c of cards) cardSheet(wb, b, c, taken)
  return wb
}

/** The .xlsx file bytes. */
export async function buildReportXlsx(b: ReportBundle): Promise<Uint8Array> {
  const wb = await buildReportWorkbook(b)
  const buf = await wb.xlsx.writeBuffer()
  return new Uint8Array(buf as ArrayBuffer)
}
