/**
 * Exam figures shared by the report figures and the exam-participation rule
 * (PRODUCT.md "Report figures": examEligible … preAppointmentPassRate).
 */
import { isActiveOn, periodEnd, yearEnd, yearStart } from '../model/dates'
import { ratio } from '../model/format'
import type { Exam, ExamResult, IsoDate, LedgerData } from '../model/types'

export interface AnnualExamStats {
  /** The year's annual exam, or null when none is recorded (or none held by D). */
  exam: Exam | null
  /** The date eligibility is judged on: the exam's date, or the period end when it has none. */
  eligibilityDate: IsoDate | null
  /** Ids of eligible persons: active on that date, not exempt. */
  eligibleIds: Set<string>
  /** The latest result of each person for this exam. */
  resultByPerson: Map<string, ExamResult>
  eligible: number
  taken: number
  passed: number
  /** null when the exam has no excellent line. */
  excellent: number | null
  participationRate: number | null
  passRate: number | null
  excellentRate: number | null
}

export interface PreAppointmentStats {
  count: number
  passed: number
  passRate: number | null
}

/** Newest edit first, then id, so that the choice never depends on array order. */
function newer(a: { updatedAt: string; id: string }, b: { updatedAt: string; id: string }): boolean {
  return a.updatedAt !== b.updatedAt ? a.updatedAt > b.updatedAt : a.id > b.id
}

/**
 * The year's annual exam: kind `annual`, year Y, dated no later than D or undated;
 * of several, the latest dated (an undated one only when none is dated).
 */
export function annualExamFor(exams: readonly Exam[], year: number, asOf: IsoDate): Exam | null {
  let best: Exam | null = null
  for (const e of exams) {
    if (e.kind !== 'annual' || e.year !== year) continue
    if (e.date !== null && e.date > asOf) continue
    if (best === null) best = e
    else if (e.date !== null && (best.date === null || e.date > best.date)) best = e
    else if (e.date === best.date && newer(e, best)) best = e
  }
  return best
}

/** The latest result per person for one exam. */
export function resultsByPerson(results: readonly ExamResult[], examId: string): Map<string, ExamResult> {
  const out = new Map<string, ExamResult>()
  for (const r of results) {
    if (r.examId !== examId) continue
    const prev = out.get(r.personId)
    if (prev === undefined || newer(r, prev)) out.set(r.personId, r)
  }
  return out
}

export function isPass(r: ExamResult, exam: Exam): boolean {
  return r.status === 'taken' && r.score !== null && r.score >= exam.passScore
}

export function isExcellent(r: ExamResult, exam: Exam): boolean {
  return r.status === 'taken' && r.score !== null && exam.excellentScore !== null && r.score >= exam.excellentScore
}
/** The grade word of a score against the exam's lines. */
export function gradeOf(score: number, exam: Pick<Exam, 'passScore' | 'excellentScore'>): '优秀' | '合格' | '不合格' {
  if (exam.excellentScore !== null && score >= exam.excellentScore) return '优秀'
  return score >= exam.passScore ? '合格' : '不合格'
}

function emptyAnnual(): AnnualExamStats {
  return {
    exam: null,
    eligibilityDate: null,
    eligibleIds: new Set(),
    resultByPerson: new Map(),
    eligible: 0,
    taken: 0,
    passed: 0,
    excellent: null,
    participationRate: null,
    passRate: null,
    excellentRate: null,
  }
}

/**
 * Figures of the year's annual exam: eligible = persons active on the exam date
 * (the period end when undated) minus exempt; an eligible person with no result
 * counts as not taken; pass and excellent over those who took it.
 */
export function annualExamStats(
  data: Pick<LedgerData, 'exams' | 'examResults' | 'persons'>,
  year: number,
  asOf: IsoDate,
): AnnualExamStats {
  const exam = annualExamFor(data.exams, year, asOf)
  if (exam === null) return emptyAnnual()
  const on = exam.date ?? periodEnd(year, asOf)
  const resultByPerson = resultsByPerson(data.examResults, exam.id)
  const eligibleIds = new Set<string>()
  let taken = 0
  let passed = 0
  let excellent = 0
  for (const p of data.persons) {
    if (!isActiveOn(p, on)) continue
    const r = resultByPerson.get(p.id)
    if (r?.status === 'exempt') continue
    eligibleIds.add(p.id)
    if (r?.status !== 'taken') continue
    taken += 1
    if (isPass(r, exam)) passed += 1
    if (isExcellent(r, exam)) excellent += 1
  }
  const hasExcellentLine = exam.excellentScore !== null
  return {
    exam,
    eligibilityDate: on,
    eligibleIds,
    resultByPerson,
    eligible: eligibleIds.size,
    taken,
    passed,
    excellent: hasExcellentLine ? excellent : null,
    participationRate: ratio(taken, eligibleIds.size),
    passRate: ratio(passed, taken),
    excellentRate: hasExcellentLine ? ratio(excellent, taken) : null,
  }
}

/** Results with status `taken` of `preAppointment` exams dated in Y up to D. */
export function preAppointmentStats(
  data: Pick<LedgerData, 'exams' | 'examResults'>,
  year: number,
  asOf: IsoDate,
): PreAppointmentStats {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  let count = 0
  let passed = 0
  for (const exam of data.exams) {
    if (exam.kind !== 'preAppointment' || exam.date === null || exam.date < from || exam.date > to) continue
    for (const r of resultsByPerson(data.examResults, exam.id).values()) {
      if (r.status !== 'taken') continue
      count += 1
      if (isPass(r, exam)) passed += 1
    }
  }
  return { count, passed, passRate: ratio(passed, count) }
}

/** Whether year Y is over on D (no more pace; unmet means missed). */
export function isYearOver(year: number, asOf: IsoDate): boolean {
  return asOf >= yearEnd(year)
}
