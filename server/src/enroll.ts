/**
 * Enrollment without passwords: the setup code registers a unit (its first keeper device) or a county account;
 * an invitation code enrolls one person's device with the role the keeper chose. Invitations are single-use and
 * expire; codes are stored hashed.
 */
import type pg from 'pg'
import * as v from 'valibot'
import { ApiError, MSG } from './errors'
import { createDevice } from './devices'
import { hashSecret, newId, newInvitationCode } from './secrets'
import { inTransaction } from './storage'
import { readPersons } from './records'
import {
  DEFAULT_INVITATION_HOURS,
  INVITED_ROLES,
  MAX_INVITATION_HOURS,
  type Enrollment,
  type InvitationInfo,
  type InvitedRole,
} from '../../src/domain/sync/protocol'
import type { Unit } from '../../src/domain/model/types'

const text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max))
const label = v.optional(v.pipe(v.string(), v.maxLength(100)), '')

export const SetupBody = v.object({
  setupCode: v.pipe(v.string(), v.maxLength(100)),
  county: v.optional(v.boolean(), false),
  countyName: v.optional(v.pipe(v.string(), v.maxLength(200))),
  unit: v.optional(v.object({ id: text(200), name: text(500) })),
  label,
})

export const JoinBody = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)), label })

export const InviteBody = v.object({
  personId: text(200),
  role: v.picklist(INVITED_ROLES),
  sectionIds: v.optional(v.array(text(200)), []),
  hours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_INVITATION_HOURS)), DEFAULT_INVITATION_HOURS),
})

/** Registers the unit (or finds it) and enrolls a keeper device, or creates a county account. */
export async function enrollWithSetupCode(db: pg.Pool, body: v.InferOutput<typeof SetupBody>): Promise<Enrollment> {
  if (body.county) {
    return createDevice(db, { unitId: null, role: 'county', personId: null, sectionIds: [], label: body.label || body.countyName || '汇总账号' }, null)
  }
  if (!body.unit) throw new ApiError(400, '本机还没有台账，无法注册单位。请先新建单位台账或导入台账文件，再连接同步服务。')
  const unit: Unit = body.unit
  return inTransaction(db, async (c) => {
    await c.query('INSERT INTO units (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [unit.id, unit.name])
    return createDevice(c, { unitId: unit.id, role: 'keeper', personId: null, sectionIds: [], label: body.label }, unit)
  })
}

interface InvitationRow {
  id: string
  unit_id: string
  role: InvitedRole
  person_id: string
  section_ids: string
  created_at: Date
  expires_at: Date
  used_at: Date | null
}

function invitationInfo(r: InvitationRow): InvitationInfo {
  return {
    id: r.id,
    personId: r.person_id,
    role: r.role,
    sectionIds: JSON.parse(r.section_ids) as string[],
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    usedAt: r.used_at?.toISOString() ?? null,
  }
}

/** Uses an invitation once and enrolls the device; a wrong, used, expired or cancelled code is refused. */
export async function enrollWithInvitation(db: pg.Pool, body: v.InferOutput<typeof JoinBody>): Promise<Enrollment> {
  return inTransaction(db, async (c) => {
    const { rows } = await c.query<InvitationRow & { unit_name: string }>(
      `SELECT i.*, u.name AS unit_name FROM invitations i JOIN units u ON u.id = i.unit_id
       WHERE i.code_hash = $1 AND i.used_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > now() FOR UPDATE OF i`,
      [hashSecret(body.code.trim())],
    )
    const inv = rows[0]
    if (!inv) throw new ApiError(410, MSG.badInvitation)
    const sectionIds = JSON.parse(inv.section_ids) as string[]
    const enrolled = await createDevice(
      c,
      { unitId: inv.unit_id, role: inv.role, personId: inv.person_id, sectionIds, label: body.label },
      { id: inv.unit_id, name: inv.unit_name },
    )
    await c.query('UPDATE invitations SET used_at = now(), used_by = $2 WHERE id = $1', [inv.id, enrolled.deviceId])
    return enrolled
  })
}

/** A new invitation for one person of the keeper's unit; the code is returned once. */
export async function createInvitation(
  db: pg.Pool,
  unitId: string,
  keeperDeviceId: string,
  body: v.InferOutput<typeof InviteBody>,
): Promise<InvitationInfo & { code: string }> {
  const persons = await readPersons(db, unitId)
  const person = persons.find((p) => p.id === body.personId)
  if (!person) throw new ApiError(400, '同步服务上的名册中没有此人。请先点“立即同步”把名册上传到服务，再发出邀请。')
  let sectionIds = body.sectionIds
  if (body.role === 'sectionHead' && sectionIds.length === 0) sectionIds = person.sectionId ? [person.sectionId] : []
  if (body.role === 'sectionHead' && sectionIds.length === 0) throw new ApiError(400, '请为股室负责人选择至少一个股室。')
  if (body.role !== 'sectionHead') sectionIds = []
  const code = newInvitationCode()
  const { rows } = await db.query<InvitationRow>(
    `INSERT INTO invitations (id, code_hash, unit_id, role, person_id, section_ids, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(hours => $8)) RETURNING *`,
    [newId('inv'), hashSecret(code), unitId, body.role, body.personId, JSON.stringify(sectionIds), keeperDeviceId, body.hours],
  )
  return { ...invitationInfo(rows[0]), code }
}

/** Open invitations of the unit (not used, not cancelled, not expired), newest first. */
export async function listInvitations(db: pg.Pool, unitId: string): Promise<InvitationInfo[]> {
  const { rows } = await db.query<InvitationRow>(
    `SELECT * FROM invitations WHERE unit_id = $1 AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > now()
     ORDER BY created_at DESC`,
    [unitId],
  )
  return rows.map(invitationInfo)
}

export async function cancelInvitation(db: pg.Pool, unitId: string, id: string): Promise<void> {
  const { rowCount } = await db.query('UPDATE invitations SET cancelled_at = now() WHERE id = $1 AND unit_id = $2 AND used_at IS NULL', [id, unitId])
  if (!rowCount) throw new ApiError(404, '没有这条未使用的邀请。')
}
