/**
 * The bench harness page (built by tests/bench/vite.bench.config.ts into dist-bench/bench/). It runs the
 * app's REAL code — src/db (LedgerDB, loadYearData, mergeRecords, importLedgerFile) and src/domain
 * (generateDemoLedger, buildLedgerFile, computeReportFigures) — next to the raw IndexedDB baseline, in
 * the same browser and profile, and exposes one function per step on `window.bench` for
 * scripts/bench.mjs. Every step returns plain numbers; timing is `performance.now()` in the page.
 */
import { DB_NAME, LedgerDB, SCHEMA_CURRENT } from '@/db/database'
import { DEFAULT_SETTINGS, setMeta } from '@/db/meta'
import { loadYearData } from '@/db/year-data'
import { importLedgerFile } from '@/db/ledger-io'
import { generateDemoLedger } from '@/domain/demo/ledger'
import { buildLedgerFile } from '@/domain/ledger/file'
import { computeReportFigures } from '@/domain/report/figures'
import { buildReportBundle, previousAsOf } from '@/domain/report/bundle'
import { localIsoDate, periodEnd, yearOf, yearStart } from '@/domain/model/dates'
import { MAX_HOURS_PER_DAY } from '@/domain/input/activity-input'
import { TABLE_NAMES, isTombstone, type Activity, type LedgerData, type LedgerRecords, type Person, type Unit } from '@/domain/model/types'
import { importBreakdown } from './import-breakdown'
import { quickLogParts, type QuickLogParts } from './quick-log-breakdown'
import { recordsFirstPage } from './alternatives'
import { syncSteps } from './sync/browser-steps'
import { deleteDatabase, getAllOf, openExisting, openWithSchema, parseDexieSchema, putAll, type ReadSpec } from './raw-idb'

const RAW_DB = 'bench-raw'
const IMPORT_DB = 'bench-import'
/** The app's reading/writing tables (meta is device state, not ledger records). */
const RECORD_SCHEMA = Object.fromEntries(TABLE_NAMES.map((t) => [t, SCHEMA_CURRENT[t]]))

interface State {
  today: string
  year: number
  unit: Unit
  records: LedgerRecords
  text: string
}

let state: State | null = null

function must(): State {
  if (!state) throw new Error('call bench.prepare() first')
  return state
}

function gc(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  gc()
  const t0 = performance.now()
  const value = await fn()
  return { ms: performance.now() - t0, value }
}

/** Generates the scale ledger (2,000 persons by default) as of the browser's local today, and its file text. */
async function prepare(opts: { persons?: number; today?: string } = {}) {
  const today = opts.today ?? localIsoDate(new Date())
  const demo = generateDemoLedger({ today, persons: opts.persons ?? 2000, deviceId: 'bench' })
  const file = await buildLedgerFile({
    purpose: 'backup',
    unit: demo.unit,
    deviceId: 'bench',
    personId: null,
    exportedAt: new Date().toISOString(),
    records: demo.records,
  })
  const text = JSON.stringify(file)
  if (!file.records) throw new Error('the scale ledger file has no records')
  const year = yearOf(today)
  state = { today, year, unit: demo.unit, records: file.records, text }
  const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, demo.records[t].length]))
  let attendeeEntries = 0
  for (const a of demo.records.activities) if (!isTombstone(a)) attendeeEntries += (a as Activity).attendees.length
  const totalRecords = TABLE_NAMES.reduce((n, t) => n + demo.records[t].length, 0)
  return { today, year, counts, totalRecords, attendeeEntries, fileBytes: new TextEncoder().encode(text).byteLength }
}

/** Raw baseline: `put` of the file's records into an empty database with the app's stores and indexes, one transaction. */
async function rawWrite(): Promise<number> {
  const { records } = must()
  await deleteDatabase(RAW_DB)
  const db = await openWithSchema(RAW_DB, parseDexieSchema(RECORD_SCHEMA))
  const { ms } = await timed(() => putAll(db, records as unknown as Record<string, unknown[]>, 'strict'))
  db.close()
  await deleteDatabase(RAW_DB)
  return ms
}

/**
 * The app's import of the file text (read, parse, validate, hash, checks, merge transaction) into an
 * empty ledger. `intoApp` imports into the app's own database ('xuefa-ledger') and keeps it; `keepAs` into a
 * database of that name, kept too (no deletion of 100 MB runs right after the timed import).
 */
async function importFile(intoApp: boolean, keepAs?: string): Promise<{ ms: number; status: string; added: number }> {
  const { text } = must()
  const name = intoApp ? DB_NAME : (keepAs ?? IMPORT_DB)
  await deleteDatabase(name)
  const db = new LedgerDB(name)
  await db.open()
  // The scale ledger's file outgrows the 100 MiB import limit late in the year; the bench times the import
  // pipeline, so the limit is lifted here (the app keeps it).
  const { ms, value } = await timed(() => importLedgerFile(db, text, { maxBytes: Number.POSITIVE_INFINITY }))
  db.close()
  if (!intoApp && !keepAs) await deleteDatabase(name)
  if (value.status !== 'done') throw new Error(`import failed: ${JSON.stringify(value)}`)
  const added = TABLE_NAMES.reduce((n, t) => n + value.summary[t].added, 0)
  return { ms, status: value.status, added }
}

/** Hours values a quick log may take (0.5 steps up to the daily maximum). */
function hourSteps(): number[] {
  return Array.from({ length: MAX_HOURS_PER_DAY * 2 }, (_, i) => (i + 1) / 2)
}

/**
 * Makes the app's ledger usable by the UI phases: "我是" an active enforcement officer, the keeper role.
 * Returns quick-log variants (kind, hours) that the officer has not logged today, so that 50 saves never
 * hit the duplicate check.
 */
