/** The API routes (docs/spec/sync-api.md): health, enrollment, push/pull, invitations, devices, county. */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import type pg from 'pg'
import { ApiError, MSG } from './errors'
import { authenticate, listDevices, requireKeeper, requireUnit, revokeDevice } from './devices'
import { cancelInvitation, createInvitation, enrollWithInvitation, enrollWithSetupCode, InviteBody, JoinBody, listInvitations, SetupBody } from './enroll'
import { pullRecords, pushRecords, readPullLimit, readPushBody } from './records'
import { countyUnitReport, readPeriod } from './county'
import type { CountyFigures } from './county-cache'
import { sameSetupCode } from './secrets'
import type { FailureLimiter } from './limiter'
import type { ChangeNotices } from './changes'
import type { StorageKind } from './storage'
import { MAX_BODY_BYTES } from '../../src/domain/sync/protocol'

export interface RouteDeps {
  db: pg.Pool
  changes: ChangeNotices
  countyFigures: CountyFigures
  /** Enrollment calls per address and minute. */
  enrollPerMinute: number
  storage: StorageKind
  setupCode: string
  limiter: FailureLimiter
  now: () => number
  version: string
}

function parse<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, body)
  if (!r.success) throw new ApiError(400, MSG.malformed)
  return r.output
}

function guardTries(deps: RouteDeps, req: FastifyRequest): void {
  if (deps.limiter.isLocked(req.ip, deps.now())) throw new ApiError(429, MSG.tooManyTries)
}

export function registerRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps
  const enrollLimit = { config: { rateLimit: { max: deps.enrollPerMinute, timeWindow: 60_000 } } }

  app.get('/api/health', async () => {
    await db.query('SELECT 1')
    return { ok: true, storage: deps.storage, version: deps.version }
  })

  app.post('/api/enroll/setup', enrollLimit, async (req, reply) => {
    guardTries(deps, req)
    const body = parse(SetupBody, req.body)
    if (!sameSetupCode(body.setupCode, deps.setupCode)) {
      deps.limiter.fail(req.ip, deps.now())
      throw new ApiError(403, MSG.wrongSetupCode)
    }
    const enrolled = await enrollWithSetupCode(db, body)
    req.log.info({ device: enrolled.deviceId, role: enrolled.role, unit: enrolled.unit?.id ?? null }, 'enrolled with setup code')
    return reply.status(201).send(enrolled)
  })

  app.post('/api/enroll/join', enrollLimit, async (req, reply) => {
    guardTries(deps, req)
    const body = parse(JoinBody, req.body)
    try {
      const enrolled = await enrollWithInvitation(db, body)
      req.log.info({ device: enrolled.deviceId, role: enrolled.role, unit: enrolled.unit?.id }, 'enrolled with invitation')
      return reply.status(201).send(enrolled)
    } catch (e) {
      if (e instanceof ApiError && e.status === 410) deps.limiter.fail(req.ip, deps.now())
      throw e
    }
  })

  app.post('/api/sync/push', { bodyLimit: MAX_BODY_BYTES }, async (req) => {
    const device = await authenticate(db, req)
    const unitId = requireUnit(device)
    const batch = readPushBody(req.body, deps.now())
    const result = await pushRecords(db, device, unitId, batch)
    if (result.stored > 0) {
      deps.changes.notify(unitId)
      deps.countyFigures.unitChanged(unitId)
    }
    req.log.info({ device: device.id, unit: unitId, stored: result.stored, unchanged: result.unchanged }, 'push')
    return result
  })

  app.get('/api/sync/pull', async (req) => {
    const device = await authenticate(db, req)
    const unitId = requireUnit(device)
    const q = (req.query ?? {}) as Record<string, unknown>
    return pullRecords(db, device, unitId, String(q.since ?? '0'), readPullLimit(q.limit))
  })

  // Long poll: answers when the unit has changed after `since` (at once if it already has), else after `timeout`
  // seconds (at most 30) with changed: false. The app then pulls.
  app.get('/api/sync/wait', async (req) => {
    const device = await authenticate(db, req)
    const unitId = requireUnit(device)
    const q = (req.query ?? {}) as Record<string, unknown>
    const since = String(q.since ?? '0')
    if (!/^\d{1,15}$/.test(since)) throw new ApiError(400, '同步位置无效，请在“同步”页点“立即同步”重试。')
    const seconds = Math.min(30, Math.max(1, Number(q.timeout) || 25))
    const current = async () => Number((await db.query<{ seq: string }>('SELECT seq FROM units WHERE id = $1', [unitId])).rows[0]?.seq ?? 0)
    if ((await current()) > Number(since)) return { changed: true }
    const changed = await deps.changes.wait(unitId, seconds * 1000, { onAbort: (fn) => req.raw.once('close', fn) })
    return { changed: changed || (await current()) > Number(since) }
  })

  app.get('/api/me', async (req) => {
    const device = await authenticate(db, req)
    return { deviceId: device.id, role: device.role, unitId: device.unitId, personId: device.personId, sectionIds: device.sectionIds }
  })

  app.post('/api/invitations', async (req, reply) => {
    const device = await authenticate(db, req)
    const unitId = requireKeeper(device)
    const created = await createInvitation(db, unitId, device.id, parse(InviteBody, req.body))
    return reply.status(201).send(created)
  })

  app.get('/api/invitations', async (req) => {
    const unitId = requireKeeper(await authenticate(db, req))
    return { invitations: await listInvitations(db, unitId) }
  })

  app.delete('/api/invitations/:id', async (req, reply) => {
    const unitId = requireKeeper(await authenticate(db, req))
    await cancelInvitation(db, unitId, String((req.params as { id: string }).id))
    return reply.status(204).send()
  })

  app.get('/api/devices', async (req) => {
    const unitId = requireKeeper(await authenticate(db, req))
    return { devices: await listDevices(db, unitId) }
  })

  app.post('/api/devices/:id/revoke', async (req) => {
    const unitId = requireKeeper(await authenticate(db, req))
    return revokeDevice(db, unitId, String((req.params as { id: string }).id))
  })

  app.get('/api/county/units', async (req) => {
    const device = await authenticate(db, req)
    if (device.role !== 'county') throw new ApiError(403, MSG.notCounty)
    return deps.countyFigures.table(readPeriod(req.query))
  })

  app.get('/api/county/units/:id', async (req) => {
    const device = await authenticate(db, req)
    if (device.role !== 'county') throw new ApiError(403, MSG.notCounty)
    return countyUnitReport(db, String((req.params as { id: string }).id), readPeriod(req.query))
  })
}
