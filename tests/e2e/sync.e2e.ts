// Issue #17 on the built service (dist/ served by dist-server/main.js with the embedded database): the keeper
// connects with the setup code and uploads; an official joins by invitation link, logs offline, goes online; the
// keeper and her section head see the record without any file; the keeper's 退回 reaches her. A county account
// sees the unit's figures. Four browser contexts, one service, everything on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { cspViolations, launch, newPhone, waitForServiceWorker } from './support/browser'
import { quickLog, watchPage } from './support/ledger'
import { EXAMPLE_FILE } from './support/report'
import { SETUP_CODE, spawnService, type ServiceProcess } from '../server/support/process'

const TOPIC = '端到端同步自学'
let svc: ServiceProcess
let dataDir = ''
let browser: Browser
const contexts: BrowserContext[] = []
const errors: string[][] = []
let keeper: Page
let official: Page
let head: Page
let officialLink = ''
let headLink = ''

async function phone(): Promise<Page> {
  const ctx = await newPhone(browser)
  contexts.push(ctx)
  const page = await ctx.newPage()
  errors.push(watchPage(page).errors)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300)
  await page.screenshot({ path: `screenshots/${name}.png` })
}

async function syncedOn(page: Page): Promise<void> {
  await page.goto(`${svc.url}#/sync`)
  await page.getByTestId('sync-now').click()
  await expect.poll(() => page.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced')
}

async function inviteLink(personId: string, role: string): Promise<string> {
  await keeper.goto(`${svc.url}#/sync/invite?personId=${personId}&role=${role}`)
  const link = keeper.getByTestId('invite-link')
  await link.waitFor({ timeout: 20_000 })
  return (await link.getAttribute('href')) ?? ''
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'xuefa-e2e-svc-'))
  svc = await spawnService({ DATA_DIR: dataDir, XUEFA_DIST: 'dist' })
  browser = await launch()
  keeper = await phone()
  official = await phone()
  head = await phone()
}, 180_000)
afterAll(async () => {
  await browser?.close()
  await svc?.kill('SIGTERM')
  rmSync(dataDir, { recursive: true, force: true })
})

