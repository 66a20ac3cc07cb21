/**
 * Checks of one activity as a user entered it (bad input gets a plain zh-CN message), the
 * duplicate warning, and the wording of quick-log titles. Pure: "today" and
 * the roster come in as arguments.
 */
import { isActiveOn, isIsoDate, spanDays, yearOf } from '../model/dates'
import { formatHours } from '../model/format'
import { displayLawName, officialLawTitle } from '../model/laws'
import { KIND_LABELS } from '../model/labels'
import type { Activity, ActivityKind, IsoDate, Person } from '../model/types'
import { ACTIVITY_KINDS, TRAINING_CATEGORIES } from '../model/types'

/** An activity as a form produces it: everything but the stamp (the id is absent for a new one). */
export type ActivityInput = Omit<Activity, 'id' | 'updatedAt'> & { id?: string }

export interface ValidationContext {
  today: IsoDate
  /** The roster (live persons). */
  persons: readonly Person[]
  /** The years a ledger date may fall in; default 2000 … the year of `today`. */
  ledgerYears?: { from: number; to: number }
}

export const MAX_HOURS_PER_DAY = 24
export const MIN_LEDGER_YEAR = 2000
export const MAX_TITLE_LENGTH = 100
export const MAX_TEXT_LENGTH = 500

type Check = (input: ActivityInput, ctx: ValidationContext) => string | null

function checkKind(input: ActivityInput): string | null {
  return (ACTIVITY_KINDS as readonly string[]).includes(input.kind) ? null : '请选择学习形式'
}

function checkTitle(input: ActivityInput): string | null {
  const t = input.title.trim()
  if (t === '') return '请填写标题'
  if (t.length > MAX_TITLE_LENGTH) return `标题过长，请控制在 ${MAX_TITLE_LENGTH} 字以内`
  return null
}

function checkDates(input: ActivityInput, ctx: ValidationContext): string | null {
  const years = ctx.ledgerYears ?? { from: MIN_LEDGER_YEAR, to: yearOf(ctx.today) }
  if (!isIsoDate(input.date)) return '请选择日期'
  if (input.date > ctx.today) return `日期不能晚于今天（${ctx.today}），请选择已经发生的学习`
  if (yearOf(input.date) < years.from || yearOf(input.date) > years.to) {
    return `日期须在 ${years.from} 年至 ${years.to} 年之间`
  }
  if (input.endDate === null) return null
  if (!isIsoDate(input.endDate)) return '结束日期无效，请重新选择'
  if (input.endDate < input.date) return '结束日期不能早于开始日期'
  if (input.endDate > ctx.today) return `结束日期不能晚于今天（${ctx.today}）`
  return null
}

/** The record's own hours: a number, a multiple of 0.5, at most 24 学时 for each day it covers. */
export function checkHours(input: ActivityInput): string | null {
  const h = input.hours
  if (typeof h !== 'number' || !Number.isFinite(h)) return '请填写学时'
  if (h <= 0) return '学时须大于 0'
  if (!Number.isInteger(Math.round(h * 2 * 1e9) / 1e9)) return '学时须为 0.5 的整数倍（如 0.5、1、1.5）'
  if (!isIsoDate(input.date) || (input.endDate !== null && !isIsoDate(input.endDate))) return null
  const days = spanDays(input.date, input.endDate)
  const max = days * MAX_HOURS_PER_DAY
  if (h > max) {
    return days === 1
      ? `一天最多 ${MAX_HOURS_PER_DAY} 学时，请核对学时`
      : `共 ${days} 天，最多 ${formatHours(max)} 学时（每天不超过 ${MAX_HOURS_PER_DAY} 学时），请核对学时`
  }
  return null
}

function checkCategory(input: ActivityInput): string | null {
  if (input.category !== null && !(TRAINING_CATEGORIES as readonly string[]).includes(input.category)) {
    return '培训类别无效，请重新选择'
  }
  if (input.kind === 'training' && input.category === null) return '业务培训须选择培训类别（公共法律知识、业务知识或行政执法技能）'
  return null
}

function checkTexts(input: ActivityInput): string | null {
  for (const law of input.laws) {
    if (law.trim() === '') return '学习内容不能为空白'
    if (law.length > MAX_TITLE_LENGTH) return `学习内容“${law.slice(0, 12)}…”过长，请控制在 ${MAX_TITLE_LENGTH} 字以内`
  }
  for (const v of [input.organizer, input.lecturer]) {
    if (v !== null && v.length > MAX_TITLE_LENGTH) return `组织单位、主讲人请控制在 ${MAX_TITLE_LENGTH} 字以内`
  }
  if (input.note.length > MAX_TEXT_LENGTH) return `备注过长，请控制在 ${MAX_TEXT_LENGTH} 字以内`
  return null
}

