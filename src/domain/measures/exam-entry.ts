/**
 * The result-entry list of one exam (issue #3): who should have a result, what
 * they have, and the counts header 应考 / 实考 / 缺考 / 免考 / 未录入.
 * Eligibility follows PRODUCT.md: an annual exam's takers are the persons active
 * on the exam date; 免考 leaves the denominator.
 */
import { isActiveOn } from '../model/dates'
import { rosterOrder } from '../model/order'
import { gradeOf, resultsByPerson } from './exam-stats'
import type { Exam, ExamResult, IsoDate, Person, Section } from '../model/types'

export interface EntryRow {
  person: Person
  result: ExamResult | null
  /** False for someone with a result who was not active on the exam date (annual exams). */
  inScope: boolean
}

export interface EntryCounts {
  /** 应考: in scope, not exempt. */
  eligible: number
  taken: number
  absent: number
  exempt: number
  /** 未录入: in scope with no result yet. */
  missing: number
}

/**
 * Rows of the entry list. Annual: everyone active on the exam date (today when it
 * has none) plus anyone else who already has a result. Pre-appointment: the
 * persons with a result plus `extraTakers` (picked in this session, not saved yet).
 */
export function examEntryRows(
  exam: Exam,
  persons: readonly Person[],
  results: readonly ExamResult[],
  sections: readonly Section[],
  today: IsoDate,
  extraTakers: readonly string[] = [],
): EntryRow[] {
  const byPerson = resultsByPerson(results, exam.id)
  const on = exam.date ?? today
  const extra = new Set(extraTakers)
  const rows: EntryRow[] = []
  for (const person of persons) {
    const result = byPerson.get(person.id) ?? null
    const inScope = exam.kind === 'annual' ? isActiveOn(person, on) : result !== null || extra.has(person.id)
    if (!inScope && result === null) continue
    rows.push({ person, result, inScope })
  }
  const order = rosterOrder(sections)
  return rows.sort((a, b) => order(a.person, b.person))
}

export function entryCounts(rows: readonly EntryRow[]): EntryCounts {
  const c: EntryCounts = { eligible: 0, taken: 0, absent: 0, exempt: 0, missing: 0 }
  for (const { result, inScope } of rows) {
    if (!inScope) continue
    if (result === null) c.missing += 1
    else c[result.status] += 1
  }
  c.eligible = c.taken + c.absent + c.missing
  return c
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

/** Passed and excellent among the rows in scope that took the exam. */
export function gradeCounts(rows: readonly EntryRow[], exam: Pick<Exam, 'passScore' | 'excellentScore'>): { passed: number; excellent: number } {
  let passed = 0
  let excellent = 0
  for (const { result, inScope } of rows) {
    if (!inScope || result?.status !== 'taken' || result.score === null) continue
    if (result.score >= exam.passScore) passed += 1
    if (exam.excellentScore !== null && result.score >= exam.excellentScore) excellent += 1
  }
  return { passed, excellent }
}
