/**
 * The annual report figures of PRODUCT.md ("Report figures"), computed from the
 * live records for year Y as of D, with their printed form (figure-format.ts),
 * the laws studied and the per-person table. Year over year: report-compare.ts.
 */
import { activeDaysBetween, isActiveOn, periodEnd, yearStart } from '../model/dates'
import { annualExamStats, preAppointmentStats } from '../measures/exam-stats'
import { printFigure } from './figure-format'
import { ratio } from '../model/format'
import { FIGURE_KEYS, type FigureKey } from '../model/labels'
import { officialLawTitle } from '../model/laws'
import { activitiesInPeriod, computePersonHours, type CountOptions, type PersonHours } from '../measures/person-hours'
import { compareZh } from '../model/order'
import { bindingRule, evaluatePersonHoursRule, evaluateTargets, targetSetFor, type PersonRuleResult, type TargetEvaluation } from '../measures/target-rules'
import { defaultTargetRules } from '../measures/targets-default'
import type { Activity, Exam, IsoDate, LedgerData, Person, PersonHoursRule, ResultStatus, Role, TargetStatus, TrainingCategory } from '../model/types'

export type FigureValues = Record<FigureKey, number | null>

export { FIGURE_FORMATS, printFigure, type FigureFormat } from './figure-format'
export { compareYears, type FigureDelta } from './compare'

export interface LawCount {
  title: string
  /** Activities in Y up to D that list the law. */
  count: number
}

export interface PerPersonRow {
  person: Person
  sectionName: string | null
  roles: Role[]
  /** Active on the as-of date (false for a leaver). */
  isActiveOnAsOf: boolean
  totalHours: number
  categoryHours: Record<TrainingCategory, number>
  /** From the binding hour rule; null when no hour rule applies to the person. */
  target: number | null
  status: TargetStatus | null
  examStatus: ResultStatus | null
  examScore: number | null
}

export interface ReportFigures {
  year: number
  asOf: IsoDate
  values: FigureValues
  printed: Record<FigureKey, string>
  lawsStudied: LawCount[]
  perPerson: PerPersonRow[]
  targets: TargetEvaluation
  annualExam: Exam | null
  /** Any activity or exam in Y up to D (a year-over-year comparison needs it). */
  hasData: boolean
}

/** The default enforcement rule, used for the enforcement figures when the year has none. */
function enforcementRuleOf(data: LedgerData, year: number): PersonHoursRule {
  const set = targetSetFor(data.targetSets, year)
  const own = set?.rules.find((r): r is PersonHoursRule => r.type === 'personHours' && r.scope === 'enforcement')
  if (own) return own
  let n = 0
  return defaultTargetRules(() => `default-${n++}`)[0] as PersonHoursRule
}

/** Distinct laws studied (official titles; short names from the catalogue merged), most studied first. */
export function lawsStudiedIn(acts: readonly Activity[]): LawCount[] {
  const counts = new Map<string, number>()
  const titleOf = new Map<string, string>() // raw entry → official title, computed once per spelling
  for (const a of acts) {
    if (a.laws.length === 0) continue
    const titles = new Set<string>()
    for (const raw of a.laws) {
      let t = titleOf.get(raw)
      if (t === undefined) titleOf.set(raw, (t = officialLawTitle(raw)))
      if (t !== '') titles.add(t)
    }
    for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1)
  }
  return [...counts]
    .map(([title, count]) => ({ title, count }))
    .sort((a, b) => b.count - a.count || compareZh(a.title, b.title))
}

/** Session counts by kind, in one pass. */
function countActivities(acts: readonly Activity[]) {
  const byKind = new Map<Activity['kind'], number>()
  let legalCenterGroup = 0
  for (const a of acts) {
    byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1)
    if (a.kind === 'centerGroup' && a.legalTheme) legalCenterGroup += 1
  }
  const of = (kind: Activity['kind']) => byKind.get(kind) ?? 0
  return {
    centerGroupSessions: of('centerGroup'),
    centerGroupLegalSessions: legalCenterGroup,
    collectiveSessions: of('collective'),
    lectureCount: of('lecture'),
    trainingSessions: of('training'),
    warningSessions: of('warning'),
    preMeetingSessions: of('preMeeting'),
  }
}

function staffFigures(persons: readonly Person[], hours: Map<string, PersonHours>, on: IsoDate) {
  const active = persons.filter((p) => isActiveOn(p, on))
  let totalHours = 0
  for (const p of persons) totalHours += hours.get(p.id)?.total ?? 0
  let activeHours = 0
  let studied = 0
  for (const p of active) {
    const ph = hours.get(p.id)
    activeHours += ph?.total ?? 0
    if ((ph?.activityCount ?? 0) > 0) studied += 1
  }
  return {
    staffCount: active.length,
    leaderCount: active.filter((p) => p.roles.includes('leader')).length,
    totalHours,
    avgHours: ratio(activeHours, active.length),
    studyParticipationRate: ratio(studied, active.length),
  }
}

