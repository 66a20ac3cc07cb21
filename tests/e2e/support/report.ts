// Shared steps of the report e2e tests: import the worked example through #/data, open the report,
// read the figures and the per-person table, download an export.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'
import { baseURL } from './browser'

export const LEDGER_FIXTURES = fileURLToPath(new URL('../../fixtures/ledger/', import.meta.url))
export const EXAMPLE_FILE = join(LEDGER_FIXTURES, 'example-2023.xuefa.json')
export const EXAMPLE_EXPECTED = JSON.parse(readFileSync(join(LEDGER_FIXTURES, 'example-2023.expected.json'), 'utf8')) as {
  year: number
  asOf: string
  figures: Record<string, string>
}

/** Import a ledger file on #/data the way a person does: pick the file, confirm if asked, wait for the result. */
export async function importLedgerFile(page: Page, file: string): Promise<string> {
  await page.goto(`${baseURL()}#/data`)
  await page.getByTestId('import-file').setInputFiles(file)
  const confirm = page.getByTestId('import-confirm')
  const result = page.getByTestId('import-result')
  const error = page.getByTestId('import-error')
  await confirm.or(result).or(error).first().waitFor({ timeout: 30_000 })
  if (await error.isVisible()) throw new Error(`import failed: ${await error.innerText()}`)
  if (await confirm.isVisible()) await confirm.click()
  await result.or(error).first().waitFor({ timeout: 30_000 })
  if (await error.isVisible()) throw new Error(`import failed: ${await error.innerText()}`)
  return result.innerText()
}

/** Open #/report for a period and wait until that period's figures are on the page. */
export async function openReport(page: Page, year: number, asOf: string): Promise<void> {
  await page.goto(`${baseURL()}#/report?year=${year}&asOf=${asOf}`)
  await page.locator(`[data-testid="report"][data-state="ready"][data-year="${year}"][data-as-of="${asOf}"]`).waitFor({ timeout: 30_000 })
}

/**
 * The per-person table's rows, scrolled into view as a reader would: the page renders the table's card after the
 * figures, when the browser is idle, and the table itself once the card nears the viewport ([data-complete]).
 */
export async function peopleTableRows(page: Page): Promise<Locator> {
  const card = page.getByTestId('report-people')
  await card.scrollIntoViewIfNeeded({ timeout: 30_000 })
  await page.locator('[data-testid="report-people"][data-complete="true"]').waitFor({ timeout: 30_000 })
  return page.getByTestId('report-people-table').locator('tbody tr')
}

/** Every [data-figure] on the page: key → text (throws on a key shown twice). */
export async function readFigures(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval('[data-figure]', (els) => els.map((e) => [e.getAttribute('data-figure') ?? '', (e.textContent ?? '').trim()]))
  const out: Record<string, string> = {}
  for (const [k, v] of pairs) {
    if (k in out) throw new Error(`figure ${k} shown twice`)
    out[k] = v
  }
  return out
}

/** Click an export button and save the download; returns the saved path and the suggested file name. */
export async function download(page: Page, testId: string): Promise<{ path: string; name: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId(testId).click()])
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-dl-'))
  const name = dl.suggestedFilename()
  const path = join(dir, name)
  await dl.saveAs(path)
  return { path, name }
}
