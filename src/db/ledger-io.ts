/**
 * Exporting and importing ledger files (docs/spec/ledger-file.md).
 *
 * Export reads everything in one read transaction, then builds (and maybe
 * encrypts) the file outside it. Import reads, decrypts and validates the
 * whole file first (domain/ledger/import-check.ts); the checks that need the ledger
 * (unit, references, restore over data) and the merge then run in ONE rw
 * transaction in which nothing but Dexie is awaited.
 */
import type { LedgerDB } from './database'
import { getMeta, setMeta } from './meta'
import type { MergeSummary } from './merge-records'
import { getSafetyBackupText, readImportInput, type ImportInput } from './ledger-read'
import { backupContent, readSnapshot, type Snapshot } from './ledger-snapshot'
import { applyPrepared, type ApplyOptions, type ImportResult, type ImportProgress } from './ledger-apply'
import { holdsWholeUnit } from '../domain/access/file-scopes'
import { encryptLedgerFile, passphraseProblem, PBKDF2_ITERATIONS } from '../domain/ledger/crypto'
import {
  buildLedgerFile,
  countLiveAndDeleted,
  fileCountWords,
  ledgerFileName,
  sectionScope,
  selectForPublish,
  selectForSection,
  selectForSubmit,
} from '../domain/ledger/file'
import { MAX_IMPORT_BYTES, prepareLedgerImport } from '../domain/ledger/import-check'
import { localIsoDate } from '../domain/model/dates'
import { isTombstone, type Activity, type FilePurpose, type FileRecords, type FileScope, type Person, type Section } from '../domain/model/types'
import type { SubmittedSet } from '../domain/access/own-records'
import { maxStamp } from '../domain/ledger/merge'

const liveActivities = (r: FileRecords): Activity[] => r.activities.filter((a): a is Activity => !isTombstone(a))

export type { ImportResult, ImportProgress, MergeSummary, ImportInput }

export interface ExportOptions {
  /** Encrypt with this passphrase (checked against the strength rule). */
  passphrase?: string | null
  /** 提交: everything ('all', default) or only what changed since the last submit. */
  since?: 'all' | 'lastSubmit'
  /** 股室文件: the section it is for. */
  sectionId?: string | null
  /** 提交: remember this export as the last submit (default true; the share flow marks it once shared). */
  recordSubmit?: boolean
  /** The export time (tests fix it). */
  now?: Date
  /** PBKDF2 iterations (tests only; the app uses 600,000). */
  iterations?: number
}

export interface ExportResult {
  purpose: FilePurpose
  /** The file's text (UTF-8 JSON, no BOM). */
  text: string
  fileName: string
  /** Records (live and tombstones) in the file. */
  recordCount: number
  /** Live records and deletion markers, and the words for them ("2 条学习记录（另含 2 条删除）"). */
  counts: { live: number; deleted: number }
  countWords: string
  isEncrypted: boolean
  exportedAt: string
  /** 提交: the live records it carries and its newest stamp (remembered once it is handed over: `markSubmitted`). */
  submitted: SubmittedSet['records']
  submittedStamp: string | null
}

const NOT_WHOLE_UNIT = '本机没有全单位的台账（只有管理员发来的部分数据），不能导出发布文件或股室文件。请在台账管理员的设备上导出。'

function liveById<T extends { id: string }>(rows: readonly (T | { id: string; deletedAt: string })[], id: string): T | null {
  const r = rows.find((x) => x.id === id)
  return r && !isTombstone(r as T) ? (r as T) : null
}

interface Selection {
  records: FileRecords
  scopes?: FileScope[]
  /** The person or section the file name carries. */
  nameOf: string | null
  /** 提交: every live record of hers on the phone, which the file stands for even when it carries only the changes. */
  submitted?: SubmittedSet['records']
}

function select(purpose: FilePurpose, snap: Snapshot, opts: ExportOptions, exportedAt: string, today: string): Selection {
  if (purpose === 'backup') return { ...backupContent(snap, exportedAt), nameOf: null }
  if (purpose === 'submit') {
    if (!snap.identity) throw new Error('还没有选择“我是”，无法提交本人的记录。请先在“我的”中选择本人，再导出提交文件。')
    const since = opts.since === 'lastSubmit' ? snap.lastSubmitStamp : null
    const records = selectForSubmit(snap.records, snap.identity, { since, deviceId: snap.deviceId })
    const all = since === null ? records : selectForSubmit(snap.records, snap.identity, { deviceId: snap.deviceId })
    const submitted = liveActivities(all).map((a) => ({ id: a.id, date: a.date }))
    return { records, scopes: [], nameOf: liveById<Person>(snap.records.persons, snap.identity)?.name ?? null, submitted }
  }
  if (!holdsWholeUnit(snap.heldScopes)) throw new Error(NOT_WHOLE_UNIT)
  if (purpose === 'publish') {
    return { records: selectForPublish(snap.records, { today, exportedAt }), scopes: [{ scope: { role: 'everyone' }, asOf: exportedAt }], nameOf: null }
  }
  const section = opts.sectionId ? liveById<Section>(snap.records.sections, opts.sectionId) : null
  if (!section) throw new Error('请先选择要导出股室文件的股室。')
  const records = selectForSection(snap.records, [section.id], { today, exportedAt })
  return { records, scopes: [{ scope: sectionScope([section.id]) as FileScope['scope'], asOf: exportedAt }], nameOf: section.name }
}

