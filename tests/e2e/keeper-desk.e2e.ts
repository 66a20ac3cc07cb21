// Issue #16 (Deliver 7, 8): the keeper's home, and the look — 44 px targets and 14 px text on the pages this
// issue touched, the desktop layout from 1024 px, and the listed defects (see-through 已保存, the 显示已调出 row,
// 返回 on a page opened directly, the 截至 date of the card). Screenshots at 390×844 and 1280×800.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, newPhone, screenshot } from './support/browser'
import { loadDemo, openDemoPhone, quickLog } from './support/ledger'

/** Interactive elements shorter than 44 px (a switch counts with its enlarged hit area; an input with its label). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = []
    const sel = 'button, a[href], input:not([type=hidden]), select, textarea, [role=radio], [role=checkbox], [role=switch], .van-radio, .van-checkbox, .van-cell--clickable'
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      const target = el.closest('label') ?? el
      const r = target.getBoundingClientRect()
      if (!r.width || !r.height || getComputedStyle(el).visibility === 'hidden' || el.closest('[aria-hidden=true]')) continue
      const hit = getComputedStyle(el, '::before')
      const grow = el.classList.contains('van-switch') ? -parseFloat(hit.top || '0') - parseFloat(hit.bottom || '0') : 0
      if (r.height + (grow || 0) < 43.5) out.push(`${Math.round(r.height)}px ${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 12)}”`)
    }
    return out
  })
}

/** Visible text set smaller than 14 px. */
async function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !n.textContent?.trim()) continue
      const cs = getComputedStyle(el)
      if (!el.getBoundingClientRect().width || cs.visibility === 'hidden') continue
      if (parseFloat(cs.fontSize) < 14) out.add(`${cs.fontSize} “${n.textContent.trim().slice(0, 12)}”`)
    }
    return [...out]
  })
}

