/**
 * THE definition of every report figure: key, zh label, unit, print format, group, population, definition,
 * computation and the draft's wording. The report page, the xlsx / docx exports, the draft, the year-over-year
 * comparison, the completion views and the exam page all read it; docs/spec/report-figures.md is checked against
 * it by a unit test. Adding a figure is adding one entry here or in registry-exam.ts (the exam and target figures)
 * — its place in the list is its place in its group. Every total says whose it is and every ratio's numerator and
 * denominator are figures of their own, so that a reader can recompute each ratio from what is printed beside it.
 */
import { formatCount, formatHours, formatRate, ratio } from '../model/format'
import type { Activity, Person } from '../model/types'
import type { FigureFormat, FigureGroupId, FigureInputs, FigureSpec } from './figure-spec'
import { EXAM_FIGURES } from './registry-exam'

function sessions(x: FigureInputs, test: (a: Activity) => boolean): number {
  let n = 0
  for (const a of x.activities) if (test(a)) n += 1
  return n
}
const hoursOf = (x: FigureInputs, p: Person) => x.hours.get(p.id)?.total ?? 0
const sum = (xs: readonly number[]) => xs.reduce((s, n) => s + n, 0)
const hoursOfPersons = (x: FigureInputs, ps: readonly Person[]) => sum(ps.map((p) => hoursOf(x, p)))
/** Persons of the roster not active on D: who left during Y (or, from a record before their joining, not yet in). */
function notActive(x: FigureInputs): Person[] {
  const active = new Set(x.active.map((p) => p.id))
  return x.persons.filter((p) => !active.has(p.id))
}
const participants = (x: FigureInputs) => x.active.filter((p) => (x.hours.get(p.id)?.activityCount ?? 0) > 0).length
/** Officers who count for the verdict: active on D (a leaver's hours stay in the total only). */
const officers = (x: FigureInputs) => x.enforcement.filter((r) => r.isActiveOnAsOf)
const metOfficers = (x: FigureInputs) => officers(x).filter((r) => r.status === 'met').length
const SESSIONS = 'activities dated in Y up to D'

