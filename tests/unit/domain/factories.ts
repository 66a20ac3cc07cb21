/**
 * Small record factories for domain tests: every field present (docs/spec/ledger-file.md),
 * sensible defaults, overrides by spread.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type {
  Activity,
  Exam,
  ExamResult,
  LedgerData,
  LedgerFile,
  Person,
  PersonHoursRule,
  Section,
  TargetRule,
  TargetSet,
} from '../../../src/domain/model/types'
import { isTombstone } from '../../../src/domain/model/types'

export const STAMP = '2024-01-01T00:00:00.000Z_0000_test'

let seq = 0
export function nextId(prefix = 'id'): string {
  seq += 1
  return `${prefix}${seq}`
}

export function section(over: Partial<Section> = {}): Section {
  return { id: nextId('s'), name: '办公室', order: 1, updatedAt: STAMP, ...over }
}

export function person(over: Partial<Person> = {}): Person {
  return {
    id: nextId('p'),
    name: '张三',
    sectionId: null,
    title: null,
    roles: [],
    certNo: null,
    activeFrom: '2000-01-01',
    activeTo: null,
    updatedAt: STAMP,
    ...over,
  }
}

export function enforcer(over: Partial<Person> = {}): Person {
  return person({ roles: ['enforcement'], ...over })
}

export function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: nextId('a'),
    kind: 'self',
    title: '自学',
    date: '2023-03-01',
    endDate: null,
    hours: 1,
    legalTheme: false,
    laws: [],
    category: null,
    organizer: null,
    lecturer: null,
    attendees: [],
    note: '',
    updatedAt: STAMP,
    ...over,
  }
}

export function exam(over: Partial<Exam> = {}): Exam {
  return {
    id: nextId('x'),
    kind: 'annual',
    year: 2023,
    title: '年度学法考试',
    date: '2023-11-15',
    passScore: 60,
    excellentScore: 90,
    updatedAt: STAMP,
    ...over,
  }
}

export function result(examId: string, personId: string, over: Partial<ExamResult> = {}): ExamResult {
  return {
    id: nextId('r'),
    examId,
    personId,
    status: 'taken',
    score: 80,
    reason: null,
    updatedAt: STAMP,
    ...over,
  }
}

export function hoursRule(over: Partial<PersonHoursRule> = {}): PersonHoursRule {
  return {
    id: nextId('rule'),
    type: 'personHours',
    scope: 'enforcement',
    minHours: 60,
    kinds: null,
    proRate: true,
    ...over,
  }
}

export function targetSet(year: number, rules: TargetRule[]): TargetSet {
  return { id: nextId('t'), year, updatedAt: STAMP, rules }
}

export function ledger(over: Partial<LedgerData> = {}): LedgerData {
  return { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [], ...over }
}

const here = dirname(fileURLToPath(import.meta.url))
export const LEDGER_FIXTURES = resolve(here, '../../fixtures/ledger')

/** A ledger file's live records (tombstones filtered out). */
export function loadLedgerFile(path: string): LedgerData {
  const file = JSON.parse(readFileSync(path, 'utf8')) as LedgerFile
  const r = file.records!
  return {
    sections: r.sections.filter((x) => !isTombstone(x)) as Section[],
    persons: r.persons.filter((x) => !isTombstone(x)) as Person[],
    activities: r.activities.filter((x) => !isTombstone(x)) as Activity[],
    exams: r.exams.filter((x) => !isTombstone(x)) as Exam[],
    examResults: r.examResults.filter((x) => !isTombstone(x)) as ExamResult[],
    targetSets: r.targetSets.filter((x) => !isTombstone(x)) as TargetSet[],
  }
}

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T
}
