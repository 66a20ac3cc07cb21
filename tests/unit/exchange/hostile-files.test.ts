// Malformed and hostile ledger files: each refused with a plain zh-CN reason, the database exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importLedgerFile, type ImportResult } from '@/db/ledger-io'
import type { ImportInput } from '@/db/ledger-read'
import type { LedgerDB } from '@/db/database'
import { recordsHash } from '@/domain/ledger/canonical'
import { base64ToBytes, bytesToBase64, encryptLedgerFile, encryptRecords } from '@/domain/ledger/crypto'
import { emptyRecords } from '@/domain/ledger/file'
import type { LedgerFile } from '@/domain/model/types'
import { activity, closeAll, dumpDb, isZhMessage, OTHER_UNIT, sampleFile, seededDb, tomb, UNIT } from './support'

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any

const PASS = 'xuefa-2024'
const FAST = { iterations: 1000 }

let base: LedgerFile
let baseText: string
let encText: string

/** The base file with its envelope changed (no new hash). */
function envelope(mut: (f: Json) => void): string {
  const f = JSON.parse(baseText)
  mut(f)
  return JSON.stringify(f)
}

/** The base file with its records changed and a correct new hash, so the schema is what refuses it. */
async function records(mut: (r: Json) => void, purpose?: string, personId?: string | null): Promise<string> {
  const f = JSON.parse(baseText)
  mut(f.records)
  if (purpose) f.purpose = purpose
  if (purpose === 'backup') f.scopes = [{ scope: { role: 'keeper' }, asOf: f.exportedAt }]
  if (personId !== undefined) f.exportedBy.personId = personId
  f.sha256 = await recordsHash(f.records)
  return JSON.stringify(f)
}

function encrypted(mut: (f: Json) => void): string {
  const f = JSON.parse(encText)
  mut(f)
  return JSON.stringify(f)
}

function flip(b64: string, at: number): string {
  const bytes = base64ToBytes(b64)!
  bytes[at] ^= 0x80
  return bytesToBase64(bytes)
}

/** An encrypted file whose crypto is valid but whose payload is bad. */
async function encryptedPayload(payload: Json): Promise<string> {
  const { records: _r, sha256: _s, ...header } = base
  const enc = await encryptRecords(payload, PASS, header, FAST)
  return JSON.stringify({ ...header, encrypted: enc })
}

const submitOf = (acts: Json[]) => async (): Promise<string> =>
  records((r) => {
    Object.assign(r, emptyRecords())
    r.activities = acts
  }, 'submit', 'p2')

interface Case {
  name: string
  input: () => ImportInput | Promise<ImportInput>
  passphrase?: string
  maxBytes?: number
  /** Default: an error. */
  status?: ImportResult['status']
  match?: RegExp
}

const p = (r: Json, id: string) => r.persons.find((x: Json) => x.id === id)
const a = (r: Json, id: string) => r.activities.find((x: Json) => x.id === id)

