// Issue #2: welcome in Chinese, demo ledger one tap away, offline reload keeps the data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launchPersistent, screenshot, waitForServiceWorker } from './support/browser'

describe('foundation', () => {
  let ctx: BrowserContext
  let page: Page

  beforeAll(async () => {
    ctx = await launchPersistent()
    page = await ctx.newPage()
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('shows the welcome screen in Chinese on an empty ledger', async () => {
    await page.goto(baseURL())
    await page.getByTestId('welcome').waitFor()
    const text = await page.getByTestId('welcome').innerText()
    expect(text).toContain('新建单位台账')
    expect(text).toContain('导入台账文件')
    expect(text).toContain('体验示例数据')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    await screenshot(page, 'welcome')
  })

  it('fills the ledger with the demo in one tap', async () => {
    await page.getByTestId('welcome-demo').click()
    await page.getByTestId('home').waitFor()
    await expect.poll(() => page.getByTestId('unit-name').innerText()).toMatch(/局|办|委/)
    await page.locator('.van-toast').waitFor({ state: 'hidden' }).catch(() => undefined)
    await screenshot(page, 'home-demo')
  })

  it('reloads with the network off and still shows the data', async () => {
    await waitForServiceWorker(page)
    const unitName = await page.getByTestId('unit-name').innerText()
    await ctx.setOffline(true)
    await page.reload()
    await page.getByTestId('home').waitFor()
    await expect.poll(() => page.getByTestId('unit-name').innerText()).toBe(unitName)
    await ctx.setOffline(false)
    expect(await cspViolations(page)).toEqual([])
  })
})
