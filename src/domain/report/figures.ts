/**
 * The annual report for year Y as of D, from the live records: the measurements made once (hours, the enforcement
 * rule, the exams, the targets, the laws), every figure of the registry computed from them and printed by its
 * rule (registry.ts), the laws studied and the per-person table. Year over year: compare.ts.
 */
import { activeDaysBetween, isActiveOn, periodEnd, yearStart } from '../model/dates'
import { annualExamStats, preAppointmentStats, type ExamStats } from '../measures/exam-stats'
import { CONSTITUTION_TITLE, officialLawTitle } from '../model/laws'
import { compareZh, rosterOrder } from '../model/order'
import { activitiesInPeriod, computePersonHours, type CountOptions, type PersonHours } from '../measures/person-hours'
import { bindingRule, evaluatePersonHoursRule, evaluateTargets, targetSetFor, type PersonRuleResult, type TargetEvaluation } from '../measures/target-rules'
import { defaultTargetRules } from '../measures/targets-default'
import type { Activity, Exam, IsoDate, LedgerData, Person, PersonHoursRule, ResultStatus, Role, TargetStatus, TrainingCategory } from '../model/types'
import type { FigureInputs, LawCount } from './figure-spec'
import { FIGURE_KEYS, FIGURES, printFigure, type FigureKey, type FigureValues } from './registry'

export type { FigureValues, LawCount }
export { compareYears, type FigureDelta } from './compare'

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
  /** Eligible for the year's annual exam (the exam's own tally): with no result, 未参考. */
  isExamEligible: boolean
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

/**
 * Distinct laws studied (official titles; short names from the catalogue merged): 《宪法》 first, as official
 * documents list it, then the most studied first, then by name.
 */
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
    .sort((a, b) => Number(b.title === CONSTITUTION_TITLE) - Number(a.title === CONSTITUTION_TITLE) || b.count - a.count || compareZh(a.title, b.title))
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
  hours: ReadonlyMap<string, PersonHours>,
  rules: Map<string, PersonRuleResult[]>,
  exam: ExamStats,
  year: number,
  asOf: IsoDate,
): PerPersonRow[] {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  const sections = new Map(data.sections.map((s) => [s.id, s]))
  const order = rosterOrder(data.sections)
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
        isExamEligible: exam.eligibleIds.has(p.id),
      }
    })
  return rows.sort((a, b) => order(a.person, b.person))
}

/** The measurements every figure is computed from, made once. */
function figureInputs(data: LedgerData, year: number, asOf: IsoDate, opts: CountOptions): FigureInputs {
  const activities = activitiesInPeriod(data.activities, year, asOf, opts)
  const hours = computePersonHours(activities, year, asOf, opts)
  return {
    persons: data.persons,
    active: data.persons.filter((p) => isActiveOn(p, periodEnd(year, asOf))),
    hours,
    activities,
    enforcement: evaluatePersonHoursRule(enforcementRuleOf(data, year), data.persons, hours, year, asOf).persons,
    annualExam: annualExamStats(data, year, asOf),
    preAppointment: preAppointmentStats(data, year, asOf),
    lawsStudied: lawsStudiedIn(activities),
    targets: evaluateTargets(data, year, asOf, { ...opts, hours }),
  }
}

/** Every figure of the report for year Y as of D, from live records (no tombstones). */
export function computeReportFigures(
  data: LedgerData,
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): ReportFigures {
  const x = figureInputs(data, year, asOf, opts)
  const values = {} as FigureValues
  const printed = {} as Record<FigureKey, string>
  for (const k of FIGURE_KEYS) {
    values[k] = FIGURES[k].compute(x)
    printed[k] = printFigure(k, values[k])
  }
  return {
    year,
    asOf,
    values,
    printed,
    lawsStudied: [...x.lawsStudied],
    perPerson: perPersonRows(data, x.hours, ruleResultsByPerson(x.targets, x.enforcement), x.annualExam, year, asOf),
    targets: x.targets,
    annualExam: x.annualExam.exam,
    hasData: x.activities.length > 0 || x.annualExam.exam !== null || x.preAppointment.taken > 0,
  }
}
