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
import { ensureDeviceId } from './clock'
import type { MergeSummary } from './merge-records'
import {
  getSafetyBackupText,
  readImportInput,
  readRecordsInTransaction,
  type ImportInput,
} from './ledger-read'
import { applyPrepared, type ApplyOptions, type ImportResult, type ImportProgress } from './ledger-apply'
import { encryptLedgerFile, passphraseProblem, PBKDF2_ITERATIONS } from '../domain/ledger/crypto'
import { buildLedgerFile, countRecords, ledgerFileName, selectForPublish, selectForSubmit } from '../domain/ledger/file'
import { MAX_IMPORT_BYTES, prepareLedgerImport } from '../domain/ledger/import-check'
import { localIsoDate } from '../domain/model/dates'
import { isTombstone, TABLE_NAMES, type FilePurpose, type LedgerRecords, type Person, type Unit } from '../domain/model/types'

export type { ImportResult, ImportProgress, MergeSummary, ImportInput }

export interface ExportOptions {
  /** Encrypt with this passphrase (checked against the strength rule). */
  passphrase?: string | null
  /** 提交: everything ('all', default) or only what changed since the last submit. */
  since?: 'all' | 'lastSubmit'
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
  isEncrypted: boolean
  exportedAt: string
}

interface Snapshot {
  unit: Unit | null
  deviceId: string
  identity: string | null
  lastSubmitAt: string | null
  changesSinceBackup: number
  records: LedgerRecords
}

async function readSnapshot(db: LedgerDB): Promise<Snapshot> {
  const deviceId = await ensureDeviceId(db)
  const tables = TABLE_NAMES.map((t) => db.table(t))
  return db.transaction('r', [...tables, db.meta], async () => ({
    unit: (await getMeta(db, 'unit')) ?? null,
    deviceId,
    identity: (await getMeta(db, 'identity')) ?? null,
    lastSubmitAt: (await getMeta(db, 'lastSubmitAt')) ?? null,
    changesSinceBackup: (await getMeta(db, 'changesSinceBackup')) ?? 0,
    records: await readRecordsInTransaction(db),
  }))
}

function personName(records: LedgerRecords, id: string): string | null {
  const p = records.persons.find((r) => r.id === id)
  return p && !isTombstone(p) ? (p as Person).name : null
}

function select(purpose: FilePurpose, snap: Snapshot, opts: ExportOptions): LedgerRecords {
  if (purpose === 'backup') return snap.records
  if (purpose === 'publish') return selectForPublish(snap.records)
  if (!snap.identity) throw new Error('还没有选择“我是”，无法提交本人的记录。请先在“我的”中选择本人，再导出提交文件。')
  const since = opts.since === 'lastSubmit' ? snap.lastSubmitAt : null
  return selectForSubmit(snap.records, snap.identity, { since, deviceId: snap.deviceId })
}

/** After a backup the reminder resets; edits made while exporting stay counted. */
async function recordExport(db: LedgerDB, purpose: FilePurpose, snap: Snapshot, exportedAt: string): Promise<void> {
  if (purpose === 'publish') return
  await db.transaction('rw', db.meta, async () => {
    if (purpose === 'submit') {
      await setMeta(db, 'lastSubmitAt', exportedAt)
      return
    }
    const now = (await getMeta(db, 'changesSinceBackup')) ?? 0
    await setMeta(db, 'lastBackupAt', exportedAt)
    await setMeta(db, 'changesSinceBackup', Math.max(0, now - snap.changesSinceBackup))
  })
}

/** Builds a 备份 / 发布 / 提交 file of this ledger; errors are zh-CN. */
export async function exportLedger(db: LedgerDB, purpose: FilePurpose, opts: ExportOptions = {}): Promise<ExportResult> {
  if (opts.passphrase) {
    const problem = passphraseProblem(opts.passphrase)
    if (problem) throw new Error(problem)
  }
  const snap = await readSnapshot(db)
  if (!snap.unit) throw new Error('本机还没有台账，无法导出。请先新建单位台账，或导入台账文件。')
  const records = select(purpose, snap, opts)
  const now = opts.now ?? new Date()
  const exportedAt = now.toISOString()
  const personId = purpose === 'submit' ? snap.identity : null
  let file = await buildLedgerFile({ purpose, unit: snap.unit, deviceId: snap.deviceId, personId, exportedAt, records })
  if (opts.passphrase) {
    file = await encryptLedgerFile(file, opts.passphrase, { iterations: opts.iterations ?? PBKDF2_ITERATIONS })
  }
  const text = JSON.stringify(file)
  await recordExport(db, purpose, snap, exportedAt)
  const name = personId ? personName(snap.records, personId) : null
  return {
    purpose,
    text,
    fileName: ledgerFileName(purpose, snap.unit.name, localIsoDate(now), name),
    recordCount: countRecords(records),
    isEncrypted: !!opts.passphrase,
    exportedAt,
  }
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
