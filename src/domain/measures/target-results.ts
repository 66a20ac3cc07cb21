/** Result shapes of the target rules (target-rules.ts evaluates them). */
import type {
  Exam,
  ExamParticipationRule,
  Person,
  PersonHoursRule,
  TargetSet,
  TargetStatus,
  TrainingCategory,
  UnitActivityCountRule,
} from '../model/types'

/** One person against one `personHours` rule. */
export interface PersonRuleResult {
  person: Person
  ruleId: string
  /** The person's target: pro-rated by active days when the rule says so. */
  target: number
  /** Hours counted by the rule (its `kinds` only, when set). */
  hours: number
  /** Pace line on the as-of date; null once met or once the year is over. */
  expected: number | null
  /** Hours still missing, target − hours, never below 0. */
  gap: number
  status: TargetStatus
  /** `hours` by 登记卡 category (model/categories.ts): they sum to `hours`. */
  categoryHours: Record<TrainingCategory, number>
  /** Category minimums that apply to the person (pro-rated like the target). */
  categoryTargets: Partial<Record<TrainingCategory, number>>
  /** Category hours still missing (only categories with a shortfall). */
  categoryGaps: Partial<Record<TrainingCategory, number>>
  /** Active on the as-of date: counts for the unit's verdict (leavers do not). */
  isActiveOnAsOf: boolean
}

interface RuleResultBase {
  status: TargetStatus
  /** Persons met / count / rate, as the rule measures. */
  actual: number | null
  /** Persons in the verdict / min count / min rate. */
  required: number
}

export interface PersonHoursRuleResult extends RuleResultBase {
  rule: PersonHoursRule
  /** Everyone in scope active in Y up to the as-of date, behind-first. */
  persons: PersonRuleResult[]
  /** Status counts of the persons in the verdict. */
  counts: Record<TargetStatus, number>
}

export interface ExamRuleResult extends RuleResultBase {
  rule: ExamParticipationRule
  exam: Exam | null
  eligible: number
  taken: number
}

export interface CountRuleResult extends RuleResultBase {
  rule: UnitActivityCountRule
  /** Pace line: min × elapsed share of the year; null once met or once the year is over. */
  expected: number | null
}

export type RuleResult = PersonHoursRuleResult | ExamRuleResult | CountRuleResult

export interface TargetEvaluation {
  targetSet: TargetSet | null
  results: RuleResult[]
  metCount: number
  total: number
}
