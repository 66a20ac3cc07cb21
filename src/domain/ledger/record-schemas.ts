/**
 * Valibot schemas for the records of a ledger file (docs/spec/ledger-file.md) and the
 * zh-CN wording of their failures. A record is either a tombstone, exactly
 * `{ id, deletedAt, updatedAt }`, or a live record with every field present.
 */
import * as v from 'valibot'
import {
  EXAM_KINDS,
  RESULT_STATUSES,
  REVIEW_STATES,
  ROLES,
  TRAINING_CATEGORIES,
  type RegisterName,
  type TableName,
} from '../model/types'
import { spanDays } from '../model/dates'
import { bool, date, hours, id, kind, named, nonNegative, num, picked, record, score, stamp, text, year } from './record-fields'
import { counting, examStatus, reviewOutcome } from './register-schemas'
import { REGISTER_LABELS, TABLE_LABELS, fieldLabel } from '../model/record-labels'

const SUFFIX = '文件可能已损坏或被改动，请在原设备上重新导出后再导入。'

const section = record({ id, name: named(200), order: num, updatedAt: stamp })

const person = record({
  id,
  name: named(100),
  sectionId: v.nullable(id),
  title: v.nullable(text(100)),
  roles: v.array(v.picklist(ROLES, picked('身份')), '应为列表'),
  certNo: v.nullable(text(100)),
  activeFrom: date,
  activeTo: v.nullable(date),
  updatedAt: stamp,
  // Optional (absent on records written before it existed): docs/spec/person-order.md.
  order: v.optional(v.pipe(num, v.minValue(0, '不能小于 0'), v.maxValue(1e9, '数值过大'))),
})

const activity = record({
  id,
  kind,
  title: text(500),
  date,
  endDate: v.nullable(date),
  hours,
  legalTheme: bool,
  laws: v.array(named(500), '应为列表'),
  category: v.nullable(v.picklist(TRAINING_CATEGORIES, picked('培训类别'))),
  organizer: v.nullable(text(200)),
  lecturer: v.nullable(text(200)),
  attendees: v.array(id, '应为列表'),
  note: text(10_000),
  updatedAt: stamp,
  review: v.optional(v.picklist(REVIEW_STATES, picked('审核状态'))),
  reviewNote: v.optional(v.nullable(text(2000))),
})

const exam = record({
  id,
  kind: v.picklist(EXAM_KINDS, picked('考试类型')),
  year,
  title: text(500),
  date: v.nullable(date),
  passScore: score,
  excellentScore: v.nullable(score),
  updatedAt: stamp,
})

const examResult = record({
  id,
  examId: id,
  personId: id,
  status: v.picklist(RESULT_STATUSES, picked('参考情况')),
  score: v.nullable(score),
  reason: v.nullable(text(500)),
  updatedAt: stamp,
})

const basis = v.optional(v.nullable(text(2000)))
// The years of a basis (docs/spec/basis-validity.md): optional, absent in older records.
const basisYear = v.optional(v.nullable(year))
const basisFields = { basis, basisFrom: basisYear, basisTo: basisYear, basisConfirmedFor: basisYear }
const rule = v.variant(
  'type',
  [
    record({
      id,
      type: v.literal('personHours'),
      scope: v.picklist(['all', 'enforcement', 'leader'], picked('适用范围')),
      minHours: nonNegative,
      kinds: v.nullable(v.array(kind, '应为列表')),
      proRate: bool,
      categoryMinHours: v.optional(
        v.nullable(
          v.strictObject(
            Object.fromEntries(TRAINING_CATEGORIES.map((c) => [c, v.optional(nonNegative)])),
            '应为对象',
          ),
        ),
      ),
      ...basisFields,
    }),
    record({
      id,
      type: v.literal('examParticipation'),
      scope: v.literal('all', '只能是 all（全体干部职工）'),
      minRate: v.pipe(num, v.minValue(0, '不能小于 0'), v.maxValue(1, '不能大于 1')),
      ...basisFields,
    }),
    record({
      id,
      type: v.literal('unitActivityCount'),
      kind,
      legalThemeOnly: bool,
      min: v.pipe(num, v.integer('应为整数'), v.minValue(0, '不能小于 0')),
      ...basisFields,
    }),
  ],
  '不是可识别的规则类型（应为 personHours、examParticipation 或 unitActivityCount）',
)

const targetSet = record({ id, year, updatedAt: stamp, rules: v.array(rule, '应为列表'), counting: v.optional(v.nullable(counting)) })

const tombstone = record({ id, deletedAt: stamp, updatedAt: stamp })

const LIVE_SCHEMAS: Record<TableName | RegisterName, v.GenericSchema> = {
  sections: section,
  persons: person,
  activities: activity,
  exams: exam,
  examResults: examResult,
  targetSets: targetSet,
  reviewOutcomes: reviewOutcome,
  examStatuses: examStatus,
}

type Rec = Record<string, unknown>

