// npm run bench:sync — measurements 1, 3 and 4 of the sync service (reported in docs/PERFORMANCE.md, never
// asserted; measurement 2 runs in Chromium: full-sync.bench-sync.ts). Everything on 127.0.0.1; the phones are
// the app's own sync client over fake-indexeddb (Node), or simulated devices speaking the API. Results go to
// bench-sync-results.json and the console.
import 'fake-indexeddb/auto'
import { describe, inject, it } from 'vitest'
import { startService, joinAs, registerKeeper, pushLedger, SETUP_CODE, type Engine, type Service, type TestDevice } from '../../server/support/harness'
import { selfStudy, stampAt } from '../../server/support/ledger'
import { LedgerDB } from '../../../src/db/database'
import { commitChanges } from '../../../src/db/writes'
import { mergeRecords } from '../../../src/db/merge-records'
import { readSyncRows } from '../../../src/db/sync-store'
import { connectWithSetupCode, joinWithInvitation, syncOnce } from '../../../src/sync/engine'
import { syncApi } from '../../../src/sync/api'
import { generateDemoLedger } from '../../../src/domain/demo/ledger'
import type { Activity, LedgerRecords } from '../../../src/domain/model/types'
import { median, p95, report } from './report'

const ENGINE: Engine = inject('pgCluster') ? 'postgresql' : 'embedded'
let n = 0
const freshDb = () => new LedgerDB(`bench-${++n}-${Date.now()}`)
const NOW = () => new Date().toISOString()

async function keeperDb(svc: Service, records: LedgerRecords, unit: { id: string; name: string }): Promise<LedgerDB> {
  const db = freshDb()
  await mergeRecords(db, records, { unit })
  await connectWithSetupCode(db, { base: svc.url, label: 'bench', nowIso: NOW(), setupCode: SETUP_CODE, county: false })
  await syncOnce(db)
  return db
}

async function inviteDb(svc: Service, keeper: LedgerDB, personId: string, role: 'official' | 'keeper'): Promise<LedgerDB> {
  const token = (await readSyncRows(keeper)).connection!.token
  const code = (await syncApi.invite({ base: svc.url, token }, { personId, role })).code
  const db = freshDb()
  await joinWithInvitation(db, { base: svc.url, label: 'bench', nowIso: NOW(), code })
  return db
}

