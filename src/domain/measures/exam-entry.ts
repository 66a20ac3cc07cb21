/**
 * The result-entry list of one exam: who should have a result and what they have, with the exam's numbers
 * (应考 / 实考 / 缺考 / 免考 / 未录入 and the rates) from the one exam computation of exam-stats.ts.
 */
import { defaultAsOf, periodEnd } from '../model/dates'
import { rosterOrder } from '../model/order'
import { gradeOf, tallyExam, type ExamTally } from './exam-stats'
import type { Exam, ExamResult, IsoDate, Person, Section } from '../model/types'

export interface EntryRow {
  person: Person
  result: ExamResult | null
  /** False for someone with a result who is outside the exam's scope (an annual exam: not active on its date). */
  inScope: boolean
}

export interface ExamEntry {
  /** The exam's numbers: the very computation the report uses (exam-stats.ts). */
  tally: ExamTally
  /** In section order, then in the roster order. */
  rows: EntryRow[]
}

/**
 * The day the exam page judges an undated exam on: the end of the period its year's report covers unless another
 * as-of date is asked for (today within the exam's year, else the year's last day) — the report's own choice.
 */
export function entryPeriodEnd(exam: Pick<Exam, 'year'>, today: IsoDate): IsoDate {
  return periodEnd(exam.year, defaultAsOf(exam.year, today))
}

/**
 * The entry list of one exam: everyone in its scope plus anyone else who already has a result. `periodEnd` is the
 * last day of the period the exam's year is reported for (an undated annual exam is judged on it, as in the
 * report); `extraTakers` are pre-appointment takers picked in this session, not saved yet.
 */
export function examEntry(
  exam: Exam,
  persons: readonly Person[],
  results: readonly ExamResult[],
  sections: readonly Section[],
  periodEnd: IsoDate,
  extraTakers: readonly string[] = [],
): ExamEntry {
  const tally = tallyExam(exam, persons, results, periodEnd, extraTakers)
  const rows: EntryRow[] = []
  for (const person of persons) {
    const result = tally.resultByPerson.get(person.id) ?? null
    const inScope = tally.inScopeIds.has(person.id)
    if (inScope || result !== null) rows.push({ person, result, inScope })
  }
  const order = rosterOrder(sections)
  return { tally, rows: rows.sort((a, b) => order(a.person, b.person)) }
}

/** The next row after `personId` (wrapping round) that is in scope and has no result yet. */
export function nextWithoutResult(rows: readonly EntryRow[], personId: string | null): EntryRow | null {
  const start = personId === null ? -1 : rows.findIndex((r) => r.person.id === personId)
  for (let i = 1; i <= rows.length; i += 1) {
    const row = rows[(start + i + rows.length) % rows.length]
    if (row.inScope && row.result === null && row.person.id !== personId) return row
  }
  return null
}

export type ResultTone = 'missing' | 'pass' | 'fail' | 'absent' | 'exempt'

/** What a row shows on its right: "96 分 · 优秀", "缺考", "免考 · 病假", "未录入". */
export function resultSummary(result: ExamResult | null, exam: Pick<Exam, 'passScore' | 'excellentScore'>): { text: string; tone: ResultTone } {
  if (result === null) return { text: '未录入', tone: 'missing' }
  if (result.status === 'absent') return { text: '缺考', tone: 'absent' }
  if (result.status === 'exempt') return { text: result.reason ? `免考 · ${result.reason}` : '免考', tone: 'exempt' }
  if (result.score === null) return { text: '参考', tone: 'pass' }
  const grade = gradeOf(result.score, exam)
  return { text: `${result.score} 分 · ${grade}`, tone: grade === '不合格' ? 'fail' : 'pass' }
}
