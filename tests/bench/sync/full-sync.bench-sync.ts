// npm run bench:sync, measurement 2 — in Chromium, as on a phone: a new keeper device's first full sync of the
// 2,000-person ledger through the service ÷ importing the same ledger from a file. Both run in the bench harness
// page (tests/bench/harness.ts, the app's own code) served by the service, with IndexedDB on disk; import and
// sync alternate in pairs so a busy minute of the shared machine hits both. Reported, never asserted.
import { resolve } from 'node:path'
import { describe, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildAll, launch } from '../driver/browser.mjs'
import { registerKeeper, pushLedger, startService, type Engine } from '../../server/support/harness'
import { median, report } from './report'
import { generateDemoLedger } from '../../../src/domain/demo/ledger'
import { DB_NAME } from '../../../src/db/database'

const ENGINE: Engine = inject('pgCluster') ? 'postgresql' : 'embedded'
const PERSONS = Number(process.env.BENCH_PERSONS ?? 2000)
const PAIRS = Number(process.env.BENCH_SYNC_PAIRS ?? 3)
const TODAY = '2026-11-20'

type Bench = Record<string, (...args: unknown[]) => Promise<unknown>>
const call = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(([f, a]) => (window as unknown as { bench: Bench }).bench[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>

interface FullSync {
  ms: number
  pulled: number
  wire: { requests: number; waitMs: number; bytes: number }
}

describe(`sync bench in Chromium (${ENGINE})`, () => {
  it.skipIf(process.env.BENCH_SKIP_FULL === '1')('2. first full sync of the 2,000-person ledger ÷ importing it from a file', async () => {
    if (process.env.BENCH_SKIP_BUILD !== '1') await buildAll()
    const svc = await startService(ENGINE, { distDir: resolve('dist-bench') })
    const browser = await launch()
    try {
      // The service gets the ledger the page generates (the demo generator is deterministic).
      const demo = generateDemoLedger({ today: TODAY, persons: PERSONS, deviceId: 'bench' })
      const records = Object.values(demo.records).reduce((s, l) => s + l.length, 0)
      const keeper = await registerKeeper(svc.url, demo.unit)
      const t0 = performance.now()
      await pushLedger(keeper, demo.records)
      const uploadMs = performance.now() - t0
      // A device joins some time after the upload, when autovacuum has been through the new rows.
      await svc.storage.pool.query('VACUUM ANALYZE records')
      const page = await browser.context.newPage()
      page.on('pageerror', (e) => console.log(`harness error: ${e.message}`))
      await page.goto(`${svc.url}bench/index.html`)
      await page.waitForFunction(() => !!(window as unknown as { bench?: unknown }).bench)
      const ledger = await call<{ fileBytes: number; totalRecords: number }>(page, 'prepare', { persons: PERSONS, today: TODAY })
      const imports: number[] = []
      const syncs: FullSync[] = []
      // Every import and every sync goes into a database of its own and none is deleted during the run: Chromium
      // compacts a deleted 100 MB database away in the background, and the step after the deletion paid for it
      // (a sync run right after the import's database was deleted took up to 1.65× the import; the last pair's,
      // with no deletion before it, 0.94–1.0×).
      for (let i = 0; i < PAIRS; i++) {
        const last = i === PAIRS - 1
        imports.push((await call<{ ms: number }>(page, 'importFile', last, `bench-import-${i}`)).ms)
        const code = (await keeper.invite(demo.records.persons[0].id, 'keeper')).code
        syncs.push(await call<FullSync>(page, 'fullSync', code, `bench-sync-${i}`))
        console.log(`pair ${i + 1}: import ${Math.round(imports[i])} ms, full sync ${Math.round(syncs[i].ms)} ms`)
      }
      const check = await call<{ same: boolean }>(page, 'sameLedger', DB_NAME, `bench-sync-${PAIRS - 1}`)
      if (process.env.BENCH_BREAKDOWN === '1') {
        const code = (await keeper.invite(demo.records.persons[0].id, 'keeper')).code
        report('firstFullSyncBreakdown', await call(page, 'fullSyncBreakdown', code, 'bench-breakdown'))
      }
      const ratios = syncs.map((s, i) => s.ms / imports[i])
      const wire = syncs[syncs.length - 1].wire
      report('firstFullSync', {
        engine: ENGINE,
        browser: 'chromium (persistent profile, IndexedDB on disk)',
        persons: PERSONS,
        records,
        fileMB: +(ledger.fileBytes / 1e6).toFixed(1),
        importMs: imports.map(Math.round),
        syncMs: syncs.map((s) => Math.round(s.ms)),
        ratios: ratios.map((r) => +r.toFixed(2)),
        ratio: +median(ratios).toFixed(2),
        budgetRatio: 1.5,
        lastSync: { requests: wire.requests, requestsSummedMs: Math.round(wire.waitMs), MB: +(wire.bytes / 1e6).toFixed(1) },
        syncedLedgerEqualsImported: check.same,
        uploadFromNodeMs: Math.round(uploadMs),
      })
    } finally {
      await browser.close()
      await svc.close()
    }
  })
})
