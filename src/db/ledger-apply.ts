/**
 * The import transaction: the checks that need the ledger, then the merge, in
 * ONE rw transaction in which nothing but Dexie is awaited. The file was read,
 * decrypted and validated before (domain/ledger-import.ts); the safety backup
 * (which needs WebCrypto for its sha256) is built before the transaction too,
 * and the transaction refuses to run if the ledger changed in between.
 */
import type { LedgerDB } from './database'
import { getMeta, setMeta } from './meta'
import { mergeRecords, type MergeSummary } from './merge-records'
import { getSafetyBackupInfo, hasAnyRecords, putSafetyBackup, readUnit, type SafetyBackupInfo } from './ledger-read'
import { backupContent, readSnapshot, snapshotTables } from './ledger-snapshot'
import { cutToScopes, scopesOfFile } from '../domain/access/file-scopes'
import { addHeldScope, type HeldScope } from '../domain/access/held-scopes'
import { canonicalJson } from '../domain/ledger/canonical'
import type { FileHeader } from '../domain/ledger/crypto'
import { buildLedgerFile, countRecords, isOwnPersonalActivity } from '../domain/ledger/file'
import { markSelfReported, type PreparedImport } from '../domain/ledger/import-check'
import type { ImportDone, ImportProgress } from '../domain/ledger/import-outcome'
import { checkReferences, type ExistingIds } from '../domain/ledger/schema'
import { TABLE_NAMES, isTombstone, type Activity, type FilePurpose, type FileRecords, type LedgerRecords, type Unit } from '../domain/model/types'

export type { ImportProgress }

export interface ApplyOptions {
  /** The user agreed to merge a file of another unit. */
  confirmForeignUnit?: boolean
  /** The user agreed to import a backup into a ledger that has data (a safety backup is saved first). */
  confirmRestore?: boolean
  onProgress?: (p: ImportProgress) => void
  chunkSize?: number
  now?: () => Date
  /** Safety-backup restore: the tables become exactly the file (see merge-records.ts). */
  replace?: boolean
  /** Why the safety backup is saved (shown on the data page). */
  safetyReason?: string
}

export type ImportResult =
  | ImportDone
  | { status: 'needsPassphrase'; header: FileHeader }
  | { status: 'needsConfirm'; needsConfirm: 'foreignUnit' | 'restore'; header: FileHeader; localUnit: Unit | null }
  | { status: 'error'; error: string }

interface Safety {
  /** The HLC state when the safety backup was read: the ledger must not change before the write. */
  token: string
  text: string | null
  info: SafetyBackupInfo | null
}

class ConcurrentChange extends Error {
  name = 'ConcurrentChange'
  constructor() {
    super('台账在导入期间被修改了，为避免丢失数据已停止导入，台账未作改动。请重新导入。')
  }
}

function tables(db: LedgerDB) {
  return [...snapshotTables(db), db.outbox]
}

async function hlcToken(db: LedgerDB): Promise<string> {
  return JSON.stringify((await getMeta(db, 'hlc')) ?? null)
}

/** A backup file of the ledger as it is now (null text when it holds nothing), with the scopes it holds. */
async function buildSafety(db: LedgerDB, reason: string, now: Date): Promise<Safety> {
  const snap = await readSnapshot(db)
  const recordCount = countRecords(snap.records)
  if (recordCount === 0) return { token: snap.token, text: null, info: null }
  const unit = snap.unit ?? { id: 'unknown', name: '未命名单位' }
  const exportedAt = now.toISOString()
  const content = backupContent(snap, exportedAt)
  const file = await buildLedgerFile({ purpose: 'backup', unit, deviceId: snap.deviceId, personId: null, exportedAt, ...content })
  const info = { savedAt: exportedAt, unitName: unit.name, recordCount, reason, heldScopes: snap.heldScopes }
  return { token: snap.token, text: canonicalJson(file), info }
}

