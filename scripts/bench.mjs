// npm run bench — issue #8: is the ledger fast at county scale, measured against the physical limit in
// the same run. Builds the app and the harness (tests/bench/) into dist-bench/, serves them on 127.0.0.1,
// drives headless Chromium and measures the five budgeted figures; prints a table, a last line with the
// five figures, and writes bench-results.json. See docs/PERFORMANCE.md.
//
// Knobs (environment): BENCH_PERSONS (2000), BENCH_WRITE_REPS (3), BENCH_READ_REPS (5), BENCH_SAVES (50),
// BENCH_COLD_REPS (5), BENCH_SKIP_BUILD=1 (reuse dist-bench/), BENCH_BREAKDOWN=1 (import stage timings),
// BENCH_PHASES=write,read,log,cold,records (a subset while working on one figure; the others print as n/a).
import { mkdirSync, writeFileSync } from 'node:fs'
import { buildAll, launch, serve, throttle } from '../tests/bench/driver/browser.mjs'
import { call, readPhase, writePhase } from '../tests/bench/driver/data-phase.mjs'
import { coldStartPhase, logPhase, recordsPhase } from '../tests/bench/driver/app-phase.mjs'
import { filesOf, gzipKB, staticEntryFiles } from '../tests/bench/driver/bundle.mjs'
import { printReport } from '../tests/bench/driver/report.mjs'

const num = (name, dflt) => (process.env[name] ? Number(process.env[name]) : dflt)
const cfg = {
  persons: num('BENCH_PERSONS', 2000),
  writeReps: num('BENCH_WRITE_REPS', 3),
  readReps: num('BENCH_READ_REPS', 5),
  saves: num('BENCH_SAVES', 50),
  coldReps: num('BENCH_COLD_REPS', 5),
  phases: new Set((process.env.BENCH_PHASES ?? 'write,read,log,cold,records').split(',')),
}
const want = (phase) => cfg.phases.has(phase)
const started = Date.now()
const log = (s) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}`)

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('building the app and the harness into dist-bench/ …')
    await buildAll()
  }
  const server = await serve()
  const browser = await launch()
  try {
    return await run(server.url, browser.context)
  } finally {
    await browser.close()
    await server.close()
  }
}

async function run(url, context) {
  const results = { cfg }
  const harness = await context.newPage()
  harness.on('pageerror', (e) => log(`harness error: ${e.message}`))
  // The harness runs before the app registers its service worker (whose navigation fallback would serve
  // the app's index.html for /bench/).
  await harness.goto(`${url}bench/index.html`)
  await harness.waitForFunction(() => !!window.bench)
  log(`generating the scale ledger (${cfg.persons} persons) …`)
  results.ledger = await call(harness, 'prepare', { persons: cfg.persons })
  log(`  ${JSON.stringify(results.ledger)}`)
  if (process.env.BENCH_BREAKDOWN === '1') {
    results.breakdown = await call(harness, 'breakdown', ['bulkPut', 'merge'])
    log(`  import breakdown: ${JSON.stringify(results.breakdown)}`)
  }
  if (want('write')) {
    log(`import vs raw put, ${cfg.writeReps}× each …`)
    results.write = await writePhase(harness, cfg.writeReps, log)
  } else {
    log('filling the app database (import, untimed) …')
    await call(harness, 'importFile', true)
  }
  if (want('read')) {
    log(`report vs raw getAll, ${cfg.readReps}× each …`)
    results.read = await readPhase(harness, cfg.readReps, log)
  }
  const app = await call(harness, 'setupApp')
  log(`  我是 ${app.name} (${app.identity}); ${app.variants.length} quick-log variants free today`)
  if (want('log')) {
    // The quick log's parts with the app's functions, at the same 4× CPU as the UI phase.
    const cdp = await throttle(context, harness)
    results.logParts = await call(harness, 'logParts')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await cdp.detach()
    log(`  quick-log parts at 4× CPU (median ms): ${JSON.stringify(results.logParts)}`)
  }
  await call(harness, 'release')
  await harness.close()

  if (want('log')) {
    log(`quick log, ${cfg.saves} saves at 4× CPU …`)
    results.log = await logPhase(context, url, app.variants, cfg.saves, log)
  }
  if (want('cold')) {
    log(`offline cold start, ${cfg.coldReps}× at 4× CPU …`)
    results.cold = await coldStartPhase(context, url, cfg.coldReps, log)
    results.js = { loaded: gzipKB(filesOf(results.cold.scripts, url)), entry: gzipKB(staticEntryFiles()) }
  }
  if (want('records')) {
    log('records page at scale …')
    results.records = await recordsPhase(context, url, log)
  }
  return results
}

const results = await main()
const r2 = (x) => Math.round(x * 100) / 100
const figures = {
  reportOverRawRead: results.read ? r2(results.read.ratio) : null,
  importOverRawWrite: results.write ? r2(results.write.ratio) : null,
  logP95Ms: results.log ? Math.round(results.log.p95) : null,
  coldStartMs: results.cold ? Math.round(results.cold.median) : null,
  initialJsKB: results.js ? Math.round(results.js.loaded.kb * 10) / 10 : null,
}
printReport(results, figures, (Date.now() - started) / 1000)
writeFileSync('bench-results.json', `${JSON.stringify(figures, null, 2)}\n`)
mkdirSync('node_modules/.tmp', { recursive: true })
writeFileSync('node_modules/.tmp/bench-details.json', `${JSON.stringify({ ...results, figures }, null, 2)}\n`)
console.log(`bench: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(' ')}`)
