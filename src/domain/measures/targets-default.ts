/**
 * The default target set (docs/spec/report-figures.md, "Targets"), and copying a
 * year's set to another year. The "study hours for all staff" rule is off by
 * default (the unit sets its own figure), so it is not in the default set.
 * A default rule's 依据 only describes the rule itself; no dated document is
 * asserted — the 60-学时 rule's basis is left for the keeper, who is offered
 * presets with their years (basis.ts, issue #16).
 */
import type { TargetRule, TargetSet } from '../model/types'
import { DEFAULT_BASIS } from './basis'

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
      basis: null,
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
