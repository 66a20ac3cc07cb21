// Phase 1 (harness page, no throttle): import vs raw write, then report vs raw read, on the scale ledger.
import { median } from './stats.mjs'

const call = (page, fn, ...args) => page.evaluate(([f, a]) => window.bench[f](...a), [fn, args])

/**
 * Raw write and import alternate (so a slower minute of a shared machine hits both); the last import goes
 * into the app's own database ('xuefa-ledger') and stays there for the report and UI phases.
 */
export async function writePhase(page, reps, log) {
  const raw = []
  const imp = []
  for (let i = 0; i < reps; i++) {
    raw.push(await call(page, 'rawWrite'))
    log(`  raw put #${i + 1}: ${Math.round(raw.at(-1))} ms`)
    const r = await call(page, 'importFile', i === reps - 1)
    imp.push(r.ms)
    log(`  import #${i + 1}: ${Math.round(r.ms)} ms (${r.added} records added)`)
  }
  // Each import is divided by the raw put just before it (same minute of a shared machine), then the median.
  const pairs = imp.map((t, i) => t / raw[i])
  return { raw, imp, pairs, ratio: median(pairs) }
}

/**
 * The report (loadYearData + computeReportFigures) against the physical limit of reading its data: the
 * faster of two native getAll reads of the same object stores — every store whole (while the ledger holds
 * little more than a year, reading the store is cheapest) or the year's activities through the `date`
 * index range. The three alternate, `reps` times; the figure is the median of the per-round ratios
 * (report ÷ the faster raw read of the same round), so a busy minute on a shared machine cancels out.
 */
export async function readPhase(page, reps, log) {
  await call(page, 'openReaders')
  const out = { report: [], compute: [], rawWhole: [], rawYear: [], rawBest: [], pairs: [], rows: 0, activities: 0 }
  await call(page, 'rawRead', 'whole') // warm-up, untimed
  for (let i = 0; i < reps; i++) {
    const whole = await call(page, 'rawRead', 'whole')
    const year = await call(page, 'rawRead', 'year')
    const rep = await call(page, 'report')
    const best = Math.min(whole.ms, year.ms)
    out.rawWhole.push(whole.ms)
    out.rawYear.push(year.ms)
    out.rawBest.push(best)
    out.report.push(rep.ms)
    out.compute.push(rep.computeMs)
    out.pairs.push(rep.ms / best)
    out.rows = year.rows
    out.activities = rep.activities
    log(`  raw getAll whole ${Math.round(whole.ms)} ms · year range ${Math.round(year.ms)} ms (${year.rows} rows) · report ${Math.round(rep.ms)} ms (compute ${Math.round(rep.computeMs)})`)
  }
  // For the record, once: the report page's own load (Y and Y−1 + draft) and 记录 → 全部's first page.
  out.rawPage = (await call(page, 'rawRead', 'withPrevious')).ms
  out.page = (await call(page, 'reportPage')).ms
  out.records = await call(page, 'recordsPage')
  await call(page, 'closeReaders')
  out.ratio = median(out.pairs)
  return out
}

export { call }
