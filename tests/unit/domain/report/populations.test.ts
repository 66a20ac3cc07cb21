// Checkable figures: every total states its parts and every ratio its numerator and denominator, printed beside
// it, on the demo ledger and on the worked example — the parts add up, each printed ratio is its printed numerator ÷
// its printed denominator to the printed precision, the per-person table says whom it lists, and the draft states
// what a reader needs to recompute every ratio it states.
import { describe, expect, it } from 'vitest'
import { buildReportBundle } from '../../../../src/domain/report/bundle'
import { FIGURE_KEYS, figure, printFigure, type FigureKey } from '../../../../src/domain/report/registry'
import { personTableNote } from '../../../../src/domain/report/table'
import type { LedgerData } from '../../../../src/domain/model/types'
import { DEMO_TODAY, demo, example, LEDGER_CASES } from '../sample-ledgers'

const CASES = [...LEDGER_CASES, { name: 'the worked example, 2023 as of 11-30', data: example, year: 2023, asOf: '2023-11-30' }]

const RATIOS = FIGURE_KEYS.filter((k) => figure(k).ratio !== undefined)
const TOTALS = FIGURE_KEYS.filter((k) => figure(k).sumOf !== undefined)
const num = (printed: string) => Number(printed.replace(/%$/, ''))

it('has leavers with hours in both ledgers, so that the split is not trivial', () => {
  const f = (data: LedgerData, year: number, asOf: string) => buildReportBundle({ unitName: '', year, asOf, data, previousData: null }).figures.values
  expect(f(example, 2023, '2023-12-31').leaverHours).toBe(2)
  expect(f(demo, 2026, DEMO_TODAY).leaverHours).toBeGreaterThan(0)
})

describe.each(CASES)('$name', ({ data, year, asOf }) => {
  const b = buildReportBundle({ unitName: '某市司法局', year, asOf, data, previousData: null })
  const { values, printed } = b.figures

  it('adds up: total = 在册 part + 调出 part, in values and as printed', () => {
    for (const k of TOTALS) {
      const parts = figure(k).sumOf!.map((p) => p as FigureKey)
      expect(parts.reduce((s, p) => s + (values[p] ?? 0), 0), k).toBeCloseTo(values[k] ?? 0, 9)
      expect(printFigure(k, parts.reduce((s, p) => s + num(printed[p]), 0)), k).toBe(printed[k])
    }
    expect(printed.totalHours).toBe(printFigure('totalHours', num(printed.activeHours) + num(printed.leaverHours)))
  })

  it('prints every ratio as its printed numerator ÷ its printed denominator', () => {
    expect(RATIOS.length).toBeGreaterThanOrEqual(8)
    for (const k of RATIOS) {
      const { numerator, denominator } = figure(k).ratio!
      const n = num(printed[numerator as FigureKey])
      const d = num(printed[denominator as FigureKey])
      const recomputed = Number.isNaN(n) || Number.isNaN(d) || d === 0 ? null : n / d
      expect(printFigure(k, recomputed), `${k} = ${numerator} ${n} ÷ ${denominator} ${d}`).toBe(printed[k])
    }
  })

  it('says on the per-person table whom it lists, reconciling its rows with 在册干部职工', () => {
    const rows = b.figures.perPerson
    const onRoll = rows.filter((r) => r.isActiveOnAsOf).length
    expect(onRoll).toBe(values.staffCount)
    const note = personTableNote(b.figures)
    expect(note).toContain(`在册${printed.staffCount}人`)
    if (rows.length > onRoll) expect(note).toMatch(new RegExp(`^共${rows.length}人：在册${onRoll}人，年内调出${rows.length - onRoll}人`))
    else expect(note).toBe(`在册${onRoll}人`)
  })

  it('states in the draft, beside every ratio it states, the figures it divides', () => {
    const text = b.draft
    const stated = (k: FigureKey) => {
      const d = figure(k).draft
      return d !== null && text.includes(d.text(printed[k], { we: '', lawNames: [] }))
    }
    let checked = 0
    for (const k of RATIOS) {
      if (!stated(k)) continue
      checked += 1
      const { numerator, denominator } = figure(k).ratio!
      // With nobody gone the total is the 在册 part: the draft states the total alone.
      const numeratorShown = stated(numerator as FigureKey) || (numerator === 'activeHours' && values.leaverHours === 0 && stated('totalHours'))
      expect(numeratorShown, `${k}: ${numerator}`).toBe(true)
      expect(stated(denominator as FigureKey), `${k}: ${denominator}`).toBe(true)
    }
    expect(checked).toBeGreaterThan(3)
    if ((values.leaverHours ?? 0) > 0) expect(text).toContain(`（其中在册人员${printed.activeHours}学时、年内调出人员${printed.leaverHours}学时）`)
    expect(text).not.toContain('截至')
    expect(text).not.toContain('最少') // optional, off by default
  })
})
