/**
 * The demo ledger's group sessions for one year: 理论学习中心组学习, 会前学法, 集体学法, 法治讲座, 业务培训, 警示教育
 * and 其他. In a large unit, sessions are held per section or in batches (sittings, classes) of limited size.
 */
import { nextWorkday, pad2, weekStart, weekday, workday } from './calendar'
import { CN_NUM, LECTURE_TOPICS, LEGAL_CENTER_GROUP, OTHER_EVENTS, PRE_MEETING_LAWS, STUDY_LAWS, THEORY_CENTER_GROUP, TRAININGS, WARNING_EVENTS } from './data'
import { isEnforcer, isLeader, type Ids, type Member, type SectionMembers } from './roster'
import { addDays, isActiveOn } from '../model/dates'
import type { Rng } from './prng'
import type { Activity, ActivityKind, IsoDate, Stamp, TrainingCategory } from '../model/types'

export interface GroupCtx {
  rng: Rng
  ids: Ids
  members: Member[]
  sections: SectionMembers[]
  large: boolean
  today: IsoDate
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
  activities: Activity[]
  lecturers: string[]
}

interface GroupSpec {
  kind: ActivityKind
  title: string
  date: IsoDate
  endDate?: IsoDate | null
  hours: number
  legalTheme: boolean
  laws: string[]
  category?: TrainingCategory | null
  organizer: string | null
  lecturer?: string | null
}

function inWindow(ctx: GroupCtx, date: IsoDate, endDate: IsoDate | null): boolean {
  return date >= ctx.windowStart && (endDate ?? date) <= ctx.today
}

/** Attends with probability p when active over the whole session. */
function present(ctx: GroupCtx, date: IsoDate, endDate: IsoDate | null, p: number): (m: Member) => boolean {
  return (m) => isActiveOn(m.person, date) && (endDate === null || isActiveOn(m.person, endDate)) && ctx.rng.chance(p)
}

function push(ctx: GroupCtx, spec: GroupSpec, attendees: Member[]): void {
  if (attendees.length === 0) return
  ctx.activities.push({
    id: ctx.ids.activity(),
    kind: spec.kind,
    title: spec.title,
    date: spec.date,
    endDate: spec.endDate ?? null,
    hours: spec.hours,
    legalTheme: spec.legalTheme,
    laws: [...spec.laws],
    category: spec.category ?? null,
    organizer: spec.organizer,
    lecturer: spec.lecturer ?? null,
    attendees: attendees.slice().sort((a, b) => a.index - b.index).map((m) => m.person.id),
    note: '',
    updatedAt: ctx.stamp(spec.date),
  })
}

/** Splits members (grouped by section) into batches of at most `cap`, keeping sections together when they fit. */
function batches(ctx: GroupCtx, pick: (m: Member) => boolean, cap: number): Member[][] {
  const out: Member[][] = []
  let cur: Member[] = []
  for (const s of ctx.sections) {
    const ms = s.members.filter(pick)
    if (ms.length === 0) continue
    if (cur.length + ms.length > cap && cur.length > 0) {
      out.push(cur)
      cur = []
    }
    for (const m of ms) {
      if (cur.length >= cap) {
        out.push(cur)
        cur = []
      }
      cur.push(m)
    }
  }
  if (cur.length > 0) out.push(cur)
  return out
}

/** 理论学习中心组: monthly, 3–4 法治专题 a year; all leaders attend. */
function centerGroups(ctx: GroupCtx, y: number): void {
  const { rng } = ctx
  const legalMonths = new Set(rng.shuffle([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]).slice(0, rng.int(3, 4)))
  const legalTopics = rng.shuffle(LEGAL_CENTER_GROUP)
  const theoryTopics = rng.shuffle(THEORY_CENTER_GROUP)
  let li = 0
  let ti = 0
  for (let m = 1; m <= 12; m++) {
    const date = workday(rng, y, m, 8, 26)
    if (!inWindow(ctx, date, null)) continue
    const legal = legalMonths.has(m)
    const topic = legal ? legalTopics[li++ % legalTopics.length] : theoryTopics[ti++ % theoryTopics.length]
    push(
      ctx,
      { kind: 'centerGroup', title: topic.title, date, hours: rng.pick([2, 2, 2.5, 3]), legalTheme: legal, laws: topic.laws, organizer: '局党组' },
      ctx.members.filter((mm) => isLeader(mm) && isActiveOn(mm.person, date)),
    )
  }
}

