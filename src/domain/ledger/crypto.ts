/**
 * Optional passphrase encryption of a ledger file (docs/spec/ledger-file.md), with WebCrypto
 * (browsers and Node ≥ 20 both have globalThis.crypto.subtle).
 *
 * - Key: PBKDF2-SHA256 over the UTF-8 bytes of the passphrase (Unicode NFC,
 *   not trimmed), a random 16-byte salt, 600,000 iterations → AES-GCM 256.
 * - Cipher: AES-GCM with a fresh random 96-bit IV and a 128-bit tag.
 * - Plaintext: the canonical JSON of `{ "records": …, "sha256": … }`.
 * - Additional data (authenticated, not encrypted): the UTF-8 bytes of the
 *   canonical JSON of the header
 *   `{ format, formatVersion, purpose, unit, exportedAt, exportedBy, scopes (version 2),
 *      encrypted: { alg, kdf, iterations, salt, iv } }`
 *   so changing the unit, the purpose, the time or the KDF parameters of an
 *   encrypted file makes it undecryptable, exactly like changing a byte of `data`.
 */
import { canonicalJson } from './canonical'
import { validateDecryptedPayload } from './schema'
import type { EncryptedPayload, FileRecords, LedgerFile } from '../model/types'

export const PBKDF2_ITERATIONS = 600_000
export const SALT_BYTES = 16
export const IV_BYTES = 12

export const WRONG_PASSPHRASE_MESSAGE = '口令不正确，或文件已被改动。请核对口令（区分大小写）后重试；如仍不行，请对方重新导出文件。'
export const PASSPHRASE_RULE = '口令至少 8 个字符，且包含小写字母、大写字母、数字、其他字符（符号或汉字）中的至少两类。'

export interface DecryptedPayload {
  records: FileRecords
  sha256: string
}

/** The header fields of a file that the encryption authenticates. */
export type FileHeader = Pick<LedgerFile, 'format' | 'formatVersion' | 'purpose' | 'unit' | 'exportedAt' | 'exportedBy' | 'scopes'>
export type EncryptionParams = Omit<EncryptedPayload, 'data'>

export interface EncryptOptions {
  /** PBKDF2 iterations; the app always uses PBKDF2_ITERATIONS, unit tests fewer. */
  iterations?: number
  /** Random bytes source (tests may fix it); defaults to crypto.getRandomValues. */
  randomBytes?: (n: number) => Uint8Array
}

/** WebCrypto, typed from the global itself: the domain is compiled without the DOM library (tsconfig.domain.json). */
type Subtle = typeof globalThis.crypto.subtle
type Key = Awaited<ReturnType<Subtle['deriveKey']>>

function subtle(): Subtle {
  return globalThis.crypto.subtle
}

function defaultRandomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n))
}

/** Base64 of bytes, in chunks (a 30 MB ledger must not overflow String.fromCharCode's arguments). */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 0x8000
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)))
  }
  return btoa(parts.join(''))
}

