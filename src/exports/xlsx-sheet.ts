/**
 * Small sheet helpers over exceljs (types only here: the library itself is loaded by xlsx.ts with a dynamic import),
 * in office form: a centred title (and an optional note) over the table, a frozen styled header repeated on every
 * printed page, one font in every cell, long text wrapped inside capped column widths, A4 fitted to the page width,
 * neutralised text cells.
 */
import type { Cell as XCell, Worksheet } from 'exceljs'
import { neutralize } from './neutralize'

/** A value for a sheet cell: text (neutralised), a number, or a number with its display format and the text it shows. */
export type SheetValue = string | number | { value: number; numFmt: string; text: string }

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g
const MAX_SHEET_NAME = 31

/** The one font of every written cell (titles only larger), so that no total prints in another face. */
export const SHEET_FONT = { name: '宋体', size: 11 } as const
const TITLE_SIZE = 14

/** A valid, unique sheet name (≤ 31 characters, no []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(INVALID_SHEET_CHARS, '').trim().slice(0, MAX_SHEET_NAME) || '工作表'
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

function setCell(cell: XCell, v: SheetValue, bold = false): void {
  cell.font = { ...SHEET_FONT, bold }
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
  return v.text
}

export interface TableSheetOptions {
  title: string
  /** Lines under the title (centred, plain): what the table is and as of when, whom it lists. */
  subtitles?: readonly string[]
  headers: readonly string[]
  rows: readonly (readonly SheetValue[])[]
  /** Rows above the header besides the title (e.g. a card's name line). */
  preface?: readonly (readonly SheetValue[])[]
  minWidth?: number
  /** Widest a column grows; longer text wraps inside it. */
  maxWidth?: number
  /** Printed page orientation (A4, fitted to one page wide); default landscape. */
  orientation?: 'portrait' | 'landscape'
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } } as const
const THIN = { style: 'thin', color: { argb: 'FFB7BCC4' } } as const
/** A4, fitted to one page wide (as many pages down as needed), centred, with narrow margins (inches). */
const PAGE = {
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
} as const
/** The one column of a text sheet: about 40 CJK characters of the 11-pt font, a portrait A4 line at 100%. */
const TEXT_WIDTH = 76
/** A header wider than this wraps onto a second line rather than widening a column of short values. */
const HEADER_WRAP = 10

/** One merged, centred line across the table's columns (its height is set once the columns have their widths). */
function centredLine(ws: Worksheet, text: string, cols: number, size: number, bold: boolean): void {
  const row = ws.addRow([neutralize(text)])
  const cell = row.getCell(1)
  cell.font = { ...SHEET_FONT, size, bold }
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  if (cols > 1) ws.mergeCells(row.number, 1, row.number, cols)
}

/** Excel does not grow a merged row by itself: as many lines as the text needs across `cols` columns. */
export function fitMergedRow(ws: Worksheet, rowNumber: number, cols: number): void {
  const row = ws.getRow(rowNumber)
  const cell = row.getCell(1)
  const size = cell.font?.size ?? SHEET_FONT.size
  let width = 0
  for (let c = 1; c <= cols; c++) width += ws.getColumn(c).width ?? 8
  // A column of width w holds about w characters of the 11-pt font; a larger font holds proportionally fewer.
  const lines = Math.max(1, Math.ceil((textWidth(String(cell.value ?? '')) * size) / SHEET_FONT.size / Math.max(8, width - 2)))
  row.height = Math.min(409, Math.round(lines * size * 1.45 + 6))
}

/** Title (and subtitle) rows merged across, preface rows, the header row (bold, filled, frozen, repeated), then the rows. */
export function fillTableSheet(ws: Worksheet, opts: TableSheetOptions): void {
  const cols = opts.headers.length
  centredLine(ws, opts.title, cols, TITLE_SIZE, true)
  const subtitles = (opts.subtitles ?? []).filter((t) => t !== '')
  for (const t of subtitles) centredLine(ws, t, cols, SHEET_FONT.size, false)
  appendLines(ws, opts.preface ?? [], true)
  const header = ws.addRow([])
  opts.headers.forEach((h, i) => {
    const c = header.getCell(i + 1)
    setCell(c, h, true)
    c.fill = HEADER_FILL
    c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
    c.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  })
  const headerRowNumber = header.number
  for (const r of opts.rows) {
    const row = ws.addRow([])
    r.forEach((v, i) => setCell(row.getCell(i + 1), v))
    for (let i = 1; i <= cols; i++) {
      const c = row.getCell(i)
      c.border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
      c.alignment = { vertical: 'middle' }
    }
  }
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRowNumber, topLeftCell: `A${headerRowNumber + 1}` }]
  ws.pageSetup = { ...PAGE, orientation: opts.orientation ?? 'landscape', printTitlesRow: `${headerRowNumber}:${headerRowNumber}` }
  setWidths(ws, opts, headerRowNumber)
  for (let r = 1; r <= 1 + subtitles.length; r++) fitMergedRow(ws, r, cols)
}

