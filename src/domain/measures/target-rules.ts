/**
 * Evaluation of the year's target rules (docs/spec/report-figures.md, "Words every
 * figure shares" and "Targets"): per person for `personHours`, per
 * unit for every rule, each with a status met / onTrack / behind / missed.
 */
import { activeDaysBetween, activeDaysInYear, elapsedShareOfYear, isActiveOn, periodEnd, proRatedTarget, yearStart } from '../model/dates'
import { annualExamStats, isYearOver } from './exam-stats'
import { activitiesInPeriod, categoryHoursOfKinds, computePersonHours, hoursOfKinds, type CountOptions, type PersonHours } from './person-hours'
import type {
  CountRuleResult,
  ExamRuleResult,
  PersonHoursRuleResult,
  PersonRuleResult,
  RuleResult,
  TargetEvaluation,
} from './target-results'
import type {
  IsoDate,
  LedgerData,
  Person,
  PersonHoursRule,
  TargetScope,
  TargetSet,
  TargetStatus,
  TrainingCategory,
  UnitActivityCountRule,
  ExamParticipationRule,
} from '../model/types'
import { TARGET_STATUSES, TRAINING_CATEGORIES } from '../model/types'
import { comparePersons } from '../model/order'

export interface EvalOptions extends CountOptions {
  /** computePersonHours(data.activities, year, asOf, opts), when the caller already has it. */
  hours?: Map<string, PersonHours>
}

export type {
  CountRuleResult,
  ExamRuleResult,
  PersonHoursRuleResult,
  PersonRuleResult,
  RuleResult,
  TargetEvaluation,
} from './target-results'

const EPS = 1e-9
const STATUS_RANK: Record<TargetStatus, number> = { missed: 0, behind: 1, onTrack: 2, met: 3 }

/** The year's target set; of several (two devices made one each), the newest edit. */
export function targetSetFor(sets: readonly TargetSet[], year: number): TargetSet | null {
  let best: TargetSet | null = null
  for (const s of sets) {
    if (s.year !== year) continue
    if (best === null || s.updatedAt > best.updatedAt || (s.updatedAt === best.updatedAt && s.id > best.id)) best = s
  }
  return best
}

export function isInScope(p: Pick<Person, 'roles'>, scope: TargetScope): boolean {
  return scope === 'all' || p.roles.includes(scope)
}

export function summarizeStatuses(list: readonly { status: TargetStatus }[]): Record<TargetStatus, number> {
  const out = {} as Record<TargetStatus, number>
  for (const s of TARGET_STATUSES) out[s] = 0
  for (const r of list) out[r.status] += 1
  return out
}

/** missed, behind, onTrack, met; then the largest gap; then the roster order (model/order.ts). */
export function compareBehindFirst(a: PersonRuleResult, b: PersonRuleResult): number {
  return STATUS_RANK[a.status] - STATUS_RANK[b.status] || b.gap - a.gap || comparePersons(a.person, b.person)
}

/** Of several hour rules for one person, the one to show: worst status, then largest gap, then highest target. */
export function bindingRule(results: readonly PersonRuleResult[]): PersonRuleResult | null {
  if (results.length === 0) return null
  return [...results].sort((a, b) => compareBehindFirst(a, b) || b.target - a.target)[0]
}

function categoryTargetsOf(rule: PersonHoursRule, p: Person, year: number): Partial<Record<TrainingCategory, number>> {
  const out: Partial<Record<TrainingCategory, number>> = {}
  const mins = rule.categoryMinHours
  if (mins == null) return out
  for (const c of TRAINING_CATEGORIES) {
    const m = mins[c]
    if (m === undefined || m === null || m <= 0) continue
    out[c] = rule.proRate ? proRatedTarget(m, p, year) : m
  }
  return out
}

/**
 * Whether a person's own period of the rule is over on D: the year is over, or the person left
 * (调出/退休) before the period end. Past its period a status is 达标 or 未达标, never a pace.
 */
export function isPersonPeriodOver(p: Person, year: number, asOf: IsoDate): boolean {
  return isYearOver(year, asOf) || (p.activeTo !== null && p.activeTo < periodEnd(year, asOf))
}

/** Whether the exam is over on D: held before D, or (undated) the year is over. */
export function isExamOver(exam: { date: IsoDate | null }, year: number, asOf: IsoDate): boolean {
  return isYearOver(year, asOf) || (exam.date !== null && exam.date < asOf)
}

/** Share of the person's active days in Y that have elapsed by the as-of date. */
function personElapsedShare(p: Person, year: number, asOf: IsoDate): number {
  const total = activeDaysInYear(p, year)
  if (total === 0) return 1
  const end = periodEnd(year, asOf)
  if (end < yearStart(year)) return 0
  return activeDaysBetween(p, yearStart(year), end) / total
}

