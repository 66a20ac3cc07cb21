import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_MAX_BYTES,
  checkReferences,
  parseLedgerText,
  utf8ByteLength,
  validateDecryptedPayload,
  validateLedgerFile,
  validateRecords,
  verifyFileHash,
} from '../../../../src/domain/ledger/schema'
import { recordsHash } from '../../../../src/domain/ledger/canonical'
import type { LedgerRecords } from '../../../../src/domain/model/types'

const FIXTURE_TEXT = readFileSync(new URL('../../../fixtures/ledger/example-2023.xuefa.json', import.meta.url), 'utf8')
const HAN = /[\u4e00-\u9fff]/
const U = '2023-12-31T00:00:00.000Z_0000_example'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const fresh = (): Json => JSON.parse(FIXTURE_TEXT) as Json
const recs = (f: Json) => f.records as Json

function expectRejected(raw: unknown, ...fragments: string[]): string {
  const result = validateLedgerFile(raw, {})
  expect(result.ok).toBe(false)
  const error = result.ok ? '' : result.error
  expect(error).toMatch(HAN)
  for (const fragment of fragments) expect(error).toContain(fragment)
  return error
}

describe('the example file', () => {
  it('validates, and its hash verifies', async () => {
    const result = validateLedgerFile(fresh(), { byteLength: FIXTURE_TEXT.length })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.file.records?.persons).toHaveLength(5)
    expect(await verifyFileHash(result.file)).toBe(true)
    expect(checkReferences(result.file.records as LedgerRecords)).toBeNull()
  })

  it('goes through parseLedgerText', () => {
    const parsed = parseLedgerText(FIXTURE_TEXT)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(validateLedgerFile(parsed.raw, {}).ok).toBe(true)
  })

  it('detects a tampered record through the hash', async () => {
    const f = fresh()
    recs(f).activities[0].hours = 3
    const result = validateLedgerFile(f, {})
    expect(result.ok).toBe(true)
    if (result.ok) expect(await verifyFileHash(result.file)).toBe(false)
  })

  it('accepts the optional fields, tombstones and every purpose', () => {
    const f = fresh()
    f.purpose = 'submit'
    f.exportedBy.personId = 'q2'
    Object.assign(recs(f).activities[0], { review: 'returned', reviewNote: '请补充签到表' })
    Object.assign(recs(f).activities[1], { review: 'selfReported' })
    Object.assign(recs(f).targetSets[0].rules[0], { basis: '广东省规定', categoryMinHours: { publicLaw: 20 } })
    recs(f).sections.push({ id: 'gone', deletedAt: U, updatedAt: U })
    recs(f).exams[0].date = null
    recs(f).exams[0].excellentScore = null
    expect(validateLedgerFile(f, {}).ok).toBe(true)
  })

  it('accepts an encrypted file without records', () => {
    const f = fresh()
    delete f.records
    delete f.sha256
    f.encrypted = { alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations: 600000, salt: 'c2FsdA==', iv: 'aXY=', data: 'ZGF0YQ==' }
    const result = validateLedgerFile(f, {})
    expect(result.ok).toBe(true)
    if (result.ok) expect(result.file.encrypted?.iterations).toBe(600000)
  })

  it('drops unknown envelope keys from the result', () => {
    const f = fresh()
    f.comment = 'hello'
    const result = validateLedgerFile(f, {})
    expect(result.ok && 'comment' in result.file).toBe(false)
  })
})

type Mutation = [string, (f: Json) => unknown, ...string[]]

