/**
 * The shape of one report figure's definition (registry.ts holds the figures themselves) and what every
 * definition computes from: the measurements of year Y as of D, made once per report (figures.ts).
 */
import type { ExamStats, PreAppointmentStats } from '../measures/exam-stats'
import type { PersonHours } from '../measures/person-hours'
import type { PersonRuleResult, TargetEvaluation } from '../measures/target-rules'
import type { Activity, Person } from '../model/types'

/** How a value prints (docs/spec/report-figures.md, "Printing"). */
export type FigureFormat = 'count' | 'hours' | 'rate'

export type FigureGroupId = 'staff' | 'activities' | 'hours' | 'exam' | 'targets'

export interface LawCount {
  title: string
  /** Activities in Y up to D that list the law. */
  count: number
}

/** The measurements of Y as of D that figures are computed from. */
export interface FigureInputs {
  /** The whole roster, leavers included. */
  persons: readonly Person[]
  /** Persons active on D (the period end: the earlier of the as-of date and Y-12-31). */
  active: readonly Person[]
  /** Hours per person id over the counted activities (every attendee id met, on the roster or not). */
  hours: ReadonlyMap<string, PersonHours>
  /** Activities dated in Y up to D that count (review state allowing): one per session, not per attendee. */
  activities: readonly Activity[]
  /** Enforcement officers active some day of Y up to D, against the year's enforcement hour rule (else the default). */
  enforcement: readonly PersonRuleResult[]
  /** The year's annual exam (exam-stats.ts: the same computation as the exam page). */
  annualExam: ExamStats
  preAppointment: PreAppointmentStats
  lawsStudied: readonly LawCount[]
  targets: TargetEvaluation
}

/** The sentences of the drafted paragraph, in the order it states them (draft.ts assembles each). */
export type DraftSentence = 'activities' | 'laws' | 'staff' | 'enforcement' | 'exam' | 'preAppointment'

/** What a clause may need besides the printed value. */
export interface DraftWords {
  /** How the unit names itself: 我局, 我办, … 我单位. */
  we: string
  /** Studied laws the paragraph names, each in 《》. */
  lawNames: readonly string[]
}

export interface DraftClause {
  sentence: DraftSentence
  /** The part of the sentence the clause joins (see draft.ts); clauses of a part follow registry order. */
  part: string
  /** Stated only when this other figure is stated too (其中… only after its total). */
  requires?: string
  /** Left out unless the keeper asks for it on the report page (e.g. the least hours of an officer). */
  optional?: boolean
  text: (printed: string, words: DraftWords) => string
}

export interface FigureSpec {
  /** zh-CN label, as the page, the xlsx 汇总 sheet and the docx table print it. */
  label: string
  /** A shorter zh-CN label for narrow places (the exam page's counts); the label when absent. */
  short?: string
  /** Unit word printed after the value ("人", "学时"); null when the label carries it ("（次）") or for rates. */
  unit: string | null
  format: FigureFormat
  group: FigureGroupId
  /** Who or what is counted (English, for docs/spec/report-figures.md). */
  population: string
  /** The definition in words (English, for docs/spec/report-figures.md). */
  definition: string
  compute: (x: FigureInputs) => number | null
  /** A ratio or average: the figures (keys) it divides, each printed too, so that a reader can recompute it. */
  ratio?: { numerator: string; denominator: string }
  /** A total: the figures (keys) of its parts, each printed too, which add up to it. */
  sumOf?: readonly string[]
  /** How the drafted paragraph states the figure; null when the paragraph does not. */
  draft: DraftClause | null
}
