// npm run bench:sync — the four measurements of the sync service (reported in docs/PERFORMANCE.md, never
// asserted). Everything on 127.0.0.1; the phones are the app's own sync client over fake-indexeddb (Node), or
// simulated devices speaking the API. Results go to bench-sync-results.json and the console.
import 'fake-indexeddb/auto'
import { writeFileSync } from 'node:fs'
import { afterAll, describe, inject, it } from 'vitest'
import { startService, joinAs, registerKeeper, pushLedger, SETUP_CODE, type Engine, type Service, type TestDevice } from '../../server/support/harness'
import { selfStudy, stampAt } from '../../server/support/ledger'
import { LedgerDB } from '../../../src/db/database'
import { commitChanges } from '../../../src/db/writes'
import { mergeRecords } from '../../../src/db/merge-records'
import { importLedgerFile } from '../../../src/db/ledger-io'
import { readSyncRows } from '../../../src/db/sync-store'
import { connectWithSetupCode, joinWithInvitation, syncOnce } from '../../../src/sync/engine'
import { syncApi } from '../../../src/sync/api'
import { generateDemoLedger } from '../../../src/domain/demo/ledger'
import { buildLedgerFile } from '../../../src/domain/ledger/file'
import type { Activity, LedgerRecords } from '../../../src/domain/model/types'

const results: Record<string, unknown> = { when: new Date().toISOString() }
const ENGINE: Engine = inject('pgCluster') ? 'postgresql' : 'embedded'
/** Persons of the ledger of measurement 2 (BENCH_PERSONS; default 2,000). */
const FULL_SYNC_PERSONS = Number(process.env.BENCH_PERSONS ?? 2000)
/** Written after every measurement, so an interrupted run keeps what it measured. */
function report(key: string, value: unknown): void {
  results[key] = value
  writeFileSync('bench-sync-results.json', JSON.stringify(results, null, 2))
  console.log(key, JSON.stringify(value))
}
afterAll(() => console.log(JSON.stringify(results, null, 2)))

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
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
    const svc = await startService(ENGINE, { enrollPerMinute: 100_000 })
    const demo = generateDemoLedger({ today: '2026-11-20', persons: 300 })
    for (let u = 0; u < 100; u++) {
      const k = await registerKeeper(svc.url, { id: `unit-${u}`, name: `某县第${u + 1}局` })
      await pushLedger(k, demo.records)
    }
    const county = await syncApi.enrollWithSetupCode({ base: svc.url }, { setupCode: SETUP_CODE, county: true })
    const opts = { base: svc.url, token: county.token }
    let t0 = performance.now()
    const cold = await syncApi.county(opts, 2026, '2026-11-20')
    const coldMs = performance.now() - t0
    t0 = performance.now()
    await syncApi.county(opts, 2026, '2026-11-20')
    const warmMs = performance.now() - t0
    // One unit changes: only it is recomputed.
    const one = await registerKeeper(svc.url, { id: 'unit-0', name: '某县第1局' })
    await one.push({ activities: [selfStudy(demo.records.persons[0].id, { id: 'county-change', date: '2026-11-01' })] })
    t0 = performance.now()
    await syncApi.county(opts, 2026, '2026-11-20')
    const oneChangedMs = performance.now() - t0
    report('county', { engine: ENGINE, units: cold.units.length, staffPerUnit: 300, coldMs: Math.round(coldMs), warmMs: Math.round(warmMs), oneUnitChangedMs: Math.round(oneChangedMs), budgetMs: 3000 })
    await svc.close()
  })
  it.skipIf(process.env.BENCH_SKIP_FULL === '1')('2. first full sync of a 2,000-person ledger to a new keeper device ÷ importing the same ledger from a file', async () => {
    const svc = await startService(ENGINE)
    const demo = generateDemoLedger({ today: '2026-11-20', persons: FULL_SYNC_PERSONS })
    const count = Object.values(demo.records).reduce((s, l) => s + l.length, 0)
    const uploader = await registerKeeper(svc.url, demo.unit)
    await pushLedger(uploader, demo.records)
    const file = await buildLedgerFile({ purpose: 'backup', unit: demo.unit, deviceId: 'bench', personId: null, exportedAt: NOW(), records: demo.records })
    const text = JSON.stringify(file)
    const importDb = freshDb()
    let t0 = performance.now()
    const imported = await importLedgerFile(importDb, text)
    const importMs = performance.now() - t0
    if (imported.status !== 'done') throw new Error(`import: ${JSON.stringify(imported)}`)
    const code = (await uploader.invite(demo.records.persons[0].id, 'keeper')).code
    const syncDb = freshDb()
    t0 = performance.now()
    await joinWithInvitation(syncDb, { base: svc.url, label: 'bench', nowIso: NOW(), code })
    await syncOnce(syncDb)
    const syncMs = performance.now() - t0
    report('firstFullSync', { engine: ENGINE, records: count, fileMB: +(text.length / 1e6).toFixed(1), importMs: Math.round(importMs), syncMs: Math.round(syncMs), ratio: +(syncMs / importMs).toFixed(2), budgetRatio: 1.5 })
    await svc.close()
  })

})
