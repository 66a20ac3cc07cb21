/**
 * Types for every entity of the ledger. These shapes are exactly the records of
 * the ledger file (docs/spec/ledger-file.md): the database stores them as-is.
 */

/** Local calendar date `YYYY-MM-DD`. */
export type IsoDate = string
/** Hybrid-logical-clock stamp `YYYY-MM-DDTHH:mm:ss.sssZ_CCCC_DEVICE`. */
export type Stamp = string

export const ROLES = ['leader', 'enforcement'] as const
export type Role = (typeof ROLES)[number]

/** Group kinds first, then the kinds one official logs alone. `other` is 其他 (issue #3). */
export const ACTIVITY_KINDS = [
  'centerGroup',
  'collective',
  'preMeeting',
  'lecture',
  'training',
  'warning',
  'online',
  'self',
  'other',
] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export const PERSONAL_KINDS: readonly ActivityKind[] = ['self', 'online']

export const TRAINING_CATEGORIES = ['publicLaw', 'business', 'enforcementSkill'] as const
export type TrainingCategory = (typeof TRAINING_CATEGORIES)[number]

export const REVIEW_STATES = ['selfReported', 'verified', 'returned'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const EXAM_KINDS = ['annual', 'preAppointment'] as const
export type ExamKind = (typeof EXAM_KINDS)[number]

export const RESULT_STATUSES = ['taken', 'absent', 'exempt'] as const
export type ResultStatus = (typeof RESULT_STATUSES)[number]

export const TARGET_STATUSES = ['met', 'onTrack', 'behind', 'missed'] as const
export type TargetStatus = (typeof TARGET_STATUSES)[number]

export interface Unit {
  id: string
  name: string
}

/** A deleted record: it travels and stays like this forever. */
export interface Tombstone {
  id: string
  deletedAt: Stamp
  updatedAt: Stamp
}

export interface Section {
  id: string
  name: string
  order: number
  updatedAt: Stamp
}

export interface Person {
  id: string
  name: string
  sectionId: string | null
  /** 职务, e.g. 股长 */
  title: string | null
  roles: Role[]
  /** 执法证号 */
  certNo: string | null
  activeFrom: IsoDate
  /** 调出/退休 date; null while on the roster. */
  activeTo: IsoDate | null
  updatedAt: Stamp
  /**
   * Place in the roster order (ascending), e.g. the row of a pasted Excel list. Optional and absent
   * when never set (records of older versions): see model/order.ts and docs/spec/person-order.md.
   */
  order?: number
}

export interface Activity {
  id: string
  kind: ActivityKind
  title: string
  /** First day. */
  date: IsoDate
  /** Last day of a multi-day activity, null for one day. */
  endDate: IsoDate | null
  hours: number
  legalTheme: boolean
  laws: string[]
  category: TrainingCategory | null
  /** Organiser; for online study, the platform (学习强国、法宣在线…). */
  organizer: string | null
  lecturer: string | null
  attendees: string[]
  note: string
  updatedAt: Stamp
  /** Absent when the keeper entered it (docs/spec/ledger-file.md). */
  review?: ReviewState
  reviewNote?: string | null
}

export interface Exam {
  id: string
  kind: ExamKind
  year: number
  title: string
  date: IsoDate | null
  passScore: number
  excellentScore: number | null
  updatedAt: Stamp
}

export interface ExamResult {
  id: string
  examId: string
  personId: string
  status: ResultStatus
  score: number | null
  /** 免考 reason (病假、产假、借调…). */
  reason: string | null
  updatedAt: Stamp
}

export type TargetScope = 'all' | 'enforcement' | 'leader'

/**
 * 依据 of a rule: a short text the keeper can edit, and optionally the years it applies (issue #16) and
 * the year the keeper confirmed it still applies outside them. All optional: absent in older records.
 * docs/spec/basis-validity.md.
 */
export interface RuleBasis {
  basis?: string | null
  /** First year the basis applies. */
  basisFrom?: number | null
  /** Last year the basis applies (a 2023—2025 plan: 2025). */
  basisTo?: number | null
  /** The year (of the rule's target set) for which the keeper confirmed the basis applies though outside its years. */
  basisConfirmedFor?: number | null
}

export interface PersonHoursRule extends RuleBasis {
  id: string
  type: 'personHours'
  scope: TargetScope
  minHours: number
  /** Only these kinds count; null = every kind. */
  kinds: ActivityKind[] | null
  proRate: boolean
  /** Optional per-category minimums (training hours), issue #4. */
  categoryMinHours?: Partial<Record<TrainingCategory, number>> | null
}

export interface ExamParticipationRule extends RuleBasis {
  id: string
  type: 'examParticipation'
  scope: 'all'
  minRate: number
}

export interface UnitActivityCountRule extends RuleBasis {
  id: string
  type: 'unitActivityCount'
  kind: ActivityKind
  legalThemeOnly: boolean
  min: number
}

export type TargetRule = PersonHoursRule | ExamParticipationRule | UnitActivityCountRule

/**
 * How a year's hours are counted, the keeper's explicit choice that travels with the year's targets (absent: the
 * defaults of measures/counting.ts — unverified 自报 hours do not count; a day over 8 学时 asks to confirm).
 */
export interface CountingRules {
  /** Whether 自报 records not yet checked (`selfReported`) count in the figures. */
  countSelfReported: boolean
  /** One person's hours on one calendar day above this ask the user to confirm (24 is always refused). */
  dailyConfirmHours: number
}

export interface TargetSet {
  id: string
  year: number
  updatedAt: Stamp
  rules: TargetRule[]
  /** Optional (file formatVersion 2): the year's counting rules. */
  counting?: CountingRules | null
}

/** The live records of a ledger (what the domain computes over). */
export interface LedgerData {
  sections: Section[]
  persons: Person[]
  activities: Activity[]
  exams: Exam[]
  examResults: ExamResult[]
  targetSets: TargetSet[]
}

export const TABLE_NAMES = ['sections', 'persons', 'activities', 'exams', 'examResults', 'targetSets'] as const
export type TableName = (typeof TABLE_NAMES)[number]

export type StoredRecord<T> = T | Tombstone

/** Records as a ledger file carries them: live ones and tombstones. */
export interface LedgerRecords {
  sections: StoredRecord<Section>[]
  persons: StoredRecord<Person>[]
  activities: StoredRecord<Activity>[]
  exams: StoredRecord<Exam>[]
  examResults: StoredRecord<ExamResult>[]
  targetSets: StoredRecord<TargetSet>[]
}

// The ledger file's envelope, the registers and what a file's `records` holds.
export * from './file-types'

export function isTombstone<T extends object>(r: T | Tombstone): r is Tombstone {
  return 'deletedAt' in r && typeof (r as Tombstone).deletedAt === 'string'
}
