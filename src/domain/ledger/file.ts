/**
 * Building ledger files (docs/spec/ledger-file.md) and choosing what each purpose carries. Every file but 提交 is
 * cut by the scope rule (access/scope.ts) and states the scopes it holds (docs/spec/scopes.md).
 *
 * - 备份 `backup`: every record of this device, tombstones included, with the registers it holds; it states the
 *   scopes the device holds (the whole unit on the keeper's device).
 * - 发布 `publish` (keeper → everyone): what every official may see — roster, sections, group sessions, exams and
 *   targets, every tombstone — and the registers: each person's exam status (no score) and the review outcome of
 *   each 自报 record (keyed by the record's id). No one's 自学 / 线上 records, no exam result.
 * - 股室 `section` (keeper → one section head): the 发布 content and every record and exam result of the persons
 *   of the section.
 * - 提交 `submit` (an official → keeper): that person's own `self` / `online` activities (attendees exactly
 *   `[personId]`) and their tombstones.
 *
 * A file is written in the lowest format version that can hold it: version 1 for a 提交 and for a keeper's 备份
 * without version-2 content, version 2 (scopes, registers, 股室, counting rules) otherwise.
 *
 * Records in a file are sorted by id per table, so one ledger state always gives one canonical text and one hash.
 */
import { recordsHash } from './canonical'
import { parseStamp } from './hlc'
import { wins } from './merge'
import { cutToScope, type Scope } from '../access/scope'
import { projectRegisters } from '../access/registers'
import { projectOwnDigests } from '../access/own-records'
import {
  PERSONAL_KINDS,
  REGISTER_NAMES,
  TABLE_NAMES,
  isTombstone,
  type Activity,
  type FilePurpose,
  type FileRecords,
  type FileScope,
  type IsoDate,
  type LedgerFile,
  type LedgerRecords,
  type Stamp,
  type Unit,
} from '../model/types'

/** The largest file an import reads (the file contract: at least 64 MB; an encrypted 30 MB ledger is about 45 MB). */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024
export const MAX_IMPORT_LABEL = '100 MB'

export interface BuildFileInput {
  purpose: FilePurpose
  unit: Unit
  deviceId: string
  personId: string | null
  /** ISO instant (`new Date().toISOString()`). */
  exportedAt: string
  records: FileRecords
  /** The scopes the records hold complete (version 2); absent: what the purpose meant in version 1. */
  scopes?: FileScope[]
}

type AnyRecord = { id: string; updatedAt: Stamp }

export function emptyRecords(): LedgerRecords {
  return { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }
}

