// Issue #5: the worked example imported through #/data gives every figure of example-2023.expected.json on
// #/report; the draft states them; Excel / Word / CSV download; the exporters load only on click;
// screenshots at phone and desktop width and of the print view.
import { existsSync, readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launchPersistent, screenshot } from './support/browser'
import { FIGURE_GROUPS, FIGURE_KEYS, figure } from '@/domain/report/registry'
import { download, EXAMPLE_EXPECTED, EXAMPLE_FILE, importLedgerFile, openReport, peopleTableRows, readFigures } from './support/report'

const { year, asOf, figures: expected } = EXAMPLE_EXPECTED

describe('annual report (worked example)', () => {
  let ctx: BrowserContext
  let page: Page
  const requested: string[] = []

  beforeAll(async () => {
    ctx = await launchPersistent()
    page = await ctx.newPage()
    page.on('request', (r) => requested.push(r.url()))
    await importLedgerFile(page, EXAMPLE_FILE)
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('opens #/report?year=2023&asOf=2023-12-31 directly and shows every figure as worked out', async () => {
    await openReport(page, year, asOf)
    expect(page.url()).toContain(`year=${year}`)
    expect(page.url()).toContain(`asOf=${asOf}`)
    const shown = await readFigures(page)
    expect(Object.keys(shown).sort()).toEqual([...FIGURE_KEYS].sort())
    expect(Object.fromEntries(Object.keys(expected).map((k) => [k, shown[k]]))).toEqual(expected)
    // The parts printed beside the total: 在册 64 + 年内调出 2 = 66; 人均 16 = 64 ÷ 4.
    expect([shown.activeHours, shown.leaverHours]).toEqual(['64', '2'])
    // Labels sit outside the value element.
    const label = await page.locator('[data-figure="examParticipationRate"]').locator('xpath=../..').innerText()
    expect(label).toContain('参考率')
  })

  it('lays the figures out as the registry says: each in its group card, in order, with its label', async () => {
    await page.locator('[data-testid="report"][data-complete="true"]').waitFor({ timeout: 30_000 })
    for (const g of FIGURE_GROUPS) {
      const card = page.getByTestId(`figure-group-${g.id}`)
      expect(await card.locator('h2').innerText()).toBe(g.title)
      const shown = await card.locator('.fig').evaluateAll((figs) =>
        figs.map((f) => [f.querySelector('[data-figure]')?.getAttribute('data-figure'), f.querySelector('.fig__label')?.textContent?.trim()]),
      )
      expect(shown).toEqual(g.keys.map((k) => [k, figure(k).label]))
    }
  })

  it('states the figures in the draft paragraph, leaving zero ones out', async () => {
    const draft = await page.getByTestId('report-draft').innerText()
    // The year, not a second 截至 (the period bar and the print title carry the date).
    expect(draft.startsWith('2023年，')).toBe(true)
    expect(draft).not.toContain('截至')
    expect(draft).toContain('累计学习培训66学时（其中在册人员64学时、年内调出人员2学时），人均16学时')
    for (const [word, key] of [
      ['参考率', 'examParticipationRate'],
      ['合格率', 'examPassRate'],
      ['优秀率', 'examExcellentRate'],
      ['人均', 'avgHours'],
      ['达标率', 'enforcementMetRate'],
      ['法治讲座', 'lectureCount'],
      ['集体学法', 'collectiveSessions'],
    ] as const) {
      expect(draft, key).toContain(`${word}${expected[key]}`)
    }
    expect(draft).toContain(`执法证持证人员${expected.enforcementCount}名`)
    expect(draft).not.toContain('会前学法0次')
    expect(draft).not.toContain('警示教育0次')
  })

  it('copies the draft with 复制', async () => {
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL()).origin })
    await page.getByTestId('report-draft-copy').click()
    await page.locator('.van-toast', { hasText: '已复制' }).waitFor()
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe((await page.getByTestId('report-draft').innerText()).trim())
  })

  it('lists the laws studied and the targets with their status words', async () => {
    const laws = await page.getByTestId('report-laws').innerText()
    expect(laws).toContain(`${expected.lawsStudiedCount}部`)
    expect(laws).toMatch(/《[^》]+》\s*1次/)
    expect(laws.indexOf('《宪法》')).toBeLessThan(laws.indexOf('《民法典》'))
    const targets = await page.getByTestId('report-targets').innerText()
    expect(targets).toContain('达标')
    expect(targets).toContain('未达标')
  })

  it('shows the per-person table that the CSV holds', async () => {
    const tableRows = await peopleTableRows(page)
    const rows = await tableRows.count()
    expect(rows).toBe(5)
    // Five rows while 在册 is 4: the table says why.
    expect(await page.getByTestId('report-people-note').innerText()).toContain('共5人：在册4人，年内调出1人')
    const { path, name } = await download(page, 'export-csv')
    expect(name).toBe('学法台账-2023年度人员明细-示例单位.csv')
    const bytes = readFileSync(path)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l !== '')
    expect(lines).toHaveLength(rows + 1)
    const firstRow = await tableRows.first().locator('td').allInnerTexts()
    expect(lines[1].split(',')).toEqual(firstRow.map((t) => t.trim()))
  })

  it('loads exceljs and docx only when their button is pressed, and downloads the files', async () => {
    const lazy = (re: RegExp) => requested.filter((u) => re.test(u))
    expect(lazy(/exceljs|\/xlsx-[\w-]+\.js/)).toEqual([])
    expect(lazy(/\/docx-[\w-]+\.js/)).toEqual([])
    const xlsx = await download(page, 'export-xlsx')
    expect(xlsx.name).toBe('学法台账-2023年度报告-示例单位.xlsx')
    expect(readFileSync(xlsx.path).subarray(0, 2).toString()).toBe('PK')
    expect(lazy(/exceljs/).length).toBeGreaterThan(0)
    const docx = await download(page, 'export-docx')
    expect(docx.name).toBe('学法台账-2023年度报告-示例单位.docx')
    expect(readFileSync(docx.path).subarray(0, 2).toString()).toBe('PK')
    expect(lazy(/\/docx-[\w-]+\.js/).length).toBeGreaterThan(0)
  })

  it('keeps exceljs and docx out of the initial bundle', async () => {
    const html = await (await fetch(baseURL())).text()
    const entry = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1])
    expect(entry.length).toBeGreaterThan(0)
    for (const file of entry) {
      const js = await (await fetch(`${baseURL()}${file}`)).text()
      expect(js, file).not.toMatch(/from\s*"\.\/(exceljs[.\w]*|xlsx|docx)-/)
      expect(js, file).not.toContain('WorkbookWriter')
      expect(js, file).not.toContain('w:document')
    }
  })

  it('looks right at phone width, at desktop width and in the print view', async () => {
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'report-phone')
    await page.screenshot({ path: 'screenshots/report-phone-top.png' })
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(width).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1280, height: 900 })
    const columns = await page.evaluate(() => {
      const grid = document.querySelector('.report__grid')
      return grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').length : 0
    })
    expect(columns).toBe(2)
    await screenshot(page, 'report-desktop')
    await page.emulateMedia({ media: 'print' })
    for (const id of ['export-xlsx', 'report-period', 'report-people']) expect(await page.getByTestId(id).isVisible(), id).toBe(false)
    expect(await page.locator('.van-nav-bar').isVisible()).toBe(false)
    expect(await page.getByTestId('report-draft').isVisible()).toBe(true)
    await screenshot(page, 'report-print')
    await page.pdf({ path: 'screenshots/report-print.pdf', format: 'A4' })
    if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-r', '60', '-png', 'screenshots/report-print.pdf', 'screenshots/report-print-page'])
    await page.emulateMedia({ media: 'screen' })
    await page.setViewportSize({ width: 390, height: 844 })
    expect(await cspViolations(page)).toEqual([])
  })

  it('follows the year and 截至 pickers into the URL', async () => {
    await page.goto(`${baseURL()}#/report?year=2023`)
    // A past year without 截至 is reported to its last day, and the URL says so.
    await expect.poll(() => page.url()).toContain('asOf=2023-12-31')
    await page.locator('[data-testid="report"][data-state="ready"][data-year="2023"][data-as-of="2023-12-31"]').waitFor()
    await page.getByTestId('report-as-of').click()
    await page.locator('.van-picker-column').nth(1).waitFor()
    // Tap 11 in the month column (the day column follows to 30) and confirm.
    await page.locator('.van-picker-column').nth(1).locator('.van-picker-column__item', { hasText: /^11$/ }).click()
    await page.waitForTimeout(800)
    await page.locator('.van-picker__confirm').click()
    await page.locator('[data-testid="report"][data-state="ready"][data-as-of="2023-11-30"]').waitFor()
    expect(page.url()).toContain('asOf=2023-11-30')
    // Before the year's end the draft reads 2023年以来; the date is the period bar's.
    expect(await page.getByTestId('report-draft').innerText()).toMatch(/^2023年以来，/)
    expect(await page.getByTestId('report-as-of').innerText()).toContain('2023年11月30日')
  })
})
