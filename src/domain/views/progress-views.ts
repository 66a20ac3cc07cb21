/**
 * Completion views (统计 → 股室 / 单位): one row per person with the binding
 * hour rule and the exam, section summaries, unit rule lines and chart series.
 * Pure: built from evaluateTargets' results and the year's data.
 */
import { isActiveOn, periodEnd } from '../model/dates'
import { comparePersons } from '../model/order'
import { annualExamStats } from '../measures/exam-stats'
import { formatCount, formatHours, formatRate, ratio } from '../model/format'
import { activitiesInPeriod, type CountOptions, type PersonHours } from '../measures/person-hours'
import { examMark, type ExamMark } from './exam-mark'
import { bindingRule, compareBehindFirst, summarizeStatuses, type PersonRuleResult, type RuleResult, type TargetEvaluation } from '../measures/target-rules'
import { ruleTitle } from '../model/labels'
import { printFigure } from '../report/registry'
import type { Activity, IsoDate, LedgerData, Person, ResultStatus, Section, TargetStatus, TrainingCategory } from '../model/types'
import { categoryOf } from '../model/categories'
import { unverifiedHoursByPerson } from '../measures/unverified'

export interface PersonExamMark {
  /** Recorded status; null = eligible but nothing recorded (counts as not taken). */
  status: ResultStatus | null
  score: number | null
  /** How it reads: 优秀 / 合格 / 不合格 with the score, 缺考 with advice, 免考, 未录入. */
  mark: ExamMark
}

export interface PersonStatusRow {
  person: Person
  /** The binding hour rule (furthest behind); null when no hour rule applies to the person. */
  rule: PersonRuleResult | null
  status: TargetStatus | null
  /** Hours of every kind, Y up to D. */
  totalHours: number
  /** null when the year has no annual exam by D or the person was not on the roster on its date. */
  exam: PersonExamMark | null
  /** Hours of the person's 自报 records awaiting review that the counting rule leaves out (0 when they count). */
  pendingHours: number
}

const RANK: Record<TargetStatus, number> = { missed: 0, behind: 1, onTrack: 2, met: 3 }

/** Behind-first: missed, behind, onTrack, met, then persons without an hour rule; then the roster order. */
export function compareRows(a: PersonStatusRow, b: PersonStatusRow): number {
  if (a.rule && b.rule) return compareBehindFirst(a.rule, b.rule)
  const ra = a.status === null ? 4 : RANK[a.status]
  const rb = b.status === null ? 4 : RANK[b.status]
  return ra - rb || comparePersons(a.person, b.person)
}

/**
 * One row per person on the roster on the period end, behind-first. `opts` are the counting options `hours` was
 * computed with: when 自报 awaiting review does not count, each row says how many such hours it leaves out.
 */
export function personStatusRows(
  data: LedgerData,
  evaluation: TargetEvaluation,
  hours: Map<string, PersonHours>,
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): PersonStatusRow[] {
  const byPerson = new Map<string, PersonRuleResult[]>()
  for (const r of evaluation.results) {
    if (r.rule.type !== 'personHours' || !('persons' in r)) continue
    for (const pr of r.persons) byPerson.set(pr.person.id, [...(byPerson.get(pr.person.id) ?? []), pr])
  }
  const stats = annualExamStats(data, year, asOf)
  const end = periodEnd(year, asOf)
  const pending = (opts.countSelfReported ?? true) ? new Map<string, number>() : unverifiedHoursByPerson(data.activities, year, asOf)
  const rows: PersonStatusRow[] = []
  for (const p of data.persons) {
    if (!isActiveOn(p, end)) continue
    const rule = bindingRule(byPerson.get(p.id) ?? [])
    let exam: PersonExamMark | null = null
    if (stats.exam !== null) {
      const r = stats.resultByPerson.get(p.id)
      if (r?.status === 'exempt' || stats.eligibleIds.has(p.id)) {
        const status = r?.status ?? null
        const score = r?.score ?? null
        exam = { status, score, mark: examMark({ status, score }, stats.exam, asOf) }
      }
    }
    rows.push({ person: p, rule, status: rule?.status ?? null, totalHours: hours.get(p.id)?.total ?? 0, exam, pendingHours: pending.get(p.id) ?? 0 })
  }
  return rows.sort(compareRows)
}