/** After a backup the reminder resets; edits made while exporting stay counted. */
async function recordExport(db: LedgerDB, purpose: FilePurpose, snap: Snapshot, file: ExportResult, opts: ExportOptions): Promise<void> {
  if (purpose === 'submit') {
    if (opts.recordSubmit !== false) await markSubmitted(db, file)
    return
  }
  const exportedAt = file.exportedAt
  if (purpose !== 'backup') return
  await db.transaction('rw', db.meta, async () => {
    const now = (await getMeta(db, 'changesSinceBackup')) ?? 0
    await setMeta(db, 'lastBackupAt', exportedAt)
    await setMeta(db, 'changesSinceBackup', Math.max(0, now - snap.changesSinceBackup))
  })
}

/** How many 提交 files the phone remembers (to tell whether the keeper holds records it lacks). */
const SUBMITTED_KEPT = 5

/** Remembers a 提交 file as handed over: its records are no longer 未提交, and what it carried. */
export async function markSubmitted(db: LedgerDB, file: Pick<ExportResult, 'exportedAt' | 'submitted' | 'submittedStamp'>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const sets = (await getMeta(db, 'submittedSets')) ?? []
    await setMeta(db, 'submittedSets', [{ at: file.exportedAt, records: file.submitted }, ...sets].slice(0, SUBMITTED_KEPT))
    await setMeta(db, 'lastSubmitAt', file.exportedAt)
    const before = (await getMeta(db, 'lastSubmitStamp')) ?? ''
    if (file.submittedStamp && file.submittedStamp > before) await setMeta(db, 'lastSubmitStamp', file.submittedStamp)
  })
}

/** Builds a 备份 / 发布 / 股室 / 提交 file of this ledger; errors are zh-CN. */
export async function exportLedger(db: LedgerDB, purpose: FilePurpose, opts: ExportOptions = {}): Promise<ExportResult> {
  if (opts.passphrase) {
    const problem = passphraseProblem(opts.passphrase)
    if (problem) throw new Error(problem)
  }
  const snap = await readSnapshot(db)
  if (!snap.unit) throw new Error('本机还没有台账，无法导出。请先新建单位台账，或导入台账文件。')
  const now = opts.now ?? new Date()
  const exportedAt = now.toISOString()
  const { records, scopes, nameOf, submitted } = select(purpose, snap, opts, exportedAt, localIsoDate(now))
  const personId = purpose === 'submit' ? snap.identity : null
  let file = await buildLedgerFile({ purpose, unit: snap.unit, deviceId: snap.deviceId, personId, exportedAt, records, scopes })
  if (opts.passphrase) {
    file = await encryptLedgerFile(file, opts.passphrase, { iterations: opts.iterations ?? PBKDF2_ITERATIONS })
  }
  const counts = countLiveAndDeleted(records)
  const result: ExportResult = {
    purpose,
    text: JSON.stringify(file),
    fileName: ledgerFileName(purpose, snap.unit.name, localIsoDate(now), nameOf),
    recordCount: counts.live + counts.deleted,
    counts,
    countWords: fileCountWords(purpose, counts),
    isEncrypted: !!opts.passphrase,
    exportedAt,
    submitted: submitted ?? [],
    submittedStamp: purpose === 'submit' ? maxStamp(records.activities) : null,
  }
  await recordExport(db, purpose, snap, result, opts)
  return result
}

export interface ImportOptions extends ApplyOptions {
  passphrase?: string | null
  maxBytes?: number
}

/** Reads, decrypts, checks and merges a ledger file; the ledger is untouched unless the result is `done`. */
export async function importLedgerFile(db: LedgerDB, input: ImportInput, opts: ImportOptions = {}): Promise<ImportResult> {
  const progress = opts.onProgress ?? (() => {})
  try {
    progress({ phase: 'read', share: 0 })
    const read = await readImportInput(input, opts.maxBytes ?? MAX_IMPORT_BYTES, (share) => progress({ phase: 'read', share }))
    if (!read.ok) return { status: 'error', error: read.error }
    progress({ phase: 'check', share: 0 })
    const prepared = await prepareLedgerImport(read.text, {
      passphrase: opts.passphrase,
      maxBytes: opts.maxBytes ?? MAX_IMPORT_BYTES,
      byteLength: read.byteLength,
      onDecrypt: () => progress({ phase: 'decrypt', share: 0 }),
    })
    if (prepared.status === 'error') return prepared
    if (prepared.status === 'needsPassphrase') return { status: 'needsPassphrase', header: prepared.header }
    return await applyPrepared(db, prepared.prepared, opts)
  } catch (e) {
    return { status: 'error', error: unexpected(e) }
  }
}

/** Restores the automatic safety backup exactly (replace), keeping the current state as the new one. */
export async function restoreSafetyBackup(db: LedgerDB, opts: ApplyOptions = {}): Promise<ImportResult> {
  try {
    const text = await getSafetyBackupText(db)
    if (!text) return { status: 'error', error: '没有可恢复的安全备份。' }
    const prepared = await prepareLedgerImport(text)
    if (prepared.status !== 'ready') {
      return { status: 'error', error: prepared.status === 'error' ? prepared.error : '安全备份无法读取。' }
    }
    return await applyPrepared(db, prepared.prepared, { ...opts, replace: true, safetyReason: '恢复安全备份前' })
  } catch (e) {
    return { status: 'error', error: unexpected(e) }
  }
}

function unexpected(e: unknown): string {
  const err = e as { name?: string; message?: string }
  if (err?.name === 'QuotaExceededError' || err?.name === 'AbortError' && /quota/i.test(err.message ?? '')) {
    return '本机存储空间不足，导入未完成，台账未作任何改动。请清理手机存储空间后再试。'
  }
  if (err?.name === 'ConcurrentChange') return err.message ?? '台账在导入期间发生了变化，请重新导入。'
  return `导入失败，台账未作任何改动（${err?.message ?? String(e)}）。请重试；如仍失败，请重新导出文件后再导入。`
}
