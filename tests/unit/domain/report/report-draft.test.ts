import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIGURE_KEYS, figure, type FigureKey } from '../../../../src/domain/report/registry'
import { draftReportParagraph, isStated, selfName } from '../../../../src/domain/report/draft'
import { formatZhDate } from '../../../../src/domain/model/dates'
import { computeReportFigures } from '../../../../src/domain/report/figures'
import { activity, ledger, loadLedgerFile, person, LEDGER_FIXTURES } from '../factories'

const fixture = loadLedgerFile(resolve(LEDGER_FIXTURES, 'example-2023.xuefa.json'))
const figures = computeReportFigures(fixture, 2023, '2023-12-31')
const ctx = { unitName: '某市科工贸和信息化局', year: 2023, asOf: '2023-12-31', lawsStudied: figures.lawsStudied }
const text = draftReportParagraph(figures, ctx)

/** Printed figures of the page with a blank map for the rest. */
function printedWith(over: Partial<Record<FigureKey, string>>): Record<FigureKey, string> {
  const p = {} as Record<FigureKey, string>
  for (const k of FIGURE_KEYS) p[k] = '0'
  return { ...p, ...over }
}

describe('draftReportParagraph on the worked example', () => {
  it('reads as the report paragraph, with the printed figures', () => {
    expect(text).toBe(
      '2023年，我局共开展党组理论学习中心组学习1次，其中法治专题学习1次；' +
        '组织集体学法1次，举办法治讲座1场、业务培训2期。' +
        '重点学习了《宪法》《民法典》《行政处罚法》等3部法律法规。' +
        '现有在册干部职工4人，其中领导班子成员1人，全体干部职工累计学习培训66学时（其中在册人员64学时、年内调出人员2学时），' +
        '人均16学时，参学4人，参学率100%。' +
        '执法证持证人员2名，累计参加培训51学时，人均25.5学时，其中1名达到年度培训学时要求，达标率50%。' +
        '组织干部职工参加“2023年度学法考试”，应考3人，实考2人，参考率66.7%，合格2人，合格率100%，优秀1人，优秀率50%。',
    )
  })
  it('states each figure as the page prints it', () => {
    const p = figures.printed
    for (const s of [
      `中心组学习${p.centerGroupSessions}次`,
      `法治专题学习${p.centerGroupLegalSessions}次`,
      `累计学习培训${p.totalHours}学时`,
      `人均${p.avgHours}学时`,
      `累计参加培训${p.enforcementHours}学时，人均${p.enforcementAvgHours}学时`,
      `达标率${p.enforcementMetRate}`,
      `应考${p.examEligible}人`,
      `实考${p.examTaken}人`,
      `参考率${p.examParticipationRate}`,
      `优秀率${p.examExcellentRate}`,
      `等${p.lawsStudiedCount}部`,
    ]) {
      expect(text).toContain(s)
    }
  })
  it('leaves out zero and missing figures (会前学法 0, 警示教育 0, 任前考试 0 / —)', () => {
    expect(text).not.toMatch(/(^|[^0-9.])0(次|场|期|人|名|学时|%)/)
    expect(text).not.toContain('—')
    expect(text).not.toContain('会前学法')
    expect(text).not.toContain('警示教育')
    expect(text).not.toContain('任前')
  })
})

