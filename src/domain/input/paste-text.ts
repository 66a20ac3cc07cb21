/**
 * Text pasted from a spreadsheet or a chat, made regular before anything reads it (issue #16): Excel
 * copies cells with tabs between them and CRLF between rows; WPS and chat apps bring full-width
 * digits, letters, commas and the ideographic space. Shared by the roster paste and the score paste.
 */

/** Full-width ASCII (！…～) → ASCII, the ideographic and no-break spaces → a space, CR/CRLF → LF. */
export function normalizePaste(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2007\u202f]/g, ' ')
}

export interface PastedLine {
  /** 1-based line number in the pasted text, for messages ("第 3 行"). */
  line: number
  text: string
}

/** The lines that are not blank, with their line numbers (the text should be normalized first). */
export function pastedLines(text: string): PastedLine[] {
  const out: PastedLine[] = []
  text.split('\n').forEach((t, i) => {
    if (t.trim() !== '') out.push({ line: i + 1, text: t })
  })
  return out
}

/** How the cells of a row are separated: tabs (a spreadsheet), else commas, else runs of spaces. */
export type CellSeparator = 'tab' | 'comma' | 'space'

export function separatorOf(lines: readonly PastedLine[]): CellSeparator {
  if (lines.some((l) => l.text.includes('\t'))) return 'tab'
  if (lines.some((l) => l.text.includes(','))) return 'comma'
  return 'space'
}

const SPLIT: Record<CellSeparator, RegExp> = { tab: /\t/, comma: /,/, space: /\s+/ }

/** A cell without the quotes a spreadsheet puts around it, trimmed. */
function cleanCell(cell: string): string {
  const t = cell.trim()
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"').trim() : t
}

/** The cells of one line; empty cells are kept so that columns stay aligned (not for spaces). */
export function splitCells(text: string, separator: CellSeparator): string[] {
  const cells = (separator === 'space' ? text.trim() : text).split(SPLIT[separator]).map(cleanCell)
  while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop()
  return cells
}

/** A Chinese name padded with spaces to line up in a spreadsheet ("王  芳") → "王芳"; others trimmed. */
export function compactName(cell: string): string {
  const t = cell.trim().replace(/^\d+\s*[.．、)）]\s*/, '')
  return /^[\p{Script=Han}·\s]+$/u.test(t) ? t.replace(/\s+/g, '') : t.replace(/\s+/g, ' ')
}
