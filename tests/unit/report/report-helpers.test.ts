// Small pure helpers of the report: last year's as-of date, file names, the per-person cells, training cards.
import { describe, expect, it } from 'vitest'
import { buildReportBundle, previousAsOf, reportFileName } from '../../../src/domain/report/bundle'
import { cellText, personTable } from '../../../src/domain/report/table'
import { PERSON_TABLE_HEADERS } from '../../../src/domain/report/labels'
import { buildTrainingCards } from '../../../src/domain/measures/training-cards'
import { activity, enforcer, exam, hoursRule, ledger, person, result, section, targetSet } from '../domain/factories'

describe('previousAsOf', () => {
  it('is the same day one year earlier, 29 Feb → 28 Feb, clamped to the year end', () => {
    expect(previousAsOf(2024, '2024-06-30')).toBe('2023-06-30')
    expect(previousAsOf(2024, '2024-02-29')).toBe('2023-02-28')
    expect(previousAsOf(2023, '2024-03-01')).toBe('2022-12-31')
  })
})

describe('reportFileName', () => {
  it('names the unit and the year, without characters a file system refuses', () => {
    expect(reportFileName('某市司法局', 2023, 'xlsx')).toBe('学法台账-2023年度报告-某市司法局.xlsx')
    expect(reportFileName('a/b:c*?"<>|', 2024, 'docx')).toBe('学法台账-2024年度报告-abc.docx')
    expect(reportFileName('  ', 2024, 'csv', '年度人员明细')).toBe('学法台账-2024年度人员明细-单位.csv')
  })
})

describe('personTable', () => {
  const s1 = section({ id: 's1', name: '执法股', order: 1 })
  const a = enforcer({ id: 'pa', name: '张三', sectionId: 's1' })
  const b = person({ id: 'pb', name: '李四', sectionId: 's1', activeFrom: '2023-07-01' })
  const c = person({ id: 'pc', name: '王五', sectionId: 's1', activeTo: '2023-05-31' })
  const x = exam({ id: 'x1', date: '2023-11-15' })
  const data = ledger({
    sections: [s1],
    persons: [a, b, c],
    activities: [
      activity({ id: 'a1', kind: 'training', category: 'business', hours: 6, attendees: ['pa', 'pb'], date: '2023-08-01' }),
      activity({ id: 'a2', kind: 'self', hours: 1.25, attendees: ['pa'], date: '2023-09-01' }),
      activity({ id: 'a3', kind: 'self', hours: 2, attendees: ['pc'], date: '2023-03-01' }),
    ],
    exams: [x],
    examResults: [result('x1', 'pa', { score: 95 })],
    targetSets: [targetSet(2023, [hoursRule({ id: 'r1', minHours: 60 })])],
  })
  const b2023 = buildReportBundle({ unitName: '某局', year: 2023, asOf: '2023-12-31', data, previousData: null })
  const table = personTable(b2023.figures)
  const byName = new Map(table.rows.map((r) => [r[1], r]))
  const col = (h: string) => PERSON_TABLE_HEADERS.indexOf(h)

  it('has one row per person active in the period, with the headers in order', () => {
    expect(table.headers).toEqual(PERSON_TABLE_HEADERS)
    expect([...byName.keys()].sort()).toEqual(['张三', '李四', '王五'].sort())
  })

  it('prints hours by the hours rule and the category columns', () => {
    const r = byName.get('张三')!
    expect(cellText(r[col('总学时')])).toBe('7.3')
    expect(r[col('业务知识')]).toBe(6)
    expect(r[col('目标学时')]).toBe(60)
    expect(r[col('达标情况')]).toBe('未达标')
    expect(r[col('考试情况')]).toBe('参考')
    expect(r[col('考试成绩')]).toBe(95)
    expect(r[col('身份')]).toBe('执法证持证人员')
  })

  it('says 未参考 for an eligible person without a result, nothing for a leaver, and notes joins and leaves', () => {
    expect(byName.get('李四')![col('考试情况')]).toBe('未参考')
    expect(byName.get('李四')![col('备注')]).toBe('2023-07-01调入')
    expect(byName.get('王五')![col('考试情况')]).toBe('')
    expect(byName.get('王五')![col('备注')]).toBe('2023-05-31调出')
  })

  it('builds the 登记卡 of every officer (as the screen does) with running totals in date order', () => {
    const cards = buildTrainingCards(data, b2023.figures.perPerson, 2023, '2023-12-31')
    expect(cards.map((c) => c.card.person.name)).toEqual(['张三'])
    const [{ card, sectionName }] = cards
    expect(sectionName).toBe('执法股')
    expect([...card.trainings, ...card.others].map((r) => r.running)).toEqual([6, 7.25])
    expect(card.byCategory.business).toBe(6)
    expect(card.result.target).toBe(60)
    expect(card.result.status).toBe('missed')
  })

  it('counts on a card only the kinds the enforcement rule counts', () => {
    const only = { ...data, targetSets: [targetSet(2023, [hoursRule({ id: 'r2', kinds: ['training'] })])] }
    const [{ card }] = buildTrainingCards(only, b2023.figures.perPerson, 2023, '2023-12-31')
    expect(card.result.hours).toBe(6)
    expect(card.others).toEqual([])
  })

  it('uses the default 60-学时 rule when the year has no target set', () => {
    const [{ card }] = buildTrainingCards({ ...data, targetSets: [] }, b2023.figures.perPerson, 2023, '2023-12-31')
    expect(card.rule).toMatchObject({ scope: 'enforcement', minHours: 60 })
  })
})
