// Debian's Chromium driven by playwright-core at phone size (flags shared in scripts/chromium-flags.json).
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'
import CHROMIUM_FLAGS from '../../../scripts/chromium-flags.json'
import PHONE_CONTEXT from '../../../scripts/phone-context.json'

export const CHROMIUM_ARGS: string[] = CHROMIUM_FLAGS

/** The phone every browser test uses (390×844, zh-CN, China time), shared with the bench. */
export const PHONE = PHONE_CONTEXT

export function baseURL(): string {
  return inject('baseURL')
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
}

/** A persistent profile (IndexedDB on disk, service worker kept) in a fresh temp dir. */
export async function launchPersistent(options: Record<string, unknown> = {}): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-e2e-'))
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...PHONE,
    acceptDownloads: true,
    ...options,
  })
  await watchCsp(ctx)
  return ctx
}

export async function newPhone(browser: Browser, options: Record<string, unknown> = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ ...PHONE, acceptDownloads: true, ...options })
  await watchCsp(ctx)
  return ctx
}

/** Count Content-Security-Policy violations in every page (issue #7: zero over the run). */
async function watchCsp(ctx: BrowserContext): Promise<void> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] }
    w.__cspViolations = []
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`)
    })
  })
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('screenshots', { recursive: true })
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true })
}

/** Wait until a service worker controls the page (Chromium pitfall, docs/CONTRIBUTING.md: wait for `activated`, reload if needed). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready
    const sw = reg.active
    if (sw && sw.state !== 'activated') {
      await new Promise<void>((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve()))
    }
  })
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload()
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
  }
}

/** Reopen (or open) a persistent profile in a given directory, e.g. after the browser was killed (issue #7). */
export async function launchPersistentAt(dir: string, options: Record<string, unknown> = {}): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...PHONE,
    acceptDownloads: true,
    ...options,
  })
  await watchCsp(ctx)
  return ctx
}