export const FIGURES = {
  staffCount: {
    label: '在册干部职工', unit: '人', format: 'count', group: 'staff', population: 'persons active on D',
    definition: 'Persons active on D.',
    compute: (x) => x.active.length,
    draft: { sentence: 'staff', part: 'staff', text: (v, w) => `${w.we}现有在册干部职工${v}人` },
  },
  enforcementCount: {
    label: '执法证持证人员', unit: '人', format: 'count', group: 'staff', population: 'persons active on D',
    definition: 'Persons active on D with the role `enforcement`.',
    compute: (x) => officers(x).length,
    draft: { sentence: 'enforcement', part: 'all', text: (v, w) => `${w.we}执法证持证人员${v}名` },
  },
  leaderCount: {
    label: '领导班子成员', unit: '人', format: 'count', group: 'staff', population: 'persons active on D',
    definition: 'Persons active on D with the role `leader`.',
    compute: (x) => x.active.filter((p) => p.roles.includes('leader')).length,
    draft: { sentence: 'staff', part: 'staff', requires: 'staffCount', text: (v) => `其中领导班子成员${v}人` },
  },
  centerGroupSessions: {
    label: '理论学习中心组学习（次）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `centerGroup`.',
    compute: (x) => sessions(x, (a) => a.kind === 'centerGroup'),
    draft: { sentence: 'activities', part: 'centerGroup', text: (v) => `共开展党组理论学习中心组学习${v}次` },
  },
  centerGroupLegalSessions: {
    label: '其中法治专题（次）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `centerGroup` with `legalTheme`.',
    compute: (x) => sessions(x, (a) => a.kind === 'centerGroup' && a.legalTheme),
    draft: { sentence: 'activities', part: 'centerGroup', requires: 'centerGroupSessions', text: (v) => `其中法治专题学习${v}次` },
  },
  collectiveSessions: {
    label: '集体学法（次）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `collective`.',
    compute: (x) => sessions(x, (a) => a.kind === 'collective'),
    draft: { sentence: 'activities', part: 'organised', text: (v) => `集体学法${v}次` },
  },
  preMeetingSessions: {
    label: '会前学法（次）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `preMeeting`.',
    compute: (x) => sessions(x, (a) => a.kind === 'preMeeting'),
    draft: { sentence: 'activities', part: 'organised', text: (v) => `会前学法${v}次` },
  },
  lectureCount: {
    label: '法治讲座（场）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `lecture`.',
    compute: (x) => sessions(x, (a) => a.kind === 'lecture'),
    draft: { sentence: 'activities', part: 'held', text: (v) => `法治讲座${v}场` },
  },
  trainingSessions: {
    label: '业务培训（期）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `training`.',
    compute: (x) => sessions(x, (a) => a.kind === 'training'),
    draft: { sentence: 'activities', part: 'held', text: (v) => `业务培训${v}期` },
  },
  warningSessions: {
    label: '警示教育（次）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Activities of kind `warning`.',
    compute: (x) => sessions(x, (a) => a.kind === 'warning'),
    draft: { sentence: 'activities', part: 'warning', text: (v) => `开展警示教育${v}次` },
  },
  lawsStudiedCount: {
    label: '学习法律法规（部）', unit: null, format: 'count', group: 'activities', population: SESSIONS,
    definition: 'Distinct `laws` entries of those activities (a short name and the official title count once).',
    compute: (x) => x.lawsStudied.length,
    draft: {
      sentence: 'laws', part: 'all',
      text: (v, w) => (w.lawNames.length === 0 ? `学习法律法规${v}部` : `重点学习了${w.lawNames.join('')}等${v}部法律法规`),
    },
  },
  totalHours: {
    label: '学习培训总学时', unit: '学时', format: 'hours', group: 'hours',
    population: 'every person of the roster, leavers included',
    definition: 'Sum over every attendee of every activity of its `hours` (a person ticked twice counts once); `activeHours` + `leaverHours`.',
    sumOf: ['activeHours', 'leaverHours'],
    compute: (x) => hoursOfPersons(x, x.persons),
    draft: { sentence: 'staff', part: 'study', text: (v) => `累计学习培训${v}学时` },
  },
  activeHours: {
    label: '其中在册人员学时', unit: '学时', format: 'hours', group: 'hours', population: 'persons active on D',
    definition: 'The part of `totalHours` of the persons active on D: the numerator of `avgHours`.',
    compute: (x) => hoursOfPersons(x, x.active),
    draft: { sentence: 'staff', part: 'split', requires: 'leaverHours', text: (v) => `在册人员${v}学时` },
  },
  leaverHours: {
    label: '其中年内调出人员学时', unit: '学时', format: 'hours', group: 'hours',
    population: 'persons of the roster not active on D',
    definition: 'The rest of `totalHours`: hours of the persons who left (调出、退休) before D — and of any not yet joined on D.',
    compute: (x) => hoursOfPersons(x, notActive(x)),
    draft: { sentence: 'staff', part: 'split', requires: 'totalHours', text: (v) => `年内调出人员${v}学时` },
  },
  avgHours: {
    label: '人均学时', short: '人均', unit: '学时', format: 'hours', group: 'hours', population: 'persons active on D',
    definition: '`activeHours` ÷ `staffCount`.',
    ratio: { numerator: 'activeHours', denominator: 'staffCount' },
    compute: (x) => ratio(hoursOfPersons(x, x.active), x.active.length),
    draft: { sentence: 'staff', part: 'average', text: (v) => `人均${v}学时` },
  },
  studyParticipants: {
    label: '参学人数', unit: '人', format: 'count', group: 'hours', population: 'persons active on D',
    definition: 'Persons active on D who attended at least one activity: the numerator of `studyParticipationRate`.',
    compute: participants,
    draft: { sentence: 'staff', part: 'average', requires: 'staffCount', text: (v) => `参学${v}人` },
  },
  studyParticipationRate: {
    label: '参学率', unit: null, format: 'rate', group: 'hours', population: 'persons active on D',
    definition: '`studyParticipants` ÷ `staffCount`.',
    ratio: { numerator: 'studyParticipants', denominator: 'staffCount' },
    compute: (x) => ratio(participants(x), x.active.length),
    draft: { sentence: 'staff', part: 'average', text: (v) => `参学率${v}` },
  },
  enforcementHours: {
    label: '执法人员培训学时合计', unit: '学时', format: 'hours', group: 'hours', population: 'enforcement officers active on D',
    definition: "Sum of their hours as the year's enforcement hour rule counts them (every kind unless it names kinds): the numerator of `enforcementAvgHours`.",
    compute: (x) => sum(officers(x).map((r) => r.hours)),
    draft: { sentence: 'enforcement', part: 'all', requires: 'enforcementCount', text: (v) => `累计参加培训${v}学时` },
  },
  enforcementAvgHours: {
    label: '执法人员人均培训学时', unit: '学时', format: 'hours', group: 'hours', population: 'enforcement officers active on D',
    definition: '`enforcementHours` ÷ `enforcementCount`.',
    ratio: { numerator: 'enforcementHours', denominator: 'enforcementCount' },
    compute: (x) => ratio(sum(officers(x).map((r) => r.hours)), officers(x).length),
    draft: { sentence: 'enforcement', part: 'all', requires: 'enforcementCount', text: (v) => `人均${v}学时` },
  },
  enforcementMinHours: {
    label: '执法人员最低学时', unit: '学时', format: 'hours', group: 'hours', population: 'enforcement officers active on D',
    definition: 'The least of those hours.',
    compute: (x) => (officers(x).length === 0 ? null : Math.min(...officers(x).map((r) => r.hours))),
    draft: { sentence: 'enforcement', part: 'all', requires: 'enforcementCount', optional: true, text: (v) => `最少${v}学时` },
  },
  enforcementMetCount: {
    label: '达到年度学时要求人数', unit: '人', format: 'count', group: 'hours', population: 'enforcement officers active on D',
    definition: 'Officers whose hours reach their (pro-rated) target.',
    compute: metOfficers,
    draft: { sentence: 'enforcement', part: 'all', requires: 'enforcementCount', text: (v) => `其中${v}名达到年度培训学时要求` },
  },
  enforcementMetRate: {
    label: '学时达标率', unit: null, format: 'rate', group: 'hours', population: 'enforcement officers active on D',
    definition: '`enforcementMetCount` ÷ `enforcementCount`.',
    ratio: { numerator: 'enforcementMetCount', denominator: 'enforcementCount' },
    compute: (x) => ratio(metOfficers(x), officers(x).length),
    draft: { sentence: 'enforcement', part: 'all', requires: 'enforcementCount', text: (v) => `达标率${v}` },
  },
  ...EXAM_FIGURES,
} as const satisfies Record<string, FigureSpec>