async function setupApp(): Promise<{ identity: string; name: string; variants: { kind: 'self' | 'online'; hours: number }[] }> {
  const { records, today, year } = must()
  const me = (records.persons as Person[]).find(
    (p) => !isTombstone(p) && p.roles.includes('enforcement') && p.activeTo === null && p.activeFrom < yearStart(year),
  )
  if (!me) throw new Error('no active enforcement officer in the scale ledger')
  const db = new LedgerDB(DB_NAME)
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'identity', me.id)
    await setMeta(db, 'deviceRole', 'keeper')
  })
  const todays = (await db.activities.where('attendees').equals(me.id).toArray())
    .filter((a): a is Activity => !isTombstone(a) && a.date === today)
  db.close()
  const taken = new Set(todays.map((a) => `${a.kind}:${a.hours}`))
  const variants: { kind: 'self' | 'online'; hours: number }[] = []
  for (const hours of hourSteps()) {
    for (const kind of ['self', 'online'] as const) if (!taken.has(`${kind}:${hours}`)) variants.push({ kind, hours })
  }
  return { identity: me.id, name: me.name, variants }
}

let appDb: LedgerDB | null = null
let rawDb: IDBDatabase | null = null

/** Opens both connections to the app's database once (the app has its connection open when it reports). */
async function openReaders(): Promise<void> {
  appDb ??= new LedgerDB(DB_NAME)
  await appDb.open()
  rawDb ??= await openExisting(DB_NAME)
}

function closeReaders(): void {
  appDb?.close()
  rawDb?.close()
  appDb = null
  rawDb = null
}

interface ReportTiming {
  ms: number
  /** The part of `ms` spent after the data was read (computeReportFigures). */
  computeMs: number
  activities: number
  totalHours: number
}

async function timedReport(load: (db: LedgerDB, year: number, asOf: string) => Promise<LedgerData>): Promise<ReportTiming> {
  const { year, today } = must()
  await openReaders()
  const db = appDb as LedgerDB
  const { ms, value } = await timed(async () => {
    const data = await load(db, year, today)
    const readAt = performance.now()
    const figures = computeReportFigures(data, year, today, { countSelfReported: DEFAULT_SETTINGS.countSelfReported })
    return { n: data.activities.length, figures, computeMs: performance.now() - readAt }
  })
  return { ms, computeMs: value.computeMs, activities: value.n, totalHours: value.figures.values.totalHours ?? 0 }
}

/** The annual report exactly as the app computes it: loadYearData + computeReportFigures, year of today as of today. */
function report(): Promise<ReportTiming> {
  return timedReport(loadYearData)
}

/** 记录 → 全部's first page: the whole year now, the newest 50 through the index as recommended. */
async function recordsPage(): Promise<{ allMs: number; pageMs: number; rows: number }> {
  const { year } = must()
  await openReaders()
  gc()
  return recordsFirstPage(appDb as LedgerDB, year)
}

/** What the report page's store does: year Y and Y−1 (comparison), figures of both and the draft. */
async function reportPage(): Promise<{ ms: number }> {
  const { year, today, unit } = must()
  await openReaders()
  const db = appDb as LedgerDB
  const { ms } = await timed(async () => {
    const [data, previousData] = await Promise.all([loadYearData(db, year, today), loadYearData(db, year - 1, previousAsOf(year, today))])
    return buildReportBundle({ unitName: unit.name, year, asOf: today, opts: { countSelfReported: true }, data, previousData })
  })
  return { ms }
}

function readSpecs(ranges: { from: string; to: string }[]): ReadSpec[] {
  const whole = TABLE_NAMES.filter((t) => t !== 'activities').map((store) => ({ store }))
  return [...whole, ...ranges.map((r) => ({ store: 'activities', index: 'date', ...r }))]
}

/**
 * Raw baseline of the report's read: native `getAll` of the same object stores in one transaction, the
 * activities through the same `date` index range (the same rows loadYearData reads). `whole` reads
 * every activity instead; `withPrevious` adds last year's range (the report page's read).
 */
async function rawRead(mode: 'year' | 'whole' | 'withPrevious' = 'year'): Promise<{ ms: number; rows: number }> {
  const { year, today } = must()
  await openReaders()
  const db = rawDb as IDBDatabase
  const thisYear = { from: yearStart(year), to: periodEnd(year, today) }
  const prev = { from: yearStart(year - 1), to: periodEnd(year - 1, previousAsOf(year, today)) }
  const specs =
    mode === 'whole' ? TABLE_NAMES.map((store) => ({ store })) : readSpecs(mode === 'year' ? [thisYear] : [thisYear, prev])
  const { ms, value } = await timed(() => getAllOf(db, specs))
  return { ms, rows: value.reduce((a, b) => a + b, 0) }
}

/** Releases the ledger (records, file text) and every connection before the app pages run. */
function release(): void {
  closeReaders()
  state = null
  gc()
}

/** Stage timings of an import (profiling aid). */
function breakdown(writes: ('merge' | 'bulkPut')[] = ['merge']): Promise<Record<string, number>> {
  return importBreakdown(must().text, writes)
}

/** The parts of a quick log with the app's functions (run at 4× CPU by the driver); see quick-log-breakdown.ts. */
function logParts(): Promise<QuickLogParts> {
  const { records, today } = must()
  return quickLogParts((records.persons as Person[]).filter((p) => !isTombstone(p)), today)
}

const bench = { breakdown, logParts, recordsPage, prepare, rawWrite, importFile, setupApp, report, reportPage, rawRead, release, openReaders, closeReaders, ...syncSteps }

declare global {
  interface Window {
    bench: typeof bench
  }
}

window.bench = bench
document.getElementById('status')!.textContent = 'bench harness ready'
