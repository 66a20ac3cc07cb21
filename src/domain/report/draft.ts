/**
 * The drafted study / training / exam paragraph of the annual report, in the register of the annual reports units
 * publish but in the app's own wording. It states the printed figures exactly as the report page shows them, each in
 * the words its registry entry gives (registry.ts `draft`); a clause whose figure is zero or missing ("—") is left
 * out, never written as "0 次", and an optional clause only when asked for. It opens with the year ("2023年，" or,
 * before the year is over, "2023年以来，"): the 截至 date is the document's subtitle, not repeated here. Every ratio
 * it states can be recomputed from counts it states beside it. This file only assembles the sentences.
 */
import { periodEnd, yearEnd } from '../model/dates'
import { DASH } from '../model/format'
import { displayLawName, normaliseLawName } from '../model/laws'
import type { Exam, IsoDate } from '../model/types'
import type { DraftSentence, DraftWords, LawCount } from './figure-spec'
import { FIGURE_KEYS, figure, type FigureKey } from './registry'

export interface DraftFigures {
  printed: Record<FigureKey, string>
  annualExam?: Exam | null
}

export interface DraftContext {
  unitName: string
  year: number
  asOf: IsoDate
  lawsStudied: readonly LawCount[]
}

export interface DraftOptions {
  /** Optional clauses to state (figures whose clause is `optional`); none by default. */
  optional?: readonly FigureKey[]
}

/** "2023年" for a whole year, "2023年以来" for a year still running on the as-of date. */
export function draftPeriod(year: number, asOf: IsoDate): string {
  return periodEnd(year, asOf) === yearEnd(year) ? `${year}年` : `${year}年以来`
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

/** The stated clauses of one part of one sentence, in registry order. */
type Clauses = (sentence: DraftSentence, part: string) => string[]

function clausesOf(p: Record<FigureKey, string>, words: DraftWords, asked: ReadonlySet<FigureKey>): Clauses {
  // Stated: not zero or missing, asked for when optional, and what it requires stated too (transitively).
  const stated = (k: FigureKey): boolean => {
    const d = figure(k).draft
    if (d === null || !isStated(p[k]) || (d.optional === true && !asked.has(k))) return false
    return d.requires === undefined || stated(d.requires as FigureKey)
  }
  return (sentence, part) =>
    FIGURE_KEYS.flatMap((k) => {
      const d = figure(k).draft
      return d !== null && d.sentence === sentence && d.part === part && stated(k) ? [d.text(p[k], words)] : []
    })
}

/** 我局共开展…中心组学习N次，其中法治专题学习N次；组织集体学法N次、会前学法N次，举办…，开展警示教育N次 */
function activitiesSentence(c: Clauses, we: string): string | null {
  const center = c('activities', 'centerGroup')
  const organised = c('activities', 'organised')
  const held = c('activities', 'held')
  const rest = [
    organised.length > 0 ? `组织${organised.join('、')}` : '',
    held.length > 0 ? `举办${held.join('、')}` : '',
    ...c('activities', 'warning'),
  ].filter((s) => s !== '')
  if (center.length === 0 && rest.length === 0) return null
  return `${we}${[center.join('，'), rest.join('，')].filter((s) => s !== '').join('；')}`
}

/**
 * 我局现有在册干部职工N人，其中…，全体干部职工累计学习培训N学时（其中在册人员N学时、年内调出人员N学时），
 * 人均N学时，参学N人，参学率N%: the split of the total is stated when someone left, so that 人均 = 在册人员学时 ÷ 在册.
 */
function staffSentence(c: Clauses, we: string): string | null {
  const staff = c('staff', 'staff')
  const split = c('staff', 'split')
  const total = c('staff', 'study').map((t) => (split.length > 0 ? `${t}（其中${split.join('、')}）` : t))
  const study = [...total, ...c('staff', 'average')]
  if (study.length === 0) return staff.length > 0 ? staff.join('，') : null
  return staff.length > 0 ? [...staff, `全体干部职工${study.join('，')}`].join('，') : `${we}干部职工${study.join('，')}`
}

/** 组织干部职工参加“…”，应考N人，… */
function examSentence(c: Clauses, exam: Exam | null | undefined): string | null {
  const parts = c('exam', 'all')
  if (parts.length === 0) return null
  return `组织干部职工参加${exam?.title ? `“${exam.title}”` : '年度学法考试'}，${parts.join('，')}`
}

/** The paragraph for the report page's draft card and the .docx export. */
export function draftReportParagraph(figures: DraftFigures, ctx: DraftContext, options: DraftOptions = {}): string {
  const we = selfName(ctx.unitName)
  const lawNames = ctx.lawsStudied.slice(0, DRAFT_LAW_NAMES).map((l) => `《${normaliseLawName(displayLawName(l.title))}》`)
  const c = clausesOf(figures.printed, { we, lawNames }, new Set(options.optional ?? []))
  const joined = (s: DraftSentence) => c(s, 'all').join('，') || null
  const sentences = [
    activitiesSentence(c, we),
    joined('laws'),
    staffSentence(c, we),
    joined('enforcement'),
    examSentence(c, figures.annualExam),
    joined('preAppointment'),
  ]
    .filter((s): s is string => s !== null && s !== '')
    // Name the unit once: later sentences continue without repeating 我局.
    .map((s, i, all) => (i > 0 && s.startsWith(we) && all.slice(0, i).some((t) => t.startsWith(we)) ? s.slice(we.length) : s))
  const period = draftPeriod(ctx.year, ctx.asOf)
  if (sentences.length === 0) return `${period}，${we}暂无学法、培训和考试记录。`
  return `${period}，${sentences.join('。')}。`
}
