// Building files per purpose (docs/spec/ledger-file.md), the merge oracle, file names, passphrase strength.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  buildLedgerFile,
  emptyRecords,
  ledgerFileName,
  mergeRecordSets,
  selectForPublish,
  selectForSubmit,
} from '@/domain/ledger/file'
import { passphraseProblem } from '@/domain/ledger/crypto'
import { markSelfReported, submitContentsProblem } from '@/domain/ledger/import-check'
import { validateLedgerFile, verifyFileHash } from '@/domain/ledger/schema'
import { recordsHash } from '@/domain/ledger/canonical'
import type { LedgerRecords } from '@/domain/model/types'
import { activity, person, sampleRecords, section, stamp, tomb, UNIT } from './support'

describe('buildLedgerFile', () => {
  it('hashes the spec\'s test vector to the published sha256', async () => {
    const records: LedgerRecords = {
      ...emptyRecords(),
      sections: [section('s1', { name: '办公室' })],
      persons: [person('p1', { name: '张三', sectionId: 's1', roles: ['enforcement'] })],
      activities: [activity('a1', { attendees: ['p1'] }), tomb('a2')],
    }
    const file = await buildLedgerFile({ purpose: 'backup', unit: UNIT, deviceId: 'dev1', personId: null, exportedAt: '2024-12-12T08:00:00.000Z', records })
    expect(file.sha256).toBe('c9e428e6b284852d6c63dc29b0d580f160cb8abc3d93ea58fdd0812e15605f73')
    expect(Object.keys(file)).toEqual(['format', 'formatVersion', 'purpose', 'unit', 'exportedAt', 'exportedBy', 'records', 'sha256'])
    expect(validateLedgerFile(JSON.parse(JSON.stringify(file))).ok).toBe(true)
    expect(await verifyFileHash(file)).toBe(true)
  })

  it('sorts each table by id so one state has one hash', async () => {
    const a = sampleRecords()
    const b = { ...a, persons: [...a.persons].reverse(), activities: [...a.activities].reverse() }
    const fa = await buildLedgerFile({ purpose: 'backup', unit: UNIT, deviceId: 'd', personId: null, exportedAt: '2024-01-01T00:00:00.000Z', records: a })
    const fb = await buildLedgerFile({ purpose: 'backup', unit: UNIT, deviceId: 'd', personId: null, exportedAt: '2024-01-01T00:00:00.000Z', records: b })
    expect(fa.sha256).toBe(fb.sha256)
    expect(fa.records!.persons.map((p) => p.id)).toEqual(['p1', 'p2', 'p3'])
  })
})

describe('selectForPublish / selectForSubmit', () => {
  it('publishes roster, group sessions, exams and targets, every tombstone, and each exam status without a score', () => {
    const r = sampleRecords()
    const pub = selectForPublish(r, { today: '2024-12-12', exportedAt: '2024-12-12T08:00:00.000Z' })
    expect(pub.activities.map((a) => a.id)).toEqual(['a2', 'a4'])
    expect(pub.persons).toHaveLength(3)
    expect(pub.examResults).toHaveLength(0)
    expect(pub.examStatuses?.map((s) => ('status' in s ? `${s.personId}:${s.status}` : s.id))).toEqual(['p1:taken', 'p2:taken'])
    expect(JSON.stringify(pub)).not.toMatch(/"score"/)
    expect(pub.targetSets).toHaveLength(1)
    expect(pub.sections).toHaveLength(2)
  })

  it("submits only the person's own self/online records, since a stamp, and this device's deletions", () => {
    const r = sampleRecords()
    r.activities.push(
      activity('a5', { kind: 'self', attendees: ['p2', 'p3'] }),
      activity('a6', { kind: 'online', attendees: ['p2'], updatedAt: stamp(30, 'phone') }),
      tomb('a7', stamp(31, 'phone')),
      tomb('a8', stamp(32, 'keeper')),
    )
    expect(selectForSubmit(r, 'p2').activities.map((a) => a.id)).toEqual(['a3', 'a4', 'a6', 'a7', 'a8'])
    expect(selectForSubmit(r, 'p2', { deviceId: 'phone' }).activities.map((a) => a.id)).toEqual(['a3', 'a6', 'a7'])
    expect(selectForSubmit(r, 'p2', { since: '2024-01-01T00:10:00.000Z', deviceId: 'phone' }).activities.map((a) => a.id)).toEqual(['a6', 'a7'])
    const sub = selectForSubmit(r, 'p2')
    expect(sub.persons).toEqual([])
    expect(submitContentsProblem(selectForSubmit(r, 'p2'), 'p2')).toBeNull()
    expect(submitContentsProblem(r, 'p2')).toMatch(/提交文件中只应有/)
    expect(submitContentsProblem(sub, null)).toMatch(/没有注明提交人/)
  })

  it('marks every live activity of a submit file as 自报', () => {
    const r = { ...emptyRecords(), activities: [activity('a1', { attendees: ['p1'], review: 'verified' }), tomb('a2'), activity('a3', { attendees: ['p1'] })] }
    const marked = markSelfReported(r).activities
    expect(marked.map((a) => ('review' in a ? a.review : 'tomb'))).toEqual(['selfReported', 'tomb', 'selfReported'])
  })
})

