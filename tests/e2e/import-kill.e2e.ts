// Issue #7: kill the page (and once the whole browser) at several points of a large import on #/data and reopen
// the same profile: the ledger is exactly as before or fully imported, never partial.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { generateDemoLedger } from '@/domain/demo/ledger'
import { buildLedgerFile, countRecords } from '@/domain/ledger/file'
import { baseURL, cspViolations, launchPersistentAt, screenshot } from './support/browser'
import { collectCsp, ledgerDigest, loadDemo, watchPage } from './support/ledger'

type Digest = Awaited<ReturnType<typeof ledgerDigest>>

let file = ''
let fileRecords = 0
/** The demo ledger before the import and the same ledger after a complete import (reference run). */
let before: Digest
let full: Digest
/** Measured in the reference run: ms from choosing the file to the merge phase, and the merge's length. */
let toMerge = 0
let mergeMs = 0
const outcomes: string[] = []
/** Temp profiles and the file: large (the import is 30 MB), removed after the run. */
const tempDirs: string[] = []

/** A backup of a 300-person unit (the demo's unit id: same seed), written to a temp file. */
async function writeLargeLedgerFile(): Promise<void> {
  const demo = generateDemoLedger({ today: '2026-11-22', persons: 300 })
  const ledger = await buildLedgerFile({
    purpose: 'backup',
    unit: demo.unit,
    deviceId: 'e2ekill',
    personId: null,
    exportedAt: new Date().toISOString(),
    records: demo.records,
  })
  fileRecords = countRecords(demo.records)
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-kill-'))
  tempDirs.push(dir)
  file = join(dir, '某局-备份.xuefa.json')
  writeFileSync(file, JSON.stringify(ledger))
}

async function freshProfile(): Promise<{ dir: string; ctx: BrowserContext; page: Page; csp: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-e2e-kill-'))
  tempDirs.push(dir)
  const ctx = await launchPersistentAt(dir)
  const csp = await collectCsp(ctx)
  const page = await ctx.newPage()
  await loadDemo(page)
  return { dir, ctx, page, csp }
}

/** Choose the file on #/data; a backup over data asks first, so confirm as soon as asked. Resolves at pick time. */
async function startImport(page: Page): Promise<number> {
  await page.goto(`${baseURL()}#/data`)
  await page.getByTestId('import-file').waitFor({ state: 'attached' })
  await page.getByTestId('import-file').setInputFiles(file)
  const picked = Date.now()
  void page
    .getByTestId('import-confirm')
    .click({ timeout: 60_000 })
    .catch(() => {}) // the page may be gone before the question shows: that is the point
  return picked
}

async function mergeStarted(page: Page, timeout = 60_000): Promise<void> {
  await page.getByTestId('import-progress').filter({ hasText: '正在合并记录' }).waitFor({ timeout })
}

/** The state the profile reopens with, read by a new page. */
async function reopenAndRead(ctx: BrowserContext): Promise<Digest> {
  const page = await ctx.newPage()
  const seen = watchPage(page)
  await page.goto(baseURL())
  await page.getByTestId('home').waitFor({ timeout: 30_000 })
  const d = await ledgerDigest(page)
  expect(seen.errors).toEqual([])
  expect(await cspViolations(page)).toEqual([])
  await page.close()
  return d
}

function judge(label: string, d: Digest): void {
  const state = d.digest === before.digest ? 'as before' : d.digest === full.digest ? 'fully imported' : 'PARTIAL'
  outcomes.push(`${label}: ${state} (${JSON.stringify(d.counts)})`)
  expect(state, `${label}: ${JSON.stringify(d.counts)} vs before ${JSON.stringify(before.counts)} / full ${JSON.stringify(full.counts)}`).not.toBe('PARTIAL')
}

