/**
 * One person's progress for the "me" card: hours against the binding hour
 * rule, hours by category, and the year's annual exam.
 */
import { annualExamStats, gradeOf, isExcellent, isPass, type Grade } from '../measures/exam-stats'
import { computePersonHours, emptyPersonHours, type PersonHours } from '../measures/person-hours'
import {
  bindingRule,
  evaluatePerson,
  personsInScope,
  targetSetFor,
  type EvalOptions,
  type PersonRuleResult,
} from '../measures/target-rules'
import type { ActivityKind, Exam, IsoDate, LedgerData, Person, ResultStatus, TargetStatus, TrainingCategory } from '../model/types'

export interface PersonExamStatus {
  exam: Exam
  /** Active on the exam date and not exempt. */
  isEligible: boolean
  /** The recorded status; null when nothing is recorded (counts as not taken). */
  status: ResultStatus | null
  score: number | null
  isPassed: boolean
  isExcellent: boolean
  /** 优秀 / 合格 / 不合格 of a taken exam with a score; null otherwise. */
  grade: Grade | null
}

export interface PersonProgress {
  person: Person
  /** Hours of every kind, Y up to the as-of date. */
  hours: number
  byKind: Record<ActivityKind, number>
  /**
   * Hours by 登记卡 category: of the hours the binding rule counts when one applies (so they sum to `rule.hours`,
   * as on the 登记卡), else of every hour (they sum to `hours`).
   */
  categoryHours: Record<TrainingCategory, number>
  /** The binding hour rule (the one furthest behind), or null when no hour rule applies. */
  rule: PersonRuleResult | null
  /** Every hour rule of the year that applies to the person. */
  rules: PersonRuleResult[]
  target: number | null
  expected: number | null
  gap: number | null
  status: TargetStatus | null
  exam: PersonExamStatus | null
}

/** The person's status in the year's annual exam, or null when there is no such exam by D. */
export function personExamStatus(
  data: Pick<LedgerData, 'exams' | 'examResults' | 'persons'>,
  personId: string,
  year: number,
  asOf: IsoDate,
): PersonExamStatus | null {
  const stats = annualExamStats(data, year, asOf)
  if (stats.exam === null) return null
  const r = stats.resultByPerson.get(personId) ?? null
  return {
    exam: stats.exam,
    isEligible: stats.eligibleIds.has(personId),
    status: r?.status ?? null,
    score: r?.score ?? null,
    isPassed: r !== null && isPass(r, stats.exam),
    isExcellent: r !== null && isExcellent(r, stats.exam),
    grade: r?.status === 'taken' && r.score !== null ? gradeOf(r.score, stats.exam) : null,
  }
}

function hoursOfPerson(data: LedgerData, personId: string, year: number, asOf: IsoDate, opts: EvalOptions): PersonHours {
  const cached = opts.hours?.get(personId)
  if (cached !== undefined || opts.hours !== undefined) return cached ?? emptyPersonHours()
  const mine = data.activities.filter((a) => a.attendees.includes(personId))
  return computePersonHours(mine, year, asOf, opts).get(personId) ?? emptyPersonHours()
}

/** The "me" card; null when the person is not on the roster. */
export function personProgress(
  data: LedgerData,
  personId: string,
  year: number,
  asOf: IsoDate,
  opts: EvalOptions = {},
): PersonProgress | null {
  const person = data.persons.find((p) => p.id === personId)
  if (person === undefined) return null
  const ph = hoursOfPerson(data, personId, year, asOf, opts)
  const set = targetSetFor(data.targetSets, year)
  const rules: PersonRuleResult[] = []
  for (const rule of set?.rules ?? []) {
    // Only while the person is active in Y up to D (a later joiner has no target yet).
    if (rule.type === 'personHours' && personsInScope([person], rule.scope, year, asOf).length > 0) {
      rules.push(evaluatePerson(rule, person, ph, year, asOf))
    }
  }
  const rule = bindingRule(rules)
  return {
    person,
    hours: ph.total,
    byKind: ph.byKind,
    categoryHours: rule?.categoryHours ?? ph.byCategory,
    rule,
    rules,
    target: rule?.target ?? null,
    expected: rule?.expected ?? null,
    gap: rule?.gap ?? null,
    status: rule?.status ?? null,
    exam: personExamStatus(data, personId, year, asOf),
  }
}