/** One person against one hours rule on the as-of date. */
export function evaluatePerson(
  rule: PersonHoursRule,
  p: Person,
  ph: PersonHours | undefined,
  year: number,
  asOf: IsoDate,
): PersonRuleResult {
  const target = rule.proRate ? proRatedTarget(rule.minHours, p, year) : rule.minHours
  const hours = hoursOfKinds(ph, rule.kinds)
  // The rule's kinds only, so that the categories add up to `hours` (model/categories.ts).
  const categoryHours = categoryHoursOfKinds(ph, rule.kinds)
  const categoryTargets = categoryTargetsOf(rule, p, year)
  const categoryGaps: Partial<Record<TrainingCategory, number>> = {}
  for (const c of TRAINING_CATEGORIES) {
    const t = categoryTargets[c]
    if (t !== undefined && categoryHours[c] + EPS < t) categoryGaps[c] = t - categoryHours[c]
  }
  const isMet = hours + EPS >= target && Object.keys(categoryGaps).length === 0
  const isOver = isPersonPeriodOver(p, year, asOf)
  const expected = isMet || isOver ? null : target * personElapsedShare(p, year, asOf)
  let status: TargetStatus
  if (isMet) status = 'met'
  else if (isOver) status = 'missed'
  else status = hours + EPS >= (expected ?? 0) ? 'onTrack' : 'behind'
  return {
    person: p,
    ruleId: rule.id,
    target,
    hours,
    expected,
    gap: Math.max(0, target - hours),
    status,
    categoryHours,
    categoryTargets,
    categoryGaps,
    isActiveOnAsOf: isActiveOn(p, periodEnd(year, asOf)),
  }
}

/** Persons a rule looks at: in scope and active on some day of Y up to the as-of date. */
export function personsInScope(persons: readonly Person[], scope: TargetScope, year: number, asOf: IsoDate): Person[] {
  const from = yearStart(year)
  const to = periodEnd(year, asOf)
  return persons.filter((p) => isInScope(p, scope) && to >= from && activeDaysBetween(p, from, to) > 0)
}

export function evaluatePersonHoursRule(
  rule: PersonHoursRule,
  persons: readonly Person[],
  hours: Map<string, PersonHours>,
  year: number,
  asOf: IsoDate,
): PersonHoursRuleResult {
  const list = personsInScope(persons, rule.scope, year, asOf).map((p) =>
    evaluatePerson(rule, p, hours.get(p.id), year, asOf),
  )
  list.sort(compareBehindFirst)
  const verdict = list.filter((r) => r.isActiveOnAsOf)
  const counts = summarizeStatuses(verdict)
  let status: TargetStatus
  if (counts.met === verdict.length) status = 'met'
  else if (isYearOver(year, asOf)) status = 'missed'
  else status = counts.behind > 0 || counts.missed > 0 ? 'behind' : 'onTrack'
  return { rule, status, actual: counts.met, required: verdict.length, persons: list, counts }
}

export function evaluateExamRule(
  rule: ExamParticipationRule,
  data: Pick<LedgerData, 'exams' | 'examResults' | 'persons'>,
  year: number,
  asOf: IsoDate,
): ExamRuleResult {
  const stats = annualExamStats(data, year, asOf)
  const rate = stats.participationRate
  let status: TargetStatus
  if (stats.exam !== null && (rate === null || rate + EPS >= rule.minRate)) status = 'met'
  else if (stats.exam !== null ? isExamOver(stats.exam, year, asOf) : isYearOver(year, asOf)) status = 'missed'
  else status = stats.exam === null ? 'onTrack' : 'behind'
  return { rule, status, actual: rate, required: rule.minRate, exam: stats.exam, eligible: stats.eligible, taken: stats.taken }
}

export function evaluateCountRule(
  rule: UnitActivityCountRule,
  activities: LedgerData['activities'],
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): CountRuleResult {
  const count = activitiesInPeriod(activities, year, asOf, opts).filter(
    (a) => a.kind === rule.kind && (!rule.legalThemeOnly || a.legalTheme),
  ).length
  const yearOver = isYearOver(year, asOf)
  const isMet = count >= rule.min
  const expected = isMet || yearOver ? null : rule.min * elapsedShareOfYear(year, periodEnd(year, asOf))
  let status: TargetStatus
  if (isMet) status = 'met'
  else if (yearOver) status = 'missed'
  else status = count + EPS >= (expected ?? 0) ? 'onTrack' : 'behind'
  return { rule, status, actual: count, required: rule.min, expected }
}

/** Every rule of the year's target set, evaluated on the as-of date. */
export function evaluateTargets(data: LedgerData, year: number, asOf: IsoDate, opts: EvalOptions = {}): TargetEvaluation {
  const targetSet = targetSetFor(data.targetSets, year)
  if (targetSet === null) return { targetSet, results: [], metCount: 0, total: 0 }
  const hours = opts.hours ?? computePersonHours(data.activities, year, asOf, opts)
  const results: RuleResult[] = targetSet.rules.map((rule) => {
    switch (rule.type) {
      case 'personHours':
        return evaluatePersonHoursRule(rule, data.persons, hours, year, asOf)
      case 'examParticipation':
        return evaluateExamRule(rule, data, year, asOf)
      case 'unitActivityCount':
        return evaluateCountRule(rule, data.activities, year, asOf, opts)
    }
  })
  const metCount = results.filter((r) => r.status === 'met').length
  return { targetSet, results, metCount, total: results.length }
}
