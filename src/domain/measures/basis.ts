/**
 * 依据 as data (issue #16): the basis of a target rule carries its own validity in years — a three-year
 * plan (2023—2025) does not cover a 2026 ledger. Presets are offered to the keeper, never put into a
 * rule unasked; when the ledger's year lies outside a rule's basis period the targets page says so and
 * asks the keeper to confirm that it still applies (recorded per year) or to edit it.
 * docs/spec/basis-validity.md.
 */
import type { TargetRule } from '../model/types'

/** Texts of the presets (and of the default rules that describe themselves). */
export const DEFAULT_BASIS = {
  enforcementHours:
    '《广东省提升行政执法质量三年行动实施计划（2023—2025年）》：执法证持证人员每人每年接受公共法律知识、业务知识和行政执法技能培训不少于60学时',
  examParticipation: '组织全体干部职工参加年度国家工作人员学法考试，参考率100%（免考人员不计入）',
  legalCenterGroup: '党组理论学习中心组每年开展法治专题学习不少于2次',
  lecture: '每年至少举办1场法治讲座',
} as const

export interface BasisPeriod {
  /** First year the basis applies; null: open. */
  from: number | null
  /** Last year; null: open. */
  to: number | null
}

export interface BasisPreset extends BasisPeriod {
  id: string
  text: string
}

type Basis = Pick<TargetRule, 'basis' | 'basisFrom' | 'basisTo' | 'basisConfirmedFor'>

/** The presets that fit a rule, for the year being edited (the unit's own plan names that year). */
export function basisPresets(rule: TargetRule, year: number): BasisPreset[] {
  const out: BasisPreset[] = []
  if (rule.type === 'personHours' && rule.scope === 'enforcement') {
    out.push({ id: 'gd-enforcement-2023', text: DEFAULT_BASIS.enforcementHours, from: 2023, to: 2025 })
  }
  if (rule.type === 'examParticipation') out.push({ id: 'exam', text: DEFAULT_BASIS.examParticipation, from: null, to: null })
  if (rule.type === 'unitActivityCount' && rule.kind === 'centerGroup' && rule.legalThemeOnly) {
    out.push({ id: 'center-group', text: DEFAULT_BASIS.legalCenterGroup, from: null, to: null })
  }
  if (rule.type === 'unitActivityCount' && rule.kind === 'lecture') out.push({ id: 'lecture', text: DEFAULT_BASIS.lecture, from: null, to: null })
  out.push({ id: 'unit-plan', text: `本单位${year}年度学法工作安排`, from: year, to: year })
  return out
}

const YEARS_IN_TEXT = /(\d{4})\s*[—–\-－~～至到]+\s*(\d{4})\s*年/

/**
 * The years a basis applies: those stated with it, else the span its text names
 * ("（2023—2025年）", how a plan's title gives its period); null when neither says.
 */
export function basisPeriod(rule: Basis): (BasisPeriod & { isStated: boolean }) | null {
  const from = rule.basisFrom ?? null
  const to = rule.basisTo ?? null
  if (from !== null || to !== null) return { from, to, isStated: true }
  const m = YEARS_IN_TEXT.exec(rule.basis ?? '')
  if (!m) return null
  const [a, b] = [Number(m[1]), Number(m[2])]
  return a <= b ? { from: a, to: b, isStated: false } : null
}

export type BasisState = 'none' | 'current' | 'outside' | 'confirmed'

export interface BasisCheck {
  state: BasisState
  period: (BasisPeriod & { isStated: boolean }) | null
}

/** Whether a rule's basis covers `year`: no basis, it does (or states no period), it does not, or the keeper confirmed it. */
export function checkBasis(rule: Basis, year: number): BasisCheck {
  if (!(rule.basis ?? '').trim()) return { state: 'none', period: null }
  const period = basisPeriod(rule)
  if (period === null || ((period.from === null || period.from <= year) && (period.to === null || year <= period.to))) {
    return { state: 'current', period }
  }
  return { state: rule.basisConfirmedFor === year ? 'confirmed' : 'outside', period }
}

/** "2023—2025 年", "2024 年起", "至 2025 年", "2026 年". */
export function formatBasisPeriod(p: BasisPeriod): string {
  if (p.from !== null && p.to !== null) return p.from === p.to ? `${p.from} 年` : `${p.from}—${p.to} 年`
  if (p.from !== null) return `${p.from} 年起`
  return p.to !== null ? `至 ${p.to} 年` : '长期'
}
