/**
 * Everything an import checks before it may touch the ledger, that does not
 * need the ledger: size, JSON, envelope, decryption, sha256, record schemas,
 * and what a 提交 file may carry. The checks that need the ledger (references
 * to existing ids, the unit, restore over data) run in db/ledger-io.ts inside
 * the import transaction.
 */
import { decryptRecords, type FileHeader } from './crypto'
import { isOwnPersonalActivity, MAX_IMPORT_BYTES } from './file'
import {
  HASH_MISMATCH_MESSAGE,
  parseLedgerText,
  validateLedgerFile,
  verifyFileHash,
} from './schema'
import { REGISTER_NAMES, TABLE_NAMES, isTombstone, type FileRecords, type LedgerRecords } from '../model/types'

export { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from './file'

export interface PreparedImport {
  header: FileHeader
  records: FileRecords
  wasEncrypted: boolean
}

export type PrepareResult =
  | { status: 'ready'; prepared: PreparedImport }
  | { status: 'needsPassphrase'; header: FileHeader }
  | { status: 'error'; error: string }

export interface PrepareOptions {
  passphrase?: string | null
  maxBytes?: number
  /** The file's size in bytes when known (checked before anything else). */
  byteLength?: number
  /** Called when decryption starts (it takes about a second on a phone). */
  onDecrypt?: () => void
}

const SUBMIT_SHAPE =
  '提交文件中只应有提交人本人的自学、线上学习记录，此文件含有其他内容，可能被改动过，已拒绝导入。请提交人在学法台账中重新导出“提交”文件。'

/** Null when a 提交 file holds only its sender's own self/online activities (and deletions). */
export function submitContentsProblem(records: LedgerRecords, personId: string | null): string | null {
  if (!personId) return '提交文件没有注明提交人，无法确认是谁的记录。请提交人先在“我的”中选择“我是”，再重新导出。'
  for (const t of TABLE_NAMES) {
    if (t !== 'activities' && records[t].length > 0) return SUBMIT_SHAPE
  }
  const extra = [...REGISTER_NAMES, 'ownRecordDigests'] as const
  if (extra.some((t) => ((records as FileRecords)[t]?.length ?? 0) > 0)) return SUBMIT_SHAPE
  for (const a of records.activities) {
    if (!isTombstone(a) && !isOwnPersonalActivity(a, personId)) return SUBMIT_SHAPE
  }
  return null
}

/**
 * A 提交 file's activities arrive as 自报, whatever review state they carry:
 * a sender cannot mark their own records 已核实, and a record edited after it
 * was 退回 needs checking again (the earlier 退回说明 stays as context).
 */
export function markSelfReported<R extends LedgerRecords>(records: R): R {
  return {
    ...records,
    activities: records.activities.map((a) => (isTombstone(a) || a.review === 'selfReported' ? a : { ...a, review: 'selfReported' as const })),
  }
}

function headerOf(file: FileHeader): FileHeader {
  return {
    format: file.format,
    formatVersion: file.formatVersion,
    purpose: file.purpose,
    unit: { id: file.unit.id, name: file.unit.name },
    exportedAt: file.exportedAt,
    exportedBy: { deviceId: file.exportedBy.deviceId, personId: file.exportedBy.personId },
    ...(file.scopes !== undefined ? { scopes: file.scopes } : {}),
  }
}

/** Reads, decrypts and checks a ledger file's text completely; never touches the ledger. */
export async function prepareLedgerImport(text: string, opts: PrepareOptions = {}): Promise<PrepareResult> {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES
  const parsed = parseLedgerText(text, maxBytes)
  if (!parsed.ok) return { status: 'error', error: parsed.error }
  const checked = validateLedgerFile(parsed.raw, { maxBytes, byteLength: opts.byteLength })
  if (!checked.ok) return { status: 'error', error: checked.error }
  const file = checked.file
  const header = headerOf(file)
  let records = file.records
  let sha256 = file.sha256
  if (file.encrypted) {
    if (!opts.passphrase) return { status: 'needsPassphrase', header }
    opts.onDecrypt?.()
    const decrypted = await decryptRecords(file, opts.passphrase)
    if (!decrypted.ok) return { status: 'error', error: decrypted.error }
    records = decrypted.payload.records
    sha256 = decrypted.payload.sha256
  }
  if (!records || !sha256 || !(await verifyFileHash({ records, sha256 }))) {
    return { status: 'error', error: HASH_MISMATCH_MESSAGE }
  }
  if (header.purpose === 'submit') {
    const problem = submitContentsProblem(records, header.exportedBy.personId)
    if (problem) return { status: 'error', error: problem }
  }
  return { status: 'ready', prepared: { header, records, wasEncrypted: !!file.encrypted } }
}
