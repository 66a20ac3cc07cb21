/**
 * The drafted study / training / exam paragraph of the annual report, in the
 * register of the seed reports but in the app's own wording. It states the
 * printed figures exactly as the report page shows them; a clause whose figure
 * is zero or missing ("—") is left out, never written as "0 次".
 */
import { formatZhDate, periodEnd } from '../model/dates'
import { DASH } from '../model/format'
import type { FigureKey } from '../model/labels'
import { displayLawName, normaliseLawName } from '../model/laws'
import type { Exam, IsoDate } from '../model/types'

export interface DraftFigures {
  printed: Record<FigureKey, string>
  annualExam?: Exam | null
}

export interface DraftContext {
  unitName: string
  year: number
  asOf: IsoDate
  lawsStudied: readonly { title: string; count: number }[]
}

/** How many studied laws the paragraph names. */
export const DRAFT_LAW_NAMES = 5

/** How the unit names itself: 我局 / 我办 / 我委…, else 我单位. */
export function selfName(unitName: string): string {
  // A trailing remark in brackets, e.g. "某市科工贸和信息化局（演示）", is not part of the name.
  const last = unitName.trim().replace(/[（(][^（）()]*[）)]$/, '').trim().slice(-1)
  return '局办委厅署院'.includes(last) && last !== '' ? `我${last}` : '我单位'
}

/** A figure worth stating: neither missing nor zero. */
export function isStated(printed: string): boolean {
  if (printed === DASH || printed === '') return false
  return Number.parseFloat(printed) !== 0
}

/** Clause builder: `text(value)` when the figure is stated, else nothing. */
function clauses(p: Record<FigureKey, string>, parts: [FigureKey, (v: string) => string][]): string[] {
  return parts.filter(([k]) => isStated(p[k])).map(([k, text]) => text(p[k]))
}

function activitiesSentence(p: Record<FigureKey, string>, we: string): string | null {
  const center = clauses(p, [['centerGroupSessions', (v) => `共开展党组理论学习中心组学习${v}次`]])
  if (center.length > 0) center.push(...clauses(p, [['centerGroupLegalSessions', (v) => `其中法治专题学习${v}次`]]))
  const study = clauses(p, [['collectiveSessions', (v) => `集体学法${v}次`], ['preMeetingSessions', (v) => `会前学法${v}次`]])
  const held = clauses(p, [['lectureCount', (v) => `法治讲座${v}场`], ['trainingSessions', (v) => `业务培训${v}期`]])
  const rest = [
    study.length > 0 ? `组织${study.join('、')}` : '',
    held.length > 0 ? `举办${held.join('、')}` : '',
    ...clauses(p, [['warningSessions', (v) => `开展警示教育${v}次`]]),
  ].filter((s) => s !== '')
  if (center.length === 0 && rest.length === 0) return null
  const head = center.length > 0 ? center.join('，') : ''
  return `${we}本年度${[head, rest.join('，')].filter((s) => s !== '').join('；')}`
}

function lawsSentence(p: Record<FigureKey, string>, laws: DraftContext['lawsStudied']): string | null {
  if (!isStated(p.lawsStudiedCount)) return null
  const names = laws.slice(0, DRAFT_LAW_NAMES).map((l) => `《${normaliseLawName(displayLawName(l.title))}》`)
  if (names.length === 0) return `学习法律法规${p.lawsStudiedCount}部`
  return `重点学习了${names.join('')}等${p.lawsStudiedCount}部法律法规`
}

function staffSentence(p: Record<FigureKey, string>, we: string): string | null {
  const staff = clauses(p, [['staffCount', (v) => `${we}现有在册干部职工${v}人`]])
  if (staff.length > 0) staff.push(...clauses(p, [['leaderCount', (v) => `其中领导班子成员${v}人`]]))
  const study = clauses(p, [
    ['totalHours', (v) => `累计学习培训${v}学时`],
    ['avgHours', (v) => `人均${v}学时`],
    ['studyParticipationRate', (v) => `参学率${v}`],
  ])
  if (study.length === 0) return staff.length > 0 ? staff.join('，') : null
  return staff.length > 0 ? [...staff, `全体干部职工${study.join('，')}`].join('，') : `${we}干部职工${study.join('，')}`
}

function enforcementSentence(p: Record<FigureKey, string>, we: string): string | null {
  if (!isStated(p.enforcementCount)) return null
  const parts = clauses(p, [
    ['enforcementCount', (v) => `${we}执法证持证人员${v}名`],
    ['enforcementAvgHours', (v) => `人均参加培训${v}学时`],
    ['enforcementMinHours', (v) => `最少${v}学时`],
    ['enforcementMetCount', (v) => `其中${v}名达到年度培训学时要求`],
    ['enforcementMetRate', (v) => `达标率${v}`],
  ])
  return parts.join('，')
}

function examSentence(p: Record<FigureKey, string>, exam: Exam | null | undefined): string | null {
  if (!isStated(p.examEligible)) return null
  const name = exam?.title ? `“${exam.title}”` : '年度学法考试'
  const parts = clauses(p, [
    ['examEligible', (v) => `应考${v}人`],
    ['examTaken', (v) => `实考${v}人`],
    ['examParticipationRate', (v) => `参考率${v}`],
    ['examPassRate', (v) => `合格率${v}`],
    ['examExcellentRate', (v) => `优秀率${v}`],
  ])
  return `组织干部职工参加${name}，${parts.join('，')}`
}

function preAppointmentSentence(p: Record<FigureKey, string>): string | null {
  if (!isStated(p.preAppointmentExamCount)) return null
  const parts = clauses(p, [
    ['preAppointmentExamCount', (v) => `组织${v}名拟任职干部参加任前法律知识考试`],
    ['preAppointmentPassRate', (v) => `合格率${v}`],
  ])
  return parts.join('，')
}

/** The paragraph for the report page's draft card and the .docx export. */
export function draftReportParagraph(figures: DraftFigures, ctx: DraftContext): string {
  const p = figures.printed
  const we = selfName(ctx.unitName)
  const sentences = [
    activitiesSentence(p, we),
    lawsSentence(p, ctx.lawsStudied),
    staffSentence(p, we),
    enforcementSentence(p, we),
    examSentence(p, figures.annualExam),
    preAppointmentSentence(p),
  ]
    .filter((s): s is string => s !== null && s !== '')
    // Name the unit once: later sentences continue without repeating 我局.
    .map((s, i, all) => (i > 0 && s.startsWith(we) && all.slice(0, i).some((t) => t.startsWith(we)) ? s.slice(we.length) : s))
  const date = formatZhDate(periodEnd(ctx.year, ctx.asOf))
  if (sentences.length === 0) return `截至${date}，${we}${ctx.year}年度暂无学法、培训和考试记录。`
  return `截至${date}，${sentences.join('。')}。`
}
