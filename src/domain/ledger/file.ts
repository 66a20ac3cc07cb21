/**
 * Building ledger files (docs/spec/ledger-file.md) and choosing what each purpose carries.
 *
 * - 备份 `backup`: every record, tombstones included.
 * - 发布 `publish` (keeper → officials): sections, persons, group activities
 *   (every kind but `self` / `online`), exams, exam results and target sets,
 *   with every tombstone. Exam results are included on purpose: an official's
 *   phone can then show "年度学法考试 已参考 96 分" on 首页 without a second
 *   channel. The file is shared inside the unit only; the app shows colleagues'
 *   figures to section heads and the keeper alone.
 * - 提交 `submit` (an official → keeper): that person's own `self` / `online`
 *   activities (attendees exactly `[personId]`) and their tombstones.
 *
 * Records in a file are sorted by id per table, so one ledger state always
 * gives one canonical text and one hash.
 */
import { recordsHash } from './canonical'
import { parseStamp } from './hlc'
import { wins } from './merge'
import {
  PERSONAL_KINDS,
  TABLE_NAMES,
  isTombstone,
  type Activity,
  type FilePurpose,
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
  records: LedgerRecords
}

type AnyRecord = { id: string; updatedAt: Stamp }

export function emptyRecords(): LedgerRecords {
  return { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }
}

function byId(a: AnyRecord, b: AnyRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** A copy with every table sorted by id (the canonical order of a file). */
export function sortRecords(records: LedgerRecords): LedgerRecords {
  const out = emptyRecords() as unknown as Record<string, AnyRecord[]>
  for (const t of TABLE_NAMES) out[t] = [...(records[t] as AnyRecord[])].sort(byId)
  return out as unknown as LedgerRecords
}

/** The plain ledger file object, with `sha256` over the canonical JSON of its records. */
export async function buildLedgerFile(input: BuildFileInput): Promise<LedgerFile> {
  const records = sortRecords(input.records)
  return {
    format: 'xuefa-ledger',
    formatVersion: 1,
    purpose: input.purpose,
    unit: { id: input.unit.id, name: input.unit.name },
    exportedAt: input.exportedAt,
    exportedBy: { deviceId: input.deviceId, personId: input.personId },
    records,
    sha256: await recordsHash(records),
  }
}

/** True for an activity one official logs alone for themself: `self`/`online` with exactly them attending. */
export function isOwnPersonalActivity(a: Activity, personId: string): boolean {
  return PERSONAL_KINDS.includes(a.kind) && a.attendees.length === 1 && a.attendees[0] === personId
}

/** What the keeper publishes: everything but officials' personal records; every tombstone. */
export function selectForPublish(records: LedgerRecords): LedgerRecords {
  return {
    sections: [...records.sections],
    persons: [...records.persons],
    activities: records.activities.filter((a) => isTombstone(a) || !PERSONAL_KINDS.includes(a.kind)),
    exams: [...records.exams],
    examResults: [...records.examResults],
    targetSets: [...records.targetSets],
  }
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

const PURPOSE_WORDS: Record<FilePurpose, string> = { backup: '备份', publish: '发布', submit: '提交' }

/** Characters that file systems or chat apps refuse in a name. */
function safeNamePart(s: string): string {
  const cleaned = s.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '').replace(/\s+/g, '').slice(0, 40)
  return cleaned || '未命名'
}

/** `学法台账-备份-某局-20241212.xuefa.json`; a submit adds the person: `学法台账-提交-某局-张三-20241212.xuefa.json`. */
export function ledgerFileName(purpose: FilePurpose, unitName: string, localDate: string, personName?: string | null): string {
  const parts = ['学法台账', PURPOSE_WORDS[purpose], safeNamePart(unitName)]
  if (purpose === 'submit' && personName) parts.push(safeNamePart(personName))
  parts.push(localDate.replace(/-/g, ''))
  return `${parts.join('-')}.xuefa.json`
}
