/**
 * Validation of a parsed ledger file (docs/spec/ledger-file.md). Every rejection is one
 * plain zh-CN sentence: what is wrong, where (table and record), what to do.
 * Record schemas live in record-schemas.ts; this file holds the
 * envelope, the walk over the tables and the cross-record checks.
 */
import * as v from 'valibot'
import { REGISTER_NAMES, TABLE_NAMES, type FileRecords, type LedgerFile, type TableName } from '../model/types'
import { recordsHash } from './canonical'
import { TABLE_LABELS } from '../model/record-labels'
import { validateTable } from './record-schemas'
import { findForbiddenKey } from './forbidden-keys'

export { checkReferences, type ExistingIds } from './references'
export { findForbiddenKey }

export const LEDGER_FORMAT = 'xuefa-ledger'
/** The newest version this app reads (and writes when a file needs it); every older one is read too. */
export const LEDGER_FORMAT_VERSION = 2
/** Readers accept at least 64 MB (docs/spec/ledger-file.md, "Size"); 64 MiB is a little more. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024

export type Checked<K extends string, T> = ({ ok: true } & Record<K, T>) | { ok: false; error: string }

const REEXPORT = '请在原设备上重新导出后再导入。'
const NOT_LEDGER = '这不是学法台账文件（缺少学法台账的格式标记），请选择从学法台账导出的 .xuefa.json 文件。'
const NEWER_VERSION = '此文件由更新版本的学法台账导出，请先更新本应用后再导入。'

const nonEmpty = v.pipe(v.string(), v.minLength(1), v.maxLength(200))
const unitSchema = v.object({ id: nonEmpty, name: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) })
const exportedBySchema = v.object({ deviceId: nonEmpty, personId: v.nullable(nonEmpty) })
const isoInstant = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/),
  v.check((s) => Number.isFinite(Date.parse(s))),
)
const base64 = v.pipe(v.string(), v.minLength(1), v.regex(/^[A-Za-z0-9+/]*={0,2}$/))
const encryptedSchema = v.strictObject({
  alg: v.literal('AES-GCM'),
  kdf: v.literal('PBKDF2-SHA256'),
  // An absurd count would hang the device while deriving the key.
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
  salt: base64,
  iv: base64,
  data: base64,
})
const sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/))
const scopeSchema = v.variant('role', [
  v.strictObject({ role: v.literal('keeper') }),
  v.strictObject({ role: v.literal('everyone') }),
  v.strictObject({ role: v.literal('official'), personId: nonEmpty }),
  v.strictObject({ role: v.literal('sectionHead'), personId: v.nullable(nonEmpty), sectionIds: v.pipe(v.array(nonEmpty), v.minLength(1)) }),
])
const scopesSchema = v.pipe(v.array(v.strictObject({ scope: scopeSchema, asOf: isoInstant })), v.maxLength(50))
const PURPOSES_V1 = ['backup', 'publish', 'submit']
const PURPOSES_V2 = [...PURPOSES_V1, 'section']

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error }
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1)
}

function tooLarge(byteLength: number, maxBytes: number): string {
  return `文件过大（${megabytes(byteLength)} MB），超过了可以导入的上限 ${megabytes(maxBytes)} MB。请确认选择的是学法台账导出的文件。`
}

/** UTF-8 byte count of a string without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** JSON.parse with zh-CN errors for empty, oversized or non-JSON text; a leading BOM is tolerated. */
export function parseLedgerText(text: string, maxBytes = DEFAULT_MAX_BYTES): Checked<'raw', unknown> {
  if (typeof text !== 'string') return fail('无法读取文件内容，请重新选择文件。')
  if (text.length > maxBytes) return fail(tooLarge(utf8ByteLength(text), maxBytes))
  if (text.length * 3 > maxBytes) {
    const bytes = utf8ByteLength(text)
    if (bytes > maxBytes) return fail(tooLarge(bytes, maxBytes))
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return fail('文件是空的，没有任何内容。请确认选择了正确的文件，或重新导出后再导入。')
  try {
    return { ok: true, raw: JSON.parse(body) }
  } catch {
    return fail(
      '文件内容不是完整的学法台账数据（无法按 JSON 读取），可能在传输中被截断或损坏。请重新导出或重新发送文件后再导入。',
    )
  }
}

/** Envelope fields other than the payload; null when all is well. */
function checkEnvelope(raw: Record<string, unknown>): string | null {
  if (raw.format !== LEDGER_FORMAT) return NOT_LEDGER
  const version = raw.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return `文件的格式版本号无效，文件可能已损坏。${REEXPORT}`
  }
  if (version > LEDGER_FORMAT_VERSION) return NEWER_VERSION
  if (!(version >= 2 ? PURPOSES_V2 : PURPOSES_V1).includes(raw.purpose as string)) {
    return `文件的用途标记无效（应为备份、发布、股室或提交），文件可能已损坏。${REEXPORT}`
  }
  if (version >= 2 && !v.is(scopesSchema, raw.scopes)) return `文件没有注明有效的数据范围，文件可能已损坏。${REEXPORT}`
  if (!v.is(unitSchema, raw.unit)) return `文件缺少有效的单位信息（单位编号和名称），文件可能已损坏。${REEXPORT}`
  if (!v.is(isoInstant, raw.exportedAt)) return `文件的导出时间无效，文件可能已损坏。${REEXPORT}`
  if (!v.is(exportedBySchema, raw.exportedBy)) return `文件缺少有效的导出设备信息，文件可能已损坏。${REEXPORT}`
  return null
}

