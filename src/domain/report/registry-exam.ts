/**
 * The exam and target figures of the registry (registry.ts spreads them into FIGURES after the hours group; their
 * order here is their order on the page). Each rate's numerator is a figure of its own, printed beside it.
 */
import type { FigureSpec } from './figure-spec'

export const EXAM_FIGURES = {
  examEligible: {
    label: '应考人数', short: '应考', unit: '人', format: 'count', group: 'exam',
    population: "the year's annual exam: persons active on its date (on D when undated), exempt ones left out",
    definition: 'Those persons; one with no result counts as not taken.',
    compute: (x) => x.annualExam.eligible,
    draft: { sentence: 'exam', part: 'all', text: (v) => `应考${v}人` },
  },
  examTaken: {
    label: '实考人数', short: '实考', unit: '人', format: 'count', group: 'exam', population: 'eligible persons',
    definition: 'Eligible persons whose result is `taken`.',
    compute: (x) => x.annualExam.taken,
    draft: { sentence: 'exam', part: 'all', requires: 'examEligible', text: (v) => `实考${v}人` },
  },
  examParticipationRate: {
    label: '参考率', unit: null, format: 'rate', group: 'exam', population: 'eligible persons',
    definition: '`examTaken` ÷ `examEligible`.',
    ratio: { numerator: 'examTaken', denominator: 'examEligible' },
    compute: (x) => x.annualExam.participationRate,
    draft: { sentence: 'exam', part: 'all', requires: 'examEligible', text: (v) => `参考率${v}` },
  },
  examPassed: {
    label: '合格人数', unit: '人', format: 'count', group: 'exam', population: 'persons who took the exam',
    definition: 'Those whose score reaches the pass line (the numerator of `examPassRate`).',
    compute: (x) => x.annualExam.passed,
    draft: { sentence: 'exam', part: 'all', requires: 'examTaken', text: (v) => `合格${v}人` },
  },
  examPassRate: {
    label: '合格率', unit: null, format: 'rate', group: 'exam', population: 'persons who took the exam',
    definition: '`examPassed` ÷ `examTaken`: the share of them whose score reaches the pass line.',
    ratio: { numerator: 'examPassed', denominator: 'examTaken' },
    compute: (x) => x.annualExam.passRate,
    draft: { sentence: 'exam', part: 'all', requires: 'examEligible', text: (v) => `合格率${v}` },
  },
  examExcellent: {
    label: '优秀人数', unit: '人', format: 'count', group: 'exam', population: 'persons who took the exam',
    definition: 'Those whose score reaches the excellent line (the numerator of `examExcellentRate`; none when the exam has no such line).',
    compute: (x) => x.annualExam.excellent,
    draft: { sentence: 'exam', part: 'all', requires: 'examTaken', text: (v) => `优秀${v}人` },
  },
  examExcellentRate: {
    label: '优秀率', unit: null, format: 'rate', group: 'exam', population: 'persons who took the exam',
    definition: '`examExcellent` ÷ `examTaken` (none when the exam has no excellent line).',
    ratio: { numerator: 'examExcellent', denominator: 'examTaken' },
    compute: (x) => x.annualExam.excellentRate,
    draft: { sentence: 'exam', part: 'all', requires: 'examEligible', text: (v) => `优秀率${v}` },
  },
  preAppointmentExamCount: {
    label: '任前法律知识考试人数', unit: '人', format: 'count', group: 'exam',
    population: 'results of the `preAppointment` exams dated in Y up to D',
    definition: 'Those with status `taken` (the latest result of each person for each exam).',
    compute: (x) => x.preAppointment.taken,
    draft: { sentence: 'preAppointment', part: 'all', text: (v) => `组织${v}名拟任职干部参加任前法律知识考试` },
  },
  preAppointmentPassed: {
    label: '任前考试合格人数', unit: '人', format: 'count', group: 'exam', population: 'the results counted by `preAppointmentExamCount`',
    definition: "Those whose score reaches their exam's pass line (the numerator of `preAppointmentPassRate`).",
    compute: (x) => x.preAppointment.passed,
    draft: { sentence: 'preAppointment', part: 'all', requires: 'preAppointmentExamCount', text: (v) => `合格${v}人` },
  },
  preAppointmentPassRate: {
    label: '任前考试合格率', unit: null, format: 'rate', group: 'exam', population: 'the results counted by `preAppointmentExamCount`',
    definition: '`preAppointmentPassed` ÷ `preAppointmentExamCount`.',
    ratio: { numerator: 'preAppointmentPassed', denominator: 'preAppointmentExamCount' },
    compute: (x) => x.preAppointment.passRate,
    draft: { sentence: 'preAppointment', part: 'all', requires: 'preAppointmentExamCount', text: (v) => `合格率${v}` },
  },
  targetsMet: {
    label: '指标完成（项）', unit: null, format: 'count', group: 'targets', population: "rules of the year's target set",
    definition: 'Rules whose status on D is 达标.',
    compute: (x) => x.targets.metCount,
    draft: null,
  },
  targetsTotal: {
    label: '考核指标（项）', unit: null, format: 'count', group: 'targets', population: "rules of the year's target set",
    definition: 'Rules in the set (0 when the year has none).',
    compute: (x) => x.targets.total,
    draft: null,
  },
} as const satisfies Record<string, FigureSpec>
