/**
 * 业务培训登记卡: one enforcement officer's year — trainings (and the other
 * kinds the hour rule counts) with a running total, hours by category, and
 * the total against the (pro-rated) target of the year's enforcement rule.
 * It adds up: it lists exactly the activities the rule counts, each in one
 * category (model/categories.ts), so the rows' hours, the category rows and
 * the last running total all equal `result.hours`.
 */
import { categoryOf } from '../model/categories'
import { compareZh } from '../model/order'
import { activitiesInPeriod, computePersonHours, type CountOptions } from './person-hours'
import { evaluatePerson, targetSetFor, type PersonRuleResult } from './target-rules'
import { displayLawName } from '../model/laws'
import type { Activity, IsoDate, Person, PersonHoursRule, TargetSet, TrainingCategory } from '../model/types'

export const DEFAULT_TRAINING_HOURS = 60

export interface TrainingCardRow {
  activity: Activity
  /** The category its hours count in: its own, else its kind's default. */
  category: TrainingCategory
  /** What was studied: the title, then the laws that the title does not name. */
  content: string
  /** Hours counted up to and including this row (trainings first, then the other kinds). */
  running: number
}

export interface TrainingCard {
  person: Person
  year: number
  /** The enforcement rule of the year's target set, or the 60-学时 default. */
  rule: PersonHoursRule
  isDefaultRule: boolean
  result: PersonRuleResult
  trainings: TrainingCardRow[]
  /** Activities of other kinds the rule counts (all kinds unless the rule names some). */
  others: TrainingCardRow[]
  /** Hours of the rows by category: they sum to `result.hours`. */
  byCategory: Record<TrainingCategory, number>
}

/** The year's hours rule for enforcement officers, else the default (60 学时, every kind, pro-rated). */
export function trainingRuleFor(sets: readonly TargetSet[], year: number): { rule: PersonHoursRule; isDefault: boolean } {
  const set = targetSetFor(sets, year)
  const rule = set?.rules.find((r): r is PersonHoursRule => r.type === 'personHours' && r.scope === 'enforcement')
  if (rule !== undefined) return { rule, isDefault: false }
  return {
    rule: { id: 'default', type: 'personHours', scope: 'enforcement', minHours: DEFAULT_TRAINING_HOURS, kinds: null, proRate: true },
    isDefault: true,
  }
}

function contentOf(a: Activity): string {
  const extra = a.laws.map(displayLawName).filter((name) => !a.title.includes(name))
  return extra.length ? `${a.title}（${extra.map((l) => `《${l}》`).join('')}）` : a.title
}

function rows(list: Activity[], start: number): TrainingCardRow[] {
  let running = start
  return list.map((activity) => {
    running += activity.hours
    return { activity, category: categoryOf(activity), content: contentOf(activity), running }
  })
}

const byDate = (a: Activity, b: Activity): number => a.date.localeCompare(b.date) || compareZh(a.title, b.title)

/** The card of `person` for year Y as of D (`activities`: the person's, any year). */
export function buildTrainingCard(
  person: Person,
  activities: readonly Activity[],
  targetSets: readonly TargetSet[],
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): TrainingCard {
  const { rule, isDefault } = trainingRuleFor(targetSets, year)
  const mine = activitiesInPeriod(
    activities.filter((a) => a.attendees.includes(person.id)),
    year,
    asOf,
    opts,
  )
  const hours = computePersonHours(mine, year, asOf, opts).get(person.id)
  const result = evaluatePerson(rule, person, hours, year, asOf)
  const counted = mine.filter((a) => rule.kinds === null || rule.kinds.includes(a.kind))
  const trainings = rows(counted.filter((a) => a.kind === 'training').sort(byDate), 0)
  const trainingTotal = trainings.length ? trainings[trainings.length - 1].running : 0
  return {
    person,
    year,
    rule,
    isDefaultRule: isDefault,
    result,
    trainings,
    others: rows(counted.filter((a) => a.kind !== 'training').sort(byDate), trainingTotal),
    byCategory: result.categoryHours,
  }
}
