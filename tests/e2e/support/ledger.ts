// Helpers for durability tests: load the demo, log study, read the raw IndexedDB ledger, collect page errors.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { baseURL, launch, newPhone } from './browser'

export const DB_NAME = 'xuefa-ledger'
export const RECORD_TABLES = ['sections', 'persons', 'activities', 'exams', 'examResults', 'targetSets'] as const

/** Collect uncaught page errors and dialogs (alert/confirm/prompt) of one page. */
export function watchPage(page: Page): { errors: string[]; dialogs: string[] } {
  const seen = { errors: [] as string[], dialogs: [] as string[] }
  page.on('pageerror', (e) => seen.errors.push(String(e)))
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`)
    void d.dismiss().catch(() => {})
  })
  return seen
}

/** From the welcome screen to the home page with the demo ledger. */
export async function loadDemo(page: Page): Promise<void> {
  await page.goto(baseURL())
  await page.getByTestId('welcome-demo').click()
  await page.getByTestId('home').waitFor()
  await page.getByTestId('unit-name').filter({ hasText: /\S/ }).waitFor()
}

/** A browser with one phone page on the demo ledger's home (this device: the keeper and one enforcement officer). */
export async function openDemoPhone(): Promise<{ browser: Browser; ctx: BrowserContext; page: Page }> {
  const browser = await launch()
  const ctx = await newPhone(browser)
  const page = await ctx.newPage()
  await loadDemo(page)
  return { browser, ctx, page }
}

/** The native IndexedDB version of the ledger (Dexie's verno × 10), 0 when absent. */
export async function nativeVersion(page: Page): Promise<number> {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases()
    return dbs.find((d) => d.name === name)?.version ?? 0
  }, DB_NAME)
}

/**
 * Every record key and stamp of the ledger, read with raw IndexedDB (no app code): a digest to compare states.
 * Opens without a version (whatever is on disk) and closes at once.
 */
export async function ledgerDigest(page: Page): Promise<{ counts: Record<string, number>; digest: string }> {
  return page.evaluate(
    async ({ name, tables }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      try {
        const present = tables.filter((t) => db.objectStoreNames.contains(t))
        const tx = db.transaction(present, 'readonly')
        const counts: Record<string, number> = {}
        const parts: string[] = []
        await Promise.all(
          present.map(
            (t) =>
              new Promise<void>((resolve, reject) => {
                const req = tx.objectStore(t).getAll()
                req.onsuccess = () => {
                  const rows = req.result as { id: string; updatedAt: string }[]
                  counts[t] = rows.length
                  for (const r of rows) parts.push(`${t}/${r.id}/${r.updatedAt}`)
                  resolve()
                }
                req.onerror = () => reject(req.error)
              }),
          ),
        )
        parts.sort()
        // A cheap, stable fingerprint: FNV-1a over the sorted keys and stamps.
        let h = 0x811c9dc5
        for (const p of parts) for (let i = 0; i < p.length; i++) h = Math.imul(h ^ p.charCodeAt(i), 0x01000193) >>> 0
        return { counts, digest: `${parts.length}:${h.toString(16)}` }
      } finally {
        db.close()
      }
    },
    { name: DB_NAME, tables: [...RECORD_TABLES] },
  )
}

/**
 * 记一笔: open the sheet, pick the hours chip, optional topic, save; confirm a duplicate warning (or a busy day's
 * question) if it shows. Resolves with what the page said: the toast ('已保存') or the sheet's error text.
 */
export async function quickLog(page: Page, hours: number, topic = ''): Promise<{ saved: boolean; message: string }> {
  await page.getByTestId('quick-log').click()
  await page.getByTestId('quick-log-sheet').waitFor()
  await page.getByTestId(`quick-log-hours-${hours}`).click()
  if (topic) await page.getByTestId('quick-log-topic').locator('input').fill(topic)
  await page.getByTestId('quick-log-save').click()
  return settle(page)
}

/** Waits for what the save leads to, confirming the questions it may ask first (可能重复, 学时较多). */
async function settle(page: Page, asked = 0): Promise<{ saved: boolean; message: string }> {
  const toast = page.getByTestId('saved-toast').filter({ hasText: '已保存' })
  const error = page.getByTestId('quick-log-error')
  const question = page.locator('.van-dialog:visible').filter({ hasText: /可能重复|学时较多/ })
  const first = await Promise.any([
    toast.waitFor({ timeout: 15_000 }).then(() => 'toast' as const),
    error.waitFor({ timeout: 15_000 }).then(() => 'error' as const),
    question.waitFor({ timeout: 15_000 }).then(() => 'question' as const),
  ])
  if (first === 'question' && asked < 3) {
    await question.locator('.van-dialog__confirm').click()
    await question.waitFor({ state: 'hidden' })
    return settle(page, asked + 1)
  }
  return first === 'toast' ? { saved: true, message: '已保存' } : { saved: false, message: (await error.innerText()).trim() }
}

/**
 * CSP violations of every page of a context, kept in the test process (pages closed mid-test lose their
 * window.__cspViolations): the document event re-logged with a marker, plus Chromium's own "Refused to …" lines.
 */
export async function collectCsp(ctx: BrowserContext): Promise<string[]> {
  const seen: string[] = []
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`))
  })
  ctx.on('console', (m) => {
    const t = m.text()
    if (t.startsWith('CSP-VIOLATION') || /Refused to (load|execute|apply|connect|frame|create)/.test(t)) seen.push(t)
  })
  return seen
}
