// Issue 15: three phones — the keeper, a section head, an official — exchange files the way the README says, and
// every phone tells the truth. The section head's 股室 view, statuses and reminder equal the keeper's; the official
// sees her exam status and no one's score, sends her records in one tap, and sees 退回 with the reason (her hours
// drop) after the keeper's next 发布; a phone with only the 发布 file says its section, unit and report views are
// incomplete and names nobody as behind.
import { writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, cspViolations, launch, newPhone, screenshot } from './support/browser'
import { loadDemo, quickLog, watchPage } from './support/ledger'
import { download, importLedgerFile } from './support/report'
import { readRoster, rowsOfSectionView, shot, type RosterInfo } from './support/roles'

let browser: Browser
let keeperCtx: BrowserContext
let headCtx: BrowserContext
let officialCtx: BrowserContext
let keeper: Page
let head: Page
let official: Page
let roster: RosterInfo
let sectionId = ''
let headName = ''
let officialName = ''
let publishFile = ''
let sectionFile = ''
let submitFile = ''
const errors: string[][] = []
const TOPICS = ['角色测试甲', '角色测试乙', '角色测试丙', '角色测试丁']

/** The official's hours on 首页 (the ring's first number). */
async function myHours(page: Page): Promise<number> {
  await page.goto(baseURL())
  await page.getByTestId('my-progress').waitFor()
  const text = await page.getByTestId('my-hours').innerText()
  return Number(text.split('/')[0].trim())
}

beforeAll(async () => {
  browser = await launch()
  keeperCtx = await newPhone(browser)
  headCtx = await newPhone(browser)
  officialCtx = await newPhone(browser)
  // The official's phone has a share sheet (Web Share with files): the file she shares is kept for the test.
  await officialCtx.addInitScript(() => {
    const w = window as unknown as { __shared: { name: string; text: string }[] }
    w.__shared = []
    Object.assign(navigator, {
      canShare: (d: { files?: File[] }) => Array.isArray(d.files),
      share: async (d: { files: File[] }) => {
        for (const f of d.files) w.__shared.push({ name: f.name, text: await f.text() })
      },
    })
  })
  keeper = await keeperCtx.newPage()
  head = await headCtx.newPage()
  official = await officialCtx.newPage()
  errors.push(watchPage(keeper).errors, watchPage(head).errors, watchPage(official).errors)
})
afterAll(async () => {
  await browser?.close()
})

