// The bench's table: each budgeted figure with its parts, its budget and pass/fail, then the context rows.
import { median, round, seconds } from './stats.mjs'

export const BUDGETS = {
  reportOverRawRead: 1.3,
  importOverRawWrite: 2,
  logP95Ms: 50,
  coldStartMs: 1000,
  initialJsKB: 100,
}

const ms = (x) => `${Math.round(x)} ms`

const HOW = {
  reportOverRawRead: (r) =>
    `median of ${r.read.pairs.length} pairs; report ${ms(median(r.read.report))} (compute ${ms(median(r.read.compute))}), raw getAll ${ms(median(r.read.rawBest))}`,
  importOverRawWrite: (r) => `median of ${r.write.pairs.length} pairs (${r.write.pairs.map((q) => round(q, 2)).join(' ')}); import ${seconds(median(r.write.imp))}, raw put ${seconds(median(r.write.raw))}`,
  logP95Ms: (r) => `p95 of ${r.log.times.length} saves (median ${ms(r.log.median)}), 4× CPU`,
  coldStartMs: (r) => `median of ${r.cold.times.length} offline starts, 4× CPU`,
  initialJsKB: (r) => `${r.js.loaded.rows.length} scripts loaded by #/ (entry + preloads alone: ${round(r.js.entry.kb, 1)} KB)`,
}

export function printReport(r, figures, elapsedS) {
  const rows = Object.keys(BUDGETS).map((key) => [key, figures[key] === null ? 'not measured (BENCH_PHASES)' : HOW[key](r)])
  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
  const widths = [20, 9, 8, 6, 0]
  console.log('')
  console.log(line(['figure', 'value', 'budget', 'pass', 'measured as'], widths))
  console.log(line(['-'.repeat(20), '-'.repeat(9), '-'.repeat(8), '-'.repeat(6), '-'.repeat(40)], widths))
  for (const [key, how] of rows) {
    const verdict = figures[key] === null ? 'n/a' : figures[key] <= BUDGETS[key] ? 'pass' : 'FAIL'
    console.log(line([key, figures[key] ?? '-', `≤ ${BUDGETS[key]}`, verdict, how], widths))
  }
  const ctx = [
    ['ledger', `${r.ledger.totalRecords} records (${r.ledger.counts.activities} activities, ${r.ledger.attendeeEntries} attendee entries), file ${round(r.ledger.fileBytes / 1048576, 1)} MiB, today ${r.ledger.today}`],
  ]
  if (r.read) {
    const x = r.read
    ctx.push(['raw getAll', `whole stores ${ms(median(x.rawWhole))} (${r.ledger.counts.activities} activities) · date range ${ms(median(x.rawYear))} (${x.rows} rows, all stores)`])
    ctx.push(['report ÷ raw, per pair', x.pairs.map((q) => round(q, 2)).join(' ')])
    ctx.push(['report page (Y and Y−1), once', `${ms(x.page)} / raw date ranges ${ms(x.rawPage)} = ${round(x.page / x.rawPage, 2)}`])
    ctx.push(['记录 → 全部 first page, once', `whole year read + sort ${ms(x.records.allMs)} (${x.records.rows} rows) · newest 50 by index ${ms(x.records.pageMs)}`])
  }
  if (r.logParts) {
    const p = r.logParts
    ctx.push(['quick log, data side (4× CPU)', `the app's save ${ms(p.appSaveMs)} · commitChanges ${ms(p.commitStrictMs)} strict / ${ms(p.commitRelaxedMs)} relaxed · floor: one native put ${ms(p.rawPutStrictMs)} strict / ${ms(p.rawPutRelaxedMs)} relaxed`])
  }
  if (r.records) {
    const x = r.records
    ctx.push(['records list (全部)', `first rows ${ms(x.firstRowsMs)} (${x.totalText}); ${x.rowsBefore} → ${x.rowsAfter} rows in the DOM after a ${x.frames}-frame scroll; frame median ${ms(x.frameMedian)}, p95 ${ms(x.frameP95)}, ${x.longFrames} frames > 50 ms (4× CPU)`])
  }
  ctx.push(['total bench time', seconds(elapsedS * 1000)])
  if (r.breakdown) ctx.splice(1, 0, ['import stages (ms)', JSON.stringify(r.breakdown)])
  console.log('')
  for (const [k, v] of ctx) console.log(`${k.padEnd(34)}${v}`)
  console.log('')
}
