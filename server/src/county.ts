/**
 * The county table: every unit on the service side by side with its report figures, computed by the same domain
 * function as the report page (computeReportFigures) from the unit's live records of the year. Figures only: no
 * person's record leaves this module. Each unit's figures are kept per (year, as-of date) while the unit's seq is
 * unchanged, so a county table of many units is recomputed only for the units that changed.
 */
import type pg from 'pg'
import { ApiError } from './errors'
import { computeReportFigures } from '../../src/domain/report/figures'
import { draftReportParagraph } from '../../src/domain/report/draft'
import { isIsoDate } from '../../src/domain/model/dates'
import type { CountyTable, CountyUnitRow } from '../../src/domain/sync/protocol'
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
async function loadYear(db: pg.Pool, unitId: string, year: number): Promise<LedgerData> {
  const { rows } = await db.query<{ tbl: keyof LedgerData; body: string }>(
    `SELECT tbl, body FROM records WHERE unit_id = $1 AND NOT deleted
       AND (tbl IN ('sections', 'persons', 'examResults', 'targetSets') OR (tbl IN ('activities', 'exams') AND yr = $2))`,
    [unitId, year],
  )
  const data: LedgerData = { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }
  for (const r of rows) (data[r.tbl] as unknown[]).push(JSON.parse(r.body))
  return data
}

interface UnitRow {
  id: string
  name: string
  seq: string
  changed_at: Date | null
}

type Cached = Pick<CountyUnitRow, 'printed' | 'values'>

async function figuresOf(db: pg.Pool, unit: UnitRow, p: Period): Promise<Cached> {
  const cached = await db.query<{ figures: string }>(
    'SELECT figures FROM county_figures WHERE unit_id = $1 AND year = $2 AND as_of = $3 AND seq = $4',
    [unit.id, p.year, p.asOf, unit.seq],
  )
  if (cached.rows[0]) return JSON.parse(cached.rows[0].figures) as Cached
  const f = computeReportFigures(await loadYear(db, unit.id, p.year), p.year, p.asOf)
  const out: Cached = { printed: f.printed, values: f.values }
  await db.query(
    `INSERT INTO county_figures (unit_id, year, as_of, seq, figures) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (unit_id, year, as_of) DO UPDATE SET seq = EXCLUDED.seq, figures = EXCLUDED.figures`,
    [unit.id, p.year, p.asOf, unit.seq, JSON.stringify(out)],
  )
  return out
}

/** Every unit on the service with its figures, in name order. */
export async function countyTable(db: pg.Pool, p: Period): Promise<CountyTable> {
  const { rows } = await db.query<UnitRow>('SELECT id, name, seq, changed_at FROM units ORDER BY name, id')
  const units: CountyUnitRow[] = []
  for (const u of rows) {
    const f = await figuresOf(db, u, p)
    units.push({ unit: { id: u.id, name: u.name }, ...f, dataAsOf: u.changed_at?.toISOString() ?? null })
  }
  return { year: p.year, asOf: p.asOf, units }
}

export interface CountyUnitReport extends CountyUnitRow {
  year: number
  asOf: string
  lawsStudied: { title: string; count: number }[]
  draft: string
  targetsMet: number
  targetsTotal: number
}

/** One unit's report: figures, laws studied and the drafted paragraph (no person's records). */
export async function countyUnitReport(db: pg.Pool, unitId: string, p: Period): Promise<CountyUnitReport> {
  const { rows } = await db.query<UnitRow>('SELECT id, name, seq, changed_at FROM units WHERE id = $1', [unitId])
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
