// The county table kept ready: each unit's figures are computed in the background once its pushes settle,
// kept under the unit's seq, and never served once the unit changed. Both engines.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, SETUP_CODE, pushLedger, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { exampleLedger, stampAt } from './support/ledger'
import { buildApp } from '../../server/src/app'
import { storeFigures } from '../../server/src/county'
import { syncApi, type ApiOptions } from '../../src/sync/api'
import type { Person } from '../../src/domain/model/types'

const PERIOD = { year: 2023, asOf: '2023-12-31' }
const TODAY = () => '2023-12-31'

async function cachedSeq(svc: Service, unitId: string): Promise<string | null> {
  const { rows } = await svc.storage.pool.query<{ seq: string }>(
    'SELECT seq FROM county_figures WHERE unit_id = $1 AND year = $2 AND as_of = $3',
    [unitId, PERIOD.year, PERIOD.asOf],
  )
  return rows[0]?.seq ?? null
}

async function unitSeq(svc: Service, unitId: string): Promise<string> {
  return (await svc.storage.pool.query<{ seq: string }>('SELECT seq FROM units WHERE id = $1', [unitId])).rows[0].seq
}

function newPerson(id: string): Person {
  const q1 = exampleLedger().records.persons[0] as Person
  return { ...q1, id, name: `新人${id}`, updatedAt: stampAt(Date.now(), 'keeper') }
}

