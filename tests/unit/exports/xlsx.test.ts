// The workbook: its sheets, every figure as printed, frozen headers, widths, neutralised text; read back with exceljs.
import { describe, expect, it } from 'vitest'
import type { Workbook, Worksheet } from 'exceljs'
import { buildReportXlsx, deltaValue, figureValue, loadExcel } from '../../../src/exports/xlsx'
import { SHEET_FONT, sheetName, textWidth } from '../../../src/exports/xlsx-sheet'
import { FIGURE_GROUPS, FIGURE_KEYS, figure } from '../../../src/domain/report/registry'
import { personTable, cellText } from '../../../src/domain/report/table'
import type { ReportBundle } from '../../../src/domain/report/bundle'
import { EXPECTED, exampleBundle, exampleData } from './support'

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

/** The row of a sheet's table header (its first cell 序号 or 分组). */
function headerRow(ws: Worksheet): number {
  let at = 0
  ws.eachRow((r, n) => {
    if (at === 0 && ['序号', '分组'].includes(String(r.getCell(1).value))) at = n
  })
  return at
}

describe('xlsx', () => {
  it('has 汇总, 报告段落草稿, 人员明细, 学法活动, 学习法律法规 and one 登记卡 per enforcement officer', async () => {
    const wb = await readBack(exampleBundle())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '报告段落草稿', '人员明细', '学法活动', '学习法律法规', '登记卡-丙', '登记卡-乙'])
    // Each under the report's title, saying what it holds and as of when.
    expect([1, 2].map((r) => shown(wb.getWorksheet('人员明细')!, r, 1))).toEqual(['示例单位2023年度学法用法工作情况', '人员明细（截至2023年12月31日）'])
    const laws = wb.getWorksheet('学习法律法规')!
    expect([4, 5, 6].map((r) => [shown(laws, r, 2), shown(laws, r, 3)])).toEqual([['《宪法》', '1'], ['《民法典》', '1'], ['《行政处罚法》', '1']])
  })

  it('holds every figure, by its label, with the printed value, in the registry\'s groups and order', async () => {
    const wb = await readBack(exampleBundle())
    const ws = wb.getWorksheet('汇总')!
    const rowOf = new Map<string, number>()
    ws.eachRow((r, n) => {
      const label = r.getCell(2).value
      if (typeof label === 'string' && n > 3) rowOf.set(label, n)
    })
    const b = exampleBundle()
    for (const key of FIGURE_KEYS) {
      const n = rowOf.get(figure(key).label)
      expect(n, key).toBeDefined()
      expect(shown(ws, n!, 3), key).toBe(b.figures.printed[key])
      if (key in EXPECTED.figures) expect(shown(ws, n!, 3), key).toBe(EXPECTED.figures[key])
    }
    // The registry decides the rows: its order; each group's name once, merged beside its figures.
    expect(FIGURE_KEYS.map((k) => rowOf.get(figure(k).label))).toEqual(FIGURE_KEYS.map((_, i) => i + 4))
    let first = 4
    for (const g of FIGURE_GROUPS) {
      expect(shown(ws, first, 1), g.id).toBe(g.title)
      if (g.keys.length > 1) expect(ws.getCell(first + g.keys.length - 1, 1).isMerged, g.id).toBe(true)
      first += g.keys.length
    }
    expect(shown(ws, 2, 1)).toBe('汇总（截至2023年12月31日）')
    expect([1, 2, 3, 4, 5, 6].map((c) => shown(ws, 3, c))).toEqual(['分组', '指标', '数值', '上年', '同比变化', ''])
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    // The draft on a sheet of its own, as on the page, one row per sentence under the title.
    const draft = wb.getWorksheet('报告段落草稿')!
    expect([1, 2].map((r) => shown(draft, r, 1))).toEqual(['示例单位2023年度学法用法工作情况', '报告段落草稿（截至2023年12月31日）'])
    const sentences = Array.from({ length: draft.rowCount - 2 }, (_, i) => shown(draft, i + 3, 1))
    expect(sentences.join('')).toBe(b.draft)
    expect(sentences.length).toBeGreaterThan(3)
    expect(draft.pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1 })
  })

  it('has no English identifier in any cell of any sheet (no figure keys, no code words)', async () => {
    const wb = await readBack(exampleBundle(undefined, exampleData()))
    const english: string[] = []
    for (const ws of wb.worksheets) {
      expect(ws.name, 'sheet name').not.toMatch(/^[A-Za-z]/)
      ws.eachRow((r) => r.eachCell((c) => {
        if (typeof c.value === 'string' && /^[a-z]+[A-Z][A-Za-z]*$/.test(c.value)) english.push(`${ws.name}!${c.address} ${c.value}`)
      }))
    }
    expect(english).toEqual([])
    // The test can fail: a figure key written into a cell is caught.
    expect(/^[a-z]+[A-Z][A-Za-z]*$/.test('examPassRate')).toBe(true)
  })

  it('prints in office form: a centred title, A4 fitted to the page width, landscape where wide, header rows repeated, one font', async () => {
    const wb = await readBack(exampleBundle())
    for (const ws of wb.worksheets) {
      const title = ws.getCell(1, 1)
      expect(title.alignment?.horizontal, ws.name).toBe('center')
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 })
      if (ws.name !== '报告段落草稿') {
        // A table: its title across its columns, its header row repeated on every printed page.
        expect(title.isMerged, ws.name).toBe(true)
        const header = headerRow(ws)
        expect(ws.pageSetup.printTitlesRow, ws.name).toBe(`${header}:${header}`)
      }
      const fonts = new Set<string>()
      ws.eachRow((r) => r.eachCell((c) => {
        if (c.value !== null && c.value !== '') fonts.add(c.font?.name ?? '(default)')
      }))
      expect([...fonts], ws.name).toEqual([SHEET_FONT.name])
    }
    const orientation = (name: string) => wb.getWorksheet(name)!.pageSetup.orientation
    expect([orientation('汇总'), orientation('人员明细'), orientation('学法活动'), orientation('登记卡-乙')]).toEqual(['portrait', 'landscape', 'landscape', 'portrait'])
  })

  it('prints rates as real numbers whose format shows the printed text', () => {
    expect(figureValue('examParticipationRate', '66.7%')).toEqual({ value: 0.667, numFmt: '0.0%', text: '66.7%' })
    expect(figureValue('examPassRate', '100%')).toEqual({ value: 1, numFmt: '0%', text: '100%' })
    expect(figureValue('avgHours', '35.3')).toBe(35.3)
    expect(figureValue('preAppointmentPassRate', '—')).toBe('—')
  })

  it('writes a change as a signed number whose format shows the printed text (no text cell starting with + or -)', () => {
    expect(deltaValue('+1')).toEqual({ value: 1, numFmt: '+0;-0;0', text: '+1' })
    expect(deltaValue('-163.5')).toEqual({ value: -163.5, numFmt: '+0.0;-0.0;0', text: '-163.5' })
    expect(deltaValue('+2.7个百分点')).toEqual({ value: 2.7, numFmt: '+0.0"个百分点";-0.0"个百分点";0', text: '+2.7个百分点' })
    expect([deltaValue('0'), deltaValue('')]).toEqual([0, ''])
  })

  it('has the per-person table with Chinese headers, 执法证号, who it lists, a frozen header row and column widths', async () => {
    const b = exampleBundle((d) => (d.persons = d.persons.map((p) => (p.name === '乙' ? { ...p, certNo: '44010020230002' } : p))))
    const wb = await readBack(b)
    const ws = wb.getWorksheet('人员明细')!
    const table = personTable(b.figures)
    // Under the title: who the table lists, so that its 5 rows reconcile with 在册 4.
    expect(shown(ws, 3, 1)).toBe('共5人：在册4人，年内调出1人（不在册人员的学时计入学习培训总学时，不计入人均学时）')
    expect(headerRow(ws)).toBe(4)
    expect(table.headers.map((_, i) => shown(ws, 4, i + 1))).toEqual([...table.headers])
    expect(table.headers).toContain('执法证号')
    table.rows.forEach((r, i) => expect(r.map((_, j) => shown(ws, i + 5, j + 1))).toEqual(r.map(cellText)))
    const cert = table.headers.indexOf('执法证号') + 1
    expect(Array.from({ length: table.rows.length }, (_, i) => shown(ws, i + 5, cert))).toContain('44010020230002')
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 })
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(6)
  })

  it('lists every activity with its attendee count', async () => {
    const b = exampleBundle()
    const wb = await readBack(b)
    const ws = wb.getWorksheet('学法活动')!
    expect(ws.rowCount - 3).toBe(b.data.activities.length)
    const counts = b.data.activities.map((a) => new Set(a.attendees).size).sort()
    const read = Array.from({ length: ws.rowCount - 3 }, (_, i) => Number(shown(ws, i + 4, 12))).sort()
    expect(read).toEqual(counts)
    // Every activity shows the category its hours count in (its own, else its kind's default).
    const cats = Array.from({ length: ws.rowCount - 3 }, (_, i) => shown(ws, i + 4, 8))
    expect(cats.every((c) => ['公共法律知识', '业务知识', '行政执法技能'].includes(c))).toBe(true)
    // Long text wraps inside a capped width, so that the sheet prints at a readable scale.
    expect(ws.getColumn(5).width).toBeLessThanOrEqual(24)
  })

  it('writes a training card that adds up: its category lines sum to its 合计, the last running total', async () => {
    const b = exampleBundle()
    const wb = await readBack(b)
    const ws = wb.getWorksheet('登记卡-乙')!
    expect(shown(ws, 1, 1)).toBe('示例单位2023年度执法人员业务培训登记卡')
    expect(shown(ws, 2, 1)).toBe('（截至2023年12月31日）')
    const header = headerRow(ws)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header })
    // Below the rows, bordered total lines: the label merged across, the value under 学时 (column 7).
    const totals = new Map<string, string>()
    ws.eachRow((r, n) => {
      if (n > header && !/^\d+$/.test(shown(ws, n, 1))) totals.set(shown(ws, n, 1), shown(ws, n, 7))
    })
    expect([...totals.keys()]).toEqual(['公共法律知识合计', '业务知识合计', '行政执法技能合计', '合计', '年度目标学时', '达标情况'])
    const cats = ['公共法律知识', '业务知识', '行政执法技能'].map((c) => Number(totals.get(`${c}合计`)))
    // 乙: 集体学法 2 and 法治讲座 3 (公共法律知识 by default) + the 18-学时 公共法律知识 training; 12 行政执法技能.
    expect(cats).toEqual([23, 0, 12])
    expect(cats.reduce((s, n) => s + n, 0)).toBe(Number(totals.get('合计')))
    expect([totals.get('合计'), totals.get('年度目标学时'), totals.get('达标情况')]).toEqual(['35', '60', '未达标'])
    // The rows: trainings first, each with its category; the last running total is the 合计.
    const rows = Array.from({ length: ws.rowCount - header }, (_, i) => header + 1 + i).filter((n) => /^\d+$/.test(shown(ws, n, 1)))
    expect(rows.map((n) => [shown(ws, n, 3), shown(ws, n, 5)])).toEqual([
      ['业务培训', '公共法律知识'], ['业务培训', '行政执法技能'], ['集体学法', '公共法律知识'], ['法治讲座', '公共法律知识'],
    ])
    expect(shown(ws, rows[rows.length - 1], 8)).toBe('35')
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