/** The payload: either plain records with their hash, or an encrypted block. */
function checkPayload(raw: Record<string, unknown>): string | null {
  const hasRecords = 'records' in raw
  const hasEncrypted = 'encrypted' in raw
  if (hasRecords && hasEncrypted) {
    return `文件同时含有加密和未加密的数据，无法确定以哪一份为准。${REEXPORT}`
  }
  if (hasEncrypted) {
    if (!v.is(encryptedSchema, raw.encrypted)) return `文件的加密信息不完整或无法识别。${REEXPORT}`
    return null
  }
  if (!hasRecords) return `文件中没有台账数据，文件可能不完整。${REEXPORT}`
  if (!v.is(sha256Schema, raw.sha256)) return `文件缺少有效的校验码（sha256），无法确认内容完整。${REEXPORT}`
  return null
}

/**
 * Checks a parsed ledger file: size, envelope, payload, and (when not
 * encrypted) every record. The hash and the references are separate steps
 * (verifyFileHash, checkReferences).
 */
export function validateLedgerFile(
  raw: unknown,
  opts: { maxBytes?: number; byteLength?: number } = {},
): Checked<'file', LedgerFile> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  if (opts.byteLength !== undefined && opts.byteLength > maxBytes) return fail(tooLarge(opts.byteLength, maxBytes))
  if (!isPlainObject(raw)) return fail(NOT_LEDGER)
  const forbidden = findForbiddenKey(raw)
  if (forbidden) return fail(forbidden)
  const problem = checkEnvelope(raw) ?? checkPayload(raw)
  if (problem) return fail(problem)
  const file: LedgerFile = {
    format: LEDGER_FORMAT,
    formatVersion: raw.formatVersion as LedgerFile['formatVersion'],
    purpose: raw.purpose as LedgerFile['purpose'],
    unit: { ...(raw.unit as LedgerFile['unit']) },
    exportedAt: raw.exportedAt as string,
    exportedBy: { ...(raw.exportedBy as LedgerFile['exportedBy']) },
    ...(raw.scopes !== undefined ? { scopes: raw.scopes as LedgerFile['scopes'] } : {}),
  }
  if ('encrypted' in raw) return { ok: true, file: { ...file, encrypted: raw.encrypted as LedgerFile['encrypted'] } }
  const checked = checkTables(raw.records)
  if (!checked.ok) return checked
  return { ok: true, file: { ...file, records: checked.records, sha256: raw.sha256 as string } }
}

const KNOWN_KEYS: readonly string[] = [...TABLE_NAMES, ...REGISTER_NAMES, 'ownRecordDigests']
const digestsSchema = v.array(
  v.strictObject({ id: nonEmpty, digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)), from: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)) }),
)

function checkTables(records: unknown): Checked<'records', FileRecords> {
  if (!isPlainObject(records)) return fail(`文件中的台账数据格式不正确，文件可能已损坏。${REEXPORT}`)
  for (const key of Object.keys(records)) {
    if (!KNOWN_KEYS.includes(key)) {
      return fail(`文件中含有无法识别的数据表「${key.slice(0, 40)}」，它可能来自更新版本的学法台账，请先更新本应用后再导入。`)
    }
  }
  for (const table of TABLE_NAMES) {
    if (!(table in records)) return fail(`文件中缺少「${TABLE_LABELS[table]}」数据，文件可能不完整。${REEXPORT}`)
    const error = validateTable(table as TableName, records[table])
    if (error) return fail(error)
  }
  for (const register of REGISTER_NAMES) {
    if (!(register in records)) continue
    const error = validateTable(register, records[register])
    if (error) return fail(error)
  }
  if ('ownRecordDigests' in records && !v.is(digestsSchema, records.ownRecordDigests)) {
    return fail(`文件中的「本人记录校验」数据格式不正确，${REEXPORT}`)
  }
  return { ok: true, records: records as unknown as FileRecords }
}

/** Checks the `records` of a file (or of a decrypted payload) against the schema. */
export function validateRecords(records: unknown): Checked<'records', FileRecords> {
  const forbidden = findForbiddenKey(records)
  if (forbidden) return fail(forbidden)
  return checkTables(records)
}

/** Checks the decrypted `{ records, sha256 }` of an encrypted file. */
export function validateDecryptedPayload(raw: unknown): Checked<'payload', { records: FileRecords; sha256: string }> {
  if (!isPlainObject(raw) || !('records' in raw)) return fail(`解密后的内容不是学法台账数据，文件可能已损坏。${REEXPORT}`)
  if (!v.is(sha256Schema, raw.sha256)) return fail(`文件缺少有效的校验码（sha256），无法确认内容完整。${REEXPORT}`)
  const checked = validateRecords(raw.records)
  if (!checked.ok) return checked
  return { ok: true, payload: { records: checked.records, sha256: raw.sha256 as string } }
}

/** True when the file's `sha256` is the hash of the canonical JSON of its `records`. */
export async function verifyFileHash(file: Pick<LedgerFile, 'records' | 'sha256'>): Promise<boolean> {
  if (!file.records || typeof file.sha256 !== 'string') return false
  return (await recordsHash(file.records)) === file.sha256.toLowerCase()
}

/** The message for a file whose records do not match its `sha256`. */
export const HASH_MISMATCH_MESSAGE =
  '文件内容与其校验码不符，可能在传输中损坏或被改动过，为保护台账已拒绝导入。请重新导出或重新发送文件后再导入。'

