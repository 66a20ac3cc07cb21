/**
 * Who may see what, and who may write what: the one rule that cuts every ledger file the app writes and every
 * answer of the sync service (docs/spec/scopes.md).
 *
 * - `keeper`: the whole unit.
 * - `sectionHead`: the roster, group sessions, exams, targets, and every record and exam result of the persons of
 *   the head's section(s), and the head's own.
 * - `official`: the roster, group sessions, exams, targets, and the official's own records and own exam result.
 * - `everyone`: what every official of the unit may see (the 发布 file): the roster, group sessions, exams and
 *   targets; no one's personal records and no exam result.
 * - `county`: a county account sees report figures only, never a record.
 *
 * Tombstones (`{id, deletedAt, updatedAt}`) are visible in every scope but `county`: an id tells nothing, and a
 * deletion must reach every device that may hold the record. Which person a record belongs to is read from the
 * record itself (attendees, personId) and, for a section head, from the persons' `sectionId` in `ctx`.
 */
import {
  PERSONAL_KINDS,
  TABLE_NAMES,
  isTombstone,
  type Activity,
  type ExamResult,
  type LedgerRecords,
  type Person,
  type StoredRecord,
  type TableName,
} from '../model/types'

export type Scope =
  | { role: 'keeper' }
  | { role: 'sectionHead'; personId: string | null; sectionIds: string[] }
  | { role: 'official'; personId: string }
  | { role: 'everyone' }
  | { role: 'county' }

export type ScopeRole = Scope['role']

/** What the rule needs to know about the roster: each person's section. */
export interface ScopeContext {
  sectionOf(personId: string): string | null | undefined
}

/** A context over a list of persons (tombstones ignored). */
export function scopeContext(persons: readonly StoredRecord<Person>[]): ScopeContext {
  const sections = new Map<string, string | null>()
  for (const p of persons) if (!isTombstone(p)) sections.set(p.id, p.sectionId)
  return { sectionOf: (id) => sections.get(id) }
}

/** True when the scope holds every record and exam result of this person. */
export function coversPerson(scope: Scope, personId: string, ctx: ScopeContext): boolean {
  switch (scope.role) {
    case 'keeper':
      return true
    case 'sectionHead': {
      if (scope.personId === personId) return true
      const section = ctx.sectionOf(personId)
      return section != null && scope.sectionIds.includes(section)
    }
    case 'official':
      return scope.personId === personId
    default:
      return false
  }
}

/** A personal record (自学 / 线上学习): it belongs to its attendees, not to the unit's common data. */
export function isPersonalActivity(a: Activity): boolean {
  return PERSONAL_KINDS.includes(a.kind)
}

/** Whether one stored record of `table` is visible in the scope. */
export function isVisible(scope: Scope, table: TableName, record: StoredRecord<object>, ctx: ScopeContext): boolean {
  if (scope.role === 'county') return false
  if (scope.role === 'keeper' || isTombstone(record)) return true
  switch (table) {
    case 'activities': {
      const a = record as Activity
      if (!isPersonalActivity(a)) return true
      return a.attendees.some((id) => coversPerson(scope, id, ctx))
    }
    case 'examResults':
      return coversPerson(scope, (record as ExamResult).personId, ctx)
    default:
      return true
  }
}

/** The records of a ledger that the scope may see, in their given order. */
export function cutToScope(records: LedgerRecords, scope: Scope, ctx: ScopeContext = scopeContext(records.persons)): LedgerRecords {
  const out = {} as Record<TableName, StoredRecord<object>[]>
  for (const t of TABLE_NAMES) out[t] = (records[t] as StoredRecord<object>[]).filter((r) => isVisible(scope, t, r, ctx))
  return out as unknown as LedgerRecords
}

export type WriteVerdict<T> = { ok: true; record: StoredRecord<T> } | { ok: false; reason: string }

/**
 * Whether a scope may write `incoming` over `existing` (undefined when the id is new), and the record as it is
 * admitted. The keeper writes anything of the unit. An official, and a section head for their own records, write
 * only their own 自学 / 线上学习 activities, which arrive as 自报 (`review: 'selfReported'`, no note): a record
 * the keeper had verified or returned goes back for review when its owner edits it. A tombstone is admitted for an
 * id that is new or is the writer's own personal record.
 */
export function admitWrite(
  scope: Scope,
  table: TableName,
  incoming: StoredRecord<object>,
  existing: StoredRecord<object> | undefined,
): WriteVerdict<object> {
  if (scope.role === 'keeper') return { ok: true, record: incoming }
  if (scope.role === 'county' || scope.role === 'everyone') return { ok: false, reason: '此账号只能查看，不能修改台账。' }
  const own = scope.personId
  if (!own) return { ok: false, reason: '本机未绑定人员，不能提交记录。' }
  if (table !== 'activities') return { ok: false, reason: '只有台账管理员可以修改名册、集体学习、考试和考核指标。' }
  const isOwn = (r: StoredRecord<object>) =>
    !isTombstone(r) && isPersonalActivity(r as Activity) && (r as Activity).attendees.length === 1 && (r as Activity).attendees[0] === own
  if (existing && !isTombstone(existing) && !isOwn(existing)) {
    return { ok: false, reason: '只能修改本人的自学和线上学习记录。' }
  }
  if (isTombstone(incoming)) return { ok: true, record: incoming }
  if (!isOwn(incoming)) return { ok: false, reason: '只能提交本人的自学和线上学习记录。' }
  const a = incoming as Activity
  return { ok: true, record: { ...a, review: 'selfReported', reviewNote: null } }
}

/** The scope's words for "数据截至…（来自…）" lines and file descriptions. */
export function scopeWords(scope: Scope, sectionName: (id: string) => string | undefined): string {
  switch (scope.role) {
    case 'keeper':
      return '全单位'
    case 'sectionHead': {
      const names = scope.sectionIds.map((id) => sectionName(id) ?? '（已删除的股室）')
      return names.length ? names.join('、') : '本人'
    }
    case 'official':
      return '本人'
    case 'everyone':
      return '全体人员公开部分'
    case 'county':
      return '各单位汇总数字'
  }
}
