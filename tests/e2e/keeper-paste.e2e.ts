// Issue #16 (Deliver 6): the keeper's desk work from Excel — 40 persons with 股室 and 执法证号 pasted into
// 批量添加 (preview first, pasted order kept), then 38 exam scores pasted with one malformed line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, launch, newPhone, screenshot } from './support/browser'
import { ledgerDigest } from './support/ledger'

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章'
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国斌'
const NAMES = Array.from({ length: 40 }, (_, i) => `${SURNAMES[i]}${GIVEN[i % GIVEN.length]}${GIVEN[(i * 7 + 3) % GIVEN.length]}`)
const SECTIONS = ['局领导', '办公室', '法规股', '执法大队']
const section = (i: number) => SECTIONS[i < 4 ? 0 : i < 12 ? 1 : i < 20 ? 2 : 3]
const cert = (i: number) => (i < 4 ? '' : `4401${String(20_210_000 + i)}`)
const TABLE = ['姓名\t股室\t执法证号', ...NAMES.map((n, i) => `${n}\t${section(i)}\t${cert(i)}`)].join('\r\n') + '\r\n'

/** The persons as stored (raw IndexedDB), in their roster order. */
async function storedPersons(page: Page): Promise<{ name: string; certNo: string | null; order?: number }[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('xuefa-ledger')
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => reject(req.error)
    })
    const rows = await new Promise<{ name: string; certNo: string | null; order?: number }[]>((resolve) => {
      const req = db.transaction('persons').objectStore('persons').getAll()
      req.onsuccess = () => resolve(req.result)
    })
    db.close()
    return rows.sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  })
}

describe('the keeper pastes from Excel', () => {
  let browser: Browser
  let ctx: BrowserContext
  let page: Page
  const go = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash)

  beforeAll(async () => {
    browser = await launch()
    ctx = await newPhone(browser)
    page = await ctx.newPage()
    await page.goto(baseURL())
    await page.getByTestId('welcome-create').click()
    await page.getByTestId('unit-name').locator('input').fill('某县司法局')
    await page.getByTestId('unit-sections').locator('textarea').fill('办公室\n法规股')
    await page.getByTestId('unit-create-submit').click()
    await page.getByTestId('mine').waitFor()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('40 rows of 姓名 / 股室 / 执法证号: a preview first, then 40 persons with their cert numbers in the pasted order', async () => {
    await go('#/roster')
    await page.getByTestId('roster-bulk-add').click()
    await page.getByTestId('bulk-names').locator('textarea').fill(TABLE)
    await expect.poll(() => page.getByTestId('bulk-row').count()).toBe(40)
    expect(await page.getByTestId('bulk-columns').locator('select').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value))).toEqual(['name', 'section', 'certNo'])
    expect(await page.getByTestId('bulk-summary').innerText()).toContain('将添加 40 人，新建股室“局领导”“执法大队”')
    expect(await page.getByTestId('bulk-flag').count()).toBe(0)
    // Nothing is written while the preview is open.
    expect((await ledgerDigest(page)).counts.persons).toBe(0)
    await page.waitForTimeout(350)
    await page.screenshot({ path: 'screenshots/keeper-paste-roster-preview.png' })
    expect(await page.getByTestId('bulk-submit').innerText()).toBe('添加 40 人')
    await page.getByTestId('bulk-submit').click()
    await page.locator('.van-toast').filter({ hasText: '已添加 40 人，新建股室 2 个' }).waitFor()
    const stored = await storedPersons(page)
    expect(stored.map((p) => p.name)).toEqual(NAMES)
    expect(stored.map((p) => p.certNo ?? '')).toEqual(NAMES.map((_, i) => cert(i)))
    expect(stored.map((p) => p.order)).toEqual(NAMES.map((_, i) => i + 1))
    // The roster lists them in the pasted order, not by pinyin.
    const rows = await page.getByTestId('section-执法大队').locator('[data-testid^="person-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(11)))
    expect(rows).toEqual(NAMES.slice(20))
    await screenshot(page, 'keeper-paste-roster')
  })

  it('a column of departments alone never becomes persons', async () => {
    await page.getByTestId('roster-bulk-add').click()
    await page.getByTestId('bulk-names').locator('textarea').fill('执法大队\n法规股\n办公室\n')
    await expect.poll(() => page.getByTestId('bulk-flag').allInnerTexts()).toEqual(['不像姓名', '不像姓名', '不像姓名'])
    await page.getByTestId('bulk-submit').click()
    expect(await page.getByTestId('bulk-add-error').innerText()).toBe('没有勾选要添加或更新的人员')
    expect((await ledgerDigest(page)).counts.persons).toBe(40)
    await page.locator('.van-popup--bottom .close').click()
  })

  it('38 scores pasted: the malformed line is shown, nothing is saved until confirmed, then 38 results', async () => {
    await go('#/exams')
    await page.getByTestId('exam-create').click()
    await page.getByTestId('exam-submit').click()
    await page.getByTestId('exam-results').waitFor()
    await page.getByTestId('score-paste-open').click()
    const scores = NAMES.slice(0, 38).map((n, i) => `${n}\t${i === 5 ? '缺考' : i === 6 ? '免考\t病假' : 50 + i}`)
    const text = ['姓名\t成绩', ...scores.slice(0, 20), `${NAMES[38]}\t九十`, ...scores.slice(20)].join('\r\n')
    await page.getByTestId('score-paste-text').locator('textarea').fill(text)
    await expect.poll(() => page.getByTestId('score-paste-line').count()).toBe(39)
    const bad = page.locator('[data-testid="score-paste-line"][data-ok="false"]')
    expect(await bad.count()).toBe(1)
    expect(await bad.innerText()).toContain('“九十”不是分数，也不是“缺考”或“免考”')
    expect(await page.getByTestId('score-paste-summary').innerText()).toBe('共 39 行：38 行可保存，1 行有误')
    expect((await ledgerDigest(page)).counts.examResults).toBe(0)
    await page.waitForTimeout(350)
    await page.screenshot({ path: 'screenshots/keeper-paste-scores.png' })
    await page.getByTestId('score-paste-save').click()
    await page.locator('.van-toast').filter({ hasText: '已保存 38 人的成绩' }).waitFor()
    expect((await ledgerDigest(page)).counts.examResults).toBe(38)
    const count = async (name: string) => (await page.getByTestId(`count-${name}`).locator('b').innerText()).trim()
    await expect.poll(() => count('missing')).toBe('2') // 40 on the roster, 38 pasted
    expect([await count('taken'), await count('absent'), await count('exempt')]).toEqual(['36', '1', '1'])
    expect(await page.getByTestId(`result-row-${NAMES[7]}`).innerText()).toContain('57 分 · 不合格')
    await screenshot(page, 'keeper-paste-results')
  })
})
