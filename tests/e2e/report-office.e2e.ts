// Issue #5 acceptance: the exported .xlsx and .docx open in LibreOffice (headless, Debian's packages) and the
// figures read back equal the page's; the .docx is rendered to PDF and PNG to be looked at.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchPersistent } from './support/browser'
import { FIGURE_KEYS, figure } from '@/domain/report/registry'
import { download, EXAMPLE_EXPECTED, EXAMPLE_FILE, importLedgerFile, openReport, peopleTableRows, readFigures } from './support/report'

const SOFFICE = '/usr/bin/soffice'
const hasOffice = existsSync(SOFFICE)
if (!hasOffice) console.warn('report-office.e2e: /usr/bin/soffice is absent — LibreOffice check SKIPPED (CI installs libreoffice-calc libreoffice-writer)')

/** LibreOffice's CSV filter: comma, double quote, UTF-8, from line 1, cells as shown, every sheet to its own file. */
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'

function soffice(profile: string, outDir: string, to: string, file: string): void {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, file], {
    timeout: 180_000,
    stdio: 'pipe',
  })
}

/** RFC 4180 rows (LF or CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  const endRow = () => {
    endField()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\n') endRow()
    else if (ch !== '\r') field += ch
  }
  if (field !== '' || row.length > 0) endRow()
  return rows
}

describe.skipIf(!hasOffice)('exports read back in LibreOffice', () => {
  let ctx: BrowserContext
  let page: Page
  let pageFigures: Record<string, string>
  let work: string
  let profile: string
  let xlsx: string
  let docx: string
  let tableRows: string[][]

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'xuefa-office-'))
    profile = mkdtempSync(join(tmpdir(), 'lo-xuefa-'))
    ctx = await launchPersistent()
    page = await ctx.newPage()
    await importLedgerFile(page, EXAMPLE_FILE)
    await openReport(page, EXAMPLE_EXPECTED.year, EXAMPLE_EXPECTED.asOf)
    pageFigures = await readFigures(page)
    const rows = await peopleTableRows(page)
    tableRows = []
    for (let i = 0; i < (await rows.count()); i++) tableRows.push((await rows.nth(i).locator('td').allInnerTexts()).map((t) => t.trim()))
    xlsx = (await download(page, 'export-xlsx')).path
    docx = (await download(page, 'export-docx')).path
  }, 120_000)
  afterAll(async () => {
    await ctx?.close()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('the page shows the worked example (sanity)', () => {
    const worked = Object.keys(EXAMPLE_EXPECTED.figures)
    expect(Object.fromEntries(worked.map((k) => [k, pageFigures[k]]))).toEqual(EXAMPLE_EXPECTED.figures)
    expect(Object.keys(pageFigures).sort()).toEqual([...FIGURE_KEYS].sort())
  })

  it('xlsx → csv: 汇总 holds every figure as the page shows it, 人员明细 the page table, one 登记卡 per officer', () => {
    const out = join(work, 'csv')
    soffice(profile, out, CSV_FILTER, xlsx)
    const files = readdirSync(out)
    const stem = basename(xlsx, '.xlsx')
    const sheet = (name: string) => parseCsv(readFileSync(join(out, `${stem}-${name}.csv`), 'utf8'))
    const summary = sheet('汇总')
    const header = summary.find((r) => r.includes('指标') && r.includes('数值'))!
    const labelCol = header.indexOf('指标')
    const valueCol = header.indexOf('数值')
    // Figures by their labels (the file names none by its key).
    const keyOf = new Map(FIGURE_KEYS.map((k) => [figure(k).label, k]))
    const read: Record<string, string> = {}
    for (const r of summary) if (keyOf.has(r[labelCol])) read[keyOf.get(r[labelCol])!] = r[valueCol]
    expect(read).toEqual(pageFigures)
    // No English identifier in any cell of any sheet, as LibreOffice shows them.
    const english = files.flatMap((f) => parseCsv(readFileSync(join(out, f), 'utf8')).flat()).filter((c) => /^[a-z]+[A-Z][A-Za-z]*$/.test(c))
    expect(english).toEqual([])
    expect(summary[0][0]).toBe('示例单位2023年度学法用法工作情况')
    expect(summary[1][0]).toBe('汇总（截至2023年12月31日）')
    const people = sheet('人员明细')
    const start = people.findIndex((r) => r[0] === '序号') + 1
    expect(people.slice(start).filter((r) => r.some((c) => c !== ''))).toEqual(tableRows)
    expect(people.some((r) => r[0].startsWith('共5人：在册4人，年内调出1人'))).toBe(true)
    expect(people[start - 1]).toContain('执法证号')
    expect(files.filter((f) => f.includes('登记卡')).length).toBe(Number(pageFigures.enforcementCount))
    for (const name of ['学法活动', '学习法律法规', '报告段落草稿']) expect(files.some((f) => f.includes(name)), name).toBe(true)
    // Each card adds up: its category lines to its 合计.
    for (const f of files.filter((n) => n.includes('登记卡'))) {
      const rows = parseCsv(readFileSync(join(out, f), 'utf8'))
      const total = (label: string) => Number(rows.find((r) => r[0] === label)!.find((c, i) => i > 0 && c !== '' && c !== label))
      const cats = ['公共法律知识合计', '业务知识合计', '行政执法技能合计'].map(total)
      expect(cats.reduce((a, n) => a + n, 0), f).toBe(total('合计'))
    }
  }, 180_000)

  it('docx → text: the draft paragraph and every figure of the table, as the page shows them', async () => {
    const out = join(work, 'txt')
    soffice(profile, out, 'txt:Text (encoded):UTF8', docx)
    const text = readFileSync(join(out, `${basename(docx, '.docx')}.txt`), 'utf8').replace(/^\uFEFF/, '')
    const draft = await page.getByTestId('report-draft').innerText()
    expect(text).toContain(draft.trim())
    const lines = text.split(/\r?\n/).map((l) => l.trim())
    const labels = await page.$$eval('[data-figure]', (els) =>
      els.map((e) => [e.getAttribute('data-figure')!, e.closest('.fig')?.querySelector('.fig__label')?.textContent?.trim() ?? '']),
    )
    for (const [key, label] of labels) {
      const at = lines.indexOf(label)
      expect(at, `${key} ${label}`).toBeGreaterThanOrEqual(0)
      expect(lines[at + 1].replace(/(人|学时)$/, ''), key).toBe(pageFigures[key])
    }
  }, 180_000)

  it('docx → pdf → png: A4 pages to look at', () => {
    const out = join(work, 'pdf')
    soffice(profile, out, 'pdf', docx)
    const pdf = join(out, `${basename(docx, '.docx')}.pdf`)
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF')
    if (!existsSync('/usr/bin/pdftoppm')) {
      console.warn('report-office.e2e: pdftoppm is absent (poppler-utils) — no PNG of the .docx')
      return
    }
    const info = execFileSync('pdfinfo', [pdf]).toString()
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
    mkdirSync('screenshots', { recursive: true })
    execFileSync('pdftoppm', ['-r', '70', '-png', pdf, 'screenshots/report-docx'])
    expect(readdirSync('screenshots').filter((f) => f.startsWith('report-docx')).length).toBeGreaterThan(0)
  }, 180_000)

  it('docx → text: the laws with 《宪法》 first and no per-law counts, 截至 once, no 进度滞后 after the year', () => {
    const text = readFileSync(join(work, 'txt', `${basename(docx, '.docx')}.txt`), 'utf8')
    expect(text).toContain('2023年度共学习法律法规3部：《宪法》《民法典》《行政处罚法》。')
    expect(text).not.toMatch(/》\d+次/)
    expect(text.match(/截至/g)).toHaveLength(1)
    expect(text).not.toMatch(/进度滞后|进度正常/)
  })

  it('xlsx → pdf → png: A4 pages in office form to look at', () => {
    const out = join(work, 'xlsx-pdf')
    soffice(profile, out, 'pdf', xlsx)
    const pdf = join(out, `${basename(xlsx, '.xlsx')}.pdf`)
    expect(readFileSync(pdf).subarray(0, 4).toString()).toBe('%PDF')
    if (!existsSync('/usr/bin/pdftoppm')) return
    // The summary in portrait, 人员明细 (wide) in landscape: A4 both ways.
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '4', pdf]).toString()
    expect(sizes).toMatch(/Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/)
    expect(sizes).toMatch(/Page\s+3 size:\s+841\.\d+ x 595\.\d+ pts/)
    mkdirSync('screenshots', { recursive: true })
    execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '6', pdf, 'screenshots/report-xlsx'])
    expect(readdirSync('screenshots').filter((f) => f.startsWith('report-xlsx')).length).toBeGreaterThan(0)
  }, 180_000)
})