export type FigureKey = keyof typeof FIGURES
export type FigureValues = Record<FigureKey, number | null>
export type { FigureFormat, FigureGroupId }

/** Every key, in registry order (group by group, as the page shows them). */
export const FIGURE_KEYS = Object.keys(FIGURES) as FigureKey[]

/** Figures whose draft clause is stated only when the keeper asks for it (the report page's switches). */
export const OPTIONAL_DRAFT_KEYS: readonly FigureKey[] = FIGURE_KEYS.filter((k) => figure(k).draft?.optional === true)

/** The definition of one figure, typed as the general shape. */
export function figure(key: FigureKey): FigureSpec {
  return FIGURES[key]
}

/** Titles of the groups, in the order the page, the xlsx 汇总 sheet and the docx table show them. */
const GROUP_TITLES: Record<FigureGroupId, string> = { staff: '人员', activities: '学法活动', hours: '学时', exam: '考试', targets: '指标完成' }

export interface FigureGroup {
  id: FigureGroupId
  title: string
  keys: readonly FigureKey[]
}

export const FIGURE_GROUPS: readonly FigureGroup[] = (Object.keys(GROUP_TITLES) as FigureGroupId[]).map((id) => ({
  id,
  title: GROUP_TITLES[id],
  keys: FIGURE_KEYS.filter((k) => FIGURES[k].group === id),
}))

const PRINTERS: Record<FigureFormat, (v: number | null) => string> = { count: formatCount, hours: formatHours, rate: formatRate }

/** A figure's value as printed: "12", "35.3", "90.9%", or "—" when there is no value. */
export function printFigure(key: FigureKey, value: number | null): string {
  return PRINTERS[FIGURES[key].format](value)
}

/** The value with its unit word ("16学时", "3人", "66.7%", "—"), as the docx table prints it. */
export function printWithUnit(key: FigureKey, printed: string): string {
  const unit = figure(key).unit
  return unit === null || printed === formatCount(null) ? printed : `${printed}${unit}`
}