function checkAttendees(input: ActivityInput, ctx: ValidationContext): string | null {
  if (input.attendees.length === 0) return '请至少选择一名参加人员'
  const byId = new Map(ctx.persons.map((p) => [p.id, p]))
  for (const id of input.attendees) {
    const p = byId.get(id)
    if (p === undefined) return '参加人员中有人不在名册中，请重新选择参加人员'
    if (isIsoDate(input.date) && !isActiveOn(p, input.date)) {
      return `${p.name}在 ${input.date} 不在岗（调入前或已调出），请取消勾选或核对日期`
    }
  }
  return null
}

const CHECKS: Check[] = [checkKind, checkDates, checkHours, checkTitle, checkCategory, checkTexts, checkAttendees]

/** The first problem of an entered activity as a plain zh-CN sentence, or null when it may be saved. */
export function validateActivity(input: ActivityInput, ctx: ValidationContext): string | null {
  for (const check of CHECKS) {
    const message = check(input, ctx)
    if (message !== null) return message
  }
  return null
}

/**
 * Trims texts, drops repeated attendees and laws. A category stays on any kind: the keeper may put a group session
 * in another 登记卡 category than its kind's default (model/categories.ts).
 */
export function normaliseActivityInput(input: ActivityInput): ActivityInput {
  const blankToNull = (s: string | null): string | null => (s === null || s.trim() === '' ? null : s.trim())
  const laws = [...new Set(input.laws.map((l) => officialLawTitle(l)).filter((l) => l !== ''))]
  return {
    ...input,
    title: input.title.trim(),
    endDate: input.endDate === input.date ? null : input.endDate,
    laws,
    organizer: blankToNull(input.organizer),
    lecturer: blankToNull(input.lecturer),
    attendees: [...new Set(input.attendees)],
    note: input.note.trim(),
  }
}

/**
 * Existing live activities that look like the same study entered twice: the
 * same date, kind and hours, sharing at least one attendee (the record itself excluded).
 */
export function findLikelyDuplicates(input: ActivityInput, existing: readonly Activity[]): Activity[] {
  const people = new Set(input.attendees)
  return existing.filter(
    (a) =>
      a.id !== input.id &&
      a.date === input.date &&
      a.kind === input.kind &&
      Math.abs(a.hours - input.hours) < 1e-9 &&
      a.attendees.some((id) => people.has(id)),
  )
}

/** "《宪法》《民法典》" (three at most, then "等 N 部"). */
export function lawsPhrase(laws: readonly string[]): string {
  if (laws.length === 0) return ''
  const shown = laws.slice(0, 3).map((l) => `《${displayLawName(l)}》`).join('')
  return laws.length > 3 ? `${shown}等 ${laws.length} 部` : shown
}

/** A title from what was studied: "自学《宪法》", "学习强国 线上学习", "集体学法：新修订法规". */
export function deriveActivityTitle(
  kind: ActivityKind,
  laws: readonly string[],
  topic = '',
  platform: string | null = null,
): string {
  const head = kind === 'online' && platform ? `${platform} ${KIND_LABELS.online}` : KIND_LABELS[kind]
  const studied = lawsPhrase(laws)
  const t = topic.trim()
  if (studied && t) return `${head}${studied}：${t}`.slice(0, MAX_TITLE_LENGTH)
  if (studied) return `${head}${studied}`.slice(0, MAX_TITLE_LENGTH)
  if (t) return `${head}：${t}`.slice(0, MAX_TITLE_LENGTH)
  return head
}

/** What the quick-log sheet collects. */
export interface QuickLogInput {
  kind: 'self' | 'online'
  date: IsoDate
  hours: number
  laws: string[]
  topic: string
  platform: string | null
}

/** The one-person activity a quick log saves. */
export function quickLogActivity(q: QuickLogInput, personId: string): ActivityInput {
  const platform = q.kind === 'online' ? q.platform : null
  return normaliseActivityInput({
    kind: q.kind,
    title: deriveActivityTitle(q.kind, q.laws, q.topic, platform),
    date: q.date,
    endDate: null,
    hours: q.hours,
    legalTheme: q.laws.length > 0,
    laws: q.laws,
    category: null,
    organizer: platform,
    lecturer: null,
    attendees: [personId],
    note: '',
  })
}

/** Kinds whose sessions are about law by default (the 法治专题 switch starts on). */
const LEGAL_BY_DEFAULT: readonly ActivityKind[] = ['collective', 'preMeeting', 'lecture']

/** A new, empty group session of `kind` on `date` (hours still to fill in: NaN fails validation). */
export function newActivityInput(kind: ActivityKind, date: IsoDate, attendees: string[] = []): ActivityInput {
  return {
    kind,
    title: '',
    date,
    endDate: null,
    hours: Number.NaN,
    legalTheme: LEGAL_BY_DEFAULT.includes(kind),
    laws: [],
    category: null,
    organizer: null,
    lecturer: null,
    attendees,
    note: '',
  }
}

/** The form's input with an empty title filled from the kind and laws. */
export function withDerivedTitle(input: ActivityInput): ActivityInput {
  if (input.title.trim() !== '') return input
  const platform = input.kind === 'online' ? input.organizer : null
  return { ...input, title: deriveActivityTitle(input.kind, input.laws, '', platform) }
}