async function existingIds(db: LedgerDB): Promise<ExistingIds> {
  const keys = async (t: 'sections' | 'persons' | 'exams') => new Set((await db.table(t).toCollection().primaryKeys()) as string[])
  return { sectionIds: await keys('sections'), personIds: await keys('persons'), examIds: await keys('exams') }
}

type Screened = { ok: true; records: LedgerRecords; skipped: number } | { ok: false; error: string }

/**
 * A 提交 file may only touch its sender's own personal activities: a deletion
 * of anything else is ignored, an edit of anything else refuses the file.
 */
async function screenSubmit(db: LedgerDB, records: LedgerRecords, personId: string): Promise<Screened> {
  const locals = await db.activities.bulkGet(records.activities.map((a) => a.id))
  const kept: LedgerRecords['activities'] = []
  let skipped = 0
  for (let i = 0; i < records.activities.length; i++) {
    const incoming = records.activities[i]
    const local = locals[i]
    if (!local || isTombstone(local) || isOwnPersonalActivity(local as Activity, personId)) kept.push(incoming)
    else if (isTombstone(incoming)) skipped++
    else {
      return {
        ok: false,
        error: '提交文件中有记录与本机台账里的集体学习或他人记录使用了相同编号，可能被改动过，已拒绝导入。请提交人重新导出“提交”文件。',
      }
    }
  }
  return { ok: true, records: { ...records, activities: kept }, skipped }
}

function changedCount(summary: MergeSummary): number {
  return TABLE_NAMES.reduce((n, t) => n + summary[t].added + summary[t].updated + summary[t].deleted, 0)
}

/**
 * The backup reminder: a backup restored into an empty ledger is that backup; a 发布 or 股室 file brings the
 * keeper's data, kept on the keeper's device (nothing to back up here); anything else is a change.
 */
async function trackBackup(db: LedgerDB, purpose: FilePurpose, header: FileHeader, wasEmpty: boolean, summary: MergeSummary, opts: ApplyOptions) {
  if (purpose === 'publish' || purpose === 'section') return
  if (purpose === 'backup' && wasEmpty && !opts.replace) {
    await setMeta(db, 'lastBackupAt', header.exportedAt)
    await setMeta(db, 'changesSinceBackup', 0)
    return
  }
  const changed = changedCount(summary)
  if (changed === 0) return
  await setMeta(db, 'changesSinceBackup', ((await getMeta(db, 'changesSinceBackup')) ?? 0) + changed)
}

type Gate = { kind: 'go'; records: FileRecords; skipped: number } | { kind: 'stop'; result: ImportResult }

/** Unit, references, restore and 提交 checks against the ledger (inside the transaction). */
async function gate(db: LedgerDB, prepared: PreparedImport, records: FileRecords, localUnit: Unit | null, hasData: boolean, safety: Safety | null, opts: ApplyOptions): Promise<Gate> {
  const { header } = prepared
  const isForeign = localUnit !== null && localUnit.id !== header.unit.id
  const refError = opts.replace ? checkReferences(records) : checkReferences(records, await existingIds(db))
  if (refError) {
    const error = isForeign ? `此文件来自其他单位「${header.unit.name}」。${refError}` : refError
    return { kind: 'stop', result: { status: 'error', error } }
  }
  if (opts.replace) return { kind: 'go', records, skipped: 0 }
  if (isForeign && !opts.confirmForeignUnit) {
    return { kind: 'stop', result: { status: 'needsConfirm', needsConfirm: 'foreignUnit', header, localUnit } }
  }
  if (header.purpose === 'backup' && hasData) {
    if (!opts.confirmRestore) return { kind: 'stop', result: { status: 'needsConfirm', needsConfirm: 'restore', header, localUnit } }
    if (!safety?.text) throw new ConcurrentChange()
  }
  if (header.purpose !== 'submit') return { kind: 'go', records, skipped: 0 }
  const screened = await screenSubmit(db, records, header.exportedBy.personId as string)
  if (!screened.ok) return { kind: 'stop', result: { status: 'error', error: screened.error } }
  return { kind: 'go', records: screened.records, skipped: screened.skipped }
}

