// Counting a vitest JSON report for `npm test`'s closing line. A test file that fails to load (a missing import, a
// syntax error, a throw at the top level) has no test results at all: it counts as one failure per file, so the
// closing line can never read "0 failed" while whole files did not run.

/**
 * @param {{ numPassedTests: number, numFailedTests: number, testResults: { name: string, status: string,
 *   message?: string, assertionResults: { status: string }[] }[] }} json vitest's `--reporter=json` output
 * @param {boolean} exitOk whether vitest exited with status 0
 * @returns {{ passed: number, failed: number, unloaded: string[] }}
 */
export function countVitestReport(json, exitOk) {
  const unloaded = json.testResults
    .filter((file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'))
    .map((file) => file.name)
  let failed = json.numFailedTests + unloaded.length
  // vitest failed for a reason no file shows (an unhandled error between tests, a failing global setup).
  if (!exitOk && failed === 0) failed = 1
  return { passed: json.numPassedTests, failed, unloaded }
}