describe('three phones', () => {
  it('the keeper loads a ledger, counts unverified 自报 this year, and exports the 发布 and a 股室文件', async () => {
    await loadDemo(keeper)
    roster = await readRoster(keeper)
    // A section where someone is behind on the keeper's own ledger.
    for (const s of roster.sections) {
      const rows = await rowsOfSectionView(keeper, s.id)
      if (rows.some((r) => r.status === 'behind')) {
        sectionId = s.id
        break
      }
    }
    expect(sectionId).not.toBe('')
    headName = roster.persons.find((p) => p.sectionId === sectionId && p.active)!.name
    officialName = roster.officialName
    await keeper.goto(`${baseURL()}#/review`)
    const toggle = keeper.getByTestId('count-self-reported')
    await toggle.waitFor()
    if ((await toggle.getAttribute('aria-checked')) !== 'true') await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true')

    await keeper.goto(`${baseURL()}#/data`)
    publishFile = (await download(keeper, 'export-publish')).path
    await keeper.goto(`${baseURL()}#/data?section=${sectionId}`)
    await expect.poll(() => keeper.getByTestId('export-section').innerText()).toContain('股室文件')
    const section = await download(keeper, 'export-section')
    expect(section.name).toMatch(/^学法台账-股室-.+\.xuefa\.json$/)
    sectionFile = section.path
    await keeper.getByTestId('export-done').waitFor()
    await shot(keeper, 'roles-keeper-section-export')
    await screenshot(keeper, 'roles-keeper-data-full')
  })

  it('the section head joins with the 股室文件 in three taps and sees her section exactly as the keeper does', async () => {
    await head.goto(baseURL())
    await head.getByTestId('welcome').waitFor()
    await shot(head, 'roles-welcome')
    await head.getByTestId('welcome-join-file').setInputFiles(sectionFile)
    await head.getByTestId('person-picker').waitFor({ timeout: 30_000 })
    await shot(head, 'roles-join-pick')
    await head.getByTestId(`pick-${headName}`).click()
    await head.getByTestId('home').waitFor()

    const mine = await rowsOfSectionView(head, sectionId)
    const keepers = await rowsOfSectionView(keeper, sectionId)
    expect(mine.length).toBeGreaterThan(1)
    expect(mine).toEqual(keepers)
    expect(await head.getByTestId('data-incomplete').count()).toBe(0)
    expect(await head.getByTestId('stats-section').getByTestId('data-as-of').innerText()).toMatch(/^数据截至 \d+月\d+日 \d\d:\d\d（来自.*股室文件/)
    await shot(head, 'roles-section-with-file')
    const reminder = async (page: Page) => {
      await page.getByTestId('remind-button').click()
      const text = await page.getByTestId('remind-text').inputValue()
      await page.keyboard.press('Escape')
      return text
    }
    const text = await reminder(head)
    expect(text).toMatch(/还差/)
    expect(text).toBe(await reminder(keeper))
  })

  it('the official joins with the 发布 file: her exam status, no one\'s score', async () => {
    await official.goto(baseURL())
    await official.getByTestId('welcome-join-file').setInputFiles(publishFile)
    await official.getByTestId(`pick-${officialName}`).click()
    await official.getByTestId('home').waitFor()
    expect(await official.getByTestId('backup-banner').count()).toBe(0)
    const exam = await official.getByTestId('my-exam').innerText()
    expect(exam).toMatch(/已参考|缺考|免考/)
    expect(exam).not.toMatch(/\d+ 分/)
    const stored = await official.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const r = indexedDB.open('xuefa-ledger')
        r.onsuccess = () => resolve(r.result)
      })
      const all = (t: string) =>
        new Promise<unknown[]>((resolve) => {
          const r = db.transaction(t).objectStore(t).getAll()
          r.onsuccess = () => resolve(r.result)
        })
      const out = { results: (await all('examResults')).length, statuses: (await all('examStatuses')).length, text: JSON.stringify(await Promise.all(['examResults', 'examStatuses', 'activities'].map(all))) }
      db.close()
      return out
    })
    expect(stored.results).toBe(0)
    expect(stored.statuses).toBeGreaterThan(10)
    expect(stored.text).not.toMatch(/"score"/)
    // The keeper holds 自学 records of hers that this new phone lacks: 首页 says so instead of a silently low figure.
    const mine = official.getByTestId('home').getByTestId('data-incomplete')
    await mine.waitFor({ timeout: 10_000 })
    expect(await mine.innerText()).toContain('管理员处有本机没有的您的记录')
    await shot(official, 'roles-home-official-partial')
  })

  it('the official logs four records, deletes two, and sends them from 我的 in one tap: "2 条学习记录（另含 2 条删除）"', async () => {
    for (const [i, hours] of [1, 1.5, 2, 0.5].entries()) expect((await quickLog(official, hours, TOPICS[i])).saved).toBe(true)
    await official.getByTestId('submit-card').waitFor()
    await official.getByTestId('quick-log-sheet').waitFor({ state: 'hidden' })
    await official.getByTestId('submit-card').scrollIntoViewIfNeeded()
    await shot(official, 'roles-home-submit-prompt')
    for (const topic of TOPICS.slice(2)) {
      await official.goto(`${baseURL()}#/records`)
      await official.getByTestId('record-row').filter({ hasText: topic }).click()
      await official.getByTestId('activity-remove').click()
      await official.locator('.van-dialog:visible .van-dialog__confirm').click()
      await official.getByTestId('record-row').first().waitFor()
    }
    await official.goto(`${baseURL()}#/records`)
    await expect.poll(() => official.getByTestId('record-review').allInnerTexts()).toEqual(['未提交', '未提交'])
    await official.goto(`${baseURL()}#/mine`)
    await expect.poll(() => official.getByTestId('submit-status').innerText()).toBe('有 2 条记录还没交给管理员')
    await shot(official, 'roles-mine-official')
    await official.getByTestId('mine-submit').click()
    await official.getByTestId('submit-done').waitFor()
    expect(await official.getByTestId('submit-done').innerText()).toContain('2 条学习记录（另含 2 条删除）')
    await shot(official, 'roles-mine-shared')
    const shared = await official.evaluate(() => (window as unknown as { __shared: { name: string; text: string }[] }).__shared)
    expect(shared).toHaveLength(1)
    expect(shared[0].name).toContain(`-${officialName}-`)
    submitFile = join(mkdtempSync(join(tmpdir(), 'xuefa-share-')), shared[0].name)
    writeFileSync(submitFile, shared[0].text)
  })

  it('after 退回 and a new 发布 she sees 退回 and the reason on her record, and her hours drop', async () => {
    const before = await myHours(official)
    await importLedgerFile(keeper, submitFile)
    await keeper.goto(`${baseURL()}#/review`)
    const item = keeper.getByTestId('review-item').filter({ hasText: TOPICS[1] })
    await item.getByTestId('review-return').click()
    await keeper.getByTestId('return-reason').locator('textarea').fill('学时与学习记录不符，请核对')
    await keeper.getByTestId('return-confirm').click()
    await expect.poll(() => item.count()).toBe(0)
    await keeper.goto(`${baseURL()}#/data`)
    publishFile = (await download(keeper, 'export-publish')).path

    await importLedgerFile(official, publishFile)
    await official.goto(`${baseURL()}#/records`)
    const row = official.locator('.van-swipe-cell').filter({ hasText: TOPICS[1] })
    await expect.poll(() => row.getByTestId('record-review').innerText()).toBe('退回')
    expect(await row.getByTestId('record-review-note').innerText()).toBe('退回原因：学时与学习记录不符，请核对')
    expect(await official.locator('.van-swipe-cell').filter({ hasText: TOPICS[0] }).getByTestId('record-review').innerText()).toBe('待核实')
    await shot(official, 'roles-records-returned')
    await official.locator('[data-testid="record-row"]').filter({ hasText: TOPICS[1] }).click()
    await official.getByTestId('record-review-reason').waitFor()
    await shot(official, 'roles-record-returned')
    await expect.poll(() => myHours(official)).toBe(before - 1.5)
  })

  it('a phone with only the 发布 file says its views are incomplete and names nobody as behind', async () => {
    await official.goto(`${baseURL()}#/mine`)
    await official.getByTestId('role-head').click()
    await expect.poll(() => official.getByTestId('role-head').getAttribute('aria-checked')).toBe('true')
    await official.goto(`${baseURL()}#/stats?tab=section&section=${sectionId}`)
    const notice = official.getByTestId('stats-section').getByTestId('data-incomplete')
    await notice.waitFor()
    expect(await notice.innerText()).toContain('本机缺少本股室人员的自学记录：请向管理员索取股室文件')
    expect(await official.getByTestId('remind-button').count()).toBe(0)
    expect(await official.getByTestId('status-counts').count()).toBe(0)
    const statuses = await official.getByTestId('stats-section').getByTestId('status-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))
    expect(statuses.length).toBeGreaterThan(0)
    expect(new Set(statuses)).toEqual(new Set(['partial']))
    await shot(official, 'roles-section-without-file')
    await official.goto(`${baseURL()}#/stats?tab=unit`)
    await official.getByTestId('stats-unit').getByTestId('data-incomplete').waitFor()
    await shot(official, 'roles-unit-partial')
    await official.goto(`${baseURL()}#/report`)
    await official.locator('[data-testid="report"] [data-testid="data-incomplete"]').waitFor()
    expect(await official.getByTestId('data-incomplete').innerText()).toMatch(/不能用于年度报告/)
    await shot(official, 'roles-report-partial')
    // The keeper's own report is complete, and says how many 自报 hours are unverified and that they count.
    await keeper.goto(`${baseURL()}#/report`)
    await keeper.getByTestId('unverified-hours').waitFor()
    expect(await keeper.getByTestId('data-incomplete').count()).toBe(0)
    expect(await keeper.getByTestId('unverified-hours').getAttribute('data-counted')).toBe('true')
  })

  it('had no page errors and no CSP violations', async () => {
    expect(errors.flat()).toEqual([])
    for (const p of [keeper, head, official]) expect(await cspViolations(p)).toEqual([])
  })
})