/** 会前学法 at 党组会 (in a large unit: 局务会 with the section heads): 1–2 a month. */
function preMeetings(ctx: GroupCtx, y: number): void {
  const { rng, large } = ctx
  const preLaws = rng.shuffle(PRE_MEETING_LAWS)
  let pi = 0
  for (let m = 1; m <= 12; m++) {
    const n = rng.chance(0.45) ? 2 : 1
    for (let k = 0; k < n; k++) {
      const date = n === 1 ? workday(rng, y, m, 3, 26) : workday(rng, y, m, k === 0 ? 2 : 16, k === 0 ? 13 : 27)
      if (!inWindow(ctx, date, null)) continue
      const law = preLaws[pi++ % preLaws.length]
      const attendees = ctx.members.filter(
        (mm) => (isLeader(mm) || (large && mm.isHead)) && isActiveOn(mm.person, date) && rng.chance(isLeader(mm) ? 0.93 : 0.85),
      )
      push(
        ctx,
        { kind: 'preMeeting', title: `${large ? '局务会' : '党组会'}会前学法：《${law}》`, date, hours: rng.pick([0.5, 0.5, 1]), legalTheme: true, laws: [law], organizer: large ? '办公室' : '局党组' },
        attendees,
      )
    }
  }
}

/** 集体学法: quarterly for the whole unit (large: every section monthly). */
function collectives(ctx: GroupCtx, y: number): void {
  const { rng, large } = ctx
  const collectiveLaws = rng.shuffle(STUDY_LAWS)
  let ci = 0
  const nextLaws = (): string[] => {
    const n = rng.pick([1, 1, 2])
    const out: string[] = []
    for (let k = 0; k < n; k++) out.push(collectiveLaws[ci++ % collectiveLaws.length])
    return out
  }
  const collectiveTitle = (laws: string[]) => `集体学法：学习${laws.map((l) => `《${l}》`).join('')}`
  if (!large) {
    for (const q of [0, 1, 2, 3]) {
      const date = workday(rng, y, q * 3 + rng.int(2, 3), 5, 25)
      if (!inWindow(ctx, date, null)) continue
      const laws = nextLaws()
      push(
        ctx,
        { kind: 'collective', title: collectiveTitle(laws), date, hours: rng.pick([1.5, 2, 2]), legalTheme: true, laws, organizer: rng.pick(['办公室', '法规股']) },
        ctx.members.filter(present(ctx, date, null, 0.9)),
      )
    }
    return
  }
  for (const s of ctx.sections) {
    for (let m = 1; m <= 12; m++) {
      const date = workday(rng, y, m, 5, 26)
      if (!inWindow(ctx, date, null)) continue
      const laws = nextLaws()
      push(
        ctx,
        { kind: 'collective', title: collectiveTitle(laws), date, hours: rng.pick([1, 1.5, 1.5, 2]), legalTheme: true, laws, organizer: s.section.name },
        s.members.filter(present(ctx, date, null, 0.9)),
      )
    }
  }
}