const CASES: Case[] = [
  // Not a ledger file at all
  { name: 'empty text', input: () => '', match: /空的/ },
  { name: 'white space only', input: () => '   \n ', match: /空的/ },
  { name: 'plain words', input: () => 'hello 学法台账', match: /JSON/ },
  { name: 'truncated in half', input: () => baseText.slice(0, baseText.length / 2), match: /截断|损坏/ },
  { name: 'truncated by one character', input: () => baseText.slice(0, -1) },
  { name: 'a JSON array', input: () => '[]', match: /不是学法台账文件/ },
  { name: 'JSON null', input: () => 'null' },
  { name: 'a JSON number', input: () => '42' },
  { name: 'a JSON string', input: () => '"xuefa-ledger"' },
  { name: 'binary bytes (PNG header)', input: () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]) },
  { name: 'invalid UTF-8 in a Blob', input: () => new Blob([new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])]), match: /UTF-8/ },
  // Envelope
  { name: 'format missing', input: () => envelope((f) => delete f.format), match: /格式标记/ },
  { name: 'another format', input: () => envelope((f) => (f.format = 'xuefa-ledger-x')) },
  { name: 'newer formatVersion', input: () => envelope((f) => (f.formatVersion = 3)), match: /更新版本/ },
  { name: 'formatVersion 0', input: () => envelope((f) => (f.formatVersion = 0)) },
  { name: 'formatVersion as text', input: () => envelope((f) => (f.formatVersion = '1')) },
  { name: 'formatVersion 1.5', input: () => envelope((f) => (f.formatVersion = 1.5)) },
  { name: 'unknown purpose', input: () => envelope((f) => (f.purpose = 'sync')), match: /用途/ },
  { name: 'unit missing', input: () => envelope((f) => delete f.unit), match: /单位/ },
  { name: 'unit id empty', input: () => envelope((f) => (f.unit.id = '')) },
  { name: 'unit name a number', input: () => envelope((f) => (f.unit.name = 7)) },
  { name: 'exportedAt not a time', input: () => envelope((f) => (f.exportedAt = 'yesterday')), match: /导出时间/ },
  { name: 'exportedBy missing', input: () => envelope((f) => delete f.exportedBy) },
  { name: 'records missing', input: () => envelope((f) => delete f.records) },
  { name: 'records an array', input: () => envelope((f) => (f.records = [])) },
  { name: 'both records and encrypted', input: () => envelope((f) => (f.encrypted = JSON.parse(encText).encrypted)) },
  { name: 'sha256 missing', input: () => envelope((f) => delete f.sha256), match: /校验码/ },
  { name: 'sha256 malformed', input: () => envelope((f) => (f.sha256 = 'abc')) },
  { name: 'bad sha256', input: () => envelope((f) => (f.sha256 = '0'.repeat(64))), match: /校验码不符/ },
  { name: 'records changed after hashing', input: () => envelope((f) => (f.records.activities[0].hours = 8)), match: /校验码不符/ },
  { name: 'a record removed after hashing', input: () => envelope((f) => f.records.persons.pop()), match: /校验码不符/ },
  // Prototype pollution
  { name: '__proto__ at the top', input: () => '{"__proto__":{"polluted":1},' + baseText.slice(1), match: /__proto__/ },
  { name: '__proto__ inside a record', input: () => records((r) => (r.persons[0] = JSON.parse(`{"__proto__":{"isAdmin":true},${JSON.stringify(r.persons[0]).slice(1)}`))), match: /__proto__/ },
  { name: 'constructor key in a record', input: () => records((r) => (r.sections[0].constructor = { prototype: {} })), match: /constructor/ },
  { name: 'prototype key deep in a rule', input: () => records((r) => (r.targetSets[0].rules[0].prototype = 1)) },
  // Tables
  { name: 'unknown table', input: () => records((r) => (r.users = [])), match: /无法识别的数据表/ },
  { name: 'a table missing', input: () => records((r) => delete r.examResults), match: /缺少/ },
  { name: 'a table not a list', input: () => records((r) => (r.persons = {})) },
  { name: 'duplicate ids', input: () => records((r) => r.persons.push({ ...r.persons[0] })), match: /相同的编号/ },
  { name: 'an empty id', input: () => records((r) => (r.sections[0].id = '')) },
  { name: 'an id of 300 characters', input: () => records((r) => (r.sections[0].id = 'x'.repeat(300))) },
  { name: 'a record that is a string', input: () => records((r) => r.sections.push('办公室')) },
  // Wrong types and values
  { name: 'section without name', input: () => records((r) => delete r.sections[0].name), match: /缺少/ },
  { name: 'person with an extra field', input: () => records((r) => (p(r, 'p1').password = '123')), match: /无法识别的字段/ },
  { name: 'unknown role', input: () => records((r) => (p(r, 'p1').roles = ['admin'])) },
  { name: 'impossible date 2023-02-30', input: () => records((r) => (p(r, 'p1').activeFrom = '2023-02-30')), match: /日期/ },
  { name: 'month 13', input: () => records((r) => (p(r, 'p1').activeFrom = '2023-13-01')) },
  { name: 'leave date before join date', input: () => records((r) => (p(r, 'p1').activeTo = '2019-01-01')) },
  { name: 'hours 0', input: () => records((r) => (a(r, 'a1').hours = 0)) },
  { name: 'negative hours', input: () => records((r) => (a(r, 'a1').hours = -1)) },
  { name: 'hours 0.3', input: () => records((r) => (a(r, 'a1').hours = 0.3)), match: /0\.5/ },
  { name: '25 hours in one day', input: () => records((r) => (a(r, 'a1').hours = 25)), match: /24/ },
  { name: 'hours as text', input: () => records((r) => (a(r, 'a1').hours = '2')) },
  { name: 'hours 1e400 (Infinity)', input: () => baseText.replace('"hours":1.5', '"hours":1e400') },
  { name: 'unknown activity kind', input: () => records((r) => (a(r, 'a1').kind = 'party')) },
  { name: 'date with slashes', input: () => records((r) => (a(r, 'a1').date = '2024/03/01')) },
  { name: 'end date before start', input: () => records((r) => (a(r, 'a1').endDate = '2024-02-01')) },
  { name: 'attendees not a list', input: () => records((r) => (a(r, 'a1').attendees = 'p1')) },
  { name: 'attendee twice', input: () => records((r) => (a(r, 'a2').attendees = ['p1', 'p1'])), match: /重复/ },
  { name: 'an empty law name', input: () => records((r) => (a(r, 'a1').laws = [''])) },
  { name: 'legalTheme as text', input: () => records((r) => (a(r, 'a1').legalTheme = 'yes')) },
  { name: 'note missing', input: () => records((r) => delete a(r, 'a1').note) },
  { name: 'unknown training category', input: () => records((r) => (a(r, 'a1').category = 'sports')) },
  { name: 'unknown review state', input: () => records((r) => (a(r, 'a1').review = 'approved')) },
  { name: 'title of 600 characters', input: () => records((r) => (a(r, 'a1').title = '学'.repeat(600))) },
  { name: 'pass score 150', input: () => records((r) => (r.exams[0].passScore = 150)) },
  { name: 'excellent line under the pass line', input: () => records((r) => (r.exams[0].excellentScore = 50)) },
  { name: 'unknown exam kind', input: () => records((r) => (r.exams[0].kind = 'midterm')) },
  { name: 'exam year as text', input: () => records((r) => (r.exams[0].year = 'abc')) },
  { name: 'unknown result status', input: () => records((r) => (r.examResults[0].status = 'present')) },
  { name: 'negative score', input: () => records((r) => (r.examResults[0].score = -5)) },
  { name: 'unknown rule type', input: () => records((r) => (r.targetSets[0].rules[0].type = 'magic')) },
  { name: 'two rules with one id', input: () => records((r) => r.targetSets[0].rules.push({ ...r.targetSets[0].rules[0] })) },
  { name: 'updatedAt not a stamp', input: () => records((r) => (r.sections[0].updatedAt = '2024-01-01')), match: /时间戳/ },
  { name: 'stamp with an impossible date', input: () => records((r) => (r.sections[0].updatedAt = '2024-02-30T00:00:00.000Z_0000_dev1')) },
  { name: 'tombstone with extra fields', input: () => records((r) => (a(r, 'a4').name = 'x')) },
  { name: 'tombstone with a bad deletedAt', input: () => records((r) => (a(r, 'a4').deletedAt = 'now')) },
  { name: 'deeply nested junk (50,000 levels)', input: () => baseText.replace('"note":""', `"note":"","extra":${'['.repeat(50_000)}${']'.repeat(50_000)}`) },
  // References that exist nowhere
  { name: 'person in an unknown section', input: () => records((r) => (p(r, 'p1').sectionId = 's-nowhere')), match: /不存在的股室/ },
  { name: 'unknown attendee', input: () => records((r) => (a(r, 'a2').attendees = ['p1', 'p-nowhere'])), match: /不存在的人员/ },
  // Exam results travel in a 备份 (a 发布 carries none: its import would drop them before looking).
  { name: 'result of an unknown exam', input: () => records((r) => (r.examResults[0].examId = 'x-nowhere'), 'backup'), match: /不存在的考试/ },
  { name: 'result of an unknown person', input: () => records((r) => (r.examResults[0].personId = 'p-nowhere'), 'backup') },
  // Encryption
  { name: 'encrypted, no passphrase given', input: () => encText, status: 'needsPassphrase' },
  { name: 'wrong passphrase', input: () => encText, passphrase: 'xuefa-2025', match: /口令不正确/ },
  { name: 'tampered ciphertext', input: () => encrypted((f) => (f.encrypted.data = flip(f.encrypted.data, 10))), passphrase: PASS, match: /口令不正确，或文件已被改动/ },
  { name: 'tampered tag', input: () => encrypted((f) => (f.encrypted.data = flip(f.encrypted.data, base64ToBytes(f.encrypted.data)!.length - 1))), passphrase: PASS },
  { name: 'unit name changed in an encrypted file', input: () => encrypted((f) => (f.unit.name = '另一个局')), passphrase: PASS, match: /口令不正确/ },
  { name: 'purpose changed in an encrypted file', input: () => encrypted((f) => (f.purpose = 'backup')), passphrase: PASS },
  { name: 'iterations changed', input: () => encrypted((f) => (f.encrypted.iterations = 999)), passphrase: PASS },
  { name: 'absurd iterations', input: () => encrypted((f) => (f.encrypted.iterations = 1e9)), passphrase: PASS, match: /加密信息/ },
  { name: 'IV of the wrong length', input: () => encrypted((f) => (f.encrypted.iv = bytesToBase64(new Uint8Array(8)))), passphrase: PASS, match: /损坏/ },
  { name: 'salt not base64', input: () => encrypted((f) => (f.encrypted.salt = '***')), passphrase: PASS },
  { name: 'encrypted data missing', input: () => encrypted((f) => delete f.encrypted.data), passphrase: PASS },
  { name: 'another cipher', input: () => encrypted((f) => (f.encrypted.alg = 'AES-CBC')), passphrase: PASS },
  { name: 'valid crypto, wrong sha256 inside', input: () => encryptedPayload({ records: base.records, sha256: 'f'.repeat(64) }), passphrase: PASS, match: /校验码不符/ },
  { name: 'valid crypto, bad records inside', input: async () => encryptedPayload({ records: { ...base.records, persons: 'x' }, sha256: base.sha256 }), passphrase: PASS },
  { name: 'valid crypto, not a payload inside', input: () => encryptedPayload([1, 2, 3]), passphrase: PASS, match: /解密后/ },
  // Size
  { name: 'larger than the stated limit (text)', input: () => baseText, maxBytes: 1000, match: /文件过大/ },
  { name: 'larger than the stated limit (bytes)', input: () => new TextEncoder().encode(baseText), maxBytes: 1000, match: /文件过大/ },
  { name: 'a 101 MB Blob', input: () => new Blob([new Uint8Array(101 * 1024 * 1024)]), match: /文件过大.*100\.0 MB/ },
  // 提交 files that try to do more than submit
  { name: 'submit carrying the roster', input: () => records((r) => (r.activities = [a(r, 'a3')]), 'submit', 'p2'), match: /提交文件中只应有/ },
  { name: 'submit carrying a group session', input: submitOf([activity('g9', { kind: 'centerGroup', attendees: ['p2'] })]), match: /提交文件中只应有/ },
  { name: "submit carrying someone else's record", input: submitOf([activity('o9', { attendees: ['p1'] })]) },
  { name: 'submit without a sender', input: () => records((r) => (Object.assign(r, emptyRecords()), (r.activities = [])), 'submit', null), match: /提交人/ },
  { name: "submit overwriting the keeper's group session", input: submitOf([activity('a2', { attendees: ['p2'], updatedAt: '2030-01-01T00:00:00.000Z_0000_x' })]), match: /相同编号/ },
  // Needs the user's consent first
  { name: 'another unit without confirmation', input: () => envelope((f) => (f.unit = OTHER_UNIT)).replace(/"sha256":"[0-9a-f]+"/, `"sha256":"${base.sha256}"`), status: 'needsConfirm' },
  { name: 'a backup over data without confirmation', input: () => envelope((f) => (f.purpose = 'backup')), status: 'needsConfirm' },
]

