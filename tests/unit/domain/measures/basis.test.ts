// Issue #16 (Deliver 4): 依据 as data — each basis has its years; presets are offered, not asserted.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateLedgerFile } from '../../../../src/domain/ledger/schema'
import { basisPeriod, basisPresets, checkBasis, DEFAULT_BASIS, formatBasisPeriod } from '../../../../src/domain/measures/basis'
import { basisFromForm, basisToForm } from '../../../../src/domain/input/basis-input'
import { formsToRules, ruleToForm } from '../../../../src/domain/input/target-input'
import { defaultTargetSet } from '../../../../src/domain/measures/targets-default'
import { hoursRule } from '../factories'

const gd = { basis: DEFAULT_BASIS.enforcementHours }

describe('the years of a basis', () => {
  it('stated years win; else the span its title names ("（2023—2025年）"); else none', () => {
    expect(basisPeriod({ ...gd, basisFrom: 2024, basisTo: 2027 })).toEqual({ from: 2024, to: 2027, isStated: true })
    expect(basisPeriod(gd)).toEqual({ from: 2023, to: 2025, isStated: false })
    expect(basisPeriod({ basis: '《法治政府建设实施纲要（2021-2025 年）》' })).toEqual({ from: 2021, to: 2025, isStated: false })
    expect(basisPeriod({ basis: '本单位规定' })).toBeNull()
    expect(basisPeriod({ basis: '本单位规定', basisFrom: 2026 })).toEqual({ from: 2026, to: null, isStated: true })
  })

  it('a 2023—2025 plan covers 2025, not 2026 (the issue’s 2026 ledger); a confirmation is per year', () => {
    expect(checkBasis(gd, 2023).state).toBe('current')
    expect(checkBasis(gd, 2025).state).toBe('current')
    expect(checkBasis(gd, 2026)).toEqual({ state: 'outside', period: { from: 2023, to: 2025, isStated: false } })
    expect(checkBasis(gd, 2022).state).toBe('outside')
    expect(checkBasis({ ...gd, basisConfirmedFor: 2026 }, 2026).state).toBe('confirmed')
    expect(checkBasis({ ...gd, basisConfirmedFor: 2026 }, 2027).state).toBe('outside')
  })

  it('no basis, or one without years, asks nothing', () => {
    expect(checkBasis({ basis: null }, 2026).state).toBe('none')
    expect(checkBasis({ basis: '  ' }, 2026).state).toBe('none')
    expect(checkBasis({ basis: DEFAULT_BASIS.lecture }, 2026).state).toBe('current')
  })

  it('prints periods', () => {
    expect([formatBasisPeriod({ from: 2023, to: 2025 }), formatBasisPeriod({ from: 2026, to: 2026 }), formatBasisPeriod({ from: 2024, to: null }), formatBasisPeriod({ from: null, to: 2025 })]).toEqual([
      '2023—2025 年', '2026 年', '2024 年起', '至 2025 年',
    ])
  })
})

describe('presets are offered, not asserted', () => {
  it('the default 60-学时 rule has no basis; the plan is offered with its years', () => {
    const set = defaultTargetSet(2026, () => 'x', '')
    expect(set.rules[0].basis).toBeNull()
    const offered = basisPresets(set.rules[0], 2026)
    expect(offered[0]).toMatchObject({ text: DEFAULT_BASIS.enforcementHours, from: 2023, to: 2025 })
    expect(offered.at(-1)).toMatchObject({ text: '本单位2026年度学法工作安排', from: 2026, to: 2026 })
  })

  it('offers what fits the rule', () => {
    const set = defaultTargetSet(2026, () => 'x', '')
    expect(basisPresets(set.rules[1], 2026).map((p) => p.id)).toEqual(['exam', 'unit-plan'])
    expect(basisPresets(set.rules[2], 2026).map((p) => p.id)).toEqual(['center-group', 'unit-plan'])
    expect(basisPresets(hoursRule({ scope: 'all' }), 2026).map((p) => p.id)).toEqual(['unit-plan'])
  })
})

describe('the form fields of a basis', () => {
  it('years and the confirmation travel only when given (older records stay as they were)', () => {
    expect(basisFromForm({ basis: ' 依据 ', basisFrom: '', basisTo: '', basisConfirmedFor: null })).toEqual({ basis: '依据' })
    expect(basisFromForm({ basis: '', basisFrom: '2023', basisTo: '2025', basisConfirmedFor: 2026 })).toEqual({ basis: null, basisFrom: 2023, basisTo: 2025, basisConfirmedFor: 2026 })
    expect(basisToForm({ basis: 'x', basisFrom: 2023 })).toEqual({ basis: 'x', basisFrom: '2023', basisTo: '', basisConfirmedFor: null })
  })

  it('refuses years that are not years, or an end before the start', () => {
    const form = { ...ruleToForm(hoursRule({ id: 'h' })), basis: 'x' }
    expect(formsToRules([{ ...form, basisFrom: '23' }]).errors[0]).toMatchObject({ field: 'basisFrom', message: '有效期起始年份应为四位数年份（如 2023）' })
    expect(formsToRules([{ ...form, basisFrom: '2025', basisTo: '2023' }]).errors[0]).toMatchObject({ field: 'basisTo', message: '有效期结束年份不能早于起始年份（2025）' })
    expect(formsToRules([{ ...form, basisFrom: '2023', basisTo: '2025' }]).errors).toEqual([])
  })
})

describe('the basis years in a ledger file', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fresh = () => JSON.parse(readFileSync(new URL('../../../fixtures/ledger/example-2023.xuefa.json', import.meta.url), 'utf8')) as any

  it('are optional: files without them read as before, files with them read too', () => {
    const f = fresh()
    expect(validateLedgerFile(f, {}).ok).toBe(true)
    Object.assign(f.records.targetSets[0].rules[0], { basis: DEFAULT_BASIS.enforcementHours, basisFrom: 2023, basisTo: 2025, basisConfirmedFor: 2026 })
    expect(validateLedgerFile(f, {}).ok).toBe(true)
  })

  it('an end year before the start is refused in Chinese', () => {
    const f = fresh()
    Object.assign(f.records.targetSets[0].rules[1], { basisFrom: 2025, basisTo: 2023 })
    const r = validateLedgerFile(f, {})
    expect(r.ok ? '' : r.error).toContain('「指标规则」第 2 项的依据有效期结束年份早于开始年份')
  })
})
