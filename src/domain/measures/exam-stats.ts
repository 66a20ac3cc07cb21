/**
 * THE exam computation: who is eligible, who took it, who passed. The report figures (examEligible …
 * preAppointmentPassRate), the exam-participation rule, the completion views and the exam page all use it.
 */
import { isActiveOn, periodEnd, yearEnd, yearStart } from '../model/dates'
import { ratio } from '../model/format'
import type { Exam, ExamResult, IsoDate, LedgerData, Person } from '../model/types'

/**
 * One exam's numbers. Who is in scope: for an `annual` exam the persons of the roster active on its date (on the
 * period end when it has none, never on "today"); for a `preAppointment` exam whoever has a result (plus those
 * picked on the exam page and not saved yet). 应考 (eligible) is in scope and not exempt; an eligible person with no
 * result counts as not taken (缺考 or 未录入). Pass and excellent are over those who took it.
 */
export interface ExamStats {
  /** The exam, or null when there is none (the year has no annual exam by D). */
  exam: Exam | null
  /** The date eligibility is judged on: the exam's date, or the period end when it has none. */
  eligibilityDate: IsoDate | null
  /** The latest result of each person for this exam. */
  resultByPerson: Map<string, ExamResult>
  inScopeIds: Set<string>
  /** In scope and not exempt. */
  eligibleIds: Set<string>
  eligible: number
  taken: number
  absent: number
  exempt: number
  /** Eligible with no result yet (未录入). */
  missing: number
  passed: number
  /** null when the exam has no excellent line. */
  excellent: number | null
  participationRate: number | null
  passRate: number | null
  excellentRate: number | null
}

export type ExamTally = ExamStats & { exam: Exam; eligibilityDate: IsoDate }

export interface PreAppointmentStats {
  /** Results with status `taken`. */
  taken: number
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

export type Grade = '优秀' | '合格' | '不合格'

/** THE definition of passing: a score reaches the pass line; excellent: it also reaches the excellent line. */
export function gradeOf(score: number, exam: Pick<Exam, 'passScore' | 'excellentScore'>): Grade {
  if (score < exam.passScore) return '不合格'
  return exam.excellentScore !== null && score >= exam.excellentScore ? '优秀' : '合格'
}

export function isPass(r: ExamResult, exam: Exam): boolean {
  return r.status === 'taken' && r.score !== null && gradeOf(r.score, exam) !== '不合格'
}

export function isExcellent(r: ExamResult, exam: Exam): boolean {
  return r.status === 'taken' && r.score !== null && gradeOf(r.score, exam) === '优秀'
}

function finish(base: Omit<ExamStats, 'participationRate' | 'passRate' | 'excellentRate'>): ExamStats {
  return {
    ...base,
    participationRate: ratio(base.taken, base.eligible),
    passRate: ratio(base.passed, base.taken),
    excellentRate: base.excellent === null ? null : ratio(base.excellent, base.taken),
  }
}

/** One exam's numbers (see ExamStats); `periodEnd` judges an undated annual exam. */
export function tallyExam(
  exam: Exam,
  persons: readonly Person[],
  results: readonly ExamResult[],
  periodEnd: IsoDate,
  extraTakers: readonly string[] = [],
): ExamTally {
  const on = exam.date ?? periodEnd
  const resultByPerson = resultsByPerson(results, exam.id)
  const inScopeIds = new Set(
    exam.kind === 'annual' ? persons.filter((p) => isActiveOn(p, on)).map((p) => p.id) : [...resultByPerson.keys(), ...extraTakers],
  )
  const eligibleIds = new Set<string>()
  const n = { taken: 0, absent: 0, exempt: 0, missing: 0, passed: 0, excellent: 0 }
  for (const id of inScopeIds) {
    const r = resultByPerson.get(id)
    if (r?.status === 'exempt') {
      n.exempt += 1
      continue
    }
    eligibleIds.add(id)
    if (r === undefined) n.missing += 1
    else if (r.status === 'absent') n.absent += 1
    else {
      n.taken += 1
      if (isPass(r, exam)) n.passed += 1
      if (isExcellent(r, exam)) n.excellent += 1
    }
  }
  const excellent = exam.excellentScore === null ? null : n.excellent
  const stats = finish({ exam, eligibilityDate: on, resultByPerson, inScopeIds, eligibleIds, eligible: eligibleIds.size, ...n, excellent })
  return stats as ExamTally
}

/** The numbers of the year's annual exam as of D (empty when there is none). */
export function annualExamStats(
  data: Pick<LedgerData, 'exams' | 'examResults' | 'persons'>,
  year: number,
  asOf: IsoDate,
): ExamStats {
  const exam = annualExamFor(data.exams, year, asOf)
  if (exam !== null) return tallyExam(exam, data.persons, data.examResults, periodEnd(year, asOf))
  const none = { eligible: 0, taken: 0, absent: 0, exempt: 0, missing: 0, passed: 0, excellent: null }
  return finish({ exam: null, eligibilityDate: null, resultByPerson: new Map(), inScopeIds: new Set(), eligibleIds: new Set(), ...none })
}

/** Results with status `taken` of `preAppointment` exams dated in Y up to D, tallied as the exam page does. */
export function preAppointmentStats(
  data: Pick<LedgerData, 'exams' | 'examResults' | 'persons'>,
  year: number,
  asOf: IsoDate,
): PreAppointmentStats {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  let taken = 0
  let passed = 0
  for (const exam of data.exams) {
    if (exam.kind !== 'preAppointment' || exam.date === null || exam.date < from || exam.date > to) continue
    const t = tallyExam(exam, data.persons, data.examResults, to)
    taken += t.taken
    passed += t.passed
  }
  return { taken, passed, passRate: ratio(passed, taken) }
}

/** Whether year Y is over on D (no more pace; unmet means missed). */
export function isYearOver(year: number, asOf: IsoDate): boolean {
  return asOf >= yearEnd(year)
}