/** Each returns the raw value to validate (the mutated file unless it returns something else). */
const MALFORMED: Mutation[] = [
  ['null', () => null, '学法台账'],
  ['an array', () => [], '学法台账'],
  ['a string', () => 'xuefa-ledger'],
  ['wrong format', (f) => void (f.format = 'other-app'), '这不是学法台账文件'],
  ['no format', (f) => void delete f.format, '这不是学法台账文件'],
  ['newer formatVersion', (f) => void (f.formatVersion = 3), '更新版本', '请先更新本应用'],
  ['formatVersion as string', (f) => void (f.formatVersion = '1'), '版本号'],
  ['formatVersion 0', (f) => void (f.formatVersion = 0), '版本号'],
  ['unknown purpose', (f) => void (f.purpose = 'sync'), '用途'],
  ['no unit', (f) => void delete f.unit, '单位'],
  ['unit without name', (f) => void (f.unit = { id: 'u1', name: '' }), '单位'],
  ['bad exportedAt', (f) => void (f.exportedAt = 'yesterday'), '导出时间'],
  ['no exportedBy', (f) => void delete f.exportedBy, '导出设备'],
  ['exportedBy personId number', (f) => void (f.exportedBy.personId = 7), '导出设备'],
  ['no records and no encrypted', (f) => void delete f.records, '没有台账数据'],
  ['records and encrypted', (f) => void (f.encrypted = { alg: 'AES-GCM' }), '同时含有'],
  ['bad encrypted block', (f) => void ((f.encrypted = { alg: 'AES-CBC' }), delete f.records, delete f.sha256), '加密'],
  ['absurd iteration count', (f) => void ((f.encrypted = { alg: 'AES-GCM', kdf: 'PBKDF2-SHA256', iterations: 1e12, salt: 'a', iv: 'a', data: 'a' }), delete f.records, delete f.sha256), '加密'],
  ['no sha256', (f) => void delete f.sha256, '校验码'],
  ['upper-case or short sha256', (f) => void (f.sha256 = 'ABC'), '校验码'],
  ['records is an array', (f) => void (f.records = []), '台账数据'],
  ['missing table', (f) => void delete recs(f).examResults, '考试成绩'],
  ['unknown table', (f) => void (recs(f).photos = []), '无法识别的数据表', 'photos'],
  ['table not an array', (f) => void (recs(f).persons = {}), '人员'],
  ['record not an object', (f) => void (recs(f).sections[1] = 'x'), '股室第 2 条'],
  ['record is null', (f) => void (recs(f).persons[0] = null), '人员第 1 条'],
  ['empty id', (f) => void (recs(f).sections[0].id = ''), '股室第 1 条', '编号', '不能为空'],
  ['numeric id', (f) => void (recs(f).persons[0].id = 5), '人员第 1 条', '编号'],
  ['id too long', (f) => void (recs(f).sections[0].id = 'x'.repeat(201)), '编号', '过长'],
  ['duplicate id', (f) => void (recs(f).persons[1].id = 'q1'), '相同的编号', 'q1'],
  ['missing nullable field', (f) => void delete recs(f).persons[2].certNo, '人员第 3 条', 'q3', '缺少「执法证号」'],
  ['missing endDate', (f) => void delete recs(f).activities[0].endDate, '学习记录第 1 条', '缺少「结束日期」'],
  ['unknown record key', (f) => void (recs(f).persons[0].age = 40), '无法识别的字段「age」'],
  ['title as a number', (f) => void (recs(f).persons[0].title = 3), '职务'],
  ['unknown role', (f) => void (recs(f).persons[0].roles = ['boss']), '身份', 'boss'],
  ['roles not an array', (f) => void (recs(f).persons[0].roles = 'leader'), '身份', '列表'],
  ['bad activeFrom', (f) => void (recs(f).persons[0].activeFrom = '2023-02-29'), '调入日期', '有效的日期'],
  ['activeTo before activeFrom', (f) => void (recs(f).persons[3].activeTo = '2011-12-31'), '调出日期', '早于'],
  ['unknown activity kind', (f) => void (recs(f).activities[0].kind = 'party'), '学习记录第 1 条', '类型', 'party'],
  ['bad activity date', (f) => void (recs(f).activities[0].date = '2023-13-01'), '日期'],
  ['date in wrong format', (f) => void (recs(f).activities[0].date = '2023-3-1'), '日期'],
  ['endDate before date', (f) => void (recs(f).activities[2].endDate = '2023-05-07'), '结束日期', '早于'],
  ['zero hours', (f) => void (recs(f).activities[0].hours = 0), '学时', '大于 0'],
  ['negative hours', (f) => void (recs(f).activities[0].hours = -2), '学时'],
  ['hours not a multiple of 0.5', (f) => void (recs(f).activities[0].hours = 1.3), '学时', '0.5'],
  ['hours as a string', (f) => void (recs(f).activities[0].hours = '2'), '学时', '数字'],
  ['over 24 hours a day', (f) => void (recs(f).activities[0].hours = 24.5), '学时', '24'],
  ['over 24 hours a day over 3 days', (f) => void (recs(f).activities[2].hours = 72.5), '学时', '共 3 天'],
  ['legalTheme as string', (f) => void (recs(f).activities[0].legalTheme = 'yes'), '法治专题'],
  ['laws with an empty title', (f) => void (recs(f).activities[0].laws = ['']), '学习内容'],
  ['unknown category', (f) => void (recs(f).activities[2].category = 'sports'), '培训类别'],
  ['attendee not a string', (f) => void (recs(f).activities[0].attendees = [1]), '参加人员', '第 1 项'],
  ['duplicate attendee', (f) => void (recs(f).activities[0].attendees = ['q1', 'q1']), '参加人员', '重复'],
  ['unknown review state', (f) => void (recs(f).activities[0].review = 'approved'), '审核状态'],
  ['bad updatedAt stamp', (f) => void (recs(f).activities[0].updatedAt = '2023-12-31'), '修改时间'],
  ['upper-case hex stamp', (f) => void (recs(f).sections[0].updatedAt = '2023-12-31T00:00:00.000Z_00AF_x'), '修改时间'],
  ['unknown exam kind', (f) => void (recs(f).exams[0].kind = 'quiz'), '考试第 1 条', '考试类型'],
  ['score over 100', (f) => void (recs(f).examResults[0].score = 101), '考试成绩第 1 条', '成绩', '100'],
  ['negative score', (f) => void (recs(f).examResults[0].score = -1), '成绩'],
  ['pass score over 100', (f) => void (recs(f).exams[0].passScore = 120), '合格分数线'],
  ['excellent below pass', (f) => void (recs(f).exams[0].excellentScore = 50), '优秀分数线'],
  ['exam year not integer', (f) => void (recs(f).exams[0].year = 2023.5), '年度'],
  ['unknown result status', (f) => void (recs(f).examResults[0].status = 'late'), '参考情况'],
  ['unknown rule type', (f) => void (recs(f).targetSets[0].rules[0].type = 'magic'), '考核指标第 1 条', '指标规则'],
  ['rule missing minHours', (f) => void delete recs(f).targetSets[0].rules[0].minHours, '指标规则」第 1 项缺少「最低学时」'],
  ['negative minHours', (f) => void (recs(f).targetSets[0].rules[0].minHours = -1), '最低学时'],
  ['minRate over 1', (f) => void (recs(f).targetSets[0].rules[1].minRate = 100), '最低参考率'],
  ['unknown kind in rule', (f) => void (recs(f).targetSets[0].rules[2].kind = 'party'), '类型'],
  ['unknown key in rule', (f) => void (recs(f).targetSets[0].rules[3].extra = 1), '无法识别的字段「extra」'],
  ['duplicate rule ids', (f) => void (recs(f).targetSets[0].rules[1].id = 'h'), '相同的编号'],
  ['bad categoryMinHours key', (f) => void (recs(f).targetSets[0].rules[0].categoryMinHours = { sports: 1 }), '无法识别的字段「sports」'],
  ['tombstone with extra field', (f) => void recs(f).sections.push({ id: 'z', deletedAt: U, updatedAt: U, name: 'x' }), '已删除的记录', '无法识别的字段「name」'],
  ['tombstone without updatedAt', (f) => void recs(f).sections.push({ id: 'z', deletedAt: U }), '已删除的记录', '修改时间'],
  ['tombstone with a bad deletedAt', (f) => void recs(f).sections.push({ id: 'z', deletedAt: 'now', updatedAt: U }), '删除时间'],
  ['__proto__ key in a record', (f) => JSON.parse(JSON.stringify(f).replace('"name":"办公室"', '"name":"办公室","__proto__":{"isAdmin":true}')), '__proto__'],
  ['__proto__ key in the envelope', (f) => JSON.parse(JSON.stringify(f).replace('"format"', '"__proto__":{},"format"')), '__proto__'],
  ['constructor key deep inside', (f) => void (recs(f).targetSets[0].rules[0].constructor = {}), 'constructor'],
  ['prototype key in the unit', (f) => void (f.unit.prototype = 1), 'prototype'],
]