describe(`sync bench (${ENGINE})`, () => {
  it('1. a save on one phone, visible on a second (p95 over 50 changes)', async () => {
    const svc = await startService('embedded')
    const demo = generateDemoLedger({ today: '2026-11-20', persons: 40 })
    const keeper = await keeperDb(svc, demo.records, demo.unit)
    const me = demo.records.persons[0].id
    const phone = await inviteDb(svc, keeper, me, 'official')
    await syncOnce(phone)
    const second = await inviteDb(svc, keeper, demo.records.persons[1].id, 'keeper')
    await syncOnce(second)
    const times: number[] = []
    for (let i = 0; i < 50; i++) {
      const id = `bench-visible-${i}`
      const { updatedAt: _u, ...rec } = selfStudy(me, { id })
      // The second device waits in a long poll, as the app does while it is open.
      const cursor = (await readSyncRows(second)).state.cursor
      const seen = (async () => {
        for (let k = 0; k < 20; k++) {
          const r = await syncApi.wait({ base: svc.url, token: (await readSyncRows(second)).connection!.token }, cursor, 10)
          if (r.changed) await syncOnce(second)
          if (await second.activities.get(id)) return performance.now()
        }
        throw new Error('never visible')
      })()
      const t0 = performance.now()
      await commitChanges(phone, [{ table: 'activities', put: [rec as Omit<Activity, 'updatedAt'>] }])
      await new Promise((r) => setTimeout(r, 400)) // the app syncs 0.4 s after a save
      await syncOnce(phone)
      times.push((await seen) - t0)
    }
    report('saveToVisible', { changes: 50, medianMs: Math.round(median(times)), p95Ms: Math.round(p95(times)), budgetMs: 2000, includesAfterSaveDelayMs: 400 })
    await svc.close()
  })

  it('3. 300 devices × 20 changes pushed and pulled at once', async () => {
    const svc = await startService(ENGINE, { enrollPerMinute: 100_000 })
    const demo = generateDemoLedger({ today: '2026-11-20', persons: 300 })
    const keeper = await registerKeeper(svc.url, demo.unit)
    await pushLedger(keeper, demo.records)
    const persons = demo.records.persons.slice(0, 300)
    const devices: TestDevice[] = []
    for (let i = 0; i < persons.length; i += 25) {
      devices.push(...(await Promise.all(persons.slice(i, i + 25).map(async (p) => joinAs(svc.url, (await keeper.invite(p.id, 'official')).code)))))
    }
    const latencies: number[] = []
    const timed = async <T>(fn: () => Promise<T>) => {
      const t = performance.now()
      const r = await fn()
      latencies.push(performance.now() - t)
      return r
    }
    const t0 = performance.now()
    await Promise.all(
      devices.map(async (d, k) => {
        for (let i = 0; i < 20; i++) {
          const rec = selfStudy(persons[k].id, { id: `load-${k}-${i}`, updatedAt: stampAt(Date.now(), `dev${k}`, i) })
          await timed(() => d.push({ activities: [rec] }))
          await timed(() => d.pullAll())
        }
      }),
    )
    const wallMs = performance.now() - t0
    keeper.cursor = '0'
    await keeper.pullAll()
    const ids = new Set(keeper.records().activities.map((a) => a.id))
    let lost = 0
    for (let k = 0; k < devices.length; k++) for (let i = 0; i < 20; i++) if (!ids.has(`load-${k}-${i}`)) lost++
    report('devices300', {
      engine: ENGINE,
      devices: devices.length,
      changes: devices.length * 20,
      wallS: +(wallMs / 1000).toFixed(1),
      changesPerS: Math.round((devices.length * 20) / (wallMs / 1000)),
      requests: latencies.length,
      requestP95Ms: Math.round(p95(latencies)),
      requestMedianMs: Math.round(median(latencies)),
      lost,
    })
    await svc.close()
  })

  it('4. the county table for 100 units × 300 staff', async () => {
    const today = '2026-11-20'
    const svc = await startService(ENGINE, { enrollPerMinute: 100_000, county: { today: () => today } })
    const cache = svc.app.countyFigures
    const county = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, county: true })
    const opts = { base: svc.url, token: county.token }
    const demo = generateDemoLedger({ today, persons: 300 })
    const keepers = []
    for (let u = 0; u < 100; u++) {
      const k = await registerKeeper(svc.url, { id: `unit-${u}`, name: `某县第${u + 1}局` })
      await pushLedger(k, demo.records)
      keepers.push(k)
    }
    // Each unit's figures were computed in the background once its pushes settled (this year as of today, last
    // year as of its end); the bench waits for the last ones.
    let t0 = performance.now()
    await cache.whenIdle()
    const catchUpAfterLastPushMs = performance.now() - t0
    const timedTable = async (year: number, asOf: string) => {
      const t = performance.now()
      const table = await syncApi.county(opts, year, asOf)
      return { ms: performance.now() - t, computing: table.units.filter((u) => u.state !== 'current').length }
    }
    const settled = await timedTable(2026, today)
    const again = await timedTable(2026, today)
    const lastYear = await timedTable(2025, '2025-12-31')
    // One unit changes and the county opens the table at once (before the unit's pushes settle).
    await keepers[0].push({ activities: [selfStudy(demo.records.persons[0].id, { id: 'county-change', date: '2026-11-01' })] })
    const oneChanged = await timedTable(2026, today)
    await cache.whenIdle()
    // An arbitrary past date nobody asked for: every unit on demand; the page asks again every 2 s until done.
    t0 = performance.now()
    const past = await timedTable(2026, '2026-06-30')
    let polls = 1
    for (let left = past.computing; left > 0; polls++) {
      await new Promise((r) => setTimeout(r, 2000))
      left = (await timedTable(2026, '2026-06-30')).computing
    }
    const pastCompleteMs = performance.now() - t0
    report('county', {
      engine: ENGINE,
      units: 100,
      staffPerUnit: 300,
      budgetMs: 3000,
      afterPushesSettledMs: Math.round(settled.ms),
      afterPushesSettledComputing: settled.computing,
      againMs: Math.round(again.ms),
      lastYearEndMs: Math.round(lastYear.ms),
      oneUnitJustChangedMs: Math.round(oneChanged.ms),
      oneUnitJustChangedComputing: oneChanged.computing,
      catchUpAfterLastPushMs: Math.round(catchUpAfterLastPushMs),
      pastAsOfFirstAnswerMs: Math.round(past.ms),
      pastAsOfFirstAnswerComputing: past.computing,
      pastAsOfCompleteMs: Math.round(pastCompleteMs),
      pastAsOfPolls: polls,
    })
    await svc.close()
  })
})
