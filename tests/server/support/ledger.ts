/** The example ledger of tests/fixtures and record helpers for the server suite. */
import { readFileSync } from 'node:fs'
import type { Activity, LedgerFile, LedgerRecords } from '../../../src/domain/model/types'

export function exampleLedger(): Omit<LedgerFile, 'records'> & { records: LedgerRecords } {
  const url = new URL('../../fixtures/ledger/example-2023.xuefa.json', import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as Omit<LedgerFile, 'records'> & { records: LedgerRecords }
}

export function stampAt(ms: number, device = 'dev', counter = 0): string {
  return `${new Date(ms).toISOString()}_${counter.toString(16).padStart(4, '0')}_${device}`
}

let n = 0
/** One official's own self-study record. */
export function selfStudy(personId: string, over: Partial<Activity> = {}): Activity {
  n++
  return {
    id: `self-${personId}-${n}`,
    kind: 'self',
    title: '自学《中华人民共和国宪法》',
    date: '2023-12-01',
    endDate: null,
    hours: 1,
    legalTheme: true,
    laws: ['中华人民共和国宪法'],
    category: null,
    organizer: null,
    lecturer: null,
    attendees: [personId],
    note: '',
    updatedAt: stampAt(Date.now(), `ph-${personId}`),
    ...over,
  }
}
