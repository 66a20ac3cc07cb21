/**
 * The county table, kept ready. Each unit's figures are stored per (year, as-of date) with the unit's seq they
 * were computed at (table county_figures); a row whose seq is not the unit's current seq is never served. They
 * are computed in the background, by the report's own function (county.ts):
 *
 * - after a unit's pushes settle (`unitChanged`: `settleMs` after the last push, at most `maxSettleMs` after the
 *   first), for the periods the county most likely opens: this year as of today, last year as of its end, and
 *   the periods county accounts asked for in the last day;
 * - at start, when the date changes, and every few minutes, for every unit whose row for those periods is stale;
 * - on demand, first in line, for the units a county table request finds stale.
 *
 * At most `concurrency` units are computed at once, each one a read-only snapshot (no lock a push waits for).
 * Nothing is computed while the service has no county account. A table request waits up to `waitMs` for the
 * stale units, then answers them as `computing` (the page asks again); their computation goes on.
 */
import type pg from 'pg'
import { readUnitYear, storeFigures, unitFigures, type Period } from './county'
import { localIsoDate, yearOf } from '../../src/domain/model/dates'
import { FIGURE_KEYS } from '../../src/domain/report/registry'
import type { CountyTable, CountyUnitRow } from '../../src/domain/sync/protocol'

export interface CountyCacheOptions {
  db: pg.Pool
  /** Units computed at once (1 on the embedded engine: it runs one query at a time). */
  concurrency: number
  settleMs?: number
  maxSettleMs?: number
  /** How long a table request waits for stale units before answering them as `computing`. */
  waitMs?: number
  /** The service's date (its time zone: TZ). */
  today?: () => string
  onError?: (e: unknown, unitId: string) => void
}

interface Job {
  unitId: string
  period: Period
  done: Promise<void>
  resolve: () => void
}

const keyOf = (unitId: string, p: Period) => `${unitId}|${p.year}|${p.asOf}`
const ASKED_FOR_MS = 24 * 3600_000
const SWEEP_MS = 5 * 60_000

interface TableRow {
  id: string
  name: string
  seq: string
  changed_at: Date | null
  figures: string | null
}

export class CountyFigures {
  private readonly db: pg.Pool
  private readonly opts: Required<Omit<CountyCacheOptions, 'db' | 'onError'>> & Pick<CountyCacheOptions, 'onError'>
  private readonly queue: Job[] = []
  private readonly queued = new Map<string, Job>()
  private readonly running = new Set<Promise<void>>()
  /** Look-ups that may put units in line (sweeps, settled pushes). */
  private readonly chores = new Set<Promise<void>>()
  private readonly settling = new Map<string, { timer: NodeJS.Timeout; firstAt: number }>()
  private readonly asked = new Map<string, { period: Period; at: number }>()
  /** Keys whose last computation failed, with the seq it failed at. */
  private readonly failed = new Map<string, string>()
  private ticker: NodeJS.Timeout | null = null
  private sweptDay = ''
  private sweptAt = 0
  private closed = false

  constructor(opts: CountyCacheOptions) {
    this.db = opts.db
    this.opts = { settleMs: 3000, maxSettleMs: 60_000, waitMs: 2000, today: () => localIsoDate(new Date()), ...opts }
  }

  /** Sweeps once now, then checks every minute for a new date (and sweeps every few minutes anyway). */
  start(): void {
    this.chore(this.sweep())
    this.ticker = setInterval(() => {
      if (this.opts.today() !== this.sweptDay || Date.now() - this.sweptAt > SWEEP_MS) this.chore(this.sweep())
    }, 60_000)
    this.ticker.unref()
  }

  /** A push stored something for the unit: compute its figures again once its pushes settle. */
  unitChanged(unitId: string): void {
    if (this.closed) return
    const now = Date.now()
    const pending = this.settling.get(unitId)
    if (pending) clearTimeout(pending.timer)
    const firstAt = pending?.firstAt ?? now
    const delay = Math.max(0, Math.min(this.opts.settleMs, firstAt + this.opts.maxSettleMs - now))
    const timer = setTimeout(() => {
      this.settling.delete(unitId)
      this.chore(this.ifCounty(async () => this.warmPeriods().forEach((p) => void this.enqueue(unitId, p, false))))
    }, delay)
    this.settling.set(unitId, { timer, firstAt })
  }

  /** Every unit with its figures for the period: `current` ones from the cache, the others being computed. */
  async table(p: Period): Promise<CountyTable> {
    this.asked.set(`${p.year}|${p.asOf}`, { period: p, at: Date.now() })
    let rows = await this.readRows(p)
    const stale = rows.filter((r) => !this.isServable(r, p))
    if (stale.length && this.opts.waitMs > 0) {
      const jobs = stale.map((r) => this.enqueue(r.id, p, true))
      let timer: NodeJS.Timeout | undefined
      await Promise.race([Promise.all(jobs), new Promise((r) => (timer = setTimeout(r, this.opts.waitMs)))])
      clearTimeout(timer)
      rows = await this.readRows(p)
    }
    return { year: p.year, asOf: p.asOf, units: rows.map((r) => this.rowOf(r, p)) }
  }