describe('malformed files', () => {
  it('has at least 40 cases', () => {
    expect(MALFORMED.length).toBeGreaterThanOrEqual(40)
  })

  it.each(MALFORMED)('rejects %s with a zh-CN message', (_name, mutate, ...fragments) => {
    const f = fresh()
    const replaced = mutate(f)
    expectRejected(replaced === undefined ? f : replaced, ...fragments)
  })

  it('says what to do in every record-level message', () => {
    const f = fresh()
    recs(f).activities[3].hours = 0
    const error = expectRejected(f, '学习记录第 4 条', 'c4')
    expect(error).toMatch(/请.*重新导出/)
  })

  it('rejects an oversized file by its stated byte length', () => {
    const result = validateLedgerFile(fresh(), { byteLength: 70 * 1024 * 1024 })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toContain('文件过大（70.0 MB）')
    expect(validateLedgerFile(fresh(), { byteLength: 2000, maxBytes: 1000 }).ok).toBe(false)
    expect(validateLedgerFile(fresh(), { byteLength: 1000, maxBytes: 1000 }).ok).toBe(true)
  })

  it('accepts the 64 MB the contract promises', () => {
    expect(DEFAULT_MAX_BYTES).toBeGreaterThanOrEqual(64_000_000)
    expect(validateLedgerFile(fresh(), { byteLength: 64_000_000 }).ok).toBe(true)
  })
})

