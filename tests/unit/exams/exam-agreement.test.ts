// @vitest-environment happy-dom
// The exam page and the report count an exam the same way — one computation (measures/exam-stats.ts `tallyExam`):
// an undated exam is judged on the report's period end (never on today), leavers and joiners by that day, exempt
// persons outside the denominator. The page's card prints the report's very figures.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ExamSummaryCard from '@/components/exams/ExamSummaryCard.vue'
import { entryPeriodEnd, examEntry } from '@/domain/measures/exam-entry'
import { defaultAsOf } from '@/domain/model/dates'
import type { Exam, ExamResult, LedgerData } from '@/domain/model/types'
import { computeReportFigures } from '@/domain/report/figures'
import { printFigure } from '@/domain/report/registry'
import { exam as examOf, ledger, person, section, STAMP } from '../domain/factories'

const result = (personId: string, over: Partial<ExamResult>): ExamResult => ({
  id: `r-${personId}`, examId: 'x', personId, status: 'taken', score: null, reason: null, updatedAt: STAMP, ...over,
})

function unit(exam: Exam): LedgerData {
  return ledger({
    sections: [section({ id: 's1' })],
    persons: [
      person({ id: 'a', name: '甲', sectionId: 's1' }),
      person({ id: 'b', name: '乙', sectionId: 's1' }),
      person({ id: 'c', name: '丙', sectionId: 's1' }),
      person({ id: 'd', name: '丁', sectionId: 's1' }), // exempt
      person({ id: 'e', name: '戊', sectionId: 's1' }), // absent
      person({ id: 'f', name: '己', sectionId: 's1' }), // no result yet
      person({ id: 'g', name: '庚', sectionId: 's1', activeTo: '2024-06-30' }), // left in the year, has a score
      person({ id: 'h', name: '辛', sectionId: 's1', activeTo: '2025-03-01' }), // leaves after the year, has a score
      person({ id: 'i', name: '壬', sectionId: 's1', activeFrom: '2025-01-10' }), // joins after the year
      person({ id: 'j', name: '癸', sectionId: 's1', activeTo: '2024-03-01' }), // left, exempt
    ],
    exams: [exam],
    examResults: [
      result('a', { score: 95 }),
      result('b', { score: 70 }),
      result('c', { score: 50 }),
      result('d', { status: 'exempt', reason: '病假' }),
      result('e', { status: 'absent' }),
      result('g', { score: 88 }),
      result('h', { score: 80 }),
      result('j', { status: 'exempt', reason: '借调' }),
    ],
  })
}

const KEYS = ['examEligible', 'examTaken', 'examParticipationRate', 'examPassRate', 'examExcellentRate'] as const

/** What the exam page shows for the exam on `today`, and what the report for the exam's year shows by default. */
function bothSides(data: LedgerData, today: string) {
  const exam = data.exams[0]
  const { tally } = examEntry(exam, data.persons, data.examResults, data.sections, entryPeriodEnd(exam, today))
  const page = {
    examEligible: printFigure('examEligible', tally.eligible),
    examTaken: printFigure('examTaken', tally.taken),
    examParticipationRate: printFigure('examParticipationRate', tally.participationRate),
    examPassRate: printFigure('examPassRate', tally.passRate),
    examExcellentRate: printFigure('examExcellentRate', tally.excellentRate),
  }
  const printed = computeReportFigures(data, exam.year, defaultAsOf(exam.year, today)).printed
  const report = Object.fromEntries(KEYS.map((k) => [k, printed[k]]))
  return { tally, page, report, exam }
}

/** The card as the exam page mounts it: its counts and rates, read from the DOM. */
function cardFigures(exam: Exam, tally: ReturnType<typeof bothSides>['tally']) {
  const w = mount(ExamSummaryCard, { props: { exam, tally } })
  const count = (name: string) => w.get(`[data-testid="count-${name}"] b`).text()
  const rate = (key: string) => w.get(`[data-exam-figure="${key}"]`).text()
  return {
    examEligible: count('eligible'),
    examTaken: count('taken'),
    examParticipationRate: rate('examParticipationRate'),
    examPassRate: rate('examPassRate'),
    examExcellentRate: rate('examExcellentRate'),
  }
}

describe('the exam page and the report agree', () => {
  const undated = examOf({ id: 'x', year: 2024, date: null, passScore: 60, excellentScore: 90 })

  it('on an undated exam of a past year: judged on its last day, not on today', () => {
    const { tally, page, report, exam } = bothSides(unit(undated), '2025-06-01')
    expect(page).toEqual(report)
    // 应考 甲乙丙戊己辛 (丁 exempt, 庚 and 癸 left, 壬 not yet there); 实考 甲乙丙辛; 合格 甲乙辛; 优秀 甲.
    expect(report).toEqual({ examEligible: '6', examTaken: '4', examParticipationRate: '66.7%', examPassRate: '75%', examExcellentRate: '25%' })
    expect(tally).toMatchObject({ absent: 1, exempt: 1, missing: 1 })
    expect(cardFigures(exam, tally)).toEqual(report)
  })

  it('on an undated exam of this year: judged on today, which is the report\'s as-of date', () => {
    const { tally, page, report, exam } = bothSides(unit(undated), '2024-09-30')
    expect(page).toEqual(report)
    expect(report.examEligible).toBe('6')
    expect(cardFigures(exam, tally)).toEqual(report)
  })

  it('on a dated exam: leavers and joiners by the exam date, exempt persons outside', () => {
    const dated = { ...undated, date: '2024-05-20' }
    const { tally, page, report, exam } = bothSides(unit(dated), '2025-06-01')
    expect(page).toEqual(report)
    // 庚 was still there on 05-20 and took it; 癸 had left (exempt or not, outside).
    expect(report).toEqual({ examEligible: '7', examTaken: '5', examParticipationRate: '71.4%', examPassRate: '80%', examExcellentRate: '20%' })
    expect(cardFigures(exam, tally)).toEqual(report)
  })

  it('without an excellent line: the report prints —, the card leaves 优秀率 out', () => {
    const plain = { ...undated, excellentScore: null }
    const { tally, report, exam } = bothSides(unit(plain), '2025-06-01')
    expect(report.examExcellentRate).toBe('—')
    const w = mount(ExamSummaryCard, { props: { exam, tally } })
    expect(w.find('[data-exam-figure="examExcellentRate"]').exists()).toBe(false)
    expect(w.get('[data-exam-figure="examPassRate"]').text()).toBe(report.examPassRate)
  })
})