  /** Resolves when nothing is settling, queued or running (tests, the bench). */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.settling.size) await new Promise((r) => setTimeout(r, this.opts.settleMs))
      else if (this.chores.size || this.running.size) await Promise.all([...this.chores, ...this.running])
      else return
    }
  }

  /** Stops the timers and waits for the computations already running (shutdown). */
  async close(): Promise<void> {
    this.closed = true
    if (this.ticker) clearInterval(this.ticker)
    for (const s of this.settling.values()) clearTimeout(s.timer)
    this.settling.clear()
    for (const job of this.queue.splice(0)) job.resolve()
    this.queued.clear()
    await Promise.all([...this.chores, ...this.running])
  }

  private isServable(r: TableRow, p: Period): boolean {
    return r.figures !== null || this.failed.get(keyOf(r.id, p)) === r.seq
  }

  private rowOf(r: TableRow, p: Period): CountyUnitRow {
    const base = { unit: { id: r.id, name: r.name }, dataAsOf: r.changed_at?.toISOString() ?? null }
    if (r.figures) return { ...base, state: 'current', ...(JSON.parse(r.figures) as Pick<CountyUnitRow, 'printed' | 'values'>) }
    const state = this.failed.get(keyOf(r.id, p)) === r.seq ? 'failed' : 'computing'
    // A unit still stale after the wait: make sure it is in line (a push may have come in meanwhile).
    if (state === 'computing') void this.enqueue(r.id, p, true)
    return { ...base, state, printed: {}, values: {} }
  }

  /** Every unit with its figures for the period when they are current (at the unit's seq), else null. */
  private async readRows(p: Period): Promise<TableRow[]> {
    const { rows } = await this.db.query<TableRow>(
      `SELECT u.id, u.name, u.seq, u.changed_at, f.figures FROM units u
         LEFT JOIN county_figures f ON f.unit_id = u.id AND f.year = $1 AND f.as_of = $2 AND f.seq = u.seq
        ORDER BY u.name, u.id`,
      [p.year, p.asOf],
    )
    // Figures stored by an older build lack the figures added since: not current, computed again.
    for (const r of rows) if (r.figures !== null && !hasEveryFigure(r.figures)) r.figures = null
    return rows
  }

  /** This year as of today, last year as of its end, and what county accounts asked for in the last day. */
  private warmPeriods(): Period[] {
    const today = this.opts.today()
    const year = yearOf(today)
    const out = new Map<string, Period>([
      [`${year}|${today}`, { year, asOf: today }],
      [`${year - 1}|${year - 1}-12-31`, { year: year - 1, asOf: `${year - 1}-12-31` }],
    ])
    for (const [k, a] of this.asked) {
      if (Date.now() - a.at > ASKED_FOR_MS) this.asked.delete(k)
      else out.set(k, a.period)
    }
    return [...out.values()]
  }

  private chore(p: Promise<void>): void {
    this.chores.add(p)
    void p.finally(() => this.chores.delete(p))
  }

  /** Runs `fn` when the service has a county account (else nobody would read the figures). */
  private async ifCounty(fn: () => Promise<void>): Promise<void> {
    try {
      const { rows } = await this.db.query("SELECT 1 FROM devices WHERE role = 'county' AND revoked_at IS NULL LIMIT 1")
      if (rows.length && !this.closed) await fn()
    } catch (e) {
      this.opts.onError?.(e, '')
    }
  }

  /** Puts every unit whose figures for the warm periods are stale in line (not those still settling). */
  private async sweep(): Promise<void> {
    this.sweptDay = this.opts.today()
    this.sweptAt = Date.now()
    await this.ifCounty(async () => {
      for (const p of this.warmPeriods()) {
        const rows = await this.readRows(p)
        for (const r of rows) if (!this.isServable(r, p) && !this.settling.has(r.id)) void this.enqueue(r.id, p, false)
      }
    })
  }

  /**
   * A computation of the unit's figures that has not started yet (so it reads data at least as new as the
   * caller saw); `urgent` puts it first in line.
   */
  private enqueue(unitId: string, period: Period, urgent: boolean): Promise<void> {
    const key = keyOf(unitId, period)
    let job = this.queued.get(key)
    if (job && urgent) this.queue.splice(this.queue.indexOf(job), 1)
    if (!job) {
      if (this.closed) return Promise.resolve()
      let resolve!: () => void
      const done = new Promise<void>((r) => (resolve = r))
      job = { unitId, period, done, resolve }
      this.queued.set(key, job)
    }
    if (urgent) this.queue.unshift(job)
    else if (!this.queue.includes(job)) this.queue.push(job)
    this.pump()
    return job.done
  }

  private pump(): void {
    while (this.running.size < this.opts.concurrency && this.queue.length) {
      const job = this.queue.shift() as Job
      this.queued.delete(keyOf(job.unitId, job.period))
      const run = this.compute(job).finally(() => {
        this.running.delete(run)
        job.resolve()
        this.pump()
      })
      this.running.add(run)
    }
  }

  private async compute(job: Job): Promise<void> {
    const key = keyOf(job.unitId, job.period)
    let seq: string | null = null
    try {
      // Let pending requests run between two units: the figures are computed on the event loop.
      await new Promise((r) => setImmediate(r))
      const read = await readUnitYear(this.db, job.unitId, job.period.year)
      if (!read) return
      seq = read.seq
      const figures = unitFigures(read.data, job.period)
      await storeFigures(this.db, job.unitId, job.period, read.seq, JSON.stringify(figures))
      this.failed.delete(key)
    } catch (e) {
      // A computation that failed on the data (not on the database) is not retried until the unit changes.
      if (seq !== null) this.failed.set(key, seq)
      this.opts.onError?.(e, job.unitId)
    }
  }
}

/** True when stored figures carry every key of the registry (a build that added figures recomputes the rest). */
function hasEveryFigure(figures: string): boolean {
  const printed = (JSON.parse(figures) as { printed?: Record<string, unknown> }).printed ?? {}
  return FIGURE_KEYS.every((k) => k in printed)
}
