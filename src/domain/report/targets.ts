/**
 * One line per target rule for the report page and the .docx: what the rule
 * measured against what it requires ("1人达到要求（共2人）", "参考率66.7%（要求100%）").
 */
import { formatCount, formatRate } from '../model/format'
import { figure, printFigure } from './registry'
import type { RuleResult } from '../measures/target-rules'

export function targetDetail(r: RuleResult): string {
  switch (r.rule.type) {
    case 'personHours':
      return `${formatCount(r.actual)}人达到要求（共${formatCount(r.required)}人）`
    case 'examParticipation':
      return `${figure('examParticipationRate').label}${printFigure('examParticipationRate', r.actual)}（要求${formatRate(r.required)}）`
    case 'unitActivityCount':
      return `${formatCount(r.actual)}次（要求不少于${formatCount(r.required)}次）`
  }
}