export interface SectionSummary {
  /** null for persons without a (known) section: 未分配股室. */
  section: Section | null
  name: string
  personCount: number
  /** Persons with an hour rule. */
  ruledCount: number
  counts: Record<TargetStatus, number>
  /** met / ruledCount; null when nobody has an hour rule. */
  completion: number | null
  /** Hours of every kind per person; null for an empty section. */
  avgHours: number | null
}

/** One entry of the 股室 picker (null id = 未分配股室). */
export interface SectionOption {
  id: string | null
  name: string
}

export const NO_SECTION_NAME = '未分配股室'

function summarize(section: Section | null, name: string, rows: PersonStatusRow[]): SectionSummary {
  const ruled = rows.filter((r) => r.status !== null)
  const counts = summarizeStatuses(ruled as { status: TargetStatus }[])
  const total = rows.reduce((s, r) => s + r.totalHours, 0)
  return {
    section,
    name,
    personCount: rows.length,
    ruledCount: ruled.length,
    counts,
    completion: ratio(counts.met, ruled.length),
    avgHours: ratio(total, rows.length),
  }
}

/** Every section in roster order (empty ones too), then 未分配股室 when someone has no known section. */
export function sectionSummaries(rows: readonly PersonStatusRow[], sections: readonly Section[]): SectionSummary[] {
  const known = new Set(sections.map((s) => s.id))
  const out = sections.map((s) => summarize(s, s.name, rows.filter((r) => r.person.sectionId === s.id)))
  const loose = rows.filter((r) => r.person.sectionId === null || !known.has(r.person.sectionId))
  if (loose.length > 0) out.push(summarize(null, NO_SECTION_NAME, loose))
  return out
}

export function rowsOfSection(rows: readonly PersonStatusRow[], sectionId: string | null, sections: readonly Section[]): PersonStatusRow[] {
  if (sectionId !== null) return rows.filter((r) => r.person.sectionId === sectionId)
  const known = new Set(sections.map((s) => s.id))
  return rows.filter((r) => r.person.sectionId === null || !known.has(r.person.sectionId))
}

export interface RuleLine {
  ruleId: string
  type: RuleResult['rule']['type']
  title: string
  /** "3 / 2 次", "12 / 20 人达标", "95% / 100%". */
  value: string
  status: TargetStatus
  basis: string | null
}

/** One unit-level line per rule of the year's set. */
export function ruleLines(results: readonly RuleResult[]): RuleLine[] {
  return results.map((r) => {
    let value: string
    if (r.rule.type === 'personHours') value = `${formatCount(r.actual)} / ${formatCount(r.required)} 人达标`
    else if (r.rule.type === 'examParticipation') {
      value = 'exam' in r && r.exam === null ? '尚未录入年度学法考试' : `${printFigure('examParticipationRate', r.actual)} / ${formatRate(r.required)}`
    } else value = `${formatCount(r.actual)} / ${formatCount(r.required)} 次`
    return { ruleId: r.rule.id, type: r.rule.type, title: ruleTitle(r.rule), value, status: r.status, basis: r.rule.basis ?? null }
  })
}

/** Attendee-hours per calendar month (index 0 = January) of activities in Y up to D. */
export function hoursByMonth(activities: readonly Activity[], year: number, asOf: IsoDate, opts: CountOptions = {}): number[] {
  const out = new Array<number>(12).fill(0)
  for (const a of activitiesInPeriod(activities, year, asOf, opts)) {
    out[Number(a.date.slice(5, 7)) - 1] += a.hours * new Set(a.attendees).size
  }
  return out
}

/** Attendee-hours per 登记卡 category (model/categories.ts) of activities in Y up to D. */
export function hoursByCategory(
  activities: readonly Activity[],
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): Record<TrainingCategory, number> {
  const out = { publicLaw: 0, business: 0, enforcementSkill: 0 } as Record<TrainingCategory, number>
  for (const a of activitiesInPeriod(activities, year, asOf, opts)) {
    out[categoryOf(a)] += a.hours * new Set(a.attendees).size
  }
  return out
}

/** "21 / 60" for a row with a rule, "12 学时" without. */
export function rowHoursText(row: PersonStatusRow): string {
  return row.rule ? `${formatHours(row.rule.hours)} / ${formatHours(row.rule.target)}` : `${formatHours(row.totalHours)} 学时`
}
