/**
 * The ledger file as the glossary names it (docs/spec/ledger-file.md, docs/spec/ledger-file-v2.md): its purposes,
 * the registers that travel beside the records (docs/spec/scopes.md), the scopes a file states, the envelope.
 * Re-exported by types.ts.
 */
import type { IsoDate, LedgerRecords, ResultStatus, ReviewState, Stamp, StoredRecord, Unit } from './types'

/** `section` (股室文件, formatVersion 2): the keeper → one section head. */
export type FilePurpose = 'backup' | 'publish' | 'section' | 'submit'

export interface EncryptedPayload {
  alg: 'AES-GCM'
  kdf: 'PBKDF2-SHA256'
  iterations: number
  salt: string
  iv: string
  data: string
}

/**
 * The part of a self-reported record that travels to everyone (the 发布 file): its review outcome, keyed by the
 * record's id and stamped with the record's own `updatedAt`. It tells nothing to a phone that does not hold the
 * record, and it lives in a register of its own, never in `activities` (docs/spec/scopes.md).
 */
export interface ReviewOutcome {
  id: string
  review: ReviewState
  reviewNote: string | null
  updatedAt: Stamp
}

/** A person's exam status without the score (or the 免考 reason), keyed and stamped like its exam result. */
export interface ExamStatus {
  id: string
  examId: string
  personId: string
  status: ResultStatus
  updatedAt: Stamp
}

export const REGISTER_NAMES = ['reviewOutcomes', 'examStatuses'] as const
export type RegisterName = (typeof REGISTER_NAMES)[number]

/** The registers a file (formatVersion 2) or a device may hold beside the records. */
export interface LedgerRegisters {
  reviewOutcomes: StoredRecord<ReviewOutcome>[]
  examStatuses: StoredRecord<ExamStatus>[]
}

/**
 * Per person, a digest of the ids of her personal records the keeper holds (dated from `from`): her phone can tell
 * whether it holds them all without learning anything about anyone (access/own-records.ts).
 */
export interface OwnRecordDigest {
  /** The person's id. */
  id: string
  digest: string
  from: IsoDate
}

/** What a file's `records` holds: the record tables, and from formatVersion 2 the registers and the digests. */
export type FileRecords = LedgerRecords & Partial<LedgerRegisters> & { ownRecordDigests?: OwnRecordDigest[] }

/** A scope as a file states it (formatVersion 2): whose data the file holds complete, and as of when. */
export interface FileScope {
  /** The access scope (domain/access/scope.ts `Scope`), kept as plain data here. */
  scope: { role: string; personId?: string | null; sectionIds?: string[] }
  /** ISO instant. */
  asOf: string
}

export interface LedgerFile {
  format: 'xuefa-ledger'
  formatVersion: 1 | 2
  purpose: FilePurpose
  unit: Unit
  exportedAt: string
  exportedBy: { deviceId: string; personId: string | null }
  /** formatVersion 2: the scopes the records hold complete (a 提交 file states none). */
  scopes?: FileScope[]
  records?: FileRecords
  sha256?: string
  encrypted?: EncryptedPayload
}
