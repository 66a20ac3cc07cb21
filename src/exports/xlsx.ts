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
import { categoryOf } from '../domain/model/categories'
import { appendTotals, fillTableSheet, fillTextSheet, sheetName, type SheetValue } from './xlsx-sheet'

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
  return { value: Number(pct) / 100, numFmt: pct.includes('.') ? '0.0%' : '0%', text: printed }
}

/** The report's title, and under it what the sheet holds and as of when: "人员明细（截至2023年12月31日）". */
function titled(b: ReportBundle, sheet: string, more: readonly string[] = []): { title: string; subtitles: string[] } {
  return {
    title: `${b.unitName}${b.year}年度${REPORT_TEXT.reportTitle}`,
    subtitles: [`${sheet}（${REPORT_TEXT.asOfPrefix}${formatZhDate(periodEnd(b.year, b.asOf))}）`, ...more],
  }
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
        deltaValue(cmp?.printedDelta ?? ''),
      ])
    }
  }
  fillTableSheet(ws, {
    ...titled(b, REPORT_TEXT.summarySheet),
    headers: [REPORT_TEXT.figureGroup, REPORT_TEXT.figure, REPORT_TEXT.value, prevHeader, REPORT_TEXT.delta],
    rows,
    orientation: 'portrait',
  })
  const header = 3
  ws.eachRow((row, n) => {
    if (n > header) for (const col of [3, 4, 5]) row.getCell(col).alignment = { horizontal: 'right' }
  })
  // Each group's name once, beside its figures.
  let first = header + 1
  for (const g of FIGURE_GROUPS) {
    const last = first + g.keys.length - 1
    if (last > first) ws.mergeCells(first, 1, last, 1)
    ws.getCell(first, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    first = last + 1
  }
}

/** 报告段落草稿: the drafted paragraph as on the page and in Word, one row per sentence. */
function draftSheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.draft, taken))
  const { title, subtitles } = titled(b, REPORT_TEXT.draft)
  fillTextSheet(ws, title, subtitles, b.draft.split(/(?<=。)/).filter((t) => t !== ''))
}

/**
 * A change as printed ("+3", "-2.5", "+5.2个百分点", "0") as a signed number whose format shows that very text: a
 * number stays a number, and no text cell starts with + or - (which would need a quote to stay text).
 */
export function deltaValue(printed: string): SheetValue {
  const m = /^([+-])(\d+(?:\.(\d))?)(个百分点)?$/.exec(printed)
  if (m === null) return printed === '0' ? 0 : printed
  const digits = m[3] === undefined ? '0' : '0.0'
  const unit = m[4] === undefined ? '' : `"${m[4]}"`
  return { value: Number(`${m[1]}${m[2]}`), numFmt: `+${digits}${unit};-${digits}${unit};0`, text: printed }
}

/** 学习法律法规: 《宪法》 first, then the most studied (lawsStudiedIn's order), with how often each was studied. */
function lawsSheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.lawsStudied, taken))
  const rows = b.figures.lawsStudied.map((l, i): SheetValue[] => [i + 1, `《${displayLawName(l.title)}》`, l.count])
  const headers = [REPORT_TEXT.index, REPORT_TEXT.lawsStudied, `${REPORT_TEXT.timesSuffix}数`]
  fillTableSheet(ws, { ...titled(b, REPORT_TEXT.lawsStudied), headers, rows, orientation: 'portrait', minWidth: 10 })
}

function personSheet(wb: Workbook, b: ReportBundle, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(REPORT_TEXT.perPersonSheet, taken))
  const t = personTable(b.figures)
  fillTableSheet(ws, { ...titled(b, REPORT_TEXT.perPersonSheet, [t.note]), headers: t.headers, rows: t.rows, maxWidth: 30 })
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
    CATEGORY_LABELS[categoryOf(a)],
    a.organizer ?? '',
    a.lecturer ?? '',
    hoursCell(a.hours),
    new Set(a.attendees).size,
    a.review === undefined ? '' : REVIEW_LABELS[a.review],
  ])
  fillTableSheet(ws, { ...titled(b, REPORT_TEXT.activitiesSheet), headers: ACTIVITY_SHEET_HEADERS, rows, maxWidth: 24 })
}

function cardRows(card: TrainingCard): SheetValue[][] {
  return [...card.trainings, ...card.others].map(({ activity: a, category, content, running }, i): SheetValue[] => [
    i + 1,
    a.endDate === null ? a.date : `${a.date}至${a.endDate}`,
    KIND_LABELS[a.kind],
    content,
    CATEGORY_LABELS[category],
    a.organizer ?? '',
    hoursCell(a.hours),
    hoursCell(running),
  ])
}

function cardSheet(wb: Workbook, b: ReportBundle, { card, sectionName }: OfficerCard, taken: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(`${REPORT_TEXT.cardSheetPrefix}-${card.person.name}`, taken))
  fillTableSheet(ws, {
    title: `${b.unitName}${b.year}年度${REPORT_TEXT.cardTitle}`,
    subtitles: [`（${REPORT_TEXT.asOfPrefix}${formatZhDate(periodEnd(b.year, b.asOf))}）`],
    preface: [
      [fieldLabel('persons', 'name'), card.person.name, TABLE_LABELS.sections, sectionName ?? '', fieldLabel(null, 'certNo'), card.person.certNo ?? ''],
    ],
    headers: CARD_HEADERS,
    rows: cardRows(card),
    maxWidth: 30,
    orientation: 'portrait',
  })
  // The category lines add up to 合计 (the last running total); then the target and the status.
  const r = card.result
  appendTotals(
    ws,
    [
      ...TRAINING_CATEGORIES.map((c) => [`${CATEGORY_LABELS[c]}${REPORT_TEXT.total}`, hoursCell(card.byCategory[c])] as const),
      [REPORT_TEXT.total, hoursCell(r.hours)],
      [REPORT_TEXT.target, hoursCell(r.target)],
      [REPORT_TEXT.status, TARGET_STATUS_LABELS[r.status]],
    ],
    CARD_HEADERS.indexOf('学时') + 1,
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
  draftSheet(wb, b, taken)
  personSheet(wb, b, taken)
  activitySheet(wb, b, taken)
  lawsSheet(wb, b, taken)
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
