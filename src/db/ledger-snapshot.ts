/**
 * The device's whole ledger as a file would carry it, read in one transaction: records, registers, the scopes it
 * holds and the meta rows an export needs. Backups and the automatic safety backup are built from it.
 */
import type { LedgerDB } from './database'
import { getMetas } from './meta'
import { ensureDeviceId } from './clock'
import { readRecordsInTransaction } from './ledger-read'
import { fileScopesFor } from '../domain/access/file-scopes'
import { deviceHeldScopes, type HeldScope } from '../domain/access/held-scopes'
import { REGISTER_NAMES, TABLE_NAMES, type FileRecords, type FileScope, type LedgerRecords, type LedgerRegisters, type Unit } from '../domain/model/types'

export interface Snapshot {
  unit: Unit | null
  deviceId: string
  identity: string | null
  isKeeperRole: boolean
  /** The newest stamp of the last 提交 (before one was kept: its ISO time): "only what changed since" starts there. */
  lastSubmitStamp: string | null
  changesSinceBackup: number
  /**
   * The stored held scopes (without the device's own records: see `deviceHeldScopes`). A ledger that never recorded
   * them (written before schema version 4 without the upgrade, e.g. by a test) is taken to hold the whole unit, as before.
   */
  heldScopes: HeldScope[]
  records: LedgerRecords
  registers: LedgerRegisters
  /** The HLC state when read: an import refuses to write if the ledger moved since. */
  token: string
}

export function snapshotTables(db: LedgerDB) {
  return [...TABLE_NAMES.map((t) => db.table(t)), ...REGISTER_NAMES.map((t) => db.table(t)), db.meta]
}

/** Every register entry, each table in id order. Joins an open transaction. */
export async function readRegistersInTransaction(db: LedgerDB): Promise<LedgerRegisters> {
  const [reviewOutcomes, examStatuses] = await Promise.all([db.reviewOutcomes.toArray(), db.examStatuses.toArray()])
  return { reviewOutcomes, examStatuses }
}

/** Reads the snapshot (a device without an id gets one first). */
export async function readSnapshot(db: LedgerDB): Promise<Snapshot> {
  await ensureDeviceId(db)
  return db.transaction('r', snapshotTables(db), async () => {
    const keys = ['unit', 'deviceId', 'identity', 'deviceRole', 'lastSubmitAt', 'lastSubmitStamp', 'changesSinceBackup', 'heldScopes', 'hlc'] as const
    const [unit, deviceId, identity, role, lastSubmitAt, lastSubmitStamp, changes, held, hlc] = await getMetas(db, keys)
    return {
      unit: unit ?? null,
      deviceId: deviceId ?? 'unknown',
      identity: identity ?? null,
      isKeeperRole: role === 'keeper',
      lastSubmitStamp: lastSubmitStamp ?? lastSubmitAt ?? null,
      changesSinceBackup: changes ?? 0,
      heldScopes: held ?? [{ scope: { role: 'keeper' }, asOf: new Date().toISOString(), source: 'local' }],
      records: await readRecordsInTransaction(db),
      registers: await readRegistersInTransaction(db),
      token: JSON.stringify(hlc ?? null),
    }
  })
}

/** A backup of the device: every record, the registers it holds, and the scopes it holds as of the export. */
export function backupContent(snap: Snapshot, exportedAt: string): { records: FileRecords; scopes: FileScope[] } {
  const registers = REGISTER_NAMES.some((t) => snap.registers[t].length > 0) ? snap.registers : {}
  const held = deviceHeldScopes(snap.heldScopes, snap.identity, exportedAt)
  return { records: { ...snap.records, ...registers }, scopes: fileScopesFor(held, exportedAt) }
}
