/**
 * The section head's ready-to-send reminder: who in the section is behind on
 * hours (or has missed the year's target), with hours done, target and what
 * is still missing. Pass the per-person results of one hour rule.
 */
import { formatZhDate, periodEnd } from '../model/dates'
import { formatHours } from '../model/format'
import { CATEGORY_LABELS } from '../model/labels'
import { compareBehindFirst, type PersonRuleResult } from '../measures/target-rules'
import type { IsoDate } from '../model/types'
import { TRAINING_CATEGORIES } from '../model/types'

export interface ReminderContext {
  sectionName: string
  year: number
  asOf: IsoDate
}

/** "李四：已完成21学时，还差39学时（按进度此时应完成53学时）" */
export function reminderLine(r: PersonRuleResult): string {
  const parts = [`已完成${formatHours(r.hours)}学时`]
  if (r.gap > 0) parts.push(`还差${formatHours(r.gap)}学时`)
  const categories = TRAINING_CATEGORIES.filter((c) => (r.categoryGaps[c] ?? 0) > 0).map(
    (c) => `${CATEGORY_LABELS[c]}还差${formatHours(r.categoryGaps[c] ?? 0)}学时`,
  )
  let line = `${r.person.name}：${parts.join('，')}`
  if (categories.length > 0) line += `${r.gap > 0 ? '；' : '，'}${categories.join('、')}`
  if (r.status === 'behind' && r.expected !== null) line += `（按进度此时应完成${formatHours(r.expected)}学时）`
  return line
}

/** Whom to chase: on the roster on the as-of date, and behind or missed. */
export function peopleToRemind(results: readonly PersonRuleResult[]): PersonRuleResult[] {
  return results
    .filter((r) => r.isActiveOnAsOf && (r.status === 'behind' || r.status === 'missed'))
    .sort(compareBehindFirst)
}

export function buildReminder(results: readonly PersonRuleResult[], ctx: ReminderContext): string {
  const date = formatZhDate(periodEnd(ctx.year, ctx.asOf))
  const head = `【${ctx.sectionName}】${ctx.year}年度学法学时提醒`
  const chase = peopleToRemind(results)
  if (chase.length === 0) {
    return `${head}\n截至${date}，本股室同事的学时进度都正常，没有滞后的。感谢大家，请继续保持！`
  }
  const lines = chase.map((r, i) => `${i + 1}. ${reminderLine(r)}`)
  return [
    head,
    `各位同事好！截至${date}，以下${chase.length}位同事的学时还有差距，请抓紧安排学习：`,
    ...lines,
    '已经学习但还没登记的，请及时在“学法台账”里补记。辛苦大家，谢谢！',
  ].join('\n')
}
