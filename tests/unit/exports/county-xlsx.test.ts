// The county table's workbook: one row per unit, every figure as the report prints it, no person in it.
import { describe, expect, it } from 'vitest'
import { buildCountyXlsx, countyFileName } from '@/exports/county-xlsx'
import { loadExcel } from '@/exports/xlsx'
import { computeReportFigures } from '@/domain/report/figures'
import { FIGURE_GROUPS, FIGURE_KEYS, figure, type FigureKey } from '@/domain/report/registry'
import type { CountyTable } from '@/domain/sync/protocol'
import { EXPECTED, exampleData } from './support'

describe('county xlsx', () => {
  it('lists each unit with every figure, a sheet per group in office form, rates as percentages, and no person', async () => {
    const f = computeReportFigures(exampleData(), 2023, '2023-12-31')
    const table: CountyTable = {
      year: 2023,
      asOf: '2023-12-31',
      units: [
        { unit: { id: 'u1', name: '示例单位' }, printed: f.printed, values: f.values, dataAsOf: null },
        { unit: { id: 'u2', name: '=HYPERLINK("x")局' }, printed: f.printed, values: f.values, dataAsOf: null },
      ],
    }
    const ExcelJS = await loadExcel()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await buildCountyXlsx(table)) as never)
    // One sheet per figure group, each a table of units × the group's figures, in the report's office form.
    expect(wb.worksheets.map((w) => w.name)).toEqual(FIGURE_GROUPS.map((g) => g.title))
    const cell = (k: FigureKey, unitRow: number) => {
      const ws = wb.getWorksheet(FIGURE_GROUPS.find((g) => g.keys.includes(k))!.title)!
      return ws.getCell(unitRow, 3 + (ws.getRow(3).values as unknown[]).slice(3).indexOf(figure(k).label))
    }
    for (const g of FIGURE_GROUPS) {
      const ws = wb.getWorksheet(g.title)!
      expect((ws.getRow(3).values as unknown[]).slice(1), g.id).toEqual(['序号', '单位', ...g.keys.map((k) => figure(k).label)])
      expect([ws.getCell(1, 1).value, ws.getCell(2, 1).value]).toEqual(['各单位学法用法情况汇总', `${g.title}（2023年度，截至2023年12月31日）`])
      expect(ws.getCell(1, 1).alignment?.horizontal).toBe('center')
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' })
      expect(ws.getCell(4, 2).value).toBe('示例单位')
      expect(String(ws.getCell(5, 2).value)).not.toMatch(/^=/)
    }
    for (const k of FIGURE_KEYS) {
      const c = cell(k, 4)
      const shown = c.numFmt === '0.0%' ? `${(Number(c.value) * 100).toFixed(1)}%` : c.numFmt === '0%' ? `${Math.round(Number(c.value) * 100)}%` : String(c.value)
      expect(shown, k).toBe(f.printed[k])
      if (k in EXPECTED.figures) expect(shown, k).toBe(EXPECTED.figures[k])
    }
    expect(cell('examParticipationRate', 4).numFmt).toBe('0.0%')
    const english: string[] = []
    for (const ws of wb.worksheets) {
      ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && /^[a-z]+[A-Z][A-Za-z]*$/.test(c.value) && english.push(c.value)))
    }
    expect(english).toEqual([])
    const text = JSON.stringify(wb.worksheets.map((ws) => ws.getSheetValues()))
    for (const name of ['甲', '乙', '丙', '丁', '戊']) expect(text).not.toContain(`"${name}"`)
    expect(countyFileName(2023)).toBe('学法台账-各单位汇总-2023年度.xlsx')
  })
})
