import { describe, expect, it } from 'vitest'
import { formatHours } from '../../../../src/domain/model/format'
import { buildReminder, peopleToRemind, reminderLine } from '../../../../src/domain/views/remind'
import { evaluateTargets, type PersonHoursRuleResult } from '../../../../src/domain/measures/target-rules'
import type { LedgerData } from '../../../../src/domain/model/types'
import { activity, enforcer, hoursRule, ledger, targetSet } from '../factories'

const train = (id: string, hours: number, category: 'publicLaw' | 'business' | 'enforcementSkill' | null = null) =>
  activity({ kind: 'training', date: '2024-03-01', hours, category, attendees: [id] })

const data: LedgerData = ledger({
  persons: [
    enforcer({ id: 'li', name: '李四', sectionId: 's' }),
    enforcer({ id: 'wang', name: '王五', sectionId: 's' }),
    enforcer({ id: 'zhao', name: '赵六', sectionId: 's' }),
    enforcer({ id: 'gone', name: '钱七', sectionId: 's', activeTo: '2024-05-31' }),
  ],
  activities: [train('li', 21), train('wang', 55.5), train('zhao', 60), train('gone', 1)],
  targetSets: [targetSet(2024, [hoursRule({ minHours: 60 })])],
})

function personsOn(d: LedgerData, asOf: string) {
  return (evaluateTargets(d, 2024, asOf).results[0] as PersonHoursRuleResult).persons
}

describe('buildReminder', () => {
  const ctx = { sectionName: '执法一队', year: 2024, asOf: '2024-11-22' }
  const persons = personsOn(data, '2024-11-22')
  const text = buildReminder(persons, ctx)

  it('lists who is behind, largest gap first, with hours done and missing', () => {
    // 2024-11-22 is day 327 of 366: pace 60 × 327/366 = 53.6; 李四 21, 王五 55.5 on track, 赵六 met
    expect(text).toBe(
      [
        '【执法一队】2024年度学法学时提醒',
        '各位同事好！截至2024年11月22日，以下1位同事的学时还有差距，请抓紧安排学习：',
        '1. 李四：已完成21学时，还差39学时（按进度此时应完成53.6学时）',
        '已经学习但还没登记的，请及时在“学法台账”里补记。辛苦大家，谢谢！',
      ].join('\n'),
    )
  })

  it('the figures equal the printed hours of the results', () => {
    const li = persons.find((r) => r.person.id === 'li')!
    expect(text).toContain(`已完成${formatHours(li.hours)}学时，还差${formatHours(li.gap)}学时`)
  })

  it('leavers are not chased; met and on-track people are not listed', () => {
    expect(peopleToRemind(persons).map((r) => r.person.name)).toEqual(['李四'])
    expect(text).not.toContain('钱七')
    expect(text).not.toContain('王五')
  })

  it('after the year ends, missed people are listed without a pace', () => {
    const t = buildReminder(personsOn(data, '2024-12-31'), { ...ctx, asOf: '2024-12-31' })
    expect(t).toContain('1. 李四：已完成21学时，还差39学时\n2. 王五：已完成55.5学时，还差4.5学时\n')
  })

  it('says so when nobody is behind', () => {
    const ok = ledger({ ...data, activities: [train('li', 60), train('wang', 60), train('zhao', 60)] })
    expect(buildReminder(personsOn(ok, '2024-11-22'), ctx)).toBe(
      '【执法一队】2024年度学法学时提醒\n截至2024年11月22日，本股室同事的学时进度都正常，没有滞后的。感谢大家，请继续保持！',
    )
    expect(buildReminder([], ctx)).toContain('都正常')
  })

  it('names the training categories still short', () => {
    const cat = ledger({
      ...data,
      activities: [train('li', 50, 'publicLaw'), train('li', 12, 'business')],
      targetSets: [targetSet(2024, [hoursRule({ minHours: 60, categoryMinHours: { enforcementSkill: 6, business: 16 } })])],
    })
    const li = personsOn(cat, '2024-12-31').find((r) => r.person.id === 'li')!
    expect(reminderLine(li)).toBe('李四：已完成62学时，业务知识还差4学时、行政执法技能还差6学时')
  })
})
