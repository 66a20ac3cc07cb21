// npm test's closing line counts a test file that cannot load as a failure (issue #14): a real vitest run over a
// folder with one good file and one whose import is missing.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
// @ts-expect-error plain ESM script without types
import { countVitestReport } from '../../../scripts/test-summary.mjs'

const dir = mkdtempSync(join(tmpdir(), 'xf-summary-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function vitestReport(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  const out = join(dir, 'report.json')
  const r = spawnSync('npx', ['vitest', 'run', '--root', dir, '--reporter=json', `--outputFile=${out}`], { encoding: 'utf8' })
  return { json: JSON.parse(readFileSync(out, 'utf8')), ok: r.status === 0 }
}

describe('the test summary', () => {
  it('counts a file that fails to load as a failure, beside the tests that passed', () => {
    const { json, ok } = vitestReport({
      'good.test.ts': "import { it, expect } from 'vitest'\nit('adds', () => expect(1 + 1).toBe(2))\n",
      'broken.test.ts': "import { x } from './no-such-module'\nimport { it, expect } from 'vitest'\nit('never runs', () => expect(x).toBe(1))\n",
    })
    expect(ok).toBe(false)
    const counts = countVitestReport(json, ok)
    expect(counts.passed).toBe(1)
    expect(counts.failed).toBe(1)
    expect(counts.unloaded).toEqual([join(dir, 'broken.test.ts')])
  }, 60_000)

  it('counts failed tests one by one and a clean run as no failure', () => {
    const report = (statuses: string[][], failedTests: number) => ({
      numPassedTests: 3,
      numFailedTests: failedTests,
      testResults: statuses.map((s, i) => ({
        name: `f${i}`,
        status: s.includes('failed') ? 'failed' : 'passed',
        assertionResults: s.map((status) => ({ status })),
      })),
    })
    expect(countVitestReport(report([['passed', 'failed', 'failed'], ['passed']], 2), false).failed).toBe(2)
    expect(countVitestReport(report([['passed'], ['passed']], 0), true).failed).toBe(0)
    // vitest failed although every file passed (an unhandled error): still a failure.
    expect(countVitestReport(report([['passed']], 0), false).failed).toBe(1)
  })
})