describe('parseLedgerText', () => {
  const rejects = (text: string, fragment: string, maxBytes?: number) => {
    const result = parseLedgerText(text, maxBytes)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error).toMatch(HAN)
      expect(result.error).toContain(fragment)
    }
  }

  it('rejects empty and blank text', () => {
    rejects('', '空')
    rejects('  \n\t ', '空')
    rejects('\uFEFF', '空')
  })

  it('rejects text that is not JSON, such as a truncated file', () => {
    rejects(FIXTURE_TEXT.slice(0, FIXTURE_TEXT.length / 2), '截断')
    rejects('<html>not a ledger</html>', 'JSON')
    rejects('{"format": "xuefa-ledger",}', 'JSON')
  })

  it('rejects oversized text, counting UTF-8 bytes', () => {
    rejects('{"a":"' + 'x'.repeat(2000) + '"}', '文件过大', 1000)
    // 400 Chinese characters are 1200 UTF-8 bytes.
    rejects(JSON.stringify('中'.repeat(400)), '文件过大', 1000)
    expect(parseLedgerText(JSON.stringify('中'.repeat(300)), 1000).ok).toBe(true)
  })

  it('tolerates a leading byte-order mark', () => {
    const result = parseLedgerText('\uFEFF' + FIXTURE_TEXT)
    expect(result.ok).toBe(true)
    if (result.ok) expect(validateLedgerFile(result.raw, {}).ok).toBe(true)
  })

  it('leaves non-ledger JSON to validateLedgerFile', () => {
    const result = parseLedgerText('[1,2,3]')
    expect(result.ok).toBe(true)
    if (result.ok) expectRejected(result.raw, '这不是学法台账文件')
  })

  it('counts UTF-8 bytes like TextEncoder', () => {
    for (const s of ['', 'abc', '办公室', 'é', '😀', 'a😀b中', '\ud800x']) {
      expect(utf8ByteLength(s), s).toBe(new TextEncoder().encode(s).length)
    }
  })
})

