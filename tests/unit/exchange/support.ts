/**
 * Shared pieces of the exchange tests: complete records (every field present,
 * docs/spec/ledger-file.md), a small valid ledger, database snapshots for "exactly as
 * before" checks, and fresh databases on fake-indexeddb.
 */
import { LedgerDB } from '@/db/database'
import { setMeta } from '@/db/meta'
import { mergeRecords } from '@/db/merge-records'
import { readAllRecords } from '@/db/ledger-read'
import { recordsHash } from '@/domain/ledger/canonical'
import { buildLedgerFile } from '@/domain/ledger/file'
import type {
  Activity,
  Exam,
  ExamResult,
  LedgerFile,
  LedgerRecords,
  Person,
  Section,
  TargetSet,
  Tombstone,
  Unit,
} from '@/domain/model/types'

export const U = '2024-01-01T00:00:00.000Z_0000_dev1'
export const UNIT: Unit = { id: 'u-1', name: '某市科工贸和信息化局' }
export const OTHER_UNIT: Unit = { id: 'u-2', name: '某县司法局' }

export const stamp = (minute: number, device = 'dev1', counter = 0) =>
  `2024-01-01T00:${String(minute).padStart(2, '0')}:00.000Z_${counter.toString(16).padStart(4, '0')}_${device}`

export function section(id: string, over: Partial<Section> = {}): Section {
  return { id, name: `股室${id}`, order: 1, updatedAt: U, ...over }
}

export function person(id: string, over: Partial<Person> = {}): Person {
  return {
    id, name: `人员${id}`, sectionId: null, title: null, roles: [], certNo: null,
    activeFrom: '2020-01-01', activeTo: null, updatedAt: U, ...over,
  }
}

export function activity(id: string, over: Partial<Activity> = {}): Activity {
  return {
    id, kind: 'self', title: '自学《中华人民共和国宪法》', date: '2024-03-01', endDate: null, hours: 1.5,
    legalTheme: true, laws: ['中华人民共和国宪法'], category: null, organizer: null, lecturer: null,
    attendees: [], note: '', updatedAt: U, ...over,
  }
}

export function exam(id: string, over: Partial<Exam> = {}): Exam {
  return {
    id, kind: 'annual', year: 2024, title: '2024年度国家工作人员学法考试', date: '2024-10-20',
    passScore: 60, excellentScore: 90, updatedAt: U, ...over,
  }
}

export function examResult(id: string, examId: string, personId: string, over: Partial<ExamResult> = {}): ExamResult {
  return { id, examId, personId, status: 'taken', score: 96, reason: null, updatedAt: U, ...over }
}

export function targetSet(id: string, over: Partial<TargetSet> = {}): TargetSet {
  return {
    id, year: 2024, updatedAt: U,
    rules: [{ id: 'r1', type: 'personHours', scope: 'enforcement', minHours: 60, kinds: null, proRate: true }],
    ...over,
  }
}

export function tomb(id: string, at = U): Tombstone {
  return { id, deletedAt: at, updatedAt: at }
}

/** A small ledger touching every table, with a tombstone and a group session. */
export function sampleRecords(): LedgerRecords {
  return {
    sections: [section('s1', { name: '办公室' }), section('s2', { name: '执法一队', order: 2 })],
    persons: [
      person('p1', { name: '张三', sectionId: 's1', roles: ['leader'] }),
      person('p2', { name: '李四', sectionId: 's2', roles: ['enforcement'], certNo: '44001' }),
      person('p3', { name: '王五', sectionId: 's2' }),
    ],
    activities: [
      activity('a1', { attendees: ['p1'] }),
      activity('a2', { kind: 'centerGroup', title: '学习《行政复议法》', hours: 2, laws: ['中华人民共和国行政复议法'], organizer: '局党组', attendees: ['p1', 'p2', 'p3'] }),
      activity('a3', { kind: 'online', organizer: '学习强国', attendees: ['p2'], hours: 1 }),
      tomb('a4'),
    ],
    exams: [exam('x1')],
    examResults: [examResult('r1', 'x1', 'p1'), examResult('r2', 'x1', 'p2', { score: 58 })],
    targetSets: [targetSet('t1')],
  }
}

export async function sampleFile(over: Partial<Parameters<typeof buildLedgerFile>[0]> = {}): Promise<LedgerFile> {
  return buildLedgerFile({
    purpose: 'backup', unit: UNIT, deviceId: 'dev1', personId: null,
    exportedAt: '2024-12-12T08:00:00.000Z', records: sampleRecords(), ...over,
  })
}

let n = 0
const open: LedgerDB[] = []

/** A fresh database (closed and deleted by `closeAll`). */
export async function freshDb(label = 'x'): Promise<LedgerDB> {
  const db = new LedgerDB(`exchange-${label}-${++n}-${Math.random().toString(36).slice(2)}`)
  await db.open()
  open.push(db)
  return db
}

export async function closeAll(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close()
    await db.delete()
  }
}

/** A database holding the sample ledger of UNIT. */
export async function seededDb(label = 'seeded'): Promise<LedgerDB> {
  const db = await freshDb(label)
  await mergeRecords(db, sampleRecords(), { unit: UNIT })
  await setMeta(db, 'deviceId', `d-${label}`)
  return db
}

/** Every row of every table, meta included: "exactly as before" means this is deep-equal. */
export async function dumpDb(db: LedgerDB): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const t of db.tables) out[t.name] = await t.toArray()
  return out
}

/** True when a message is a plain zh-CN sentence (Chinese characters, no leaked programmer text). */
export function isZhMessage(s: string): boolean {
  return /[\u4e00-\u9fff]{4,}/.test(s) && !/undefined|\[object|TypeError|DOMException/.test(s)
}

/** SHA-256 of the canonical JSON of the whole ledger: equal hashes, equal ledgers. */
export async function ledgerHash(db: LedgerDB): Promise<string> {
  return recordsHash(await readAllRecords(db))
}