function firstDuplicate(items: readonly unknown[]): unknown {
  const seen = new Set<unknown>()
  for (const x of items) {
    if (seen.has(x)) return x
    seen.add(x)
  }
  return undefined
}

/** Rules that span fields of one live record; returns the failure detail or null. */
function crossCheck(table: TableName, r: Rec): string | null {
  if (table === 'persons' && r.activeTo !== null && (r.activeTo as string) < (r.activeFrom as string)) {
    return '的「调出日期」早于「调入日期」'
  }
  if (table === 'activities') {
    const end = r.endDate as string | null
    if (end !== null && end < (r.date as string)) return '的「结束日期」早于开始日期'
    const days = spanDays(r.date as string, end)
    if ((r.hours as number) > 24 * days) return `的「学时」超过上限（每天最多 24 学时，本次活动共 ${days} 天）`
    const dup = firstDuplicate(r.attendees as string[])
    if (dup !== undefined) return `的「参加人员」中有重复的人员（id: ${short(dup as string)}）`
  }
  if (table === 'exams' && r.excellentScore !== null && (r.excellentScore as number) < (r.passScore as number)) {
    return '的「优秀分数线」低于「合格分数线」'
  }
  if (table === 'targetSets') {
    const dup = firstDuplicate((r.rules as Rec[]).map((x) => x.id))
    if (dup !== undefined) return `的「指标规则」中有两条规则使用了相同的编号（id: ${short(dup as string)}）`
    const backwards = (r.rules as Rec[]).findIndex((x) => typeof x.basisFrom === 'number' && typeof x.basisTo === 'number' && x.basisTo < x.basisFrom)
    if (backwards >= 0) return `的「指标规则」第 ${backwards + 1} 项的依据有效期结束年份早于开始年份`
  }
  return null
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

/** 「指标规则」第 1 项的「最低学时」 */
function describePath(table: TableName, keys: readonly unknown[]): string {
  let out = ''
  keys.forEach((k, i) => {
    if (typeof k === 'number') out += `第 ${k + 1} 项`
    else out += `${i > 0 ? '的' : ''}「${fieldLabel(table, String(k))}」`
  })
  return out
}

/** The failure detail that follows "文件中股室第 1 条记录（id: …）". */
function issueDetail(table: TableName, issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? []
  const keys = path.map((p) => p.key)
  const last = path[path.length - 1]
  const isObject = issue.type === 'strict_object' || issue.type === 'object'
  if (isObject && last?.origin === 'key') {
    const parent = keys.slice(0, -1)
    const at = parent.length > 0 ? `的${describePath(table, parent)}` : ''
    // A newer version may add optional fields (docs/decisions/0005-optional-record-fields.md): say so.
    if (issue.expected === 'never') return `${at}含有无法识别的字段「${short(String(last.key))}」（若文件来自更新版本的学法台账，请先更新本应用）`
    return `${at}缺少「${fieldLabel(table, String(last.key))}」字段`
  }
  return keys.length > 0 ? `的${describePath(table, keys)}${issue.message}` : issue.message
}

function isRec(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

/** Where the records came from and what to do about a bad one, in the messages of `validateTable`. */
export interface TableWording {
  /** "文件中" */
  source: string
  /** The advice that closes every message. */
  advice: string
}

export const FILE_WORDING: TableWording = { source: '文件中', advice: SUFFIX }

/** Checks one table's (or register's) array of records; null when every record is valid and ids are unique. */
export function validateTable(table: TableName | RegisterName, value: unknown, wording: TableWording = FILE_WORDING): string | null {
  const label = table in TABLE_LABELS ? TABLE_LABELS[table as TableName] : REGISTER_LABELS[table as RegisterName]
  const { source, advice } = wording
  if (!Array.isArray(value)) return `${source}的「${label}」数据应为记录列表，${advice}`
  const indexById = new Map<string, number>()
  for (let i = 0; i < value.length; i++) {
    const r: unknown = value[i]
    const isTomb = isRec(r) && Object.prototype.hasOwnProperty.call(r, 'deletedAt')
    const idText = isRec(r) && typeof r.id === 'string' && r.id !== '' ? `（id: ${short(r.id)}）` : ''
    const where = `${source}${label}第 ${i + 1} 条${isTomb ? '已删除的' : ''}记录${idText}`
    if (!isRec(r)) return `${where}不是有效的记录，${advice}`
    const result = v.safeParse(isTomb ? tombstone : LIVE_SCHEMAS[table], r, { abortEarly: true })
    if (!result.success) return `${where}${issueDetail(table as TableName, result.issues[0])}，${advice}`
    const detail = isTomb ? null : crossCheck(table as TableName, r)
    if (detail) return `${where}${detail}，${advice}`
    const prev = indexById.get(r.id as string)
    if (prev !== undefined) {
      return `${source}${label}第 ${prev + 1} 条和第 ${i + 1} 条记录使用了相同的编号（id: ${short(r.id as string)}），${advice}`
    }
    indexById.set(r.id as string, i)
  }
  return null
}
