// Issue #5 acceptance: a ledger of 2,000 persons; every figure equals a plain, independent re-computation,
// and the per-person table, the CSV and the training cards agree with it.
import { describe, expect, it } from 'vitest'
import { generateDemoLedger } from '../../../src/domain/demo/ledger'
import { buildReportBundle } from '../../../src/domain/report/bundle'
import { personTable } from '../../../src/domain/report/table'
import { buildTrainingCards } from '../../../src/domain/measures/training-cards'
import { buildPersonCsv } from '../../../src/exports/csv'
import { FIGURE_KEYS } from '../../../src/domain/report/registry'
import { isTombstone, type LedgerData, type LedgerRecords } from '../../../src/domain/model/types'
import { naiveFigures } from './naive-figures'

function live(r: LedgerRecords): LedgerData {
  const keep = <T extends object>(rows: T[]) => rows.filter((x) => !isTombstone(x as never)) as never
  return {
    sections: keep(r.sections),
    persons: keep(r.persons),
    activities: keep(r.activities),
    exams: keep(r.exams),
    examResults: keep(r.examResults),
    targetSets: keep(r.targetSets),
  }
}

describe('a ledger of 2,000 persons', () => {
  const today = '2024-11-30'
  const data = live(generateDemoLedger({ today, persons: 2000 }).records)
  const year = 2024

  it('is the size the issue asks for', () => {
    expect(data.persons.length).toBe(2000)
    const entries = data.activities.reduce((s, a) => s + a.attendees.length, 0)
    expect(entries).toBeGreaterThan(100_000)
  })

  for (const asOf of ['2024-06-30', today]) {
    it(`gives every figure of ${year} as of ${asOf} as the direct computation does`, () => {
      const t0 = performance.now()
      const b = buildReportBundle({ unitName: '某局', year, asOf, data, previousData: null })
      const ms = performance.now() - t0
      const naive = naiveFigures(data, year, asOf)
      for (const k of FIGURE_KEYS) expect(b.figures.printed[k], k).toBe(naive.printed[k])
      expect(Number(b.figures.printed.staffCount)).toBeGreaterThan(1500)
      console.log(`2,000 persons, ${year} as of ${asOf}: figures + draft in ${Math.round(ms)} ms`)
    }, 60_000)
  }

  it('has per-person rows, CSV lines and training cards that agree with the direct hours', () => {
    const asOf = today
    const b = buildReportBundle({ unitName: '某局', year, asOf, data, previousData: null })
    const naive = naiveFigures(data, year, asOf)
    for (const row of b.figures.perPerson) expect(row.totalHours, row.person.name).toBeCloseTo(naive.hoursByPerson.get(row.person.id)!, 6)
    const table = personTable(b.figures)
    const csv = buildPersonCsv(b.figures).split('\r\n').filter((l) => l !== '')
    expect(csv.length).toBe(table.rows.length + 1)
    const cards = buildTrainingCards(b.data, b.figures.perPerson, year, asOf)
    expect(cards.length).toBe(b.figures.perPerson.filter((r) => r.roles.includes('enforcement')).length)
    for (const { card } of cards) {
      expect(card.result.hours).toBeCloseTo(naive.hoursByPerson.get(card.person.id)!, 6)
      const rows = [...card.trainings, ...card.others]
      expect(rows.at(-1)?.running ?? 0).toBeCloseTo(card.result.hours, 6)
    }
  }, 60_000)
})