function enforcementFigures(enf: readonly PersonRuleResult[]) {
  const officers = enf.filter((r) => r.isActiveOnAsOf)
  const hours = officers.map((r) => r.hours)
  const met = officers.filter((r) => r.status === 'met').length
  return {
    enforcementCount: officers.length,
    enforcementAvgHours: ratio(hours.reduce((s, h) => s + h, 0), officers.length),
    enforcementMinHours: hours.length === 0 ? null : Math.min(...hours),
    enforcementMetCount: met,
    enforcementMetRate: ratio(met, officers.length),
  }
}

/** Hour-rule results per person: the year's rules, or the default enforcement rule when there is no set. */
function ruleResultsByPerson(targets: TargetEvaluation, enforcement: readonly PersonRuleResult[]) {
  const out = new Map<string, PersonRuleResult[]>()
  const lists = targets.targetSet === null
    ? [enforcement]
    : targets.results.flatMap((r) => ('persons' in r ? [r.persons] : []))
  for (const list of lists) for (const r of list) out.set(r.person.id, [...(out.get(r.person.id) ?? []), r])
  return out
}

function perPersonRows(
  data: LedgerData,
  hours: Map<string, PersonHours>,
  rules: Map<string, PersonRuleResult[]>,
  exam: ReturnType<typeof annualExamStats>,
  year: number,
  asOf: IsoDate,
): PerPersonRow[] {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  const sections = new Map(data.sections.map((s) => [s.id, s]))
  const rows = data.persons
    .filter((p) => (to >= from && activeDaysBetween(p, from, to) > 0) || hours.has(p.id))
    .map((p): PerPersonRow => {
      const ph = hours.get(p.id)
      const rule = bindingRule(rules.get(p.id) ?? [])
      const result = exam.resultByPerson.get(p.id)
      return {
        person: p,
        sectionName: p.sectionId === null ? null : (sections.get(p.sectionId)?.name ?? null),
        roles: [...p.roles],
        isActiveOnAsOf: isActiveOn(p, to),
        totalHours: ph?.total ?? 0,
        categoryHours: { publicLaw: 0, business: 0, enforcementSkill: 0, ...ph?.byCategory },
        target: rule?.target ?? null,
        status: rule?.status ?? null,
        examStatus: result?.status ?? null,
        examScore: result?.score ?? null,
      }
    })
  const order = (p: Person) => (p.sectionId === null ? Infinity : (sections.get(p.sectionId)?.order ?? Infinity))
  return rows.sort((a, b) => order(a.person) - order(b.person) || compareZh(a.person.name, b.person.name))
}

/** Every figure of the report for year Y as of D, from live records (no tombstones). */
export function computeReportFigures(
  data: LedgerData,
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): ReportFigures {
  const on = periodEnd(year, asOf)
  const acts = activitiesInPeriod(data.activities, year, asOf, opts)
  const hours = computePersonHours(acts, year, asOf, opts)
  const targets = evaluateTargets(data, year, asOf, { ...opts, hours })
  const enforcement = evaluatePersonHoursRule(enforcementRuleOf(data, year), data.persons, hours, year, asOf).persons
  const exam = annualExamStats(data, year, asOf)
  const pre = preAppointmentStats(data, year, asOf)
  const lawsStudied = lawsStudiedIn(acts)
  const values: FigureValues = {
    ...staffFigures(data.persons, hours, on),
    ...enforcementFigures(enforcement),
    ...countActivities(acts),
    examEligible: exam.eligible,
    examTaken: exam.taken,
    examParticipationRate: exam.participationRate,
    examPassRate: exam.passRate,
    examExcellentRate: exam.excellentRate,
    preAppointmentExamCount: pre.count,
    preAppointmentPassRate: pre.passRate,
    lawsStudiedCount: lawsStudied.length,
    targetsMet: targets.metCount,
    targetsTotal: targets.total,
  }
  const printed = {} as Record<FigureKey, string>
  for (const k of FIGURE_KEYS) printed[k] = printFigure(k, values[k])
  return {
    year,
    asOf,
    values,
    printed,
    lawsStudied,
    perPerson: perPersonRows(data, hours, ruleResultsByPerson(targets, enforcement), exam, year, asOf),
    targets,
    annualExam: exam.exam,
    hasData: acts.length > 0 || exam.exam !== null || pre.count > 0,
  }
}
