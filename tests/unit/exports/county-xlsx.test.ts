// The county table's workbook: one row per unit, every figure as the report prints it, no person in it.
import { describe, expect, it } from 'vitest'
import { buildCountyXlsx, countyFileName } from '@/exports/county-xlsx'
import { loadExcel } from '@/exports/xlsx'
import { computeReportFigures } from '@/domain/report/figures'
import { FIGURE_KEYS, FIGURE_LABELS } from '@/domain/model/labels'
import type { CountyTable } from '@/domain/sync/protocol'
import { EXPECTED, exampleData } from './support'

describe('county xlsx', () => {
  it('lists each unit with every figure, rates as percentages, and no person', async () => {
    const f = computeReportFigures(exampleData(), 2023, '2023-12-31')
    const table: CountyTable = {
      year: 2023,
      asOf: '2023-12-31',
      units: [
        { unit: { id: 'u1', name: '示例单位' }, state: 'current', printed: f.printed, values: f.values, dataAsOf: null },
        { unit: { id: 'u2', name: '=HYPERLINK("x")局' }, state: 'current', printed: f.printed, values: f.values, dataAsOf: null },
      ],
    }
    const ExcelJS = await loadExcel()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await buildCountyXlsx(table)) as never)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(2).values as unknown[]).slice(1)
    expect(header).toEqual(['序号', '单位', ...FIGURE_KEYS.map((k) => FIGURE_LABELS[k])])
    const row = (ws.getRow(3).values as unknown[]).slice(1)
    expect(row[1]).toBe('示例单位')
    const at = (k: string) => row[2 + FIGURE_KEYS.indexOf(k as never)]
    expect(String(at('staffCount'))).toBe(EXPECTED.figures.staffCount)
    expect(at('examParticipationRate')).toBeCloseTo(0.667, 3)
    expect(ws.getCell(3, 3 + FIGURE_KEYS.indexOf('examParticipationRate')).numFmt).toBe('0.0%')
    expect(String((ws.getRow(4).values as unknown[])[2])).not.toMatch(/^=/)
    const text = JSON.stringify(ws.getSheetValues())
    for (const name of ['甲', '乙', '丙', '丁', '戊']) expect(text).not.toContain(`"${name}"`)
    expect(countyFileName(2023)).toBe('学法台账-各单位汇总-2023年度.xlsx')
  })
})