/**
 * What an import keeps of a file: a 提交's records as 自报; of any other file only what the scopes it states may
 * see (importing never widens what a device holds beyond the file's word).
 */
function admitted(prepared: PreparedImport, scopes: HeldScope[]): FileRecords {
  if (prepared.header.purpose === 'submit') return markSelfReported(prepared.records)
  return { ...prepared.records, ...cutToScopes(prepared.records, scopes.map((h) => h.scope)) }
}

/**
 * Records the scopes held after the import (the file's added; a restore of the safety backup brings back the list
 * it was saved with), writing only when the list changed: a repeated import stays a complete no-op.
 */
async function holdScopes(db: LedgerDB, fileScopes: HeldScope[], restored: HeldScope[] | undefined): Promise<void> {
  const held = (await getMeta(db, 'heldScopes')) ?? []
  const next = restored ?? fileScopes.reduce(addHeldScope, held)
  if (JSON.stringify(next) === JSON.stringify(held)) return
  await setMeta(db, 'heldScopes', next)
}

/** Keeps the per-person digests of a newer 发布 / 股室 file (for the official's own view; never merged as records). */
async function keepDigests(db: LedgerDB, prepared: PreparedImport): Promise<void> {
  const digests = prepared.records.ownRecordDigests
  const asOf = prepared.header.exportedAt
  if (!digests?.length || ((await getMeta(db, 'ownRecordDigests'))?.asOf ?? '') >= asOf) return
  await setMeta(db, 'ownRecordDigests', { asOf, from: digests[0].from, byPerson: Object.fromEntries(digests.map((d) => [d.id, d.digest])) })
}

/** Checks against the ledger and merges, atomically. */
export async function applyPrepared(db: LedgerDB, prepared: PreparedImport, opts: ApplyOptions = {}): Promise<ImportResult> {
  const { header } = prepared
  const now = opts.now?.() ?? new Date()
  const wantsSafety = opts.replace === true || (header.purpose === 'backup' && opts.confirmRestore === true)
  const restoredScopes = opts.replace ? (await getSafetyBackupInfo(db))?.heldScopes : undefined
  const safety = wantsSafety ? await buildSafety(db, opts.safetyReason ?? '导入备份前', now) : null
  const fileScopes = scopesOfFile(header)
  const records = admitted(prepared, fileScopes)
  return db.transaction('rw', tables(db), async (): Promise<ImportResult> => {
    if (safety && (await hlcToken(db)) !== safety.token) throw new ConcurrentChange()
    const localUnit = await readUnit(db)
    const hasData = await hasAnyRecords(db)
    const g = await gate(db, prepared, records, localUnit, hasData, safety, opts)
    if (g.kind === 'stop') return g.result
    const adoptedUnit = localUnit === null
    const stats = { written: 0 }
    const summary = await mergeRecords(db, g.records, {
      stats,
      // On a device connected to the sync service, what a file brought in is uploaded too.
      queueForSync: (await db.meta.get('syncConnection')) !== undefined,
      unit: opts.replace || adoptedUnit ? header.unit : undefined,
      onProgress: (share) => opts.onProgress?.({ phase: 'merge', share }),
      replace: opts.replace,
      chunkSize: opts.chunkSize,
    })
    // Nothing written, nothing to undo: a repeated import stays a complete no-op.
    const savesSafety = !!safety?.text && !!safety.info && stats.written > 0
    if (savesSafety && safety?.text && safety.info) {
        await putSafetyBackup(db, safety.text, safety.info)
    }
    await trackBackup(db, header.purpose, header, !hasData, summary, opts)
    if (header.purpose !== 'submit') await holdScopes(db, fileScopes, restoredScopes)
    await keepDigests(db, prepared)
    const unit = opts.replace || adoptedUnit ? header.unit : (localUnit as Unit)
    return {
      status: 'done',
      purpose: header.purpose,
      unit,
      summary,
      adoptedUnit,
      safetyBackupSaved: savesSafety,
      wasEncrypted: prepared.wasEncrypted,
      skipped: g.skipped,
      scopes: fileScopes,
    }
  })
}