describe("the keeper's desk and the look", () => {
  let browser: Browser
  let ctx: BrowserContext
  let page: Page
  const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash)
  const settle = () => page.waitForTimeout(400)

  beforeAll(async () => {
    ;({ browser, ctx, page } = await openDemoPhone())
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('首页 has the four shortcuts, 自报审核 with the count the review page lists, the report one tap away', async () => {
    const desk = page.getByTestId('keeper-desk')
    await desk.waitFor()
    await expect.poll(() => page.getByTestId('desk-review').getAttribute('data-count')).toMatch(/^\d+$/)
    const count = Number(await page.getByTestId('desk-review').getAttribute('data-count'))
    expect(count).toBeGreaterThan(0)
    expect(await page.getByTestId('desk-review').innerText()).toContain(`${count} 条待审核`)
    for (const t of ['组织学习', '考试成绩', '年度报告', '自报审核']) expect(await desk.innerText()).toContain(t)
    await settle()
    await screenshot(page, 'keeper-desk-home-390')
    await page.getByTestId('desk-review').click()
    await page.getByTestId('review-page').waitFor()
    await expect.poll(() => page.getByTestId('review-count').innerText()).toContain(`待审核 ${count} 条`)
    await go('#/')
    await page.getByTestId('desk-report').click() // one tap from 首页
    await page.locator('[data-figure="staffCount"]').waitFor()
    expect(await page.locator('[data-figure="staffCount"]').innerText()).toMatch(/^\d+$/)
    await go('#/')
    await page.getByTestId('desk-activity').click()
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/activity/new')
  })

  it('an official’s 首页 has no desk', async () => {
    const other = await newPhone(browser)
    const p = await other.newPage()
    await p.goto(baseURL())
    await p.getByTestId('welcome-demo').click()
    await p.getByTestId('home').waitFor()
    await p.evaluate(() => (window.location.hash = '#/mine'))
    await p.getByTestId('role-person').click()
    await p.getByTestId('pin-input').locator('input').fill('1234')
    await p.getByTestId('pin-confirm').locator('input').fill('1234')
    await p.getByTestId('pin-submit').click()
    await p.getByTestId('keeper-tools').waitFor({ state: 'detached' })
    await p.evaluate(() => (window.location.hash = '#/'))
    await p.getByTestId('quick-log').waitFor()
    expect(await p.getByTestId('keeper-desk').count()).toBe(0)
    await other.close()
  })

  it('every target on the pages of this issue is at least 44 px tall and no text is under 14 px', async () => {
    const pages: [string, string | null][] = [['#/', null], ['#/roster', null], ['#/targets', null], ['#/', 'quick-log'], ['#/roster', 'roster-bulk-add']]
    for (const [hash, open] of pages) {
      await go(hash)
      await page.waitForTimeout(800)
      if (open) {
        await page.getByTestId(open).click()
        await page.waitForTimeout(600)
      }
      expect(await smallTargets(page), `${hash} ${open ?? ''}`).toEqual([])
      expect(await smallText(page), `${hash} ${open ?? ''}`).toEqual([])
      if (open) await page.goto(`${baseURL()}#/`)
    }
  })

  it('已保存 is opaque, over a page that does not show through', async () => {
    await go('#/')
    const saved = await quickLog(page, 1, '宪法学习')
    expect(saved.saved).toBe(true)
    const bg = await page.getByTestId('saved-toast').evaluate((el) => getComputedStyle(el).backgroundColor)
    expect(bg).toMatch(/^rgb\(\d+, \d+, \d+\)$/) // no alpha channel
    const vant = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--van-toast-background').trim())
    expect(vant).toBe('#2b2c30')
  })

  it('tapping the 显示已调出 row flips its switch', async () => {
    await go('#/roster')
    const sw = page.getByTestId('roster-show-leavers')
    await sw.waitFor()
    expect(await sw.getAttribute('aria-checked')).toBe('false')
    await page.getByTestId('roster-show-leavers-row').locator('.van-cell__title').click()
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('true')
    await page.getByTestId('roster-leavers').waitFor()
    await sw.click() // the switch itself still flips once, not twice
    await expect.poll(() => sw.getAttribute('aria-checked')).toBe('false')
  })

  it('返回 on a page opened directly stays in the app (首页), never about:blank', async () => {
    const direct = await ctx.newPage()
    await direct.goto(`${baseURL()}#/roster`)
    await direct.getByTestId('roster').waitFor()
    await direct.locator('.xf-nav__back').click()
    await direct.getByTestId('home').waitFor()
    expect(direct.url()).toBe(`${baseURL()}#/`)
    // Within the app 返回 still goes back.
    await direct.evaluate(() => (window.location.hash = '#/mine'))
    await direct.getByTestId('link-roster').click()
    await direct.getByTestId('roster').waitFor()
    await direct.locator('.xf-nav__back').click()
    await direct.getByTestId('mine').waitFor()
    await direct.close()
  })

  it('the training card says 截至 in one piece', async () => {
    await go('#/')
    await page.getByTestId('home-training-card').click()
    const cell = page.getByTestId('training-card-year')
    await cell.waitFor()
    const value = cell.locator('.van-cell__value')
    expect(await value.innerText()).toMatch(/（截至\d{1,2}月\d{1,2}日）$/)
    const lines = await value.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)))
    expect(lines).toBe(1)
  })

  it('at 1280×800: a side navigation, the page beside it, bottom sheets over the content column', async () => {
    const wide = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const p = await wide.newPage()
    await loadDemo(p)
    const nav = await p.locator('.van-tabbar').boundingBox()
    expect(nav).toMatchObject({ x: 0, y: 0, width: 216, height: 800 })
    const card = await p.getByTestId('keeper-desk').boundingBox()
    expect(card!.x).toBeGreaterThanOrEqual(216)
    await p.waitForTimeout(400)
    await p.screenshot({ path: 'screenshots/keeper-desk-home-1280.png' })
    await p.getByTestId('quick-log').click()
    const sheet = p.locator('.van-popup--bottom').filter({ has: p.getByTestId('quick-log-save') })
    await sheet.waitFor()
    await p.waitForTimeout(400)
    const box = (await sheet.boundingBox())!
    expect(box.width).toBeLessThanOrEqual(760)
    expect(box.x).toBeGreaterThanOrEqual(216)
    expect(Math.abs(box.x + box.width / 2 - (216 + (1280 - 216) / 2))).toBeLessThan(2)
    await p.screenshot({ path: 'screenshots/keeper-desk-sheet-1280.png' })
    await p.keyboard.press('Escape')
    await p.evaluate(() => (window.location.hash = '#/roster'))
    await p.getByTestId('roster').waitFor()
    // The tab bar stays as the side navigation on pages below the tabs; sections sit side by side.
    expect(await p.locator('.van-tabbar').isVisible()).toBe(true)
    const [a, b] = await p.locator('[data-testid^="section-"]').filter({ has: p.locator('.van-cell-group') }).evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top))
    expect(a).toBe(b)
    await p.screenshot({ path: 'screenshots/keeper-desk-roster-1280.png', fullPage: true })
    await wide.close()
  })
})
