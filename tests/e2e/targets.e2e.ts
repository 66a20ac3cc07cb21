// Issue #4: with the demo ledger, 股室 lists behind persons first, the reminder names them with their missing
// hours, a changed target changes the statuses at once, and the 单位 charts render offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launchPersistent, screenshot, waitForServiceWorker } from './support/browser'

const RANK: Record<string, number> = { missed: 0, behind: 1, onTrack: 2, met: 3, none: 4 }
const WORDS: Record<string, string> = { missed: '未达标', behind: '进度滞后', onTrack: '进度正常', met: '达标' }

interface Row {
  status: string
  text: string
}

async function readRows(page: Page): Promise<Row[]> {
  return page.getByTestId('status-row').evaluateAll((els) =>
    els.map((el) => ({ status: el.getAttribute('data-status') ?? '', text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim() })),
  )
}

async function pickSection(page: Page, name: string): Promise<void> {
  await page.getByTestId('section-picker').click()
  await page.locator('.van-action-sheet__item', { hasText: name }).click()
  await expect.poll(() => page.getByTestId('section-picker').innerText()).toContain(name)
  await page.locator('.van-action-sheet').waitFor({ state: 'hidden' })
}

async function openSectionTab(page: Page): Promise<void> {
  await page.goto(`${baseURL()}#/stats`)
  await page.getByTestId('stats-tab-section').click()
  await page.getByTestId('section-picker').waitFor()
}

/** "21 / 60" → [21, 60] */
function hoursOf(text: string): [number, number] {
  const m = /(\d+(?:\.\d+)?) \/ (\d+(?:\.\d+)?)/.exec(text)
  if (!m) throw new Error(`no hours in "${text}"`)
  return [Number(m[1]), Number(m[2])]
}

/** Wait until no toast is showing, so that screenshots show the page. */
async function settle(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.van-toast').filter({ visible: true }).count(), { timeout: 5000 }).toBe(0)
}

