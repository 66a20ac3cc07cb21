/**
 * The sync protocol's shapes and limits (docs/spec/sync-api.md), shared by the service (server/) and the app
 * (src/sync/). Records travel exactly as the ledger file carries them (live records and tombstones, HLC-stamped).
 */
import type { LedgerRecords, TableName, Unit } from '../model/types'
import type { Scope } from '../access/scope'

/** Records in one push, and in one pull page unless the device asks for more: about 0.5–1 MB of JSON. */
export const MAX_BATCH_RECORDS = 2000
/**
 * The most records a device may ask for in one pull page (`limit`): about 3–4 MB of JSON. The app asks for this
 * many: a first full download then takes 5× fewer requests and IndexedDB transactions (docs/PERFORMANCE.md).
 */
export const MAX_PULL_RECORDS = 10_000
/** The largest body the service reads (413 above it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024
/** A stamp further ahead of the service's clock than this is refused (a phone whose date is wrong). */
export const MAX_CLOCK_AHEAD_MS = 3 * 24 * 60 * 60 * 1000
/** How long an invitation stays open unless the keeper says otherwise. */
export const DEFAULT_INVITATION_HOURS = 72
export const MAX_INVITATION_HOURS = 30 * 24

/** The role a device holds on the service. */
export type DeviceRole = 'keeper' | 'sectionHead' | 'official' | 'county'
export const DEVICE_ROLES: readonly DeviceRole[] = ['keeper', 'sectionHead', 'official', 'county']
/** Roles a keeper can invite a person to. */
export type InvitedRole = Exclude<DeviceRole, 'county'>
export const INVITED_ROLES: readonly InvitedRole[] = ['official', 'sectionHead', 'keeper']

/** What the service answers on enrollment: the token is shown once and kept only on the device. */
export interface Enrollment {
  token: string
  deviceId: string
  role: DeviceRole
  unit: Unit | null
  personId: string | null
  sectionIds: string[]
}

export type RecordBatch = Partial<Record<TableName, LedgerRecords[TableName]>>

export interface PushRequest {
  /** The device's own id for the batch (logs only: the merge rule makes a repeated batch a no-op). */
  batchId?: string
  records: RecordBatch
}

export interface PushResponse {
  /** Records that won and were stored. */
  stored: number
  /** Records the service already had (or a newer version of). */
  unchanged: number
  /** Records stored in another form than sent (an official's record arrives as 自报): the device keeps these. */
  adjusted: RecordBatch
}

export interface RejectedRecord {
  table: TableName
  id: string
  reason: string
}

export interface PullResponse {
  records: RecordBatch
  /** Pass back as `since` for the next page; store it once the page is merged. */
  cursor: string
  /** True when more pages are waiting. */
  more: boolean
  /** The scope these records were cut to, and when the service answered (ISO instant). */
  scope: Scope
  asOf: string
  unit: Unit
}

export interface DeviceInfo {
  id: string
  role: DeviceRole
  personId: string | null
  sectionIds: string[]
  label: string
  createdAt: string
  lastSeenAt: string | null
  revokedAt: string | null
}

export interface InvitationInfo {
  id: string
  personId: string
  role: InvitedRole
  sectionIds: string[]
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/**
 * A unit's row in the county table: `current` — the figures include every change the service holds for the unit;
 * `computing` — the unit changed since its figures were last computed, and they are being computed again (no
 * figures are given: older ones are never shown as current); `failed` — they could not be computed.
 */
export type CountyUnitState = 'current' | 'computing' | 'failed'

export interface CountyUnitRow {
  unit: Unit
  state: CountyUnitState
  /** Every report figure's value, printed as the report prints it ({} unless `current`). */
  printed: Record<string, string>
  values: Record<string, number | null>
  /** The latest record change the figures include (ISO instant), null for a unit with no records. */
  dataAsOf: string | null
}

export interface CountyTable {
  year: number
  asOf: string
  units: CountyUnitRow[]
}

/** The scope a device's role stands for (the rule itself is domain/access/scope.ts). */
export function scopeOfDevice(role: DeviceRole, personId: string | null, sectionIds: readonly string[]): Scope {
  switch (role) {
    case 'keeper':
      return { role: 'keeper' }
    case 'sectionHead':
      return { role: 'sectionHead', personId, sectionIds: [...sectionIds] }
    case 'official':
      return personId ? { role: 'official', personId } : { role: 'everyone' }
    case 'county':
      return { role: 'county' }
  }
}
