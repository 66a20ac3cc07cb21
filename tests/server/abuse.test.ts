// Abuse and odd input on both engines: oversized and malformed bodies, SQL-looking text, skewed clocks, a week
// offline, tokens of one unit asking for another, guessing the setup code. Each: a clear error or a correct merge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, SETUP_CODE, joinAs, pushLedger, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { exampleLedger, selfStudy, stampAt } from './support/ledger'
import { syncApi, SyncError } from '../../src/sync/api'
import type { Activity, Person } from '../../src/domain/model/types'

const DAY = 86_400_000

async function raw(svc: Service, path: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) }
  if (init.token) headers.Authorization = `Bearer ${init.token}`
  const res = await fetch(`${svc.url}${path}`, { ...init, headers })
  return { status: res.status, body: await res.json().catch(() => null) }
}

describe.each(ENGINES)('abuse on %s', (engine) => {
  let svc: Service
  let keeper: TestDevice
  const ledger = exampleLedger()

  beforeAll(async () => {
    svc = await startService(engine, { maxWrongCodes: 3 })
    keeper = await registerKeeper(svc.url, ledger.unit)
    await pushLedger(keeper, ledger.records)
  })
  afterAll(() => svc.close())

  it('refuses an oversized body with 413 and a zh-CN error', async () => {
    const big = JSON.stringify({ records: { activities: [] }, pad: 'x'.repeat(9 * 1024 * 1024) })
    const r = await raw(svc, 'api/sync/push', { method: 'POST', body: big, token: keeper.enrollment.token })
    expect(r.status).toBe(413)
    expect(r.body.error).toMatch(/过大/)
  })

  it('refuses more records than a batch may hold with 413', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => selfStudy('q5', { id: `many-${i}` }))
    const e = await keeper.push({ activities: many }).catch((x: SyncError) => x)
    expect((e as SyncError).status).toBe(413)
  })

  it('refuses malformed bodies with 400 and stores nothing', async () => {
    const t = keeper.enrollment.token
    const cases = ['{not json', '[]', '{"records":[]}', '{"records":{"hackers":[]}}', '{"records":{"activities":[{"id":"x"}]}}', '{"records":{"__proto__":{"a":1}}}']
    for (const body of cases) {
      const r = await raw(svc, 'api/sync/push', { method: 'POST', body, token: t })
      expect(r.status, body).toBe(400)
      expect(typeof r.body.error, body).toBe('string')
      expect(r.body.error, body).toMatch(/[\u4e00-\u9fa5]/)
    }
    const bad = selfStudy('q5', { id: 'bad-hours', hours: -3 })
    const r = await raw(svc, 'api/sync/push', { method: 'POST', body: JSON.stringify({ records: { activities: [bad] } }), token: t })
    expect(r.status).toBe(400)
    expect(r.body.error).toMatch(/学时/)
    expect((await keeper.pull('0')).records.activities?.map((a) => a.id)).not.toContain('bad-hours')
  })

  it('answers a pull page of the size asked for, up to 10,000, and refuses any other limit with 400', async () => {
    const t = keeper.enrollment.token
    const three = await raw(svc, 'api/sync/pull?since=0&limit=3', { token: t })
    expect(three.status).toBe(200)
    expect(Object.values(three.body.records as Record<string, unknown[]>).flat()).toHaveLength(3)
    expect(three.body.more).toBe(true)
    const rest = await raw(svc, `api/sync/pull?since=${three.body.cursor}&limit=10000`, { token: t })
    expect(rest.body.more).toBe(false)
    for (const limit of ['0', '10001', '2.5', 'abc', '1e3', '-1']) {
      const r = await raw(svc, `api/sync/pull?since=0&limit=${limit}`, { token: t })
      expect(r.status, limit).toBe(400)
      expect(r.body.error, limit).toMatch(/每页记录数/)
    }
  })

  it('stores SQL-looking text verbatim and keeps every table intact', async () => {
    const evil = "'); DROP TABLE records; -- \\' OR 1=1; SELECT pg_sleep(5);"
    const rec = selfStudy('q5', { id: "x'; DELETE FROM units; --", title: evil, note: `${evil}\u0000?` })
    await keeper.push({ activities: [rec] })
    const back = (await keeper.pull('0')).records.activities?.find((a) => a.id === rec.id) as Activity
    expect(back.title).toBe(evil)
    expect(back.note).toBe(`${evil}\u0000?`)
    const cursor = await raw(svc, `api/sync/pull?since=${encodeURIComponent("0 OR 1=1")}`, { token: keeper.enrollment.token })
    expect(cursor.status).toBe(400)
    const { rows } = await svc.storage.pool.query('SELECT count(*)::int AS n FROM units')
    expect(rows[0].n).toBeGreaterThan(0)
  })

  it('merges edits from clocks a day fast and a day slow by their stamps, the same on every device', async () => {
    const now = Date.now()
    const base = selfStudy('q5', { id: 'skew-1' })
    const fast = { ...base, hours: 2, updatedAt: stampAt(now + DAY, 'fast') }
    const slow = { ...base, hours: 3, updatedAt: stampAt(now - DAY, 'slow') }
    await keeper.push({ activities: [fast] })
    const r = await keeper.push({ activities: [slow] })
    expect(r.unchanged).toBe(1)
    const other = await registerKeeper(svc.url, ledger.unit)
    await other.pullAll()
    expect((other.held.get('activities/skew-1') as Activity).hours).toBe(2)
    const tomb = { id: 'skew-1', deletedAt: stampAt(now - DAY, 'slow'), updatedAt: stampAt(now - DAY, 'slow') }
    await keeper.push({ activities: [tomb] })
    await other.pullAll()
    expect(other.held.get('activities/skew-1')).toEqual(tomb)
  })

  it('refuses a stamp days in the future with a sentence about the phone\'s date, storing nothing', async () => {
    const future = selfStudy('q5', { id: 'future-1', updatedAt: stampAt(Date.now() + 10 * DAY, 'wrongclock') })
    const e = (await keeper.push({ activities: [future] }).catch((x) => x)) as SyncError
    expect(e.status).toBe(400)
    expect(e.message).toMatch(/日期/)
    expect((await keeper.pull('0')).records.activities?.map((a) => a.id)).not.toContain('future-1')
  })

  it('a phone offline for a week with 200 changes merges them with what changed meanwhile', async () => {
    const phone = await joinAs(svc.url, (await keeper.invite('q2', 'official')).code)
    await phone.pullAll()
    const weekAgo = Date.now() - 7 * DAY
    const offline = Array.from({ length: 200 }, (_, i) =>
      selfStudy('q2', { id: `week-${i}`, date: '2023-12-0' + ((i % 9) + 1), updatedAt: stampAt(weekAgo + i * 60_000, 'phone-q2') }),
    )
    // Meanwhile the keeper renamed a person and returned one of the phone's earlier records.
    const renamed = { ...(ledger.records.persons[1] as Person), title: '队长', updatedAt: stampAt(Date.now(), 'keeper') }
    await keeper.push({ persons: [renamed] })
    await phone.push({ activities: offline })
    await phone.pullAll()
    await keeper.pullAll()
    expect(keeper.records().activities.filter((a) => a.id.startsWith('week-'))).toHaveLength(200)
    expect((phone.held.get('persons/q2') as Person).title).toBe('队长')
  })

  it('a token of unit A never reads unit B, whatever it asks', async () => {
    const b = await registerKeeper(svc.url, { id: 'u-b', name: 'B局' })
    await b.push({ activities: [selfStudy('bp1', { id: 'secret-of-b' })], persons: [] })
    const page = await keeper.pull('0')
    expect(JSON.stringify(page)).not.toContain('secret-of-b')
    const viaCounty = await raw(svc, 'api/county/units/u-b?year=2023&asOf=2023-12-31', { token: keeper.enrollment.token })
    expect(viaCounty.status).toBe(403)
    const viaHeader = await raw(svc, 'api/sync/pull?since=0&unitId=u-b', { token: keeper.enrollment.token, headers: { 'X-Unit': 'u-b' } })
    expect(JSON.stringify(viaHeader.body)).not.toContain('secret-of-b')
  })

  it('locks an address out after repeated wrong setup codes, even for the right one', async () => {
    for (let i = 0; i < 3; i++) {
      const e = (await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: `GUESS-${i}`, unit: ledger.unit }).catch((x) => x)) as SyncError
      expect(e.status).toBe(403)
    }
    const locked = (await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, unit: ledger.unit }).catch((x) => x)) as SyncError
    expect(locked.status).toBe(429)
    expect(locked.message).toMatch(/次数过多/)
  })
})
