/**
 * An independent, deliberately plain re-computation of the report figures,
 * written from the definitions of docs/spec/report-figures.md only (no code shared with src/domain),
 * to check the real computation at scale.
 */
import type { Activity, Exam, ExamResult, LedgerData, Person, PersonHoursRule } from '../../../src/domain/model/types'

const DAY = 86_400_000
const dayNo = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY
const activeOn = (p: Person, d: string) => p.activeFrom <= d && (p.activeTo === null || p.activeTo >= d)

function printHours(x: number | null): string {
  if (x === null) return '—'
  const r = Math.round(x * 10 + 1e-7) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}
const printRate = (x: number | null) => (x === null ? '—' : `${printHours(x * 100)}%`)
const share = (n: number, d: number) => (d === 0 ? null : n / d)

function proRated(target: number, p: Person, year: number): number {
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const start = p.activeFrom > from ? p.activeFrom : from
  const end = p.activeTo !== null && p.activeTo < to ? p.activeTo : to
  const days = end < start ? 0 : dayNo(end) - dayNo(start) + 1
  const inYear = dayNo(to) - dayNo(from) + 1
  if (days >= inYear) return target
  return Math.ceil(((target * days) / inYear) * 2 - 1e-9) / 2
}

function latestResults(results: ExamResult[], exam: Exam): Map<string, ExamResult> {
  const out = new Map<string, ExamResult>()
  for (const r of results) {
    if (r.examId !== exam.id) continue
    const prev = out.get(r.personId)
    if (!prev || r.updatedAt > prev.updatedAt || (r.updatedAt === prev.updatedAt && r.id > prev.id)) out.set(r.personId, r)
  }
  return out
}

export interface NaiveResult {
  printed: Record<string, string>
  hoursByPerson: Map<string, number>
}

export function naiveFigures(data: LedgerData, year: number, asOf: string): NaiveResult {
  const from = `${year}-01-01`
  const end = asOf < `${year}-12-31` ? asOf : `${year}-12-31`
  const acts: Activity[] = data.activities.filter((a) => a.date >= from && a.date <= end && a.review !== 'returned')
  const set = data.targetSets.filter((t) => t.year === year).sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0]
  const rule = set.rules.find((r) => r.type === 'personHours' && r.scope === 'enforcement') as PersonHoursRule

  // Hours of every person, one person at a time, through a per-person index of activities.
  const actsOf = new Map<string, Activity[]>()
  for (const a of acts) {
    for (const id of new Set(a.attendees)) {
      const list = actsOf.get(id)
      if (list) list.push(a)
      else actsOf.set(id, [a])
    }
  }
  const hoursOf = (p: Person, kinds: string[] | null) =>
    (actsOf.get(p.id) ?? []).filter((a) => kinds === null || kinds.includes(a.kind)).reduce((s, a) => s + a.hours, 0)
  const hoursByPerson = new Map(data.persons.map((p) => [p.id, hoursOf(p, null)]))

  const active = data.persons.filter((p) => activeOn(p, end))
  const officers = active.filter((p) => p.roles.includes('enforcement'))
  const officerHours = officers.map((p) => hoursOf(p, rule.kinds))
  const met = officers.filter((p, i) => officerHours[i] + 1e-9 >= (rule.proRate ? proRated(rule.minHours, p, year) : rule.minHours)).length
  const kind = (k: string) => acts.filter((a) => a.kind === k).length
  const totalHours = data.persons.reduce((s, p) => s + hoursByPerson.get(p.id)!, 0)
  const activeHours = active.reduce((s, p) => s + hoursByPerson.get(p.id)!, 0)
  const studied = active.filter((p) => (actsOf.get(p.id) ?? []).length > 0).length

  const annual = data.exams
    .filter((e) => e.kind === 'annual' && e.year === year && (e.date === null || e.date <= asOf))
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''))
    .pop()
  let eligible = 0, taken = 0, passed = 0, excellent = 0
  if (annual) {
    const res = latestResults(data.examResults, annual)
    for (const p of data.persons) {
      if (!activeOn(p, annual.date ?? end)) continue
      const r = res.get(p.id)
      if (r?.status === 'exempt') continue
      eligible++
      if (r?.status !== 'taken') continue
      taken++
      if (r.score !== null && r.score >= annual.passScore) passed++
      if (r.score !== null && annual.excellentScore !== null && r.score >= annual.excellentScore) excellent++
    }
  }
  let preCount = 0, prePassed = 0
  for (const e of data.exams.filter((x) => x.kind === 'preAppointment' && x.date !== null && x.date >= from && x.date <= end)) {
    for (const r of latestResults(data.examResults, e).values()) {
      if (r.status !== 'taken') continue
      preCount++
      if (r.score !== null && r.score >= e.passScore) prePassed++
    }
  }
  const laws = new Set(acts.flatMap((a) => a.laws))

  let targetsMet = 0
  for (const r of set.rules) {
    if (r.type === 'personHours') {
      const scope = active.filter((p) => r.scope === 'all' || p.roles.includes(r.scope))
      if (scope.every((p) => hoursOf(p, r.kinds) + 1e-9 >= (r.proRate ? proRated(r.minHours, p, year) : r.minHours))) targetsMet++
    } else if (r.type === 'examParticipation') {
      if (annual && (eligible === 0 || taken / eligible + 1e-9 >= r.minRate)) targetsMet++
    } else if (acts.filter((a) => a.kind === r.kind && (!r.legalThemeOnly || a.legalTheme)).length >= r.min) targetsMet++
  }

  const printed: Record<string, string> = {
    staffCount: String(active.length),
    enforcementCount: String(officers.length),
    leaderCount: String(active.filter((p) => p.roles.includes('leader')).length),
    centerGroupSessions: String(kind('centerGroup')),
    centerGroupLegalSessions: String(acts.filter((a) => a.kind === 'centerGroup' && a.legalTheme).length),
    collectiveSessions: String(kind('collective')),
    lectureCount: String(kind('lecture')),
    trainingSessions: String(kind('training')),
    warningSessions: String(kind('warning')),
    totalHours: printHours(totalHours),
    activeHours: printHours(activeHours),
    leaverHours: printHours(totalHours - activeHours),
    avgHours: printHours(share(activeHours, active.length)),
    studyParticipants: String(studied),
    studyParticipationRate: printRate(share(studied, active.length)),
    enforcementHours: printHours(officerHours.reduce((s, h) => s + h, 0)),
    enforcementAvgHours: printHours(share(officerHours.reduce((s, h) => s + h, 0), officers.length)),
    enforcementMinHours: printHours(officerHours.length === 0 ? null : Math.min(...officerHours)),
    enforcementMetCount: String(met),
    enforcementMetRate: printRate(share(met, officers.length)),
    examEligible: String(eligible),
    examTaken: String(taken),
    examParticipationRate: printRate(share(taken, eligible)),
    examPassed: String(passed),
    examPassRate: printRate(share(passed, taken)),
    examExcellent: annual?.excellentScore == null ? '—' : String(excellent),
    examExcellentRate: printRate(annual?.excellentScore == null ? null : share(excellent, taken)),
    preMeetingSessions: String(kind('preMeeting')),
    preAppointmentExamCount: String(preCount),
    preAppointmentPassed: String(prePassed),
    preAppointmentPassRate: printRate(share(prePassed, preCount)),
    lawsStudiedCount: String(laws.size),
    targetsMet: String(targetsMet),
    targetsTotal: String(set.rules.length),
  }
  return { printed, hoursByPerson }
}
