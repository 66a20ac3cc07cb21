/**
 * The one Dexie class of the ledger. Every shipped `version()` stays here
 * forever with its upgrade; never edit a shipped block, add a new one.
 * Tests open every old version from a fixture and upgrade it (tests/unit/db).
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type {
  Activity,
  Exam,
  ExamResult,
  ExamStatus,
  Person,
  ReviewOutcome,
  Section,
  Stamp,
  StoredRecord,
  TableName,
  TargetSet,
} from '../domain/model/types'
import { upgradeToV4 } from './upgrade-v4'

export const DB_NAME = 'xuefa-ledger'

/** One key/value row of device-local state (unit, device id, HLC, backup time, settings). */
export interface MetaRow {
  key: string
  value: unknown
}

/**
 * Version 1 indexes, chosen for the queries the app makes:
 * - activities `date`: the report reads a year with one range read;
 * - activities `[kind+date]`: counts of one kind in a year;
 * - activities `*attendees`: one person's records (multiEntry: a group session is stored once);
 * - examResults `[examId+personId]`: the result-entry pad; `personId` for "my exam".
 * Tombstones carry no `date`/`examId`, so IndexedDB leaves them out of those indexes.
 */
export const SCHEMA_V1 = {
  sections: 'id',
  persons: 'id, sectionId',
  activities: 'id, date, [kind+date], *attendees',
  exams: 'id, year',
  examResults: 'id, examId, personId, [examId+personId]',
  targetSets: 'id, year',
  meta: 'key',
} as const

/**
/**
 * Version 2 (issue #16) adds activities `review`: the keeper's 首页 counts the 自报 records waiting for
 * review, and 自报审核 lists them, through it instead of a scan of every activity. Only records that carry a
 * review state (those that came in a 提交 file) are in it. No upgrade function: IndexedDB builds the
 * index from the stored rows while the version changes.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  activities: 'id, date, [kind+date], *attendees, review',
} as const

/**
 * Version 3 (live sync) adds `outbox`: one row per record changed on this device (or merged in from a file)
 * that the sync service has not yet confirmed, keyed `table/id`. Written in the same transaction as the change;
 * never read on the save path.
 */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  outbox: 'key',
} as const

/**
 * Version 4 (issue 15): the registers that travel to everyone beside the records (domain/access/registers.ts),
 * each read by id; exam statuses also by person ("my exam"). The upgrade writes the `heldScopes` meta row
 * (upgrade-v4.ts).
 */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  reviewOutcomes: 'id',
  examStatuses: 'id, personId',
} as const

/** The whole schema of each version (every SCHEMA_Vn is a full snapshot; a migration fixture exists for each). */
export const SCHEMAS = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4 } as const

/** The schema of the newest version (what a fresh database gets). */
export const SCHEMA_CURRENT = SCHEMA_V4

/** Every version() this class declares (tests/fixtures/db has a fixture for each). */
export const SCHEMA_VERSIONS = [1, 2, 3, 4] as const

/** A record the sync service has not yet confirmed. */
export interface OutboxRow {
  /** `table/id` */
  key: string
  table: TableName
  id: string
  /** The record's `updatedAt` when it was queued: a later edit re-queues it. */
  updatedAt: Stamp
}

export class LedgerDB extends Dexie {
  sections!: Table<StoredRecord<Section>, string>
  persons!: Table<StoredRecord<Person>, string>
  activities!: Table<StoredRecord<Activity>, string>
  exams!: Table<StoredRecord<Exam>, string>
  examResults!: Table<StoredRecord<ExamResult>, string>
  targetSets!: Table<StoredRecord<TargetSet>, string>
  meta!: EntityTable<MetaRow, 'key'>
  outbox!: EntityTable<OutboxRow, 'key'>
  reviewOutcomes!: Table<StoredRecord<ReviewOutcome>, string>
  examStatuses!: Table<StoredRecord<ExamStatus>, string>

  /**
   * Strict durability: a commit resolves only once the data reached disk, so 已保存 is true even if
   * the phone dies right after. It costs one flush per transaction, not per row.
   * No liveQuery cache: the app's live queries are few and small, and Dexie's shared cache of their
   * results, kept up to date on every commit, made the quick log's slowest saves slower at 4× CPU
   * (docs/PERFORMANCE.md, quick log).
   */
  constructor(name: string = DB_NAME, options: ConstructorParameters<typeof Dexie>[1] = {}) {
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled', ...options })
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2)
    this.version(3).stores(SCHEMA_V3)
    this.version(4).stores(SCHEMA_V4).upgrade(upgradeToV4)
  }
}

/** The record tables (everything but meta), in file order. */
export function recordTables(db: LedgerDB) {
  return [db.sections, db.persons, db.activities, db.exams, db.examResults, db.targetSets] as const
}
