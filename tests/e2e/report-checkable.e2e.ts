// Issue #16 (Deliver 1, 2, 5) on the demo ledger, through the real pages: every ratio on the report page is its
// printed numerator ÷ its printed denominator and the hour total its printed parts; the per-person table says whom it
// lists; the draft is left-aligned, names no 截至 and states the least hours only when switched on — and the Word file
// follows the switch; the xlsx holds no English identifier; the 登记卡 and the home tiles add up. Screenshots of the
// report and the card at 390×844 and 1280×800.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { baseURL, screenshot } from './support/browser'
import { openDemoPhone } from './support/ledger'
import { download, peopleTableRows, readFigures } from './support/report'
import { FIGURE_KEYS, figure, printFigure, type FigureKey } from '@/domain/report/registry'
import { loadExcel } from '@/exports/xlsx'
import { unzip } from '../unit/exports/support'

const num = (printed: string) => Number(printed.replace(/%$/, ''))
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

describe('checkable figures, a card that adds up, a draft and files in office form (demo ledger)', () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ;({ browser, page } = await openDemoPhone())
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('home: the category tiles add up to the hours of the ring', async () => {
    const tiles = await page.getByTestId('my-categories').locator('.cat-hours').allInnerTexts()
    expect(tiles).toHaveLength(3)
    const [hours] = (await page.getByTestId('my-hours').innerText()).split('/').map((t) => num(t.trim()))
    expect(tiles.reduce((s, t) => s + num(t), 0)).toBeCloseTo(hours, 9)
  })

  it('登记卡: the category rows sum to 合计, the card\'s total, and to the last running total', async () => {
    await page.getByTestId('home-training-card').click()
    await page.getByTestId('training-card-total').waitFor()
    const total = num(await page.getByTestId('training-card-total').innerText())
    const cats = await page.getByTestId('training-card-categories').locator('tr:not(.cats__total) td b').allInnerTexts()
    expect(cats).toHaveLength(3)
    expect(cats.reduce((s, t) => s + num(t), 0)).toBeCloseTo(total, 9)
    expect(num(await page.getByTestId('training-card-category-total').locator('b').innerText())).toBe(total)
    const running = await page.getByTestId('training-card-row').locator('.running').allInnerTexts()
    expect(num(running[running.length - 1].replace('累计', '').trim())).toBe(total)
    // Every row says the category it counts in, trainings and other study alike.
    expect(await page.getByTestId('training-card-row-category').count()).toBe(running.length)
    await screenshot(page, 'training-card-phone')
    await page.setViewportSize(DESKTOP)
    await screenshot(page, 'training-card-desktop')
    await page.setViewportSize(PHONE)
  })

  it('report: every total is its printed parts, every ratio its printed numerator ÷ denominator', async () => {
    await page.goto(`${baseURL()}#/report`)
    await page.locator('[data-testid="report"][data-state="ready"]').waitFor({ timeout: 30_000 })
    const shown = await readFigures(page)
    expect(Object.keys(shown).sort()).toEqual([...FIGURE_KEYS].sort())
    for (const k of FIGURE_KEYS) {
      const f = figure(k)
      if (f.sumOf) expect(printFigure(k, f.sumOf.reduce((s, p) => s + num(shown[p]), 0)), k).toBe(shown[k])
      if (f.ratio) {
        const d = num(shown[f.ratio.denominator])
        const n = num(shown[f.ratio.numerator])
        expect(printFigure(k, Number.isNaN(n) || Number.isNaN(d) || d === 0 ? null : n / d), k).toBe(shown[k])
      }
    }
    expect(num(shown.leaverHours)).toBeGreaterThan(0)
    const rows = await (await peopleTableRows(page)).count()
    const note = await page.getByTestId('report-people-note').innerText()
    expect(note).toContain(`在册${shown.staffCount}人`)
    // The table pages 50 rows at a time; the demo's fit on one page.
    expect(note).toMatch(new RegExp(`^共${rows}人：`))
  })

  it('draft: left-aligned, the year instead of 截至, the least hours only when switched on, and Word follows', async () => {
    const draft = page.getByTestId('report-draft')
    expect(await draft.evaluate((el) => getComputedStyle(el).textAlign)).toBe('left')
    const before = await draft.innerText()
    expect(before).not.toContain('截至')
    expect(before).not.toContain('最少')
    expect(before).toMatch(/^\d{4}年(以来)?，/)
    await page.getByTestId('report-draft-option-enforcementMinHours').click()
    await expect.poll(() => draft.innerText()).toContain('最少')
    const after = (await draft.innerText()).trim()
    const docx = await download(page, 'export-docx')
    const xml = unzip(readFileSync(docx.path)).get('word/document.xml')!.toString('utf8')
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
    expect(text).toContain(after)
    await page.getByTestId('report-draft-option-enforcementMinHours').click()
    await expect.poll(() => draft.innerText()).not.toContain('最少')
  })

  it('xlsx: no cell of any sheet is an English identifier; figures by label', async () => {
    const xlsx = await download(page, 'export-xlsx')
    const ExcelJS = await loadExcel()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(xlsx.path) as never)
    const english: string[] = []
    for (const ws of wb.worksheets) {
      ws.eachRow((r) => r.eachCell((c) => {
        if (typeof c.value === 'string' && /^[a-z]+[A-Z][A-Za-z]*$/.test(c.value)) english.push(`${ws.name}!${c.address}`)
      }))
    }
    expect(english).toEqual([])
    const labels = new Set<string>()
    wb.getWorksheet('汇总')!.eachRow((r) => labels.add(String(r.getCell(2).value)))
    for (const k of FIGURE_KEYS) expect(labels.has(figure(k as FigureKey).label), k).toBe(true)
  })

  it('looks right at 390×844 and 1280×800', async () => {
    await page.locator('.van-toast').waitFor({ state: 'hidden' })
    await page.locator('[data-testid="report"][data-complete="true"]').waitFor({ timeout: 30_000 })
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'report-demo-phone')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await page.setViewportSize(DESKTOP)
    await screenshot(page, 'report-demo-desktop')
    await page.setViewportSize(PHONE)
  })
})