// A stamp names one edit, so equal stamps carry equal content: derive the content from the stamp.
const recordArb = fc
  .record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minute: fc.integer({ min: 0, max: 59 }), device: fc.constantFrom('d1', 'd2', 'd3') })
  .map((r) => ({ ...r, deleted: (r.minute + r.id.charCodeAt(0)) % 4 === 0, hours: 1 + ((r.minute * 7 + r.device.charCodeAt(1)) % 8) }))
const setArb = fc.array(recordArb, { maxLength: 8 }).map((rs): LedgerRecords => {
  const seen = new Set<string>()
  const acts = rs
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .map((r) => (r.deleted ? tomb(r.id, stamp(r.minute, r.device)) : activity(r.id, { hours: r.hours, updatedAt: stamp(r.minute, r.device) })))
  return { ...emptyRecords(), activities: acts }
})

describe('mergeRecordSets (the oracle)', () => {
  it('is commutative, associative and idempotent', async () => {
    await fc.assert(
      fc.asyncProperty(setArb, setArb, setArb, async (a, b, c) => {
        const h = (x: LedgerRecords) => recordsHash(x)
        expect(await h(mergeRecordSets(a, b))).toBe(await h(mergeRecordSets(b, a)))
        expect(await h(mergeRecordSets(mergeRecordSets(a, b), c))).toBe(await h(mergeRecordSets(a, mergeRecordSets(b, c))))
        const ab = mergeRecordSets(a, b)
        expect(await h(mergeRecordSets(ab, ab))).toBe(await h(ab))
        expect(await h(mergeRecordSets(ab, a))).toBe(await h(ab))
      }),
      { numRuns: 150 },
    )
  })

  it('keeps per id the greatest stamp, a tombstone included', () => {
    const a = { ...emptyRecords(), activities: [activity('x', { updatedAt: stamp(1) })] }
    const b = { ...emptyRecords(), activities: [tomb('x', stamp(2))] }
    expect(mergeRecordSets(a, b).activities).toEqual([tomb('x', stamp(2))])
    expect(mergeRecordSets(b, a).activities).toEqual([tomb('x', stamp(2))])
  })
})

describe('ledgerFileName', () => {
  it('names files by purpose, unit and local date', () => {
    expect(ledgerFileName('backup', '某市科工贸和信息化局', '2024-12-12')).toBe('学法台账-备份-某市科工贸和信息化局-20241212.xuefa.json')
    expect(ledgerFileName('publish', '某局', '2024-01-05')).toBe('学法台账-发布-某局-20240105.xuefa.json')
    expect(ledgerFileName('submit', '某局', '2024-01-05', '张三')).toBe('学法台账-提交-某局-张三-20240105.xuefa.json')
    expect(ledgerFileName('backup', 'a/b:c* d', '2024-01-05')).toBe('学法台账-备份-abcd-20240105.xuefa.json')
  })
})

describe('passphraseProblem', () => {
  it('asks for 8 characters and two character classes', () => {
    expect(passphraseProblem('')).toMatch(/请输入口令/)
    expect(passphraseProblem('Ab1')).toMatch(/太短/)
    expect(passphraseProblem('abcdefgh')).toMatch(/太简单/)
    expect(passphraseProblem('12345678')).toMatch(/太简单/)
    expect(passphraseProblem('aaaaaaa1')).toMatch(/重复/)
    expect(passphraseProblem('xuefa2024')).toBeNull()
    expect(passphraseProblem('学法台账口令2024')).toBeNull()
    expect(passphraseProblem('Correct horse')).toBeNull()
  })
})
