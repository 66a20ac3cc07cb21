/**
 * Reading for exchange: the whole ledger (tombstones included) in one read
 * transaction, the automatic safety backup, and the bytes
 * of an import file.
 */
import type { LedgerDB } from './database'
import { MAX_IMPORT_BYTES } from '../domain/ledger/file'
import { TABLE_NAMES, type LedgerRecords, type Unit } from '../domain/model/types'

/** Meta key of the automatic safety backup: the canonical JSON text of a backup file. */
export const SAFETY_BACKUP_KEY = 'safetyBackup'
import { SAFETY_BACKUP_INFO_KEY, type SafetyBackupInfo } from './exchange-status'

export { SAFETY_BACKUP_INFO_KEY, readExchangeStatus, type ExchangeStatus, type SafetyBackupInfo } from './exchange-status'

function recordTables(db: LedgerDB) {
  return TABLE_NAMES.map((t) => db.table(t))
}

/** Every record of every table, tombstones included, each table in id order. Joins an open transaction. */
export async function readRecordsInTransaction(db: LedgerDB): Promise<LedgerRecords> {
  const out = {} as Record<string, unknown[]>
  for (const t of TABLE_NAMES) out[t] = await db.table(t).toArray()
  return out as unknown as LedgerRecords
}

/** The whole ledger as a file carries it, read in one transaction. */
export async function readAllRecords(db: LedgerDB): Promise<LedgerRecords> {
  return db.transaction('r', recordTables(db), () => readRecordsInTransaction(db))
}

/** True when any record table holds a row (a tombstone counts). Joins an open transaction. */
export async function hasAnyRecords(db: LedgerDB): Promise<boolean> {
  for (const t of TABLE_NAMES) if ((await db.table(t).count()) > 0) return true
  return false
}

/** What the safety backup holds and why (with the scopes held before it: a restore brings them back). */
export async function getSafetyBackupInfo(db: LedgerDB): Promise<SafetyBackupInfo | null> {
  const row = await db.meta.get(SAFETY_BACKUP_INFO_KEY)
  return (row?.value as SafetyBackupInfo | undefined) ?? null
}

export async function getSafetyBackupText(db: LedgerDB): Promise<string | null> {
  const row = await db.meta.get(SAFETY_BACKUP_KEY)
  return typeof row?.value === 'string' ? row.value : null
}

/** Writes the safety backup (call inside the import transaction). */
export async function putSafetyBackup(db: LedgerDB, text: string, info: SafetyBackupInfo): Promise<void> {
  await db.meta.bulkPut([
    { key: SAFETY_BACKUP_KEY, value: text },
    { key: SAFETY_BACKUP_INFO_KEY, value: info },
  ])
}

/** The unit of the ledger, read inside a transaction that includes meta. */
export async function readUnit(db: LedgerDB): Promise<Unit | null> {
  return ((await db.meta.get('unit'))?.value as Unit | undefined) ?? null
}

export type ImportInput = string | Uint8Array | ArrayBuffer | Blob

export type ReadResult = { ok: true; text: string; byteLength: number | undefined } | { ok: false; error: string }

function tooLarge(bytes: number, maxBytes: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
  return `文件过大（${mb(bytes)} MB），超过了可以导入的上限 ${mb(maxBytes)} MB。请确认选择的是学法台账导出的文件。`
}

const NOT_TEXT = '文件不是学法台账导出的文本文件（无法按 UTF-8 读取），请选择 .xuefa.json 文件。'

function decode(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), byteLength: bytes.byteLength }
  } catch {
    return { ok: false, error: NOT_TEXT }
  }
}

/** Reads a Blob chunk by chunk (progress for a large file), checking the size first. */
async function readBlob(blob: Blob, onShare: (share: number) => void): Promise<ReadResult> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const parts: string[] = []
  let read = 0
  try {
    const reader = blob.stream().getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      read += value.byteLength
      parts.push(decoder.decode(value, { stream: true }))
      onShare(blob.size ? read / blob.size : 1)
    }
    parts.push(decoder.decode())
  } catch (e) {
    return { ok: false, error: e instanceof TypeError ? NOT_TEXT : '无法读取所选文件，请重新选择文件后再试。' }
  }
  return { ok: true, text: parts.join(''), byteLength: read }
}

/** The text of an import file, refusing an oversized one before reading it. */
export async function readImportInput(
  input: ImportInput,
  maxBytes = MAX_IMPORT_BYTES,
  onShare: (share: number) => void = () => {},
): Promise<ReadResult> {
  if (typeof input === 'string') return { ok: true, text: input, byteLength: undefined }
  const size = input instanceof Blob ? input.size : input.byteLength
  if (size > maxBytes) return { ok: false, error: tooLarge(size, maxBytes) }
  if (input instanceof Blob) return readBlob(input, onShare)
  return decode(input instanceof Uint8Array ? input : new Uint8Array(input))
}