let db: LedgerDB

beforeAll(async () => {
  base = await sampleFile({ purpose: 'publish', unit: UNIT })
  base.records!.activities.push(tomb('a5'))
  const { buildLedgerFile } = await import('@/domain/ledger/file')
  base = await buildLedgerFile({ purpose: 'publish', unit: UNIT, deviceId: 'keeper', personId: null, exportedAt: base.exportedAt, records: base.records! })
  baseText = JSON.stringify(base)
  encText = JSON.stringify(await encryptLedgerFile(base, PASS, FAST))
  db = await seededDb('hostile')
})
afterAll(closeAll)

describe('hostile and malformed files', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length)
  })

  it('the untouched base file imports (the cases fail for their own reason)', async () => {
    const other = await seededDb('control')
    expect((await importLedgerFile(other, baseText)).status).toBe('done')
    expect((await importLedgerFile(other, encText, { passphrase: PASS })).status).toBe('done')
  })

  it.each(CASES.map((c) => [c.name, c] as const))('refuses: %s', async (_name, c) => {
    const before = await dumpDb(db)
    const result = await importLedgerFile(db, await c.input(), { passphrase: c.passphrase, maxBytes: c.maxBytes })
    expect(result.status).toBe(c.status ?? 'error')
    if (result.status === 'error') {
      expect(isZhMessage(result.error), result.error).toBe(true)
      if (c.match) expect(result.error).toMatch(c.match)
    }
    expect(await dumpDb(db)).toEqual(before)
  })
})
