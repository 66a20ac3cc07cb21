// The sync bench's results: every measurement is merged into bench-sync-results.json as soon as it is taken (the
// global setup starts the file afresh), so an interrupted run keeps what it measured. Reported, never asserted.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

export const RESULTS_FILE = 'bench-sync-results.json'

export function report(key: string, value: unknown): void {
  const results = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {}
  results[key] = value
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2))
  console.log(key, JSON.stringify(value))
}

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
