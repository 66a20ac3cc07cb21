/**
 * The demo ledger's exams: the 年度学法考试 of each year already held by `today` (a few exempt, absent and failed
 * persons), and one 任前法律知识考试 for one or two new section heads.
 */
import { workday } from './calendar'
import { isLeader, type Ids, type Member } from './roster'
import { isActiveOn, yearOf } from '../model/dates'
import type { Rng } from './prng'
import type { Exam, ExamResult, IsoDate, Stamp } from '../model/types'

function examDate(rng: Rng, y: number): IsoDate {
  return rng.chance(0.6) ? workday(rng, y, 10, 12, 28) : workday(rng, y, 11, 3, 18)
}

function annualResults(
  rng: Rng,
  newId: () => string,
  exam: Exam,
  members: Member[],
  isCurrentYear: boolean,
  stamp: (d: IsoDate) => Stamp,
): ExamResult[] {
  const date = exam.date!
  const eligible = members.filter((m) => isActiveOn(m.person, date))
  const n = eligible.length
  const special = Math.max(1, Math.round(n * 0.004))
  const candidates = rng.shuffle(eligible.filter((m) => !isLeader(m)))
  const exempt = new Set(candidates.slice(0, special))
  const absent = new Set(candidates.slice(special, 2 * special))
  const takers = rng.shuffle(eligible.filter((m) => !exempt.has(m) && !absent.has(m)))
  const failCount = isCurrentYear ? Math.round(n * 0.003) : Math.max(1, Math.round(n * 0.005))
  const goodCount = Math.max(2, Math.round(n * 0.06))
  const scoreOf = new Map<Member, number>()
  takers.forEach((m, i) => {
    scoreOf.set(m, i < failCount ? rng.int(45, 59) : i < failCount + goodCount ? rng.int(78, 89) : rng.int(90, 100))
  })
  return eligible.map((m) => {
    const status = exempt.has(m) ? 'exempt' : absent.has(m) ? 'absent' : 'taken'
    return {
      id: newId(),
      examId: exam.id,
      personId: m.person.id,
      status,
      score: status === 'taken' ? scoreOf.get(m)! : null,
      reason: status === 'exempt' ? rng.pick(['病假', '借调']) : null,
      updatedAt: stamp(date),
    }
  })
}

function preAppointmentExam(
  rng: Rng,
  ids: Ids,
  members: Member[],
  year: number,
  today: IsoDate,
  stamp: (d: IsoDate) => Stamp,
): { exam: Exam; results: ExamResult[] } | null {
  let date = workday(rng, year, rng.int(5, 6), 5, 25)
  if (date > today) date = workday(rng, year - 1, rng.int(5, 6), 5, 25)
  const y = yearOf(date)
  const candidates = rng.shuffle(members.filter((m) => !isLeader(m) && isActiveOn(m.person, date) && m.person.title !== null && /副|股长|队长|所长|主任/.test(m.person.title)))
  const takers = candidates.slice(0, rng.int(1, 2))
  if (takers.length === 0) return null
  const exam: Exam = {
    id: ids.exam(),
    kind: 'preAppointment',
    year: y,
    title: `${y}年新任职领导干部任前法律知识考试`,
    date,
    passScore: 60,
    excellentScore: null,
    updatedAt: stamp(date),
  }
  const results: ExamResult[] = takers.map((m) => ({
    id: ids.result(),
    examId: exam.id,
    personId: m.person.id,
    status: 'taken',
    score: rng.int(82, 96),
    reason: null,
    updatedAt: stamp(date),
  }))
  return { exam, results }
}

/** The exams held by `today` over `years` ([last year, this year]), by date, and their results. */
export function scheduleExams(
  rng: Rng,
  ids: Ids,
  members: Member[],
  years: readonly number[],
  today: IsoDate,
  stamp: (d: IsoDate) => Stamp,
): { exams: Exam[]; examResults: ExamResult[] } {
  const year = years[years.length - 1]
  const exams: Exam[] = []
  const examResults: ExamResult[] = []
  for (const y of years) {
    const date = examDate(rng, y)
    if (date > today) continue
    const exam: Exam = {
      id: ids.exam(),
      kind: 'annual',
      year: y,
      title: `${y}年度国家工作人员学法考试`,
      date,
      passScore: 60,
      excellentScore: 90,
      updatedAt: stamp(date),
    }
    exams.push(exam)
    examResults.push(...annualResults(rng, ids.result, exam, members, y === year, stamp))
  }
  const pre = preAppointmentExam(rng, ids, members, year, today, stamp)
  if (pre) {
    exams.push(pre.exam)
    examResults.push(...pre.results)
  }
  exams.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1))
  return { exams, examResults }
}
