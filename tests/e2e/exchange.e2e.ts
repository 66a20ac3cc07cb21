// Issue #6: two phones exchange ledger files with no server. The keeper publishes (encrypted); the official
// imports on #/data into an empty ledger, picks 我是, logs two records offline and submits; the keeper imports the
// submit, verifies one in 自报审核, and the report's total hours follow. Also: the shared example imports cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launch, newPhone, screenshot, waitForServiceWorker } from './support/browser'
import { loadDemo, quickLog, watchPage } from './support/ledger'
import { download, EXAMPLE_FILE, openReport, readFigures } from './support/report'

const PASS = 'xuefa-2024'
const TOPIC_A = '端到端测试自学甲'
const TOPIC_B = '端到端测试线上乙'

let browser: Browser
let keeperCtx: BrowserContext
let officialCtx: BrowserContext
let keeper: Page
let official: Page
let publishFile = ''
let submitFile = ''
let officialName = ''
let today = ''
let year = 0
let baseTotal = 0
const pageErrors: string[][] = []

/** What the phone shows without scrolling (390×844), for looking at. */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  await page.screenshot({ path: `screenshots/${name}.png` })
}

async function totalHours(page: Page): Promise<number> {
  await openReport(page, year, today)
  return Number((await readFigures(page)).totalHours)
}

async function importFile(page: Page, file: string): Promise<void> {
  await page.goto(`${baseURL()}#/data`)
  await page.getByTestId('import-file').setInputFiles(file)
}

beforeAll(async () => {
  browser = await launch()
  keeperCtx = await newPhone(browser)
  officialCtx = await newPhone(browser)
  keeper = await keeperCtx.newPage()
  official = await officialCtx.newPage()
  pageErrors.push(watchPage(keeper).errors, watchPage(official).errors)
})
afterAll(async () => {
  await browser?.close()
})