/** 法治讲座: twice a year by a legal adviser / lawyer, whole unit (large: sittings of ≤ 200). */
function lectures(ctx: GroupCtx, y: number): void {
  const { rng, large } = ctx
  const lectureTopics = rng.shuffle(LECTURE_TOPICS)
  for (const [k, months] of ([[4, 6], [9, 11]] as const).entries()) {
    const topic = lectureTopics[k]
    const lecturer = ctx.lecturers[rng.pick([0, 0, 1, 1, 2, 3])]
    const first = workday(rng, y, rng.int(months[0], months[1]), 5, 20)
    const hours = rng.pick([2, 2, 2.5, 3])
    const groups = large ? batches(ctx, () => true, 200) : [ctx.members]
    groups.forEach((group, b) => {
      const date = nextWorkday(first, b)
      if (!inWindow(ctx, date, null)) return
      const title = groups.length > 1 ? `${topic.title}（第${CN_NUM[b] ?? b + 1}场）` : topic.title
      push(ctx, { kind: 'lecture', title, date, hours, legalTheme: true, laws: topic.laws, organizer: '法规股', lecturer }, group.filter(present(ctx, date, null, 0.88)))
    })
  }
}

/** 业务培训: for enforcement officers, 1–3 days, 6 学时 a full day (large: classes of ≤ 150). */
function trainings(ctx: GroupCtx, y: number, slot: number): void {
  const { rng, large } = ctx
  for (const plan of TRAININGS[slot % TRAININGS.length]) {
    const month = rng.int(plan.months[0], plan.months[1])
    const first = weekStart(rng, y, month, plan.days)
    const groups = large ? batches(ctx, isEnforcer, 150) : [ctx.members.filter(isEnforcer)]
    groups.forEach((group, b) => {
      // Multi-day classes a week apart, one-day classes on consecutive working days.
      const date = plan.days > 1 ? addDays(first, 7 * b) : nextWorkday(first, b)
      const endDate = plan.days > 1 ? addDays(date, plan.days - 1) : null
      if (!inWindow(ctx, date, endDate)) return
      const baseTitle = plan.title(y)
      const title = groups.length > 1 ? `${baseTitle}（第${CN_NUM[b] ?? b + 1}期）` : baseTitle
      const hours = plan.hours ?? plan.days * 6
      const spec: GroupSpec = { kind: 'training', title, date, endDate, hours, legalTheme: plan.category !== 'business', laws: plan.laws, category: plan.category, organizer: plan.organizer }
      push(ctx, spec, group.filter(present(ctx, date, endDate, 0.9)))
    })
  }
}

/** 警示教育: twice a year, all staff (large: sittings of ≤ 200). */
function warnings(ctx: GroupCtx, y: number): void {
  const { rng, large } = ctx
  rng.shuffle(WARNING_EVENTS).slice(0, 2).forEach((w, k) => {
    const first = workday(rng, y, k === 0 ? rng.int(3, 6) : rng.int(8, 12), 5, 22)
    const groups = large ? batches(ctx, () => true, 200) : [ctx.members]
    groups.forEach((group, b) => {
      const date = nextWorkday(first, b)
      if (!inWindow(ctx, date, null)) return
      push(ctx, { kind: 'warning', title: w.title, date, hours: w.hours, legalTheme: false, laws: w.laws, organizer: w.organizer }, group.filter(present(ctx, date, null, 0.85)))
    })
  })
}

/** 其他: 国家安全教育日 and 宪法日 activities, with volunteers (at most 200). */
function otherEvents(ctx: GroupCtx, y: number): void {
  for (const ev of OTHER_EVENTS) {
    let date = `${y}-${pad2(ev.month)}-${pad2(ev.day)}`
    if (weekday(date) === 0 || weekday(date) === 6) date = nextWorkday(date, 0)
    if (!inWindow(ctx, date, null)) continue
    const volunteers = ctx.members.filter(present(ctx, date, null, 0.3)).slice(0, 200)
    push(ctx, { kind: 'other', title: ev.title, date, hours: 2, legalTheme: true, laws: ev.laws, organizer: '法规股' }, volunteers)
  }
}

/** Appends year y's group sessions (slot 0 = last year, 1 = this year) to `ctx.activities`, in a fixed order. */
export function scheduleGroupYear(ctx: GroupCtx, y: number, slot: number): void {
  centerGroups(ctx, y)
  preMeetings(ctx, y)
  collectives(ctx, y)
  lectures(ctx, y)
  trainings(ctx, y, slot)
  warnings(ctx, y)
  otherEvents(ctx, y)
}
