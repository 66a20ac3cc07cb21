// Issue #3 (activity side): quick log in ≤ 3 taps offline, a lecture for a whole section, the training card, delete + 撤销.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { baseURL, cspViolations, launchPersistent, screenshot, waitForServiceWorker } from './support/browser'

const LECTURE_TITLE = '《行政复议法》专题讲座（e2e）'

describe('recording: activities', () => {
  let ctx: BrowserContext
  let page: Page
  let cardTotal0 = 0

  /** Clicks counted from 首页 for the ≤ 3 taps promise. */
  let taps = 0
  async function tap(target: Locator): Promise<void> {
    taps += 1
    await target.click()
  }

  /** Screenshot once popups and toasts have settled. */
  const snap = async (name: string): Promise<void> => {
    await page.waitForTimeout(400)
    await screenshot(page, name)
  }
  const go = async (hash: string): Promise<void> => {
    await page.evaluate((h) => (window.location.hash = h), hash)
  }
  const toast = (text: string): Locator => page.locator('.van-toast').filter({ hasText: text })
  /** The quick log's own 已保存 (drawn without Vant's toast, docs/PERFORMANCE.md). */
  const saved = (): Locator => page.getByTestId('saved-toast').filter({ hasText: '已保存' })
  const cardTotal = async (): Promise<number> => Number(await page.getByTestId('training-card-total').innerText())

  beforeAll(async () => {
    ctx = await launchPersistent()
    page = await ctx.newPage()
    await page.goto(baseURL())
    await page.getByTestId('welcome-demo').click()
    await page.getByTestId('home').waitFor()
    await waitForServiceWorker(page)
    await ctx.setOffline(true)
    await page.reload()
    await page.getByTestId('home-me').waitFor()
  })
  afterAll(async () => {
    await ctx?.close()
  })

  it('shows me on 首页 and my training card total', async () => {
    expect(await page.getByTestId('home-me').innerText()).toMatch(/^.+ · .+ · \d{4} 年度$/)
    await page.getByTestId('home-recent-row').first().waitFor()
    await snap('recording-home')
    await page.getByTestId('home-training-card').click()
    await page.getByTestId('training-card-total').waitFor()
    cardTotal0 = await cardTotal()
    expect(cardTotal0).toBeGreaterThan(0)
    expect(await page.getByTestId('training-card').innerText()).toContain('行政执法技能')
    await snap('recording-training-card')
    await page.goBack()
    await page.getByTestId('home').waitFor()
  })

  it('logs 1.5 学时 of self-study in 3 taps from 首页, offline', async () => {
    taps = 0
    await tap(page.getByTestId('quick-log'))
    await page.getByTestId('quick-log-sheet').waitFor()
    await snap('recording-quick-log-sheet')
    await tap(page.getByTestId('quick-log-hours-1.5'))
    await tap(page.getByTestId('quick-log-save'))
    await saved().waitFor()
    expect(taps).toBeLessThanOrEqual(3)
    const first = page.getByTestId('home-recent-row').first()
    await expect.poll(() => first.innerText()).toMatch(/自学[\s\S]*1\.5/)
    await snap('recording-home-after-log')
  })

  it('loaded the quick log\'s code with V8\'s compile hint (compiled at the tap on 记一笔, not in the save)', async () => {
    const chunks = await page.evaluate(async () => {
      const urls = performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((n) => /\/(QuickLogSheet|useQuickLog|activity-edits)-[\w-]+\.js$/.test(n))
      return Promise.all(urls.map(async (u) => [u.split('/').pop(), (await (await fetch(u)).text()).startsWith('//# allFunctionsCalledOnLoad\n')]))
    })
    expect(chunks.map(([name]) => String(name).split('-')[0]).sort()).toEqual(['QuickLogSheet', 'activity', 'useQuickLog'])
    expect(chunks.every(([, isHinted]) => isHinted)).toBe(true)
  })

  it('counts the new study on the training card', async () => {
    await page.getByTestId('home-training-card').click()
    await page.getByTestId('training-card-total').waitFor()
    await expect.poll(cardTotal).toBeCloseTo(cardTotal0 + 1.5, 5)
    await page.goBack()
    await page.getByTestId('home').waitFor()
  })

  it('remembers 线上学习 and its platform, with laws from the catalogue or free text', async () => {
    await page.getByTestId('quick-log').click()
    await page.getByTestId('quick-log-kind-online').click()
    await page.getByTestId('quick-log-platform').click()
    await page.locator('.van-action-sheet__item').filter({ hasText: '法宣在线' }).click()
    await page.getByTestId('quick-log-hours-input').fill('2.5')
    await page.getByTestId('quick-log-laws-open').click()
    await page.getByTestId('quick-log-laws-search').locator('input').fill('复议')
    await page.getByTestId('quick-log-laws-option').first().waitFor()
    expect(await page.getByTestId('quick-log-laws-option').first().innerText()).toContain('行政复议法')
    await page.getByTestId('quick-log-laws-option').first().click()
    await page.getByTestId('quick-log-laws-search').locator('input').fill('本局执法规范')
    await page.getByTestId('quick-log-laws-free').click()
    await snap('recording-law-picker')
    await page.getByTestId('quick-log-laws-done').click()
    await snap('recording-quick-log-online')
    await page.getByTestId('quick-log-save').click()
    await saved().waitFor()
    await expect.poll(() => page.getByTestId('home-recent-row').first().innerText()).toContain('法宣在线 线上学习《行政复议法》《本局执法规范》')
    await page.getByTestId('quick-log').click()
    await page.getByTestId('quick-log-platform').waitFor()
    expect(await page.getByTestId('quick-log-platform').innerText()).toContain('法宣在线')
    await page.getByTestId('quick-log-hours-input').fill('30')
    await page.getByTestId('quick-log-save').click()
    await expect.poll(() => page.getByTestId('quick-log-error').innerText()).toContain('一天最多 24 学时')
    await snap('recording-quick-log-error')
    await page.locator('.van-popup__close-icon').first().click()
  })

  it('records a 法治讲座 for a whole section; every member gets it', async () => {
    await page.locator('.van-tabbar-item').filter({ hasText: '记录' }).click()
    await page.getByTestId('records').waitFor()
    await page.getByTestId('record-row').first().waitFor()
    await snap('recording-records-mine')
    await page.getByTestId('records-new-activity').click()
    await page.getByTestId('activity-form').waitFor()
    await page.getByTestId('activity-kind').click()
    await page.locator('.van-action-sheet__item').filter({ hasText: '法治讲座' }).click()
    await page.getByTestId('activity-title').locator('textarea').fill(LECTURE_TITLE)
    await page.getByTestId('activity-hours-2').click()
    await page.getByTestId('activity-attendees').click()
    await page.getByTestId('attendee-picker').waitFor()
    const section = page.locator('[data-testid^="attendee-section-all-"]').first()
    const sectionId = (await section.getAttribute('data-testid'))!.replace('attendee-section-all-', '')
    await page.getByTestId(`attendee-section-${sectionId}`).locator('.van-collapse-item__title').click()
    const members = page.getByTestId(`attendee-section-${sectionId}`).locator('[data-testid^="attendee-person-"]')
    await members.first().waitFor()
    const ids = (await members.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))).map((t) => t.replace('attendee-person-', ''))
    expect(ids.length).toBeGreaterThan(1)
    await section.click()
    await expect.poll(() => page.getByTestId('attendee-count').innerText()).toBe(`已选 ${ids.length} 人`)
    await snap('recording-attendee-picker')
    await page.getByTestId('attendee-confirm').click()
    await expect.poll(() => page.getByTestId('activity-attendees').innerText()).toContain(`已选 ${ids.length} 人`)
    await snap('recording-activity-new')
    await page.getByTestId('activity-save').click()
    await toast('已保存').waitFor()
    for (const id of ids) {
      await go(`#/records?view=all&person=${id}&kind=lecture`)
      await expect.poll(() => page.getByTestId('records').innerText()).toContain(LECTURE_TITLE)
    }
    await snap('recording-records-person')
  })

  it('lists everyone’s records for the keeper and shows an empty state', async () => {
    await go('#/records?view=all')
    await page.getByTestId('record-row').first().waitFor()
    await snap('recording-records-all')
    await go('#/records?view=all&year=2000')
    await page.getByTestId('records-empty').waitFor()
    await snap('recording-records-empty')
  })

  it('pages 全部 by date: every record of the year once, newest first; a delete and 撤销 show in place', async () => {
    // Last year: a full year of demo records whatever the date today.
    const all = `#/records?view=all&year=${new Date().getFullYear() - 1}`
    const rows = page.getByTestId('record-row')
    const end = page.getByTestId('records-end')
    /** Scrolls until the list says it has shown everything; returns how many records it says it has. */
    const scrollToEnd = async (): Promise<number> => {
      await page.locator('[data-testid="record-row"], [data-testid="records-empty"]').first().waitFor()
      if (await page.getByTestId('records-empty').isVisible()) return 0
      for (let i = 0; i < 200 && !(await end.isVisible()); i++) {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
        await page.waitForTimeout(100)
      }
      return Number(/^共 (\d+) 条记录$/.exec(await end.innerText())![1])
    }
    await go(all)
    await expect.poll(() => rows.count()).toBe(50)
    // The rows come a page at a time as the list scrolls; how many there are is known at the end.
    await expect.poll(() => page.getByTestId('records-more').innerText()).toBe('加载更多')
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'screenshots/recording-records-all-top.png' })
    const total = await scrollToEnd()
    expect(total).toBeGreaterThan(150)
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))
    expect(ids.length).toBe(total)
    expect(new Set(ids).size).toBe(total)
    // Newest first: months descending, each once; days within a month never increasing.
    const months = await page.locator('.month').evaluateAll((els) =>
      els.map((m) => ({ title: m.querySelector('.month-title')!.textContent!, days: [...m.querySelectorAll('.day')].map((d) => parseInt(d.textContent!, 10)) })),
    )
    const keys = months.map((m) => m.title.replace(/(\d+)年(\d+)月/, (_, y: string, mo: string) => `${y}-${mo.padStart(2, '0')}`))
    expect(keys).toEqual([...new Set(keys)].sort().reverse())
    for (const m of months) expect(m.days).toEqual([...m.days].sort((a, b) => b - a))

    // Swipe a row far down the list to 删除 (touch events, as on a phone), then 撤销: the list follows in place.
    const row = rows.nth(160)
    const victim = await row.getAttribute('data-id')
    await row.scrollIntoViewIfNeeded()
    const box = (await row.boundingBox())!
    const cdp = await ctx.newCDPSession(page)
    const y = box.y + box.height / 2
    const x = box.x + box.width - 30
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] })
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x - i * 20, y }] })
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await cdp.detach()
    await page.locator(`.van-swipe-cell:has([data-id="${victim}"]) [data-testid="record-remove"]`).click()
    await page.locator('.van-dialog__confirm').click()
    await page.getByTestId('undo-bar').waitFor()
    await expect.poll(() => end.innerText()).toBe(`共 ${total - 1} 条记录`)
    expect(await page.locator(`[data-id="${victim}"]`).count()).toBe(0)
    await page.waitForTimeout(400)
    await page.screenshot({ path: 'screenshots/recording-records-all-deleted.png' }) // the screen, not 500 rows
    await page.getByTestId('undo-remove').click()
    await toast('已撤销删除').waitFor()
    await expect.poll(() => end.innerText()).toBe(`共 ${total} 条记录`)
    expect(await rows.count()).toBe(total)

    // Each kind chip pages its own index; together they hold every record once.
    let sum = 0
    for (const kind of ['centerGroup', 'collective', 'lecture', 'training', 'personal', 'otherGroup']) {
      await go(`${all}&kind=${kind}`)
      await page.getByTestId(`records-kind-${kind}`).and(page.locator('[aria-checked="true"]')).waitFor()
      sum += await scrollToEnd()
    }
    expect(sum).toBe(total)

    // A section: its members' records, filtered while paging.
    await go(all)
    await rows.first().waitFor()
    await page.locator('.van-dropdown-menu__item').nth(1).click()
    await page.locator('.van-dropdown-item__option').nth(1).click()
    await expect.poll(() => page.url()).toContain('section=')
    const inSection = await scrollToEnd()
    expect(inSection).toBeGreaterThan(0)
    expect(inSection).toBeLessThan(total)
    expect(new Set(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).size).toBe(inSection)
  })

  it('filters 全部 by kind through its own index', async () => {
    await go('#/records?view=all&kind=lecture')
    await page.getByTestId('record-row').first().waitFor()
    await expect.poll(() => page.getByTestId('records').innerText()).toContain(LECTURE_TITLE)
    const subs = await page.locator('[data-testid="record-row"] .row-sub').allInnerTexts()
    expect(subs.length).toBeGreaterThan(0)
    for (const sub of subs) expect(sub.startsWith('讲座')).toBe(true)
  })

  it('deletes a record with a confirm and brings it back with 撤销', async () => {
    await go('#/')
    await page.getByTestId('home-recent-row').first().click()
    await page.getByTestId('activity-form').waitFor()
    await snap('recording-activity-edit')
    const title = await page.getByTestId('activity-title').locator('textarea').inputValue()
    await page.getByTestId('activity-remove').click()
    await page.locator('.van-dialog__confirm').click()
    await page.getByTestId('undo-bar').waitFor()
    await snap('recording-undo')
    await expect.poll(() => page.getByTestId('home-recent').innerText()).not.toContain(title)
    await page.getByTestId('undo-remove').click()
    await toast('已撤销删除').waitFor()
    await expect.poll(() => page.getByTestId('home-recent').innerText()).toContain(title)
    expect(await cspViolations(page)).toEqual([])
  })
})