describe('exchange between two phones', () => {
  it('the keeper loads the demo and sets the report to count only verified self-reports', async () => {
    await loadDemo(keeper)
    today = await keeper.evaluate(() => {
      const d = new Date()
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    })
    year = Number(today.slice(0, 4))
    await keeper.goto(`${baseURL()}#/review`)
    await keeper.getByTestId('review-page').waitFor()
    const toggle = keeper.getByTestId('count-self-reported')
    if ((await toggle.getAttribute('aria-checked')) === 'true') await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false')
    baseTotal = await totalHours(keeper)
    expect(baseTotal).toBeGreaterThan(0)
  })

  it('the keeper publishes an encrypted file from #/data', async () => {
    await keeper.goto(`${baseURL()}#/data`)
    await keeper.getByTestId('data-page').waitFor()
    await keeper.getByTestId('export-encrypt').click()
    await keeper.getByTestId('export-passphrase').fill('1234')
    await keeper.getByTestId('export-passphrase2').fill('1234')
    await keeper.getByTestId('export-publish').click()
    await expect.poll(() => keeper.locator('.enc__hint').innerText()).toMatch(/口令太短/)
    await keeper.getByTestId('export-passphrase').fill(PASS)
    await keeper.getByTestId('export-passphrase2').fill(PASS)
    const dl = await download(keeper, 'export-publish')
    expect(dl.name).toMatch(/^学法台账-发布-.+-\d{8}\.xuefa\.json$/)
    publishFile = dl.path
    await keeper.getByTestId('export-done').waitFor()
    await viewShot(keeper, 'exchange-data-keeper-view')
    await screenshot(keeper, 'exchange-data-keeper')
  })

  it('the official imports it on #/data before any set-up and the empty ledger adopts the unit', async () => {
    await official.goto(`${baseURL()}#/data`)
    await official.getByTestId('data-page').waitFor()
    expect(await official.getByTestId('data-unit').innerText()).toContain('尚未建立')
    await screenshot(official, 'exchange-data-empty')
    await official.getByTestId('import-file').setInputFiles(publishFile)
    await official.getByTestId('import-passphrase').waitFor()
    await official.getByTestId('import-passphrase').fill('wrong-pass-1')
    await official.getByTestId('import-decrypt').click()
    await expect.poll(() => official.getByTestId('import-error').innerText()).toContain('口令不正确')
    await viewShot(official, 'exchange-import-passphrase')
    await official.getByTestId('import-passphrase').fill(PASS)
    await official.getByTestId('import-decrypt').click()
    const result = official.getByTestId('import-result')
    await result.waitFor({ timeout: 30_000 })
    expect(await result.innerText()).toContain('本机台账已建立')
    expect(Number(await result.locator('[data-table="persons"] [data-count="added"]').innerText())).toBeGreaterThan(10)
    await screenshot(official, 'exchange-import-result')
    await result.scrollIntoViewIfNeeded()
    await viewShot(official, 'exchange-import-result-view')
    await official.getByTestId('import-finish').click()
    await official.getByTestId('home').waitFor()
  })

  it('the official chooses 我是 and logs two records offline', async () => {
    await official.goto(`${baseURL()}#/mine`)
    await official.getByTestId('identity-switch').click()
    const first = official.locator('[data-testid="person-picker"] [data-testid^="pick-"]').first()
    officialName = ((await first.getAttribute('data-testid')) ?? '').replace(/^pick-/, '')
    await first.click()
    await expect.poll(() => official.getByTestId('identity-name').innerText()).toBe(officialName)
    await official.goto(baseURL())
    await official.getByTestId('home').waitFor()
    await waitForServiceWorker(official)
    await officialCtx.setOffline(true)
    expect((await quickLog(official, 1.5, TOPIC_A)).saved).toBe(true)
    expect((await quickLog(official, 2, TOPIC_B)).saved).toBe(true)
    await officialCtx.setOffline(false)
  })

  it('the official submits the records since the last submit (all of them, the first time)', async () => {
    await official.goto(`${baseURL()}#/data`)
    await official.getByTestId('export-submit').waitFor()
    const dl = await download(official, 'export-submit')
    expect(dl.name).toContain(`-${officialName}-`)
    submitFile = dl.path
    await screenshot(official, 'exchange-data-official')
  })

  it('the keeper imports the submit: two 自报 records, not yet counted', async () => {
    await importFile(keeper, submitFile)
    const result = keeper.getByTestId('import-result')
    await result.waitFor({ timeout: 30_000 })
    await viewShot(keeper, 'exchange-submit-result-view')
    expect(await result.locator('[data-table="activities"] [data-count="added"]').innerText()).toBe('2')
    expect(await result.innerText()).toContain('自报')
    expect(await totalHours(keeper)).toBeCloseTo(baseTotal, 5)
  })

  it('the keeper verifies one in 自报审核 and the report total grows by its hours', async () => {
    await keeper.goto(`${baseURL()}#/review`)
    const item = keeper.getByTestId('review-item').filter({ hasText: TOPIC_A })
    await item.waitFor()
    expect(await keeper.getByTestId('review-item').filter({ hasText: TOPIC_B }).count()).toBe(1)
    await screenshot(keeper, 'exchange-review')
    await viewShot(keeper, 'exchange-review-view')
    await item.getByTestId('review-return').click()
    await keeper.getByTestId('return-sheet').waitFor()
    await keeper.getByTestId('return-confirm').click()
    await expect.poll(() => keeper.getByTestId('return-sheet').innerText()).toContain('请填写退回原因')
    await viewShot(keeper, 'exchange-review-return')
    await keeper.locator('.van-popup__close-icon:visible').click()
    await item.getByTestId('review-verify').click()
    await expect.poll(() => item.count()).toBe(0)
    await expect.poll(() => totalHours(keeper), { timeout: 20_000 }).toBeCloseTo(baseTotal + 1.5, 5)
  })

  it('counting unverified self-reports adds the other record too', async () => {
    await keeper.goto(`${baseURL()}#/review`)
    const toggle = keeper.getByTestId('count-self-reported')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')
    const all = await totalHours(keeper)
    // The demo's own 自报 records count again as well, so the total is at least our two records more.
    expect(all).toBeGreaterThanOrEqual(baseTotal + 3.5)
  })

  it('had no page errors and no CSP violations', async () => {
    expect(pageErrors.flat()).toEqual([])
    expect(await cspViolations(keeper)).toEqual([])
    expect(await cspViolations(official)).toEqual([])
  })
})

describe('the shared example file', () => {
  let ctx: BrowserContext
  let page: Page
  beforeAll(async () => {
    ctx = await newPhone(browser)
    page = await ctx.newPage()
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('imports cleanly via #/data on an empty ledger and shows the result', async () => {
    await importFile(page, EXAMPLE_FILE)
    const result = page.getByTestId('import-result')
    await result.waitFor({ timeout: 30_000 })
    expect(await result.innerText()).toContain('示例单位')
    expect(await result.locator('[data-table="persons"] [data-count="added"]').innerText()).toBe('5')
    expect(await result.locator('[data-table="activities"] [data-count="added"]').innerText()).toBe('7')
    expect(await page.getByTestId('import-error').count()).toBe(0)
  })

  it('a second import of a backup over the ledger asks first, then changes nothing', async () => {
    await page.getByTestId('import-finish').click()
    await importFile(page, EXAMPLE_FILE)
    await page.getByTestId('import-confirm').waitFor()
    await viewShot(page, 'exchange-confirm-restore')
    await page.getByTestId('import-confirm').click()
    const result = page.getByTestId('import-result')
    await result.waitFor({ timeout: 30_000 })
    expect(await result.locator('tfoot td').allInnerTexts()).toEqual(['0', '0', '0', expect.stringMatching(/^\d+$/)])
  })
})