/** 11-pt lines a row of wrapped text needs (Excel and LibreOffice keep the height a file gives a row). */
const LINE_HEIGHT = 15

function setWidths(ws: Worksheet, opts: TableSheetOptions, headerRow: number): void {
  const min = opts.minWidth ?? 6
  const max = opts.maxWidth ?? 48
  const lines = new Array<number>(opts.rows.length).fill(1)
  opts.headers.forEach((h, i) => {
    let w = Math.min(textWidth(h), HEADER_WRAP)
    for (const r of opts.rows) if (r[i] !== undefined) w = Math.max(w, textWidth(shownText(r[i])))
    const col = ws.getColumn(i + 1)
    col.width = Math.min(max, Math.max(min, w + 2))
    if (w + 2 <= max) return
    // Longer text wraps inside the capped width, and its row is given the height of its lines.
    opts.rows.forEach((r, k) => {
      const cell = ws.getRow(headerRow + 1 + k).getCell(i + 1)
      cell.alignment = { vertical: 'middle', wrapText: true }
      if (r[i] !== undefined) lines[k] = Math.max(lines[k], Math.ceil(textWidth(shownText(r[i])) / (max - 1)))
    })
  })
  lines.forEach((n, k) => {
    if (n > 1) ws.getRow(headerRow + 1 + k).height = n * LINE_HEIGHT + 4
  })
  // The header wraps too: as tall as its longest name needs.
  const headerLines = Math.max(1, ...opts.headers.map((h, i) => Math.ceil(textWidth(h) / (ws.getColumn(i + 1).width ?? 8))))
  ws.getRow(headerRow).height = headerLines * LINE_HEIGHT + 6
}

/**
 * A sheet of text in office form: the centred title and subtitles, then one wrapped row per paragraph in one wide
 * column, each as tall as its lines (so that a page may break between them); A4 portrait fitted to the width.
 */
export function fillTextSheet(ws: Worksheet, title: string, subtitles: readonly string[], paragraphs: readonly string[]): void {
  ws.getColumn(1).width = TEXT_WIDTH
  centredLine(ws, title, 1, TITLE_SIZE, true)
  for (const t of subtitles) centredLine(ws, t, 1, SHEET_FONT.size, false)
  for (let r = 1; r <= 1 + subtitles.length; r++) fitMergedRow(ws, r, 1)
  for (const text of paragraphs) {
    const row = ws.addRow([])
    setCell(row.getCell(1), text)
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' }
    fitMergedRow(ws, row.number, 1)
  }
  ws.pageSetup = { ...PAGE, orientation: 'portrait' }
}

/**
 * Bordered total lines under a table: the label merged across the columns before `valueCol` (right-aligned), the
 * value in `valueCol` — e.g. a card's category totals above its 合计.
 */
export function appendTotals(ws: Worksheet, lines: readonly (readonly [string, SheetValue])[], valueCol: number): void {
  for (const [label, value] of lines) {
    const row = ws.addRow([])
    setCell(row.getCell(1), label, true)
    setCell(row.getCell(valueCol), value, true)
    for (let c = 1; c <= valueCol; c++) row.getCell(c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN }
    if (valueCol > 2) ws.mergeCells(row.number, 1, row.number, valueCol - 1)
    row.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' }
    row.getCell(valueCol).alignment = { horizontal: 'right', vertical: 'middle' }
  }
}

/** Append label/value lines under a table (a caption, the draft), in the sheet's one font. */
export function appendLines(ws: Worksheet, lines: readonly (readonly SheetValue[])[], bold = false): void {
  for (const l of lines) {
    const row = ws.addRow([])
    l.forEach((v, i) => setCell(row.getCell(i + 1), v, bold))
  }
}