describe('draftReportParagraph, clause by clause', () => {
  const base = { unitName: '某区司法局', year: 2024, asOf: '2024-11-30', lawsStudied: [] }
  it('an empty ledger says there is nothing yet', () => {
    expect(draftReportParagraph(computeReportFigures(ledger(), 2024, '2024-11-30'), base)).toBe(
      '2024年以来，我局暂无学法、培训和考试记录。',
    )
  })
  it('no center-group sessions: the study sentence starts with what there is', () => {
    const p = printedWith({ collectiveSessions: '3', preMeetingSessions: '2', warningSessions: '1', examParticipationRate: '—' })
    expect(draftReportParagraph({ printed: p }, base)).toBe('2024年以来，我局组织集体学法3次、会前学法2次，开展警示教育1次。')
  })
  it('names at most five laws, by short name, and the total', () => {
    const laws = ['中华人民共和国宪法', '中华人民共和国民法典', '中华人民共和国行政处罚法', '中华人民共和国行政许可法', '中华人民共和国行政强制法', '中华人民共和国立法法']
    const p = printedWith({ lawsStudiedCount: '6' })
    const t = draftReportParagraph({ printed: p }, { ...base, lawsStudied: laws.map((title) => ({ title, count: 1 })) })
    expect(t).toBe('2024年以来，重点学习了《宪法》《民法典》《行政处罚法》《行政许可法》《行政强制法》等6部法律法规。')
  })
  it('a law outside the catalogue keeps its title; 《》 are not doubled', () => {
    const p = printedWith({ lawsStudiedCount: '1' })
    const t = draftReportParagraph({ printed: p }, { ...base, lawsStudied: [{ title: '《某市物业管理条例》', count: 1 }] })
    expect(t).toContain('《某市物业管理条例》等1部')
  })
  it('staff figures without hours, and hours without staff', () => {
    expect(draftReportParagraph({ printed: printedWith({ staffCount: '5' }) }, base)).toBe('2024年以来，我局现有在册干部职工5人。')
    expect(draftReportParagraph({ printed: printedWith({ totalHours: '12.5', avgHours: '—', studyParticipationRate: '—' }) }, base)).toBe(
      '2024年以来，我局干部职工累计学习培训12.5学时。',
    )
  })
  it('exam: a 0% rate is left out, the others stated', () => {
    const p = printedWith({ examEligible: '10', examTaken: '0', examParticipationRate: '0%', examPassRate: '—', examExcellentRate: '—' })
    expect(draftReportParagraph({ printed: p }, base)).toBe('2024年以来，组织干部职工参加年度学法考试，应考10人。')
  })
  it('pre-appointment exams', () => {
    const p = printedWith({ preAppointmentExamCount: '3', preAppointmentPassed: '2', preAppointmentPassRate: '66.7%' })
    expect(draftReportParagraph({ printed: p }, base)).toBe('2024年以来，组织3名拟任职干部参加任前法律知识考试，合格2人，合格率66.7%。')
  })
  it('an as-of date after the year is written as the whole year, without 截至 (the subtitle carries the date)', () => {
    const f = computeReportFigures(ledger({ persons: [person({ id: 'p' })], activities: [activity({ kind: 'lecture', date: '2023-05-05', attendees: ['p'] })] }), 2023, '2024-02-01')
    expect(draftReportParagraph(f, { ...base, year: 2023, asOf: '2024-02-01' })).toMatch(/^2023年，我局举办法治讲座1场。/)
  })
})

describe('helpers', () => {
  it('formats dates without leading zeros', () => {
    expect(formatZhDate('2024-03-05')).toBe('2024年3月5日')
  })
  it('names the unit as it names itself', () => {
    expect([selfName('某市科工贸和信息化局'), selfName('某区人民政府办'), selfName('某县发展和改革委'), selfName('某中心')]).toEqual(['我局', '我办', '我委', '我单位'])
  })
  it('states neither zeros nor dashes', () => {
    expect([isStated('0'), isStated('0%'), isStated('—'), isStated('0.5'), isStated('12')]).toEqual([false, false, false, true, true])
  })
})

describe('selfName', () => {
  it('ignores a trailing bracketed remark', () => {
    expect(selfName('某市科工贸和信息化局（演示）')).toBe('我局')
    expect(selfName('某区司法局(试用)')).toBe('我局')
    expect(selfName('某某中心')).toBe('我单位')
  })
})

describe('every figure is stated in the words of its registry entry', () => {
  const base = { unitName: '某区司法局', year: 2024, asOf: '2024-11-30', lawsStudied: [] }
  const words = { we: '我局', lawNames: [] }
  it.each(FIGURE_KEYS)('%s', (key) => {
    const d = figure(key).draft
    const over: Partial<Record<FigureKey, string>> = { [key]: '7' }
    for (let r = d?.requires; r !== undefined; r = figure(r as FigureKey).draft?.requires) over[r as FigureKey] = '9'
    const asked = { optional: [key] }
    const text = draftReportParagraph({ printed: printedWith(over) }, base, asked)
    if (d === null) {
      expect(text).toBe('2024年以来，我局暂无学法、培训和考试记录。')
      return
    }
    const clause = d.text('7', words).replace(/^我局/, '')
    expect(text).toContain(clause)
    // Zero is never stated: the clause goes with its figure.
    const zero = draftReportParagraph({ printed: printedWith({ ...over, [key]: '0' }) }, base, asked)
    expect(zero).not.toContain(clause)
    // An optional clause only when asked for.
    expect(draftReportParagraph({ printed: printedWith(over) }, base).includes(clause)).toBe(d.optional !== true)
  })
})

