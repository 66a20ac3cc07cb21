/**
 * The county table as a workbook: one row per unit, one column per report figure, values as the report prints
 * them (numbers stay numbers, rates get a % format). Figures only: no person's record is in it.
 */
import { FIGURE_KEYS, figure, type FigureKey } from '../domain/report/registry'
import { formatZhDate, periodEnd } from '../domain/model/dates'
import type { CountyTable } from '../domain/sync/protocol'
import { figureValue, loadExcel } from './xlsx'
import { fillTableSheet } from './xlsx-sheet'

export function countyFileName(year: number): string {
  return `学法台账-各单位汇总-${year}年度.xlsx`
}

export async function buildCountyXlsx(table: CountyTable): Promise<Uint8Array> {
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = '学法台账'
  const ws = wb.addWorksheet('各单位汇总')
  fillTableSheet(ws, {
    title: `各单位学法用法情况汇总（${table.year}年度，截至${formatZhDate(periodEnd(table.year, table.asOf))}）`,
    headers: ['序号', '单位', ...FIGURE_KEYS.map((k) => figure(k).label)],
    rows: table.units.map((u, i) => [i + 1, u.unit.name, ...FIGURE_KEYS.map((k: FigureKey) => figureValue(k, u.printed[k] ?? ''))]),
    maxWidth: 16,
  })
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
