/**
 * A unit's report figures for the county: computed by the same domain function as the report page
 * (computeReportFigures) from the unit's live records of the year. Figures only: no person's record leaves this
 * module. The table of every unit, and the cache that keeps it ready, is county-cache.ts.
 */
import type pg from 'pg'
import { ApiError } from './errors'
import { inTransaction } from './storage'
import { computeReportFigures } from '../../src/domain/report/figures'
import { draftReportParagraph } from '../../src/domain/report/draft'
import { isIsoDate } from '../../src/domain/model/dates'
import type { CountyUnitRow } from '../../src/domain/sync/protocol'
import type { LedgerData, Unit } from '../../src/domain/model/types'

export interface Period {
  year: number
  asOf: string
}

export function readPeriod(query: unknown): Period {
  const q = (query ?? {}) as Record<string, unknown>
  const year = Number(q.year)
  const asOf = String(q.asOf ?? '')
  if (!Number.isInteger(year) || year < 1900 || year > 2999) throw new ApiError(400, '年度无效，请选择 1900–2999 之间的年份。')
  if (!isIsoDate(asOf)) throw new ApiError(400, '截至日期无效，应为 YYYY-MM-DD 格式的日期。')
  return { year, asOf }
}

/** A unit's live records that the figures of year Y read: the roster, exams, results, targets, Y's activities. */
async function loadYear(db: pg.Pool | pg.PoolClient, unitId: string, year: number): Promise<LedgerData> {
  const { rows } = await db.query<{ tbl: keyof LedgerData; body: string }>(
    `SELECT tbl, body FROM records WHERE unit_id = $1 AND NOT deleted
       AND (tbl IN ('sections', 'persons', 'examResults', 'targetSets') OR (tbl IN ('activities', 'exams') AND yr = $2))`,
    [unitId, year],
  )
  const data: LedgerData = { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }
  for (const r of rows) (data[r.tbl] as unknown[]).push(JSON.parse(r.body))
  return data
}

/**
 * A unit's records for the figures of a year and its seq, read in one read-only snapshot so that they agree: the
 * figures are cached under that seq, never a later one. Null for a unit the service does not hold.
 */
export async function readUnitYear(db: pg.Pool, unitId: string, year: number): Promise<{ seq: string; data: LedgerData } | null> {
  return inTransaction(db, async (c) => {
    await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY')
    const unit = await c.query<{ seq: string }>('SELECT seq FROM units WHERE id = $1', [unitId])
    if (!unit.rows[0]) return null
    return { seq: unit.rows[0].seq, data: await loadYear(c, unitId, year) }
  })
}

/** What the county table shows of a unit's report. */
export function unitFigures(data: LedgerData, p: Period): Pick<CountyUnitRow, 'printed' | 'values'> {
  const f = computeReportFigures(data, p.year, p.asOf)
  return { printed: f.printed, values: f.values }
}

/**
 * Stores a unit's figures at a seq; an older seq never replaces a newer one. Rows of the unit at an older seq
 * can never be served again and are removed.
 */
export async function storeFigures(db: pg.Pool, unitId: string, p: Period, seq: string, figures: string): Promise<void> {
  await db.query(
    `INSERT INTO county_figures (unit_id, year, as_of, seq, figures) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (unit_id, year, as_of) DO UPDATE SET seq = EXCLUDED.seq, figures = EXCLUDED.figures
       WHERE county_figures.seq <= EXCLUDED.seq`,
    [unitId, p.year, p.asOf, seq, figures],
  )
  await db.query('DELETE FROM county_figures WHERE unit_id = $1 AND seq < $2', [unitId, seq])
}

export interface CountyUnitReport extends Omit<CountyUnitRow, 'state'> {
  year: number
  asOf: string
  lawsStudied: { title: string; count: number }[]
  draft: string
  targetsMet: number
  targetsTotal: number
}

/** One unit's report: figures, laws studied and the drafted paragraph (no person's records). */
export async function countyUnitReport(db: pg.Pool, unitId: string, p: Period): Promise<CountyUnitReport> {
  const { rows } = await db.query<{ id: string; name: string; changed_at: Date | null }>('SELECT id, name, changed_at FROM units WHERE id = $1', [unitId])
  const u = rows[0]
  if (!u) throw new ApiError(404, '同步服务上没有这个单位。')
  const f = computeReportFigures(await loadYear(db, u.id, p.year), p.year, p.asOf)
  const unit: Unit = { id: u.id, name: u.name }
  return {
    unit,
    year: p.year,
    asOf: p.asOf,
    printed: f.printed,
    values: f.values,
    dataAsOf: u.changed_at?.toISOString() ?? null,
    lawsStudied: f.lawsStudied,
    draft: draftReportParagraph({ printed: f.printed, annualExam: f.annualExam }, { unitName: u.name, year: p.year, asOf: p.asOf, lawsStudied: f.lawsStudied }),
    targetsMet: f.targets.metCount,
    targetsTotal: f.targets.total,
  }
}