/** The browser process of a profile (the oldest process started with this user-data-dir). */
function browserPid(dir: string): number {
  const out = execFileSync('pgrep', ['-o', '-f', '--', `--user-data-dir=${dir}`]).toString().trim()
  const pid = Number(out.split('\n')[0])
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no browser process for ${dir}`)
  return pid
}

describe('killing a large import', () => {
  beforeAll(async () => {
    await writeLargeLedgerFile()
    // Reference run: the same demo, the same file, imported to the end.
    const { ctx, page } = await freshProfile()
    try {
      before = await ledgerDigest(page)
      const picked = await startImport(page)
      await mergeStarted(page, 120_000)
      const merging = Date.now()
      toMerge = merging - picked
      await page.getByTestId('import-result').waitFor({ timeout: 180_000 })
      mergeMs = Date.now() - merging
      await screenshot(page, 'durability-import-done')
      full = await reopenAndRead(ctx)
      expect(await cspViolations(page)).toEqual([])
    } finally {
      await ctx.close()
    }
    console.info(
      `[import-kill] file ${(statSync(file).size / 1e6).toFixed(1)} MB, ${fileRecords} records; pick→merge ${toMerge} ms, merge ${mergeMs} ms; before ${JSON.stringify(before.counts)}, full ${JSON.stringify(full.counts)}`,
    )
  }, 300_000)

  afterAll(() => {
    console.info(`[import-kill] outcomes:\n  ${outcomes.join('\n  ')}`)
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true })
  })

  it('the reference import really changes the ledger (so "as before" and "fully imported" differ)', () => {
    expect(full.digest).not.toBe(before.digest)
    expect(full.counts.persons).toBeGreaterThanOrEqual(300)
    expect(mergeMs).toBeGreaterThan(0)
  })

  for (const delay of [300, 2000]) {
    it(`page closed ${delay} ms after choosing the file: as before or fully imported`, async () => {
      const { ctx, page, csp } = await freshProfile()
      try {
        expect((await ledgerDigest(page)).digest).toBe(before.digest)
        const picked = await startImport(page)
        await page.waitForTimeout(Math.max(0, delay - (Date.now() - picked)))
        await page.close({ runBeforeUnload: false })
        expect(csp).toEqual([])
        judge(`page closed ${delay} ms after pick`, await reopenAndRead(ctx))
      } finally {
        await ctx.close()
      }
    }, 180_000)
  }

  for (const share of [0.3, 0.7]) {
    it(`page closed at ${share * 100}% of the merge transaction: as before or fully imported`, async () => {
      const { ctx, page, csp } = await freshProfile()
      try {
        await startImport(page)
        await mergeStarted(page)
        if (share > 0) await page.waitForTimeout(Math.round(mergeMs * share))
        await page.close({ runBeforeUnload: false })
        expect(csp).toEqual([])
        judge(`page closed at ${share * 100}% of merge`, await reopenAndRead(ctx))
      } finally {
        await ctx.close()
      }
    }, 180_000)
  }

  it('browser killed (SIGKILL) in the middle of the merge, profile reopened: as before or fully imported; a retry completes', async () => {
    const { dir, ctx, page, csp } = await freshProfile()
    let reopened: BrowserContext | null = null
    try {
      await startImport(page)
      await mergeStarted(page)
      await page.waitForTimeout(Math.round(mergeMs * 0.5))
      process.kill(browserPid(dir), 'SIGKILL')
      await ctx.close().catch(() => {})
      expect(csp).toEqual([])
      reopened = await launchPersistentAt(dir)
      judge('browser SIGKILLed at 50% of merge', await reopenAndRead(reopened))
      // The interrupted import leaves nothing in the way: importing again completes.
      const again = await reopened.newPage()
      await startImport(again)
      await again.getByTestId('import-result').waitFor({ timeout: 180_000 })
      expect((await ledgerDigest(again)).digest).toBe(full.digest)
      expect(await cspViolations(again)).toEqual([])
    } finally {
      await ctx.close().catch(() => {})
      await reopened?.close()
    }
  }, 300_000)

  it('browser killed (SIGKILL) right after 已导入 shows: the import is on disk in full (strict durability)', async () => {
    const { dir, ctx, page, csp } = await freshProfile()
    let reopened: BrowserContext | null = null
    try {
      await startImport(page)
      await page.getByTestId('import-result').waitFor({ timeout: 180_000 })
      process.kill(browserPid(dir), 'SIGKILL')
      await ctx.close().catch(() => {})
      expect(csp).toEqual([])
      reopened = await launchPersistentAt(dir)
      const d = await reopenAndRead(reopened)
      outcomes.push(`browser SIGKILLed right after 已导入: ${d.digest === full.digest ? 'fully imported' : 'NOT fully imported'}`)
      expect(d.digest).toBe(full.digest)
    } finally {
      await ctx.close().catch(() => {})
      await reopened?.close()
    }
  }, 300_000)
})
