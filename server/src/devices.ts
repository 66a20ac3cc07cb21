/** Devices on the service: who a bearer token is, with which role and scope. */
import type pg from 'pg'
import type { FastifyRequest } from 'fastify'
import { ApiError, MSG } from './errors'
import { hashSecret, newId, newToken } from './secrets'
import { scopeOfDevice, type DeviceInfo, type DeviceRole, type Enrollment } from '../../src/domain/sync/protocol'
import type { Scope } from '../../src/domain/access/scope'
import type { Unit } from '../../src/domain/model/types'

export interface Device {
  id: string
  unitId: string | null
  role: DeviceRole
  personId: string | null
  sectionIds: string[]
  scope: Scope
}

interface DeviceRow {
  id: string
  unit_id: string | null
  role: DeviceRole
  person_id: string | null
  section_ids: string
  label: string
  created_at: Date
  last_seen_at: Date | null
  revoked_at: Date | null
}

function toDevice(row: DeviceRow): Device {
  const sectionIds = JSON.parse(row.section_ids) as string[]
  return {
    id: row.id,
    unitId: row.unit_id,
    role: row.role,
    personId: row.person_id,
    sectionIds,
    scope: scopeOfDevice(row.role, row.person_id, sectionIds),
  }
}

export function deviceInfo(row: DeviceRow): DeviceInfo {
  return {
    id: row.id,
    role: row.role,
    personId: row.person_id,
    sectionIds: JSON.parse(row.section_ids) as string[],
    label: row.label,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/

/** The device of the request's bearer token; 401 without a valid one. */
export async function authenticate(db: pg.Pool, req: FastifyRequest): Promise<Device> {
  const m = BEARER.exec(req.headers.authorization ?? '')
  if (!m) throw new ApiError(401, MSG.noToken)
  const { rows } = await db.query<DeviceRow>('SELECT * FROM devices WHERE token_hash = $1', [hashSecret(m[1])])
  const row = rows[0]
  if (!row) throw new ApiError(401, MSG.noToken)
  if (row.revoked_at) throw new ApiError(401, MSG.revoked)
  // At most one write a minute per device: the keeper's device list shows when each was last seen.
  await db.query(
    "UPDATE devices SET last_seen_at = now() WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')",
    [row.id],
  )
  return toDevice(row)
}

export function requireKeeper(device: Device): string {
  if (device.role !== 'keeper' || !device.unitId) throw new ApiError(403, MSG.notKeeper)
  return device.unitId
}

export function requireUnit(device: Device): string {
  if (!device.unitId) throw new ApiError(403, MSG.countyNoRecords)
  return device.unitId
}

export interface NewDevice {
  unitId: string | null
  role: DeviceRole
  personId: string | null
  sectionIds: string[]
  label: string
}

/** Creates a device and returns its token (shown once; only its hash is kept). */
export async function createDevice(db: pg.Pool | pg.PoolClient, d: NewDevice, unit: Unit | null): Promise<Enrollment> {
  const token = newToken()
  const id = newId('dev')
  await db.query(
    'INSERT INTO devices (id, token_hash, unit_id, role, person_id, section_ids, label) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [id, hashSecret(token), d.unitId, d.role, d.personId, JSON.stringify(d.sectionIds), d.label.slice(0, 100)],
  )
  return { token, deviceId: id, role: d.role, unit, personId: d.personId, sectionIds: d.sectionIds }
}

export async function listDevices(db: pg.Pool, unitId: string): Promise<DeviceInfo[]> {
  const { rows } = await db.query<DeviceRow>('SELECT * FROM devices WHERE unit_id = $1 ORDER BY created_at', [unitId])
  return rows.map(deviceInfo)
}

/** Revokes a device of the keeper's unit; another unit's device id is not found (404, nothing told). */
export async function revokeDevice(db: pg.Pool, unitId: string, deviceId: string): Promise<DeviceInfo> {
  const { rows } = await db.query<DeviceRow>(
    'UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 AND unit_id = $2 RETURNING *',
    [deviceId, unitId],
  )
  if (!rows[0]) throw new ApiError(404, '本单位没有这台设备。')
  return deviceInfo(rows[0])
}
