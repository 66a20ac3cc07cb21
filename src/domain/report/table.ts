/**
 * The per-person table of the annual report: one row per person active in Y up
 * to D. The report page, the CSV and the xlsx 人员明细 sheet all print these
 * very cells, so what the page shows is what the files hold.
 */
import { periodEnd, yearStart } from '../model/dates'
import { formatHours } from '../model/format'
import { RESULT_STATUS_LABELS, ROLE_LABELS, TARGET_STATUS_LABELS } from '../model/labels'
import { PERSON_TABLE_HEADERS, REPORT_TEXT } from './labels'
import type { PerPersonRow, ReportFigures } from './figures'
import { TRAINING_CATEGORIES } from '../model/types'

/** A cell: text, or a number (hours, score, index) that prints with the hours rule. */
export type Cell = string | number

export interface PersonTable {
  headers: readonly string[]
  rows: Cell[][]
  /** Whom the table lists (personTableNote). */
  note: string
}

/** How a cell prints on the page and in the CSV ("35.5", "474", "达标"). */
export function cellText(c: Cell): string {
  return typeof c === 'number' ? formatHours(c) : c
}

/** Hours rounded as printed (half up to one decimal), kept as a number for spreadsheets. */
export function hoursCell(h: number): number {
  return Number(formatHours(h))
}

function examStatusText(row: PerPersonRow): string {
  if (row.examStatus !== null) return RESULT_STATUS_LABELS[row.examStatus]
  return row.isExamEligible ? REPORT_TEXT.notTaken : ''
}

function noteText(row: PerPersonRow, year: number, end: string): string {
  const { activeFrom, activeTo } = row.person
  const notes: string[] = []
  if (activeFrom > yearStart(year) && activeFrom <= end) notes.push(`${activeFrom}${REPORT_TEXT.joined}`)
  if (activeTo !== null && activeTo < end) notes.push(`${activeTo}${REPORT_TEXT.left}`)
  return notes.join('；')
}

/** Row cells in PERSON_TABLE_HEADERS order. */
export function personRowCells(row: PerPersonRow, index: number, figures: ReportFigures): Cell[] {
  const end = periodEnd(figures.year, figures.asOf)
  return [
    index + 1,
    row.person.name,
    row.sectionName ?? '',
    hoursCell(row.totalHours),
    ...TRAINING_CATEGORIES.map((c) => hoursCell(row.categoryHours[c])),
    row.target === null ? '' : hoursCell(row.target),
    row.status === null ? '' : TARGET_STATUS_LABELS[row.status],
    examStatusText(row),
    row.examScore === null ? '' : row.examScore,
    row.roles.map((r) => ROLE_LABELS[r]).join('、'),
    row.person.certNo ?? '',
    noteText(row, figures.year, end),
  ]
}

/**
 * Who the table lists, so that its rows reconcile with 在册干部职工: "共5人：在册4人，年内调出1人（调出人员的学时计入
 * 学习培训总学时，不计入人均学时）"; "在册4人" when everyone listed is active on the period end.
 */
export function personTableNote(figures: ReportFigures): string {
  const end = periodEnd(figures.year, figures.asOf)
  const rows = figures.perPerson
  const active = rows.filter((r) => r.isActiveOnAsOf).length
  const left = rows.filter((r) => !r.isActiveOnAsOf && r.person.activeTo !== null && r.person.activeTo < end).length
  const notYet = rows.length - active - left
  if (active === rows.length) return `${REPORT_TEXT.onRoll}${active}人`
  const parts = [`${REPORT_TEXT.onRoll}${active}人`, ...(left > 0 ? [`${REPORT_TEXT.leftInYear}${left}人`] : []), ...(notYet > 0 ? [`${REPORT_TEXT.notYetJoined}${notYet}人`] : [])]
  return `共${rows.length}人：${parts.join('，')}（${REPORT_TEXT.offRollHours}）`
}

export function personTable(figures: ReportFigures): PersonTable {
  return { headers: PERSON_TABLE_HEADERS, rows: figures.perPerson.map((r, i) => personRowCells(r, i, figures)), note: personTableNote(figures) }
}
