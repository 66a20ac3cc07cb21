/**
 * What importing a ledger file reports, while it runs and when it is done: the shapes the import transaction
 * (src/db/ledger-apply.ts) produces and the data page shows. Plain data, no behaviour.
 */
import type { FileHeader } from './crypto'
import type { TableSummary } from './merge'
import type { FilePurpose, TableName, Unit } from '../model/types'
import type { HeldScope } from '../access/held-scopes'

export interface ImportProgress {
  phase: 'read' | 'check' | 'decrypt' | 'merge'
  /** 0..1 within the phase. */
  share: number
}

/** Per table: records added, updated, deleted, unchanged by a merge. */
export type MergeSummary = Record<TableName, TableSummary>

export interface ImportDone {
  status: 'done'
  purpose: FilePurpose
  unit: Unit
  summary: MergeSummary
  /** The empty ledger took the file's unit. */
  adoptedUnit: boolean
  safetyBackupSaved: boolean
  wasEncrypted: boolean
  /** Deletions in a 提交 file that were not the sender's records, ignored. */
  skipped: number
  /** The scopes the file held, now held by this device too (none for a 提交 file). */
  scopes: HeldScope[]
}

/** Where an import on the data page stands. */
export type ImportStep = 'idle' | 'working' | 'needsPassphrase' | 'needsConfirm' | 'done' | 'failed'

/** A question the user must answer before the import goes on. */
export interface PendingConfirm {
  kind: 'foreignUnit' | 'restore'
  header: FileHeader
  localUnit: Unit | null
}
