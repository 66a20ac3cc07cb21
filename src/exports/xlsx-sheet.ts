/**
 * Small sheet helpers over exceljs (types only here: the library itself is
 * loaded by xlsx.ts with a dynamic import): a title row, a frozen styled header,
 * neutralised text cells, column widths from the content.
 */
import type { Cell as XCell, Worksheet } from 'exceljs'
import { neutralize } from './neutralize'

/** A value for a sheet cell: text (neutralised), a number, or a number with its display format. */
export type SheetValue = string | number | { value: number; numFmt: string }

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g
const MAX_SHEET_NAME = 31

/** A valid, unique sheet name (≤ 31 characters, no []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(INVALID_SHEET_CHARS, '').trim().slice(0, MAX_SHEET_NAME) || 'Sheet'
  let name = base
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `(${n})`
    name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`
  }
  taken.add(name.toLowerCase())
  return name
}

/** Display width of text: CJK and full-width characters count 2. */
export function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}

function setCell(cell: XCell, v: SheetValue): void {
  if (typeof v === 'string') cell.value = neutralize(v)
  else if (typeof v === 'number') cell.value = v
  else {
    cell.value = v.value
    cell.numFmt = v.numFmt
  }
}

function shownText(v: SheetValue): string {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return `${v.value * 100}%`
}

export interface TableSheetOptions {
  title: string
  headers: readonly string[]
  rows: readonly (readonly SheetValue[])[]
  /** Rows above the header besides the title (e.g. a card's name line). */
  preface?: readonly (readonly SheetValue[])[]
  minWidth?: number
  maxWidth?: number
  /** Printed page orientation (A4, fitted to one page wide); default landscape. */
  orientation?: 'portrait' | 'landscape'
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const
const THIN = { style: 'thin', color: { argb: 'FFB7BCC4' } } as const

/** Title row (merged across), preface rows, the header row (bold, filled, frozen), then the rows. */
export function fillTableSheet(ws: Worksheet, opts: TableSheetOptions): void {
  const cols = opts.headers.length
  const titleRow = ws.addRow([neutralize(opts.title)])
  titleRow.font = { bold: true, size: 14 }
  titleRow.height = 24
  if (cols > 1) ws.mergeCells(1, 1, 1, cols)
  appendLines(ws, opts.preface ?? [], true)
  const header = ws.addRow(opts.headers.map((h) => neutralize(h)))
  header.font = { bold: true }
  header.eachCell((c) => {
    c.fill = HEADER_FILL
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  })
  const headerRowNumber = header.number
  for (const r of opts.rows) {
    const row = ws.addRow([])
    r.forEach((v, i) => setCell(row.getCell(i + 1), v))
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` }]
  ws.pageSetup = {
    paperSize: 9,
    orientation: opts.orientation ?? 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${headerRowNumber}:${headerRowNumber}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  }
  setWidths(ws, opts.headers, opts.rows, opts.minWidth ?? 6, opts.maxWidth ?? 48)
}

function setWidths(ws: Worksheet, headers: readonly string[], rows: readonly (readonly SheetValue[])[], min: number, max: number): void {
  headers.forEach((h, i) => {
    let w = textWidth(h)
    for (const r of rows) if (r[i] !== undefined) w = Math.max(w, textWidth(shownText(r[i])))
    ws.getColumn(i + 1).width = Math.min(max, Math.max(min, w + 2))
  })
}

/** Append label/value lines under a table (totals of a card, laws of the summary). */
export function appendLines(ws: Worksheet, lines: readonly (readonly SheetValue[])[], bold = false): void {
  for (const l of lines) {
    const row = ws.addRow([])
    l.forEach((v, i) => setCell(row.getCell(i + 1), v))
    if (bold) row.font = { bold: true }
  }
}
