// AES-GCM 256 + PBKDF2-SHA256 encryption of a ledger file, header authenticated (docs/spec/ledger-file.md).
import { describe, expect, it } from 'vitest'
import {
  additionalData,
  base64ToBytes,
  bytesToBase64,
  decryptRecords,
  encryptLedgerFile,
  encryptRecords,
  PBKDF2_ITERATIONS,
  WRONG_PASSPHRASE_MESSAGE,
} from '@/domain/ledger/crypto'
import { validateLedgerFile } from '@/domain/ledger/schema'
import type { LedgerFile } from '@/domain/model/types'
import { sampleFile } from './support'

const PASS = 'xuefa-2024'
const FAST = { iterations: 1000 }

async function encrypted(): Promise<LedgerFile> {
  return encryptLedgerFile(await sampleFile(), PASS, FAST)
}

function flipByte(b64: string, at: number): string {
  const bytes = base64ToBytes(b64)!
  bytes[at] ^= 0x01
  return bytesToBase64(bytes)
}

describe('encryptLedgerFile / decryptRecords', () => {
  it('round-trips the records and their sha256, and the encrypted file passes envelope validation', async () => {
    const plain = await sampleFile()
    const file = await encryptLedgerFile(plain, PASS, FAST)
    expect(file.records).toBeUndefined()
    expect(file.sha256).toBeUndefined()
    expect(file.encrypted).toMatchObject({ alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations: 1000 })
    expect(base64ToBytes(file.encrypted!.salt)).toHaveLength(16)
    expect(base64ToBytes(file.encrypted!.iv)).toHaveLength(12)
    const reread = JSON.parse(JSON.stringify(file))
    const checked = validateLedgerFile(reread)
    expect(checked.ok).toBe(true)
    const out = await decryptRecords(reread, PASS)
    expect(out).toEqual({ ok: true, payload: { records: plain.records, sha256: plain.sha256 } })
  })

  it('uses a fresh salt and IV every time', async () => {
    const a = await encrypted()
    const b = await encrypted()
    expect(a.encrypted!.iv).not.toBe(b.encrypted!.iv)
    expect(a.encrypted!.salt).not.toBe(b.encrypted!.salt)
    expect(a.encrypted!.data).not.toBe(b.encrypted!.data)
  })

  it('rejects a wrong passphrase', async () => {
    const file = await encrypted()
    expect(await decryptRecords(file, 'xuefa-2025')).toEqual({ ok: false, error: WRONG_PASSPHRASE_MESSAGE })
    expect(await decryptRecords(file, 'Xuefa-2024')).toEqual({ ok: false, error: WRONG_PASSPHRASE_MESSAGE })
    expect(WRONG_PASSPHRASE_MESSAGE).toContain('口令不正确，或文件已被改动')
  })

  it('rejects a flipped ciphertext byte anywhere (start, middle, tag)', async () => {
    const file = await encrypted()
    const len = base64ToBytes(file.encrypted!.data)!.length
    for (const at of [0, Math.floor(len / 2), len - 1]) {
      const bad = { ...file, encrypted: { ...file.encrypted!, data: flipByte(file.encrypted!.data, at) } }
      expect(await decryptRecords(bad, PASS)).toEqual({ ok: false, error: WRONG_PASSPHRASE_MESSAGE })
    }
  })

  it('rejects a changed header: unit name, unit id, purpose, time, device, iterations, salt, IV', async () => {
    const file = await encrypted()
    const e = file.encrypted!
    const variants: LedgerFile[] = [
      { ...file, unit: { ...file.unit, name: '另一个单位' } },
      { ...file, unit: { ...file.unit, id: 'u-other' } },
      { ...file, purpose: 'publish' },
      { ...file, exportedAt: '2024-12-12T08:00:01.000Z' },
      { ...file, exportedBy: { deviceId: 'someone-else', personId: null } },
      { ...file, encrypted: { ...e, iterations: 1001 } },
      { ...file, encrypted: { ...e, salt: flipByte(e.salt, 3) } },
      { ...file, encrypted: { ...e, iv: flipByte(e.iv, 0) } },
    ]
    for (const v of variants) expect((await decryptRecords(v, PASS)).ok).toBe(false)
    expect((await decryptRecords(file, PASS)).ok).toBe(true)
  })

  it('authenticates the canonical JSON of the header as additional data', async () => {
    const file = await encrypted()
    const { data: _d, ...params } = file.encrypted!
    const aad = new TextDecoder().decode(additionalData(file, params))
    expect(aad).toBe(
      `{"encrypted":{"alg":"AES-GCM","iterations":1000,"iv":"${params.iv}","kdf":"PBKDF2-SHA256","salt":"${params.salt}"},` +
        `"exportedAt":"2024-12-12T08:00:00.000Z","exportedBy":{"deviceId":"dev1","personId":null},"format":"xuefa-ledger",` +
        `"formatVersion":1,"purpose":"backup","unit":{"id":"u-1","name":"某市科工贸和信息化局"}}`,
    )
  })

  it('reports a broken IV or data as damaged, in Chinese', async () => {
    const file = await encrypted()
    const out = await decryptRecords({ ...file, encrypted: { ...file.encrypted!, iv: bytesToBase64(new Uint8Array(8)) } }, PASS)
    expect(out).toEqual({ ok: false, error: expect.stringContaining('加密信息已损坏') })
  })

  it('defaults to 600,000 PBKDF2 iterations', async () => {
    expect(PBKDF2_ITERATIONS).toBe(600_000)
    const plain = await sampleFile()
    const enc = await encryptRecords({ records: plain.records!, sha256: plain.sha256! }, PASS, plain, { iterations: 1 })
    expect(enc.iterations).toBe(1)
  })

  it('base64 round-trips large buffers', () => {
    const big = new Uint8Array(200_000).map((_, i) => (i * 7) & 0xff)
    expect(base64ToBytes(bytesToBase64(big))).toEqual(big)
    expect(base64ToBytes('%%%')).toBeNull()
  })
})