describe('live sync between phones through the service', () => {
  it('serves the app and the API on one origin, with the app\'s CSP', async () => {
    const health = await fetch(`${svc.url}api/health`)
    expect(await health.json()).toMatchObject({ ok: true, storage: 'embedded' })
    const page = await fetch(svc.url)
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'")
  })

  it('the keeper imports the ledger, connects with the setup code and uploads it', async () => {
    await keeper.goto(`${svc.url}#/data`)
    await keeper.getByTestId('import-file').setInputFiles(EXAMPLE_FILE)
    await keeper.getByTestId('import-result').waitFor({ timeout: 30_000 })
    await keeper.goto(`${svc.url}#/sync`)
    await keeper.getByTestId('sync-setup-code').locator('input').fill('wrong-code')
    await keeper.getByTestId('sync-connect').click()
    await expect.poll(() => keeper.getByTestId('sync-error').innerText()).toMatch(/设置码不正确/)
    await shot(keeper, 'sync-connect-error')
    await keeper.getByTestId('sync-setup-code').locator('input').fill(SETUP_CODE.toLowerCase())
    await keeper.getByTestId('sync-connect').click()
    await expect.poll(() => keeper.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced')
    expect(await keeper.getByTestId('sync-status').innerText()).toMatch(/已同步/)
    await shot(keeper, 'sync-keeper')
  })

  it('the keeper invites an official and her section head (link and QR code)', async () => {
    officialLink = await inviteLink('q5', 'official')
    expect(officialLink).toMatch(/#\/join\?code=[A-Za-z0-9_-]{20,}/)
    await keeper.getByTestId('invite-qr').waitFor()
    await shot(keeper, 'sync-invite')
    headLink = await inviteLink('q1', 'sectionHead')
  })

  it('the official joins by the link, logs offline, and the record goes up once she is online', async () => {
    await official.goto(officialLink)
    await official.getByTestId('home').waitFor({ timeout: 60_000 }).catch(async (e) => {
      await shot(official, 'sync-join-failed')
      throw e
    })
    // The offline part needs the app cached by its service worker, as on a phone that has opened it before.
    await waitForServiceWorker(official)
    await official.goto(`${svc.url}#/sync`)
    await expect.poll(() => official.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced')
    await official.goto(`${svc.url}#/`)
    await official.getByTestId('home').waitFor()
    await official.context().setOffline(true)
    const saved = await quickLog(official, 1.5, TOPIC)
    expect(saved).toEqual({ saved: true, message: '已保存' })
    await official.goto(`${svc.url}#/sync`)
    await expect.poll(() => official.getByTestId('sync-status').getAttribute('data-state'), { timeout: 20_000 }).toMatch(/offline|pending/)
    expect(await official.getByTestId('sync-status').innerText()).toMatch(/待上传 1 条|离线/)
    await shot(official, 'sync-offline')
    await official.context().setOffline(false)
    await official.evaluate(() => window.dispatchEvent(new Event('online')))
    await expect.poll(() => official.getByTestId('sync-status').getAttribute('data-state'), { timeout: 30_000 }).toBe('synced')
  })

  it('the keeper sees the record in 自报审核 without any file', async () => {
    await syncedOn(keeper)
    await keeper.goto(`${svc.url}#/review`)
    const item = keeper.getByTestId('review-item').filter({ hasText: TOPIC })
    await item.waitFor({ timeout: 20_000 })
    await shot(keeper, 'sync-keeper-review')
  })

  it('her section head sees her hours', async () => {
    await head.goto(headLink)
    await head.getByTestId('home').waitFor({ timeout: 60_000 }).catch(async (e) => {
      await shot(head, 'sync-join-failed')
      throw new Error(`${(e as Error).message}\n${await head.locator('body').innerText()}`)
    })
    await head.goto(`${svc.url}#/stats?tab=section`)
    const row = head.getByTestId('status-row').filter({ hasText: '戊' })
    // Awaiting the keeper's review, the hours do not count yet (the default rule) and the row says so.
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toMatch(/待审核的自报 1\.5 学时/)
    expect(await row.innerText()).toMatch(/0 学时/)
    await shot(head, 'sync-head-pending')
  })

  it("the keeper's 退回 reaches the official", async () => {
    await keeper.goto(`${svc.url}#/review`)
    await keeper.getByTestId('review-item').filter({ hasText: TOPIC }).getByTestId('review-return').click()
    await keeper.getByTestId('return-reason').locator('textarea, input').first().fill('请写明学习的章节')
    await keeper.getByTestId('return-confirm').click()
    await keeper.getByTestId('review-item').filter({ hasText: TOPIC }).waitFor({ state: 'detached' })
    await syncedOn(keeper)
    await syncedOn(official)
    await official.goto(`${svc.url}#/records`)
    await expect.poll(() => official.getByTestId('records').innerText(), { timeout: 20_000 }).toMatch(/退回/)
    await shot(official, 'sync-official-returned')
  })

  it('a county account sees the unit side by side with its figures', async () => {
    const county = await phone()
    await county.goto(`${svc.url}#/sync`)
    await county.getByTestId('sync-setup-code').locator('input').fill(SETUP_CODE)
    await county.getByTestId('sync-county').click()
    await county.getByTestId('sync-connect').click()
    await county.getByTestId('county-page').waitFor({ timeout: 30_000 })
    await county.goto(`${svc.url}#/county?year=2023&asOf=2023-12-31`)
    const unit = county.locator('[data-testid="county-unit"][data-unit-name="示例单位"]')
    await unit.waitFor({ timeout: 20_000 })
    expect(await unit.locator('[data-figure="staffCount"]').innerText()).toBe('4')
    expect(await unit.locator('[data-figure="examParticipationRate"]').innerText()).toMatch(/%$/)
    await shot(county, 'sync-county')
    await county.setViewportSize({ width: 1280, height: 800 })
    await shot(county, 'sync-county-desktop')
  })

  it('left no CSP violation and no page error', async () => {
    for (const p of [keeper, official, head]) expect(await cspViolations(p)).toEqual([])
    expect(errors.flat()).toEqual([])
  })
})