/** Bytes of a base64 string, or null when it is not valid base64. */
export function base64ToBytes(b64: string): Uint8Array | null {
  let bin: string
  try {
    bin = atob(b64)
  } catch {
    return null
  }
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** UTF-8 bytes of the canonical JSON of the header (the AES-GCM additional data). */
export function additionalData(header: FileHeader, params: EncryptionParams): Uint8Array<ArrayBuffer> {
  const aad = {
    format: header.format,
    formatVersion: header.formatVersion,
    purpose: header.purpose,
    unit: header.unit,
    exportedAt: header.exportedAt,
    exportedBy: header.exportedBy,
    // Version 2: the stated scopes are authenticated too (version 1 files have none: the same bytes as before).
    ...(header.scopes !== undefined ? { scopes: header.scopes } : {}),
    encrypted: { alg: params.alg, kdf: params.kdf, iterations: params.iterations, salt: params.salt, iv: params.iv },
  }
  return new TextEncoder().encode(canonicalJson(aad))
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Key> {
  const raw = new TextEncoder().encode(passphrase.normalize('NFC'))
  const base = await subtle().importKey('raw', raw, 'PBKDF2', false, ['deriveKey'])
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

function copyBytes(b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(b.length)
  out.set(b)
  return out
}

/** The `encrypted` object of a file whose header is `header`. */
export async function encryptRecords(
  payload: DecryptedPayload,
  passphrase: string,
  header: FileHeader,
  opts: EncryptOptions = {},
): Promise<EncryptedPayload> {
  const random = opts.randomBytes ?? defaultRandomBytes
  const iterations = opts.iterations ?? PBKDF2_ITERATIONS
  const salt = copyBytes(random(SALT_BYTES))
  const iv = copyBytes(random(IV_BYTES))
  const params: EncryptionParams = {
    alg: 'AES-GCM',
    kdf: 'PBKDF2-SHA256',
    iterations,
    salt: bytesToBase64(salt),
    iv: bytesToBase64(iv),
  }
  const key = await deriveKey(passphrase, salt, iterations)
  const plain = new TextEncoder().encode(canonicalJson({ records: payload.records, sha256: payload.sha256 }))
  const cipher = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(header, params), tagLength: 128 },
    key,
    plain,
  )
  return { ...params, data: bytesToBase64(new Uint8Array(cipher)) }
}

/** A plain ledger file turned into its encrypted form (records and sha256 replaced by `encrypted`). */
export async function encryptLedgerFile(file: LedgerFile, passphrase: string, opts: EncryptOptions = {}): Promise<LedgerFile> {
  if (!file.records || !file.sha256) throw new TypeError('encryptLedgerFile: the file has no plain records')
  const { records, sha256, encrypted: _e, ...header } = file
  const encrypted = await encryptRecords({ records, sha256 }, passphrase, header, opts)
  return { ...header, encrypted }
}

export type DecryptResult = { ok: true; payload: DecryptedPayload } | { ok: false; error: string }

/** Decrypts and checks the payload of an encrypted file; a wrong passphrase or any changed byte is an error. */
export async function decryptRecords(file: LedgerFile, passphrase: string): Promise<DecryptResult> {
  const enc = file.encrypted
  if (!enc) return { ok: false, error: '文件没有加密，无需输入口令。' }
  const salt = base64ToBytes(enc.salt)
  const iv = base64ToBytes(enc.iv)
  const data = base64ToBytes(enc.data)
  if (!salt || !iv || !data || iv.length !== IV_BYTES || salt.length < 8 || data.length < 16) {
    return { ok: false, error: '文件的加密信息已损坏，无法解密。请对方重新导出文件后再导入。' }
  }
  let plain: ArrayBuffer
  try {
    const key = await deriveKey(passphrase, copyBytes(salt), enc.iterations)
    const { data: _d, ...params } = enc
    plain = await subtle().decrypt(
      { name: 'AES-GCM', iv: copyBytes(iv), additionalData: additionalData(file, params), tagLength: 128 },
      key,
      copyBytes(data),
    )
  } catch {
    return { ok: false, error: WRONG_PASSPHRASE_MESSAGE }
  }
  let raw: unknown
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain))
  } catch {
    return { ok: false, error: '解密后的内容无法读取，文件可能已损坏。请对方重新导出文件后再导入。' }
  }
  const checked = validateDecryptedPayload(raw)
  return checked.ok ? { ok: true, payload: checked.payload } : checked
}

/** Character classes counted by the strength rule. */
function classCount(p: string): number {
  let lower = false
  let upper = false
  let digit = false
  let other = false
  for (const ch of p) {
    if (ch >= 'a' && ch <= 'z') lower = true
    else if (ch >= 'A' && ch <= 'Z') upper = true
    else if (ch >= '0' && ch <= '9') digit = true
    else if (ch.trim() !== '') other = true
  }
  return [lower, upper, digit, other].filter(Boolean).length
}

/** Why a passphrase is too weak (zh-CN), or null when it is acceptable. */
export function passphraseProblem(p: string): string | null {
  const length = [...p].length
  if (length === 0) return `请输入口令。${PASSPHRASE_RULE}`
  if (length < 8) return `口令太短（${length} 个字符）。${PASSPHRASE_RULE}`
  if (classCount(p) < 2) return `口令太简单。${PASSPHRASE_RULE}`
  if (new Set(p).size < 4) return `口令重复字符太多，容易被猜到。${PASSPHRASE_RULE}`
  return null
}
