/** The two ledgers the whole-ledger checks run on: the seeded demo (as of a fixed day) and the worked example. */
import { resolve } from 'node:path'
import { generateDemoLedger } from '../../../src/domain/demo/ledger'
import type { LedgerData } from '../../../src/domain/model/types'
import { loadLedgerFile, LEDGER_FIXTURES } from './factories'

export const DEMO_TODAY = '2026-11-22'
export const demo = generateDemoLedger({ today: DEMO_TODAY }).records as LedgerData
export const example = loadLedgerFile(resolve(LEDGER_FIXTURES, 'example-2023.xuefa.json'))

export interface LedgerCase {
  name: string
  data: LedgerData
  year: number
  asOf: string
}

/** The worked example's year; the demo's last (whole) year and its current year as of its day. */
export const LEDGER_CASES: readonly LedgerCase[] = [
  { name: 'the worked example, 2023', data: example, year: 2023, asOf: '2023-12-31' },
  { name: 'the demo ledger, last year', data: demo, year: 2025, asOf: '2025-12-31' },
  { name: 'the demo ledger, this year as of today', data: demo, year: 2026, asOf: DEMO_TODAY },
]
