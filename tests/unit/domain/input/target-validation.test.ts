// The target editor's forms → rules, with zh-CN messages for every bad value.
import { describe, expect, it } from 'vitest'
import {
  blankRuleForm,
  formsToRules,
  ruleToForm,
  validateRules,
  type HoursRuleForm,
  type RuleForm,
} from '../../../../src/domain/input/target-input'
import { ruleTitle } from '../../../../src/domain/model/labels'
import { defaultTargetRules } from '../../../../src/domain/measures/targets-default'
import type { TargetRule } from '../../../../src/domain/model/types'

let n = 0
const makeId = () => `r${++n}`

function messages(forms: RuleForm[]): string[] {
  return formsToRules(forms).errors.map((e) => `${e.index}:${e.field}:${e.message}`)
}

describe('target forms', () => {
  it('round-trips the default rules through the form unchanged', () => {
    const rules = defaultTargetRules(makeId)
    const { rules: back, errors } = formsToRules(rules.map(ruleToForm))
    expect(errors).toEqual([])
    expect(back).toEqual(rules)
  })

  it('shows the rate in percent and stores it as a ratio', () => {
    const f = blankRuleForm('examParticipation', 'x')
    expect(f).toMatchObject({ ratePercent: '100' })
    const { rules } = formsToRules([{ ...f, ratePercent: '95.5' } as RuleForm])
    expect(rules[0]).toMatchObject({ minRate: 0.955 })
    expect(ruleToForm({ id: 'x', type: 'examParticipation', scope: 'all', minRate: 0.9 })).toMatchObject({ ratePercent: '90' })
  })

  it('maps no ticked kind to null (every kind counts) and empty category boxes to no minimum', () => {
    const f = { ...(blankRuleForm('personHours', 'h') as HoursRuleForm), minHours: '40' }
    expect(formsToRules([f]).rules[0]).toMatchObject({ kinds: null, categoryMinHours: null, basis: null })
    const g: HoursRuleForm = { ...f, kinds: ['training', 'training'], categoryMinHours: { publicLaw: '10', business: '', enforcementSkill: '5.5' } }
    expect(formsToRules([g]).rules[0]).toMatchObject({ kinds: ['training'], categoryMinHours: { publicLaw: 10, enforcementSkill: 5.5 } })
  })

  it('rejects hours that are empty, zero, negative, not in 0.5 steps or absurd', () => {
    const base = blankRuleForm('personHours', 'h') as HoursRuleForm
    expect(messages([{ ...base, minHours: '' }])).toEqual(['0:minHours:请填写年度学时（数字，如 60）'])
    expect(messages([{ ...base, minHours: 'abc' }])[0]).toContain('请填写年度学时')
    expect(messages([{ ...base, minHours: '0' }])).toEqual(['0:minHours:年度学时应大于 0'])
    expect(messages([{ ...base, minHours: '-5' }])).toEqual(['0:minHours:年度学时应大于 0'])
    expect(messages([{ ...base, minHours: '60.3' }])[0]).toContain('0.5 的整数倍')
    expect(messages([{ ...base, minHours: '5000' }])[0]).toContain('不能超过')
    expect(messages([{ ...base, minHours: '60.5' }])).toEqual([])
  })

  it('checks category minimums and their sum against the year target', () => {
    const base = { ...(blankRuleForm('personHours', 'h') as HoursRuleForm), minHours: '20' }
    const bad = { ...base, categoryMinHours: { publicLaw: '15', business: '10', enforcementSkill: '0.2' } }
    const m = messages([bad])
    expect(m).toContain('0:category.enforcementSkill:行政执法技能最低学时须为 0.5 的整数倍（如 30 或 30.5）')
    expect(m).toContain('0:categoryMinHours:分类别最低学时合计 25，不能超过年度学时 20')
  })

  it('limits rates to 0–100 % and counts to integers ≥ 1', () => {
    const exam = blankRuleForm('examParticipation', 'e')
    expect(messages([{ ...exam, ratePercent: '120' } as RuleForm])).toEqual(['0:ratePercent:参考率应在 0% 到 100% 之间'])
    expect(messages([{ ...exam, ratePercent: '' } as RuleForm])[0]).toContain('请填写参考率')
    const count = blankRuleForm('unitActivityCount', 'c')
    expect(messages([{ ...count, min: '0' } as RuleForm])).toEqual(['0:min:最少次数应为不小于 1 的整数'])
    expect(messages([{ ...count, min: '1.5' } as RuleForm])).toEqual(['0:min:最少次数应为不小于 1 的整数'])
    expect(messages([{ ...count, min: '' } as RuleForm])[0]).toContain('请填写最少次数')
  })

  it('flags duplicated rule ids on typed rules', () => {
    const rules = defaultTargetRules(makeId)
    const dup: TargetRule[] = [rules[0], { ...rules[1], id: rules[0].id }]
    expect(validateRules(dup).map((e) => e.field)).toEqual(['id'])
  })

  it('titles rules in Chinese', () => {
    const [hours, exam, cg, lecture] = defaultTargetRules(makeId)
    expect([hours, exam, cg, lecture].map(ruleTitle)).toEqual([
      '执法证持证人员年度学时',
      '年度学法考试参考率',
      '法治专题中心组学习',
      '法治讲座',
    ])
  })
})
