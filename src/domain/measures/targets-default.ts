/**
 * The default target set (docs/spec/report-figures.md, "Targets"), and copying a
 * year's set to another year. The "study hours for all staff" rule is off by
 * default (the unit sets its own figure), so it is not in the default set.
 */
import type { TargetRule, TargetSet } from '../model/types'

/** 依据 texts of the default rules (editable by the keeper). */
export const DEFAULT_BASIS = {
  enforcementHours:
    '《广东省提升行政执法质量三年行动实施计划（2023—2025年）》：执法证持证人员每人每年接受公共法律知识、业务知识和行政执法技能培训不少于60学时',
  examParticipation: '组织全体干部职工参加年度国家工作人员学法考试，参考率100%（免考人员不计入）',
  legalCenterGroup: '党组理论学习中心组每年开展法治专题学习不少于2次',
  lecture: '每年至少举办1场法治讲座',
} as const

export function defaultTargetRules(makeId: () => string): TargetRule[] {
  return [
    {
      id: makeId(),
      type: 'personHours',
      scope: 'enforcement',
      minHours: 60,
      kinds: null,
      proRate: true,
      categoryMinHours: null,
      basis: DEFAULT_BASIS.enforcementHours,
    },
    { id: makeId(), type: 'examParticipation', scope: 'all', minRate: 1, basis: DEFAULT_BASIS.examParticipation },
    {
      id: makeId(),
      type: 'unitActivityCount',
      kind: 'centerGroup',
      legalThemeOnly: true,
      min: 2,
      basis: DEFAULT_BASIS.legalCenterGroup,
    },
    {
      id: makeId(),
      type: 'unitActivityCount',
      kind: 'lecture',
      legalThemeOnly: false,
      min: 1,
      basis: DEFAULT_BASIS.lecture,
    },
  ]
}

export function defaultTargetSet(year: number, makeId: () => string, stamp: string): TargetSet {
  return { id: makeId(), year, updatedAt: stamp, rules: defaultTargetRules(makeId) }
}

/** A deep copy of one rule under a new id. */
function copyRule(rule: TargetRule, id: string): TargetRule {
  switch (rule.type) {
    case 'personHours':
      return {
        ...rule,
        id,
        kinds: rule.kinds === null ? null : [...rule.kinds],
        ...(rule.categoryMinHours != null ? { categoryMinHours: { ...rule.categoryMinHours } } : {}),
      }
    case 'examParticipation':
    case 'unitActivityCount':
      return { ...rule, id }
  }
}

/** Next year's set from this year's: the same rules, new ids, nothing shared with `from`. */
export function copyTargetSet(from: TargetSet, toYear: number, makeId: () => string, stamp: string): TargetSet {
  return { id: makeId(), year: toYear, updatedAt: stamp, rules: from.rules.map((r) => copyRule(r, makeId())) }
}