function byId(a: AnyRecord, b: AnyRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A copy with every table (and every register the records carry) sorted by id: the canonical order of a file. */
export function sortRecords<R extends FileRecords>(records: R): R {
  const out = emptyRecords() as unknown as Record<string, AnyRecord[]>
  for (const t of TABLE_NAMES) out[t] = [...(records[t] as AnyRecord[])].sort(byId)
  for (const t of [...REGISTER_NAMES, 'ownRecordDigests'] as const) {
    if (records[t] !== undefined) out[t] = [...(records[t] as AnyRecord[])].sort(byId)
  }
  return out as unknown as R
}

/** The scopes a version-1 file of this purpose meant without saying so. */
function impliedScopes(purpose: FilePurpose): string[] | null {
  if (purpose === 'backup') return ['keeper']
  if (purpose === 'submit') return []
  return null
}

/** 1 when a version-1 reader can read the file as meant, else 2. */
export function formatVersionFor(purpose: FilePurpose, records: FileRecords, scopes: readonly FileScope[] | undefined): 1 | 2 {
  const implied = impliedScopes(purpose)
  if (implied === null) return 2
  if (scopes !== undefined && scopes.map((s) => s.scope.role).join() !== implied.join()) return 2
  if ([...REGISTER_NAMES, 'ownRecordDigests' as const].some((t) => records[t] !== undefined)) return 2
  if (records.targetSets.some((t) => !isTombstone(t) && t.counting != null)) return 2
  return 1
}

/** What a file of this purpose holds when the caller does not say: a 备份 the whole unit, a 发布 what everyone may see. */
function defaultScopes(purpose: FilePurpose, asOf: string): FileScope[] {
  if (purpose === 'backup') return [{ scope: { role: 'keeper' }, asOf }]
  if (purpose === 'publish') return [{ scope: { role: 'everyone' }, asOf }]
  return []
}

/** The plain ledger file object, with `sha256` over the canonical JSON of its records. */
export async function buildLedgerFile(input: BuildFileInput): Promise<LedgerFile> {
  const records = sortRecords(input.records)
  const scopes = input.scopes ?? defaultScopes(input.purpose, input.exportedAt)
  const formatVersion = formatVersionFor(input.purpose, records, scopes)
  return {
    format: 'xuefa-ledger',
    formatVersion,
    purpose: input.purpose,
    unit: { id: input.unit.id, name: input.unit.name },
    exportedAt: input.exportedAt,
    exportedBy: { deviceId: input.deviceId, personId: input.personId },
    ...(formatVersion === 2 ? { scopes } : {}),
    records,
    sha256: await recordsHash(records),
  }
}

/** True for an activity one official logs alone for themself: `self`/`online` with exactly them attending. */
export function isOwnPersonalActivity(a: Activity, personId: string): boolean {
  return PERSONAL_KINDS.includes(a.kind) && a.attendees.length === 1 && a.attendees[0] === personId
}

export interface ScopedSelection {
  /** The export's local date: review outcomes and digests cover records dated from January 1 of the year before. */
  today: IsoDate
  /** The export's ISO instant (the file's `exportedAt`): it salts the per-person digests. */
  exportedAt: string
}

/** The scope of a 股室文件 of these sections. */
export function sectionScope(sectionIds: string[]): Scope {
  return { role: 'sectionHead', personId: null, sectionIds: [...sectionIds] }
}

/** The records a scope may see, with the registers and the per-person digests that travel to everyone. */
export function selectForScope(records: LedgerRecords, scope: Scope, opts: ScopedSelection): FileRecords {
  const from = `${Number(opts.today.slice(0, 4)) - 1}-01-01`
  return {
    ...cutToScope(records, scope),
    ...projectRegisters(records, { reviewsFrom: from }),
    ownRecordDigests: projectOwnDigests(records, from, opts.exportedAt),
  }
}

/** What the keeper publishes (发布): what everyone may see, and the registers. */
export function selectForPublish(records: LedgerRecords, opts: ScopedSelection): FileRecords {
  return selectForScope(records, { role: 'everyone' }, opts)
}

/** A 股室文件: everything of the persons of the sections, the common records, and the registers. */
export function selectForSection(records: LedgerRecords, sectionIds: string[], opts: ScopedSelection): FileRecords {
  return selectForScope(records, sectionScope(sectionIds), opts)
}

export interface SubmitSelection {
  /** Only records edited after this stamp or ISO instant (plain string order). */
  since?: string | null
  /**
   * Only tombstones stamped by this device: a deletion made here. Tombstones
   * carry no kind or attendees, so this is how a phone knows which deletions
   * are its own (group-session deletions arrive from the keeper with the
   * keeper's device id). Without it every activity tombstone is included; the
   * keeper's import ignores those that are not that person's records anyway.
   */
  deviceId?: string | null
}

function stampedBy(stamp: Stamp, deviceId: string): boolean {
  return parseStamp(stamp)?.deviceId === deviceId
}

/** What an official submits: their own self/online activities and their deletions. */
export function selectForSubmit(records: LedgerRecords, personId: string, opts: SubmitSelection = {}): LedgerRecords {
  const since = opts.since ?? null
  const activities = records.activities.filter((a) => {
    if (since !== null && !(a.updatedAt > since)) return false
    if (isTombstone(a)) return !opts.deviceId || stampedBy(a.updatedAt, opts.deviceId)
    return isOwnPersonalActivity(a, personId)
  })
  return { ...emptyRecords(), activities }
}

/** Per id the winning record under the merge rule (merge.ts), each table sorted by id. */
export function mergeRecordSets(a: LedgerRecords, b: LedgerRecords): LedgerRecords {
  const out = emptyRecords() as unknown as Record<string, AnyRecord[]>
  for (const t of TABLE_NAMES) {
    const winners = new Map<string, AnyRecord>()
    for (const r of [...(a[t] as AnyRecord[]), ...(b[t] as AnyRecord[])]) {
      const prev = winners.get(r.id)
      if (!prev || wins(prev, r)) winners.set(r.id, r)
    }
    out[t] = [...winners.values()].sort(byId)
  }
  return out as unknown as LedgerRecords
}

/** Number of records (live and tombstones) over every table. */
export function countRecords(records: LedgerRecords): number {
  return TABLE_NAMES.reduce((n, t) => n + records[t].length, 0)
}

/** Live records and deletion markers over every table (registers are not records). */
export function countLiveAndDeleted(records: LedgerRecords): { live: number; deleted: number } {
  let deleted = 0
  for (const t of TABLE_NAMES) for (const r of records[t]) if (isTombstone(r)) deleted++
  return { live: countRecords(records) - deleted, deleted }
}

/** "2 条学习记录（另含 2 条删除）" for a 提交 file; "356 条记录（另含 3 条删除）" otherwise. */
export function fileCountWords(purpose: FilePurpose, counts: { live: number; deleted: number }): string {
  const what = purpose === 'submit' ? '条学习记录' : '条记录'
  return counts.deleted > 0 ? `${counts.live} ${what}（另含 ${counts.deleted} 条删除）` : `${counts.live} ${what}`
}

const PURPOSE_WORDS: Record<FilePurpose, string> = { backup: '备份', publish: '发布', section: '股室', submit: '提交' }

/** Characters that file systems or chat apps refuse in a name. */
function safeNamePart(s: string): string {
  const cleaned = s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '').slice(0, 40)
  return cleaned || '未命名'
}

/**
 * `学法台账-备份-某局-20241212.xuefa.json`; a submit adds the person (`学法台账-提交-某局-张三-20241212.xuefa.json`),
 * a 股室文件 the section (`学法台账-股室-某局-执法一队-20241212.xuefa.json`).
 */
export function ledgerFileName(purpose: FilePurpose, unitName: string, localDate: string, personName?: string | null): string {
  const parts = ['学法台账', PURPOSE_WORDS[purpose], safeNamePart(unitName)]
  if ((purpose === 'submit' || purpose === 'section') && personName) parts.push(safeNamePart(personName))
  parts.push(localDate.replace(/-/g, ''))
  return `${parts.join('-')}.xuefa.json`
}
