// The backup reminder on 首页 (issue #6): a change on a ledger never backed up shows it; 立即备份 (its export
// code loaded on the tap) downloads a backup file and the reminder goes away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launchPersistent, screenshot } from './support/browser'

describe('backup reminder', () => {
  let ctx: BrowserContext
  let page: Page

  beforeAll(async () => {
    ctx = await launchPersistent({ acceptDownloads: true })
    page = await ctx.newPage()
    await page.goto(baseURL())
    await page.getByTestId('welcome-demo').click()
    await page.getByTestId('quick-log').waitFor()
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('appears after a change to a ledger that was never backed up', async () => {
    await page.getByTestId('quick-log').click()
    await page.getByTestId('quick-log-hours-2').click()
    await page.getByTestId('quick-log-save').click()
    await page.getByTestId('quick-log-sheet').waitFor({ state: 'hidden' })
    await page.getByTestId('backup-banner').waitFor()
    expect(await page.getByTestId('backup-banner').innerText()).toContain('本机台账还没有备份过')
    await screenshot(page, 'home-backup-banner')
  })

  it('立即备份 downloads a backup file and the reminder goes away', async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('backup-now').click()
    expect((await download).suggestedFilename()).toMatch(/^学法台账-备份-.*\.xuefa\.json$/)
    await page.getByTestId('backup-banner').waitFor({ state: 'hidden' })
    expect(await cspViolations(page)).toEqual([])
  })
})
