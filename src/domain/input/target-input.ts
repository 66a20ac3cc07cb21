/**
 * The keeper's target editor (考核指标): rules as form values (strings from
 * inputs, rates in percent), converted to records and validated with zh-CN
 * messages. Nothing is saved while any message remains.
 */
import { formatHours } from '../model/format'
import type {
  ActivityKind,
  ExamParticipationRule,
  PersonHoursRule,
  TargetRule,
  TargetScope,
  TrainingCategory,
  UnitActivityCountRule,
} from '../model/types'
import { TRAINING_CATEGORIES } from '../model/types'
import { basisFromForm, basisToForm, checkBasisYears, NO_BASIS, type BasisForm } from './basis-input'
import { CATEGORY_LABELS } from '../model/labels'

export interface HoursRuleForm extends BasisForm {
  id: string
  type: 'personHours'
  scope: TargetScope
  minHours: string
  /** Ticked kinds; none ticked = every kind counts. */
  kinds: ActivityKind[]
  proRate: boolean
  /** Empty string = no minimum for that category. */
  categoryMinHours: Record<TrainingCategory, string>
}

export interface ExamRuleForm extends BasisForm {
  id: string
  type: 'examParticipation'
  /** 0–100. */
  ratePercent: string
}

export interface CountRuleForm extends BasisForm {
  id: string
  type: 'unitActivityCount'
  kind: ActivityKind
  legalThemeOnly: boolean
  min: string
}

export type RuleForm = HoursRuleForm | ExamRuleForm | CountRuleForm

/** One problem of one rule, keyed by the form field it belongs to. */
export interface RuleError {
  index: number
  field: string
  message: string
}

const MAX_HOURS = 2000
const MAX_BASIS = 2000

function numText(n: number): string {
  return String(n)
}

export function ruleToForm(rule: TargetRule): RuleForm {
  switch (rule.type) {
    case 'personHours': {
      const cat = {} as Record<TrainingCategory, string>
      for (const c of TRAINING_CATEGORIES) {
        const v = rule.categoryMinHours?.[c]
        cat[c] = v === undefined || v === null || v <= 0 ? '' : numText(v)
      }
      return {
        id: rule.id,
        type: 'personHours',
        scope: rule.scope,
        minHours: numText(rule.minHours),
        kinds: rule.kinds === null ? [] : [...rule.kinds],
        proRate: rule.proRate,
        categoryMinHours: cat,
        ...basisToForm(rule),
      }
    }
    case 'examParticipation':
      return { id: rule.id, type: rule.type, ratePercent: formatHours(rule.minRate * 100), ...basisToForm(rule) }
    case 'unitActivityCount':
      return {
        id: rule.id,
        type: rule.type,
        kind: rule.kind,
        legalThemeOnly: rule.legalThemeOnly,
        min: numText(rule.min),
        ...basisToForm(rule),
      }
  }
}

/** A new, empty-ish rule of a type, as the 添加规则 button adds it. */
export function blankRuleForm(type: TargetRule['type'], id: string): RuleForm {
  switch (type) {
    case 'personHours':
      return {
        id,
        type,
        scope: 'all',
        minHours: '',
        kinds: [],
        proRate: true,
        categoryMinHours: { publicLaw: '', business: '', enforcementSkill: '' },
        ...NO_BASIS,
      }
    case 'examParticipation':
      return { id, type, ratePercent: '100', ...NO_BASIS }
    case 'unitActivityCount':
      return { id, type, kind: 'lecture', legalThemeOnly: false, min: '1', ...NO_BASIS }
  }
}

function parseNumber(s: string): number | null {
  const t = s.trim()
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null
  return Number(t)
}

const isHalfStep = (x: number): boolean => Number.isInteger(Math.round(x * 2 * 1e6) / 1e6)

function hoursMessage(label: string, x: number | null, allowZero: boolean): string | null {
  if (x === null) return `请填写${label}（数字，如 60）`
  if (allowZero ? x < 0 : x <= 0) return `${label}应大于 0`
  if (x > MAX_HOURS) return `${label}不能超过 ${MAX_HOURS} 学时`
  if (!isHalfStep(x)) return `${label}须为 0.5 的整数倍（如 30 或 30.5）`
  return null
}

