/**
 * CSV of the report's per-person table: UTF-8 with a BOM (so Excel opens it in
 * Chinese), CRLF line ends, RFC 4180 quoting, formula-like text neutralised.
 */
import { cellText, personTable, type Cell } from '../domain/report/table'
import type { ReportFigures } from '../domain/report/figures'
import { neutralize } from './neutralize'

export const CSV_MIME = 'text/csv;charset=utf-8'
const BOM = '\uFEFF'

/** One field, RFC 4180: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(c: Cell): string {
  const text = typeof c === 'number' ? cellText(c) : neutralize(c)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** The per-person table as CSV text (with BOM). */
export function buildPersonCsv(figures: ReportFigures): string {
  const table = personTable(figures)
  return toCsv(table.headers, table.rows)
}

/** UTF-8 bytes of the CSV (the BOM becomes EF BB BF). */
export function buildPersonCsvBytes(figures: ReportFigures): Uint8Array {
  return new TextEncoder().encode(buildPersonCsv(figures))
}