describe.each(ENGINES)('the county table on %s', (engine) => {
  let svc: Service
  let keeper: TestDevice
  let county: ApiOptions
  const ledger = exampleLedger()
  const rowOf = async () => (await syncApi.county(county, PERIOD.year, PERIOD.asOf)).units.find((u) => u.unit.id === ledger.unit.id)!

  beforeAll(async () => {
    // A settle time the tests can outrun, and no waiting in table requests: what is stale is answered as such.
    svc = await startService(engine, { county: { settleMs: 1500, waitMs: 0, today: TODAY } })
    const enrolled = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, county: true })
    county = { base: svc.url, token: enrolled.token }
    keeper = await registerKeeper(svc.url, ledger.unit)
    await pushLedger(keeper, ledger.records)
  })
  afterEach(() => svc.app.countyFigures.whenIdle())
  afterAll(() => svc.close())

  it("computes a unit's figures of this year as of today once its pushes settle, before anyone asks", async () => {
    await svc.app.countyFigures.whenIdle()
    expect(await cachedSeq(svc, ledger.unit.id)).toBe(await unitSeq(svc, ledger.unit.id))
    const row = await rowOf()
    expect(row.state).toBe('current')
    expect(row.printed.staffCount).toBe('4')
  })

  it('a change makes the unit "computing" at once — its old figures are never served — then current again', async () => {
    await svc.app.countyFigures.whenIdle()
    await keeper.push({ persons: [newPerson('q8')] })
    const during = await rowOf()
    expect(during.state).toBe('computing')
    expect(during.printed).toEqual({})
    await svc.app.countyFigures.whenIdle()
    const after = await rowOf()
    expect(after).toMatchObject({ state: 'current', printed: { staffCount: '5' } })
    expect(await cachedSeq(svc, ledger.unit.id)).toBe(await unitSeq(svc, ledger.unit.id))
  })

  it('never serves figures stored under an older seq, and an older computation never replaces a newer one', async () => {
    await svc.app.countyFigures.whenIdle()
    const seq = Number(await unitSeq(svc, ledger.unit.id))
    const good = (await rowOf()).printed
    const bogus = JSON.stringify({ printed: { staffCount: '999' }, values: { staffCount: 999 } })
    await storeFigures(svc.storage.pool, ledger.unit.id, PERIOD, String(seq - 1), bogus)
    expect((await rowOf()).printed).toEqual(good)
    await svc.storage.pool.query('UPDATE county_figures SET seq = seq - 1 WHERE unit_id = $1', [ledger.unit.id])
    await storeFigures(svc.storage.pool, ledger.unit.id, PERIOD, String(seq - 2), bogus)
    const stale = await rowOf()
    expect(stale.state).toBe('computing')
    expect(stale.printed.staffCount).toBeUndefined()
    await svc.app.countyFigures.whenIdle()
    expect(await rowOf()).toMatchObject({ state: 'current', printed: good })
  })

  it('never serves figures stored by a build with fewer figures at the current seq: they are computed again', async () => {
    await svc.app.countyFigures.whenIdle()
    const good = (await rowOf()).printed
    const seq = await unitSeq(svc, ledger.unit.id)
    const older = JSON.stringify({ printed: { staffCount: good.staffCount }, values: { staffCount: Number(good.staffCount) } })
    await svc.storage.pool.query('DELETE FROM county_figures WHERE unit_id = $1', [ledger.unit.id])
    await storeFigures(svc.storage.pool, ledger.unit.id, PERIOD, seq, older)
    const row = await rowOf()
    expect(row.state).toBe('computing')
    expect(row.printed.staffCount).toBeUndefined()
    await svc.app.countyFigures.whenIdle()
    expect(await rowOf()).toMatchObject({ state: 'current', printed: good })
  })

  it('says "failed" for a unit whose figures cannot be computed, and computes it again after its next change', async () => {
    const other = await registerKeeper(svc.url, { id: 'u-broken', name: '某局' })
    await pushLedger(other, ledger.records)
    await svc.app.countyFigures.whenIdle()
    // A record no push would admit, written behind the service's back.
    await svc.storage.pool.query(
      "INSERT INTO records (unit_id, tbl, id, updated_at, deleted, seq, body, yr, owners) VALUES ('u-broken', 'persons', 'bad', 'x', false, 1000, 'null', null, '{}')",
    )
    await svc.storage.pool.query("UPDATE units SET seq = 1000 WHERE id = 'u-broken'")
    const table = async () => (await syncApi.county(county, PERIOD.year, PERIOD.asOf)).units.find((u) => u.unit.id === 'u-broken')!
    expect((await table()).state).toBe('computing')
    await svc.app.countyFigures.whenIdle()
    expect(await table()).toMatchObject({ state: 'failed', printed: {} })
    await svc.storage.pool.query("DELETE FROM records WHERE unit_id = 'u-broken' AND id = 'bad'")
    await other.push({ persons: [newPerson('q7')] })
    await svc.app.countyFigures.whenIdle()
    expect(await table()).toMatchObject({ state: 'current', printed: { staffCount: '5' } })
  })

  it('at start, computes every unit whose cached figures are stale', async () => {
    await svc.app.countyFigures.whenIdle()
    await svc.storage.pool.query('DELETE FROM county_figures')
    const second = await buildApp({ db: svc.storage.pool, storage: svc.storage.kind, setupCode: SETUP_CODE, county: { today: TODAY } })
    try {
      await second.ready()
      await second.countyFigures.whenIdle()
      expect(await cachedSeq(svc, ledger.unit.id)).toBe(await unitSeq(svc, ledger.unit.id))
    } finally {
      await second.close()
    }
  })
})

describe.each(ENGINES)('a county table request on %s', (engine) => {
  let svc: Service
  beforeAll(async () => {
    svc = await startService(engine, { county: { settleMs: 60_000, waitMs: 30_000, today: TODAY } })
  })
  afterAll(() => svc.close())

  it('waits for the units it finds stale and answers them current', async () => {
    const ledger = exampleLedger()
    const keeper = await registerKeeper(svc.url, ledger.unit)
    await pushLedger(keeper, ledger.records)
    // No county account while the unit was pushed: nothing was computed ahead.
    const enrolled = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, county: true })
    expect(await cachedSeq(svc, ledger.unit.id)).toBeNull()
    const table = await syncApi.county({ base: svc.url, token: enrolled.token }, PERIOD.year, PERIOD.asOf)
    expect(table.units).toEqual([expect.objectContaining({ state: 'current', printed: expect.objectContaining({ staffCount: '4' }) })])
  })
})