describe('validateRecords', () => {
  it('accepts the records of the spec\'s test vector', () => {
    const V = '2024-01-01T00:00:00.000Z_0000_dev1'
    const records = {
      sections: [{ id: 's1', name: '办公室', order: 1, updatedAt: V }],
      persons: [
        { id: 'p1', name: '张三', sectionId: 's1', title: null, roles: ['enforcement'], certNo: null, activeFrom: '2020-01-01', activeTo: null, updatedAt: V },
      ],
      activities: [
        { id: 'a1', kind: 'self', title: '自学《中华人民共和国宪法》', date: '2024-03-01', endDate: null, hours: 1.5, legalTheme: true, laws: ['中华人民共和国宪法'], category: null, organizer: null, lecturer: null, attendees: ['p1'], note: '', updatedAt: V },
        { id: 'a2', deletedAt: V, updatedAt: V },
      ],
      exams: [],
      examResults: [],
      targetSets: [],
    }
    const result = validateRecords(records)
    expect(result.ok).toBe(true)
  })

  it('rejects forbidden keys and bad records on its own', () => {
    const withProto = JSON.parse('{"__proto__":{},"sections":[]}') as unknown
    const a = validateRecords(withProto)
    expect(a.ok).toBe(false)
    if (!a.ok) expect(a.error).toContain('__proto__')
    const b = validateRecords({ ...recs(fresh()), sections: [{ id: 'x' }] })
    expect(b.ok).toBe(false)
    if (!b.ok) expect(b.error).toMatch(HAN)
  })

  it('checks a decrypted payload', async () => {
    const f = fresh()
    const ok = validateDecryptedPayload({ records: f.records, sha256: f.sha256 })
    expect(ok.ok).toBe(true)
    if (ok.ok) expect(await recordsHash(ok.payload.records)).toBe(ok.payload.sha256)
    const bad = validateDecryptedPayload({ records: f.records })
    expect(bad.ok).toBe(false)
    const notLedger = validateDecryptedPayload('hello')
    expect(notLedger.ok).toBe(false)
    if (!notLedger.ok) expect(notLedger.error).toMatch(HAN)
  })
})

describe('checkReferences', () => {
  const valid = (mutate: (r: Json) => void) => {
    const f = fresh()
    mutate(recs(f))
    const result = validateLedgerFile(f, {})
    expect(result.ok).toBe(true)
    return (result.ok ? result.file.records : null) as LedgerRecords
  }

  it('names the table and both ids of a dangling attendee', () => {
    const records = valid((r) => r.activities[0].attendees.push('p404'))
    const error = checkReferences(records)
    expect(error).toContain('文件中的学习记录')
    expect(error).toContain('引用了不存在的人员（id: p404）')
    expect(error).toContain('文件可能不完整或已损坏')
  })

  it('catches a dangling section, exam and exam person', () => {
    expect(checkReferences(valid((r) => (r.persons[0].sectionId = 'nowhere')))).toContain('不存在的股室（id: nowhere）')
    expect(checkReferences(valid((r) => (r.examResults[0].examId = 'x9')))).toContain('考试成绩（id: r1）引用了不存在的考试（id: x9）')
    expect(checkReferences(valid((r) => (r.examResults[1].personId = 'ghost')))).toContain('不存在的人员（id: ghost）')
  })

  it('resolves references to tombstones in the file', () => {
    const records = valid((r) => {
      r.persons.push({ id: 'old', deletedAt: U, updatedAt: U })
      r.activities[0].attendees.push('old')
    })
    expect(checkReferences(records)).toBeNull()
  })

  it('resolves references to ids already in the ledger', () => {
    const records = valid((r) => {
      r.persons = [r.persons[0]]
      r.persons[0].sectionId = 'known-section'
      r.sections = []
      r.exams = []
    })
    expect(checkReferences(records)).not.toBeNull()
    const existing = {
      sectionIds: new Set(['known-section']),
      personIds: new Set(['q2', 'q3', 'q4', 'q5']),
      examIds: new Set(['x1']),
    }
    expect(checkReferences(records, existing)).toBeNull()
  })

  it('ignores what tombstones used to point at', () => {
    const records = valid((r) => {
      r.activities = [{ id: 'c1', deletedAt: U, updatedAt: U }]
    })
    expect(checkReferences(records)).toBeNull()
  })
})
