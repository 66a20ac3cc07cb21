// The workbook: its sheets, every figure as printed, frozen headers, widths, neutralised text; read back with exceljs.
import { describe, expect, it } from 'vitest'
import type { Workbook, Worksheet } from 'exceljs'
import { buildReportXlsx, figureValue, loadExcel } from '../../../src/exports/xlsx'
import { sheetName, textWidth } from '../../../src/exports/xlsx-sheet'
import { FIGURE_GROUPS, FIGURE_KEYS, figure } from '../../../src/domain/report/registry'
import { personTable, cellText } from '../../../src/domain/report/table'
import type { ReportBundle } from '../../../src/domain/report/bundle'
import { EXPECTED, exampleBundle } from './support'

async function readBack(b: ReportBundle): Promise<Workbook> {
  const bytes = await buildReportXlsx(b)
  const ExcelJS = await loadExcel()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as never)
  return wb
}

/** Column values of a sheet (1-based rows → arrays of cell text as Excel would show). */
function shown(ws: Worksheet, row: number, col: number): string {
  const c = ws.getRow(row).getCell(col)
  const v = c.value
  if (typeof v === 'number') {
    if (c.numFmt === '0%') return `${Math.round(v * 100)}%`
    if (c.numFmt === '0.0%') return `${(v * 100).toFixed(1)}%`
    return String(v)
  }
  return v === null || v === undefined ? '' : String(v)
}

describe('xlsx', () => {
  it('has 汇总, 人员明细, 学法活动 and one 登记卡 per enforcement officer', async () => {
    const wb = await readBack(exampleBundle())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '人员明细', '学法活动', '登记卡-丙', '登记卡-乙'])
  })

  it('holds every figure key with its label and the printed value', async () => {
    const wb = await readBack(exampleBundle())
    const ws = wb.getWorksheet('汇总')!
    const byKey = new Map<string, number>()
    ws.eachRow((r, n) => {
      const k = r.getCell(6).value
      if (typeof k === 'string') byKey.set(k, n)
    })
    for (const key of FIGURE_KEYS) {
      expect(byKey.has(key), key).toBe(true)
      expect(shown(ws, byKey.get(key)!, 3), key).toBe(EXPECTED.figures[key])
    }
    // The registry decides the rows: its order, its group titles and labels.
    expect([...byKey.keys()].filter((k) => (FIGURE_KEYS as string[]).includes(k))).toEqual(FIGURE_KEYS)
    for (const key of FIGURE_KEYS) {
      const group = FIGURE_GROUPS.find((g) => g.id === figure(key).group)!
      expect([shown(ws, byKey.get(key)!, 1), shown(ws, byKey.get(key)!, 2)], key).toEqual([group.title, figure(key).label])
    }
    expect(shown(ws, 2, 1)).toBe('分组')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
  })

  it('prints rates as real numbers whose format shows the printed text', () => {
    expect(figureValue('examParticipationRate', '66.7%')).toEqual({ value: 0.667, numFmt: '0.0%' })
    expect(figureValue('examPassRate', '100%')).toEqual({ value: 1, numFmt: '0%' })
    expect(figureValue('avgHours', '35.3')).toBe(35.3)
    expect(figureValue('preAppointmentPassRate', '—')).toBe('—')
  })

  it('has the per-person table with Chinese headers, a frozen header row and column widths', async () => {
    const b = exampleBundle()
    const wb = await readBack(b)
    const ws = wb.getWorksheet('人员明细')!
    const table = personTable(b.figures)
    expect(table.headers.map((_, i) => shown(ws, 2, i + 1))).toEqual([...table.headers])
    table.rows.forEach((r, i) => expect(r.map((_, j) => shown(ws, i + 3, j + 1))).toEqual(r.map(cellText)))
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 })
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6)
  })

  it('lists every activity with its attendee count', async () => {
    const b = exampleBundle()
    const wb = await readBack(b)
    const ws = wb.getWorksheet('学法活动')!
    expect(ws.rowCount - 2).toBe(b.data.activities.length)
    const counts = b.data.activities.map((a) => new Set(a.attendees).size).sort()
    const read = Array.from({ length: ws.rowCount - 2 }, (_, i) => Number(shown(ws, i + 3, 12))).sort()
    expect(read).toEqual(counts)
  })

  it('writes a training card with running totals, category totals and the target', async () => {
    const wb = await readBack(exampleBundle())
    const ws = wb.getWorksheet('登记卡-乙')!
    const text: string[] = []
    ws.eachRow((r) => text.push((r.values as unknown[]).slice(1).map((v) => (v ?? '') as string).join('|')))
    const all = text.join('\n')
    expect(all).toContain('执法人员业务培训登记卡')
    expect(all).toContain('公共法律知识合计')
    expect(all).toMatch(/\|年度目标学时\|\|\|60/)
    expect(all).toMatch(/\|达标情况\|\|\|未达标/)
    expect(all).toMatch(/\|合计\|\|\|35/)
    expect(all).toContain('业务培训')
    const header = text.findIndex((t) => t.startsWith('序号'))
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header + 1 })
  })

  it('neutralises formula-like text in every sheet', async () => {
    const b = exampleBundle((d) => {
      d.persons[1] = { ...d.persons[1], name: '=cmd|calc' }
      d.activities[0] = { ...d.activities[0], title: '+SUM(1)', organizer: '@org' }
    })
    const wb = await readBack(b)
    const cells: string[] = []
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && cells.push(c.value)))
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([])
    expect(cells).toContain("'=cmd|calc")
    expect(cells).toContain("'+SUM(1)")
    expect(cells).toContain("'@org")
  })

  it('makes valid unique sheet names', () => {
    const taken = new Set<string>()
    expect(sheetName('登记卡-张[三]', taken)).toBe('登记卡-张三')
    expect(sheetName('登记卡-张[三]', taken)).toBe('登记卡-张三(2)')
    expect(sheetName('x'.repeat(40), taken)).toHaveLength(31)
    expect(textWidth('张三ab')).toBe(6)
  })
})