/** The visible viewport only (fixed bars and sheets where the user sees them). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `screenshots/${name}.png` })
}

function fmt(h: number): string {
  const r = Math.round(h * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

describe('targets and completion', () => {
  let ctx: BrowserContext
  let page: Page
  let behindSection = ''
  let metBefore = 0

  beforeAll(async () => {
    ctx = await launchPersistent()
    page = await ctx.newPage()
    await page.goto(baseURL())
    await page.getByTestId('welcome-demo').click()
    await page.getByTestId('home').waitFor()
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('shows my progress under 统计 → 我的', async () => {
    await page.goto(`${baseURL()}#/stats`)
    await page.getByTestId('my-progress').waitFor()
    await expect.poll(() => page.getByTestId('my-hours').innerText()).toMatch(/^\d+(\.\d)? \/ \d+(\.\d)?$/)
    expect(await page.getByTestId('my-gap').innerText()).toMatch(/已达标|还差 \d+(\.\d)? 学时/)
    expect(await page.getByTestId('my-categories').innerText()).toContain('公共法律知识')
    expect(await page.getByTestId('my-exam').innerText()).toContain('年度学法考试')
    await settle(page)
    await screenshot(page, 'targets-home-card')
  })

  it('lists persons behind-first in the 股室 view', async () => {
    await openSectionTab(page)
    const sheetNames = await (async () => {
      await page.getByTestId('section-picker').click()
      const names = await page.locator('.van-action-sheet__item').allInnerTexts()
      await page.locator('.van-action-sheet__cancel').click()
      await page.locator('.van-action-sheet').waitFor({ state: 'hidden' })
      return names.map((n) => n.trim())
    })()
    expect(sheetNames.length).toBeGreaterThan(1)
    for (const name of sheetNames) {
      await pickSection(page, name)
      const rows = await readRows(page)
      for (const r of rows) if (r.status !== 'none') expect(r.text).toContain(WORDS[r.status])
      const ranks = rows.map((r) => RANK[r.status])
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
      if (!behindSection && rows.some((r) => r.status === 'behind' || r.status === 'missed')) behindSection = name
    }
    expect(behindSection).not.toBe('')
    await pickSection(page, behindSection)
    await screenshot(page, 'targets-section')
    await page.getByTestId('remind-button').scrollIntoViewIfNeeded()
    await viewShot(page, 'targets-section-bottom')
  })

  it('builds a reminder naming each behind person with the missing hours', async () => {
    const rows = await readRows(page)
    const behind = rows.filter((r) => r.status === 'behind' || r.status === 'missed')
    await page.getByTestId('remind-button').click()
    const area = page.getByTestId('remind-text')
    await area.waitFor()
    const text = await area.inputValue()
    expect(text).toContain(`【${behindSection}】`)
    for (const r of behind) {
      const name = r.text.split(' ')[0]
      const [done, target] = hoursOf(r.text)
      expect(text).toContain(`${name}：已完成${fmt(done)}学时，还差${fmt(target - done)}学时`)
    }
    for (const r of rows.filter((x) => x.status === 'met' || x.status === 'onTrack')) {
      expect(text).not.toContain(`${r.text.split(' ')[0]}：`)
    }
    await viewShot(page, 'targets-remind')
    await page.locator('.van-popup .van-popup__close-icon').click()
    metBefore = rows.filter((r) => r.status === 'met').length
  })

  it('opens a person’s training card from the 股室 list and comes back to the same section', async () => {
    await page.getByTestId('status-row').first().click()
    await page.waitForURL(/#\/training-card\//)
    await page.goBack()
    await expect.poll(() => page.getByTestId('section-picker').innerText()).toContain(behindSection)
  })

  it('shows the 单位 view with every section and unit rule', async () => {
    await page.getByTestId('stats-tab-unit').click()
    await expect.poll(() => page.getByTestId('unit-section').count()).toBeGreaterThan(1)
    await expect.poll(() => page.locator('[data-testid="chart"] canvas').count()).toBe(3)
    await settle(page)
    await screenshot(page, 'targets-unit')
    await page.getByTestId('chart').first().scrollIntoViewIfNeeded()
    await viewShot(page, 'targets-unit-charts')
  })

  it('changes the statuses at once when the hours target changes (60 → 20)', async () => {
    await page.goto(`${baseURL()}#/targets`)
    const card = page.getByTestId('rule-card-personHours').first()
    await card.waitFor()
    await screenshot(page, 'targets-page')
    await viewShot(page, 'targets-page-top')
    const input = card.getByTestId('rule-min-hours').locator('input')
    expect(await input.inputValue()).toBe('60')
    await input.fill('0')
    await page.getByTestId('targets-save').click()
    await expect.poll(() => card.innerText()).toContain('年度学时应大于 0')
    await settle(page)
    await viewShot(page, 'targets-page-error')
    await input.fill('20')
    await page.getByTestId('targets-save').click()
    await page.locator('.van-toast', { hasText: '已保存' }).waitFor()
    await openSectionTab(page)
    await pickSection(page, behindSection)
    await expect
      .poll(async () => (await readRows(page)).filter((r) => r.status === 'met').length)
      .toBeGreaterThan(metBefore)
    const rows = await readRows(page)
    expect(rows.filter((r) => r.status !== 'none').every((r) => hoursOf(r.text)[1] <= 20)).toBe(true)
  })

  it('shows unit rules and renders the charts, also offline', async () => {
    await page.goto(`${baseURL()}#/stats`)
    await page.getByTestId('stats-tab-unit').click()
    await expect.poll(() => page.getByTestId('unit-rule').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('unit-rule').allInnerTexts()).toContainEqual(expect.stringMatching(/法治专题中心组学习[\s\S]*\d+ \/ 2 次/))
    await expect.poll(() => page.locator('[data-testid="chart"] canvas').count()).toBe(3)
    await waitForServiceWorker(page)
    await ctx.setOffline(true)
    await page.reload()
    await page.getByTestId('stats-tab-unit').click()
    await expect.poll(() => page.locator('[data-testid="chart"] canvas').count(), { timeout: 15_000 }).toBe(3)
    expect(await page.getByTestId('stats').innerText()).not.toContain('图表加载失败')
    await ctx.setOffline(false)
    expect(await cspViolations(page)).toEqual([])
  })
})