/** Messages of one hours rule (typed), keyed by field. */
function checkHoursRule(rule: PersonHoursRule, push: (field: string, message: string) => void): void {
  const m = hoursMessage('年度学时', Number.isFinite(rule.minHours) ? rule.minHours : null, false)
  if (m) push('minHours', m)
  let sum = 0
  for (const c of TRAINING_CATEGORIES) {
    const v = rule.categoryMinHours?.[c]
    if (v === undefined || v === null) continue
    const cm = hoursMessage(`${CATEGORY_LABELS[c]}最低学时`, Number.isFinite(v) ? v : null, true)
    if (cm) push(`category.${c}`, cm)
    else sum += v
  }
  if (m === null && sum > rule.minHours + 1e-9) {
    push('categoryMinHours', `分类别最低学时合计 ${formatHours(sum)}，不能超过年度学时 ${formatHours(rule.minHours)}`)
  }
}

function checkRule(rule: TargetRule, push: (field: string, message: string) => void): void {
  if (rule.type === 'personHours') checkHoursRule(rule, push)
  else if (rule.type === 'examParticipation') {
    if (!Number.isFinite(rule.minRate)) push('ratePercent', '请填写参考率（0–100 的数字）')
    else if (rule.minRate < 0 || rule.minRate > 1) push('ratePercent', '参考率应在 0% 到 100% 之间')
  } else if (!Number.isFinite(rule.min)) push('min', '请填写最少次数（整数，如 2）')
  else if (!Number.isInteger(rule.min) || rule.min < 1) push('min', '最少次数应为不小于 1 的整数')
  if ((rule.basis ?? '').length > MAX_BASIS) push('basis', `依据不能超过 ${MAX_BASIS} 字`)
  checkBasisYears(rule, push)
}

/** Every problem of a typed rule list (the store checks again before writing). */
export function validateRules(rules: readonly TargetRule[]): RuleError[] {
  const errors: RuleError[] = []
  const seen = new Set<string>()
  rules.forEach((rule, index) => {
    const push = (field: string, message: string) => errors.push({ index, field, message })
    if (seen.has(rule.id)) push('id', '规则编号重复，请删除后重新添加')
    seen.add(rule.id)
    checkRule(rule, push)
  })
  return errors
}

function hoursFormToRule(f: HoursRuleForm): PersonHoursRule {
  const cat: Partial<Record<TrainingCategory, number>> = {}
  for (const c of TRAINING_CATEGORIES) {
    const t = f.categoryMinHours[c].trim()
    if (t !== '') cat[c] = parseNumber(t) ?? Number.NaN
  }
  return {
    id: f.id,
    type: 'personHours',
    scope: f.scope,
    minHours: parseNumber(f.minHours) ?? Number.NaN,
    kinds: f.kinds.length === 0 ? null : [...new Set(f.kinds)],
    proRate: f.proRate,
    categoryMinHours: Object.keys(cat).length === 0 ? null : cat,
    ...basisFromForm(f),
  }
}

export function formToRule(f: RuleForm): TargetRule {
  switch (f.type) {
    case 'personHours':
      return hoursFormToRule(f)
    case 'examParticipation': {
      const p = parseNumber(f.ratePercent)
      const rule: ExamParticipationRule = {
        id: f.id,
        type: f.type,
        scope: 'all',
        minRate: p === null ? Number.NaN : Math.round(p * 10) / 1000,
        ...basisFromForm(f),
      }
      return rule
    }
    case 'unitActivityCount': {
      const rule: UnitActivityCountRule = {
        id: f.id,
        type: f.type,
        kind: f.kind,
        legalThemeOnly: f.legalThemeOnly,
        min: parseNumber(f.min) ?? Number.NaN,
        ...basisFromForm(f),
      }
      return rule
    }
  }
}

/** Forms → records, with every message; `rules` is usable only when `errors` is empty. */
export function formsToRules(forms: readonly RuleForm[]): { rules: TargetRule[]; errors: RuleError[] } {
  const rules = forms.map(formToRule)
  return { rules, errors: validateRules(rules) }
}
