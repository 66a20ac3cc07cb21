// The service's API on both engines: health, enrollment, push/pull under the scope rule, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, SETUP_CODE, joinAs, pushLedger, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { exampleLedger, selfStudy, stampAt } from './support/ledger'
import { syncApi, SyncError } from '../../src/sync/api'
import type { Activity } from '../../src/domain/model/types'

async function failure(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p
  } catch (e) {
    if (e instanceof SyncError) return e
    throw e
  }
  throw new Error('expected the call to fail')
}

describe.each(ENGINES)('sync API on %s', (engine) => {
  let svc: Service
  let keeper: TestDevice
  const ledger = exampleLedger()

  beforeAll(async () => {
    svc = await startService(engine)
    keeper = await registerKeeper(svc.url, ledger.unit)
    await pushLedger(keeper, ledger.records)
  })
  afterAll(() => svc.close())

  it('answers health with the engine it runs on', async () => {
    const res = await fetch(`${svc.url}api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, storage: engine })
  })

  it('refuses every API route without a valid token (401, zh-CN error)', async () => {
    for (const [method, path] of [['POST', 'api/sync/push'], ['GET', 'api/sync/pull'], ['GET', 'api/devices'], ['GET', 'api/county/units?year=2023&asOf=2023-12-31'], ['POST', 'api/invitations']]) {
      const res = await fetch(`${svc.url}${path}`, { method, headers: { Authorization: 'Bearer not-a-real-token-000000000000' } })
      expect(res.status, path).toBe(401)
      expect((await res.json()).error).toMatch(/同步/)
    }
  })

  it('refuses a wrong setup code and does not register anything', async () => {
    const e = await failure(syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: 'WRONG-CODE', unit: { id: 'u-x', name: '某局' } }))
    expect(e.status).toBe(403)
    expect(e.message).toMatch(/设置码不正确/)
    const { rows } = await svc.storage.pool.query("SELECT count(*)::int AS n FROM units WHERE id = 'u-x'")
    expect(rows[0].n).toBe(0)
  })

  it('accepts the setup code typed in lower case with spaces', async () => {
    const other = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE.toLowerCase().replace(/-/g, ' '), unit: ledger.unit })
    expect(other.role).toBe('keeper')
  })

  it('gives a new keeper device the whole ledger, identical to what was uploaded', async () => {
    const second = await registerKeeper(svc.url, ledger.unit)
    await second.pullAll()
    const got = second.records()
    for (const t of Object.keys(ledger.records) as (keyof typeof ledger.records)[]) {
      const want = [...ledger.records[t]].sort((a, b) => (a.id < b.id ? -1 : 1))
      expect(got[t], t).toEqual(want)
    }
  })

  it('pushing the same batch twice stores it once and changes no cursor', async () => {
    const rec = selfStudy('q5', { id: 'twice-1' })
    const first = await keeper.push({ activities: [rec] })
    const before = await keeper.pull('0')
    const again = await keeper.push({ activities: [rec] })
    const after = await keeper.pull('0')
    expect(first.stored).toBe(1)
    expect(again).toMatchObject({ stored: 0, unchanged: 1 })
    expect(after.cursor).toBe(before.cursor)
  })

  it('an official pushes her own self-study, which arrives as 自报; the keeper and her section head see it', async () => {
    const inv = await keeper.invite('q5', 'official')
    const official = await joinAs(svc.url, inv.code)
    const head = await joinAs(svc.url, (await keeper.invite('q1', 'sectionHead', ['a'])).code)
    const rec = selfStudy('q5', { id: 'own-1' })
    const res = await official.push({ activities: [rec] })
    expect(res.stored).toBe(1)
    expect((res.adjusted.activities?.[0] as Activity).review).toBe('selfReported')
    for (const d of [keeper, head]) {
      await d.pullAll()
      expect((d.held.get('activities/own-1') as Activity).review).toBe('selfReported')
    }
  })

  it('a long poll is answered as soon as another device of the unit stores a change', async () => {
    const second = await registerKeeper(svc.url, ledger.unit)
    await second.pullAll()
    expect(await syncApi.wait(second.opts, '0', 1)).toEqual({ changed: true })
    expect(await syncApi.wait(second.opts, second.cursor, 1)).toEqual({ changed: false })
    const waiting = syncApi.wait(second.opts, second.cursor, 20)
    await new Promise((r) => setTimeout(r, 200))
    await keeper.push({ activities: [selfStudy('q1', { id: 'wake-up' })] })
    expect(await waiting).toEqual({ changed: true })
  })

  it('an invitation is single-use', async () => {
    const inv = await keeper.invite('q2', 'official')
    await joinAs(svc.url, inv.code)
    const e = await failure(joinAs(svc.url, inv.code))
    expect(e.status).toBe(410)
    expect(e.message).toMatch(/邀请码无效/)
  })

  it('an official pulls only her scope: roster, group sessions, her own records and exam result', async () => {
    const official = await joinAs(svc.url, (await keeper.invite('q3', 'official')).code)
    await official.pullAll()
    const held = official.records()
    expect(held.persons).toHaveLength(5)
    expect(held.examResults.map((r) => r.id)).toEqual(['r3'])
    const personal = (held.activities as Activity[]).filter((a) => !('deletedAt' in a) && (a.kind === 'self' || a.kind === 'online'))
    expect(personal.every((a) => a.attendees.includes('q3'))).toBe(true)
    expect(personal.map((a) => a.id)).toContain('c5')
    expect(held.activities.map((a) => a.id)).not.toContain('c7')
  })

  it('a section head pulls her sections and nothing of the others', async () => {
    const head = await joinAs(svc.url, (await keeper.invite('q2', 'sectionHead', ['b'])).code)
    await head.pullAll()
    const held = head.records()
    expect(held.examResults.map((r) => r.id).sort()).toEqual(['r2', 'r3'])
    expect(held.activities.map((a) => a.id)).toContain('c5')
    expect(held.activities.map((a) => a.id)).not.toContain('c7')
  })

  it('refuses (403) another person\'s record from an official, and stores nothing of that batch', async () => {
    const official = await joinAs(svc.url, (await keeper.invite('q2', 'official')).code)
    const mine = selfStudy('q2', { id: 'mine-ok' })
    const theirs = selfStudy('q5', { id: 'not-mine' })
    const e = await failure(official.push({ activities: [mine, theirs] }))
    expect(e.status).toBe(403)
    expect(e.rejected).toEqual([{ table: 'activities', id: 'not-mine', reason: expect.stringMatching(/本人/) }])
    const all = await keeper.pull('0')
    expect(all.records.activities?.map((a) => a.id)).not.toContain('mine-ok')
  })

  it('refuses an official editing the roster or a group session', async () => {
    const official = await joinAs(svc.url, (await keeper.invite('q2', 'official')).code)
    const p = { ...ledger.records.persons[1], name: '改名', updatedAt: stampAt(Date.now(), 'evil') }
    expect((await failure(official.push({ persons: [p] }))).status).toBe(403)
    const group = { ...(ledger.records.activities[1] as Activity), hours: 24, updatedAt: stampAt(Date.now(), 'evil') }
    expect((await failure(official.push({ activities: [group] }))).status).toBe(403)
    const tomb = { id: 'c2', deletedAt: stampAt(Date.now(), 'evil'), updatedAt: stampAt(Date.now(), 'evil') }
    expect((await failure(official.push({ activities: [tomb] }))).status).toBe(403)
  })

  it('keeps units apart: the same ids in another unit neither collide nor leak', async () => {
    const other = await registerKeeper(svc.url, { id: 'u-other', name: '另一个局' })
    const clash = { ...(ledger.records.activities[0] as Activity), title: '另一个局的活动', updatedAt: stampAt(Date.now() + 1000, 'other') }
    await other.push({ activities: [clash] })
    const mine = await keeper.pull('0')
    expect((mine.records.activities?.find((a) => a.id === 'c1') as Activity).title).toBe('示例活动c1')
    await other.pullAll()
    expect(other.records().persons).toHaveLength(0)
    expect(other.records().activities.map((a) => a.id)).toEqual(['c1'])
  })

  it('a keeper cannot see or revoke another unit\'s devices', async () => {
    const other = await registerKeeper(svc.url, { id: 'u-third', name: '第三个局' })
    const mineDevices = (await syncApi.devices(keeper.opts)).devices
    const theirs = (await syncApi.devices(other.opts)).devices
    expect(theirs.map((d) => d.id)).not.toContain(mineDevices[0].id)
    expect((await failure(syncApi.revoke(other.opts, mineDevices[0].id))).status).toBe(404)
  })

  it('a revoked token gets 401 with the reason, and its pushes store nothing', async () => {
    const official = await joinAs(svc.url, (await keeper.invite('q5', 'official')).code)
    await syncApi.revoke(keeper.opts, official.enrollment.deviceId)
    const e = await failure(official.push({ activities: [selfStudy('q5', { id: 'after-revoke' })] }))
    expect(e.status).toBe(401)
    expect(e.message).toMatch(/撤销/)
    expect((await failure(official.pull('0'))).status).toBe(401)
    const all = await keeper.pull('0')
    expect(all.records.activities?.map((a) => a.id)).not.toContain('after-revoke')
  })

  it('only a keeper invites; an official cannot', async () => {
    const official = await joinAs(svc.url, (await keeper.invite('q5', 'official')).code)
    expect((await failure(official.invite('q2', 'keeper'))).status).toBe(403)
  })

  it('a county account sees figures of every unit and no records', async () => {
    const county = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, county: true, countyName: '某县依法治县办' })
    const opts = { base: svc.url, token: county.token }
    const table = await syncApi.county(opts, 2023, '2023-12-31')
    const row = table.units.find((u) => u.unit.id === ledger.unit.id)
    expect(row?.printed.staffCount).toBe('4')
    expect(row?.printed.examParticipationRate).toBe('66.7%')
    expect(row?.printed.totalHours).toBeDefined()
    expect((await failure(syncApi.pull(opts, '0'))).status).toBe(403)
    expect((await failure(syncApi.push(opts, { records: {} }))).status).toBe(403)
    expect((await failure(syncApi.county(keeper.opts, 2023, '2023-12-31'))).status).toBe(403)
  })
})
