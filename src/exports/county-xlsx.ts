/**
 * The county table as a workbook in the report's office form: one sheet per figure group (人员, 学法活动, 学时, 考试,
 * 指标完成), each one row per unit and one column per figure of the group, so that every sheet prints on a landscape
 * A4 page at a readable size; values as the report prints them (numbers stay numbers, rates get a % format).
 * Figures only: no person's record is in it.
 */
import { FIGURE_GROUPS, figure } from '../domain/report/registry'
import { formatZhDate, periodEnd } from '../domain/model/dates'
import type { CountyTable } from '../domain/sync/protocol'
import { figureValue, loadExcel } from './xlsx'
import { fillTableSheet, sheetName } from './xlsx-sheet'

export function countyFileName(year: number): string {
  return `学法台账-各单位汇总-${year}年度.xlsx`
}

export async function buildCountyXlsx(table: CountyTable): Promise<Uint8Array> {
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  wb.creator = '学法台账'
  const taken = new Set<string>()
  const period = `${table.year}年度，截至${formatZhDate(periodEnd(table.year, table.asOf))}`
  for (const g of FIGURE_GROUPS) {
    const ws = wb.addWorksheet(sheetName(g.title, taken))
    fillTableSheet(ws, {
      title: '各单位学法用法情况汇总',
      subtitles: [`${g.title}（${period}）`],
      headers: ['序号', '单位', ...g.keys.map((k) => figure(k).label)],
      rows: table.units.map((u, i) => [i + 1, u.unit.name, ...g.keys.map((k) => figureValue(k, u.printed[k] ?? ''))]),
      minWidth: 8,
      maxWidth: 24,
    })
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}
