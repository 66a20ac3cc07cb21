/**
 * A deterministic, seeded demo ledger (PRODUCT.md mission part 11): a
 * believable unit with sections, staff, a year and a half of study records,
 * the annual exams and the default targets, so that every screen is populated.
 *
 * Pure: everything comes from the options (no clock, no Math.random). The
 * same options always give a deep-equal result.
 *
 * Two profiles:
 * - `small` (the default up to 300 persons): last year in full and the current
 *   year up to `today`; group sessions for the whole unit; staff log monthly-ish
 *   online / self-study summaries. Enforcement officers are spread so that, on
 *   `today`, about a third are behind the pace line, a third on track and a
 *   third have already met 60 学时 (late in the year).
 * - `large` (scale mode, above 300 persons): 40–60 sections, sessions held per
 *   section or in batches of at most 200, and frequent 0.5-学时 online study
 *   entries; it covers the 365 days ending at `today`, so that 2,000 persons
 *   give about 300,000 attendee entries for any `today`.
 */
import { addDays, dayNumber, daysInMonth, daysInYear, isActiveOn, isIsoDate, maxDate, minDate, yearEnd, yearOf, yearStart } from './dates'
import { isValidDeviceId } from './hlc'
import { createRng, deriveSeed, makeIdFactory, type Rng } from './prng'
import {
  CN_NUM,
  ENFORCEMENT_TITLES,
  EXTRA_OFFICES,
  GIVEN,
  LEADER_TITLES,
  LECTURE_TOPICS,
  LEGAL_CENTER_GROUP,
  OFFICE_TITLES,
  OTHER_EVENTS,
  PLATFORMS,
  PRE_MEETING_LAWS,
  SELF_LAWS,
  STUDY_LAWS,
  SURNAMES,
  THEORY_CENTER_GROUP,
  TOWNS,
  TRAININGS,
  WARNING_EVENTS,
} from './demo-data'
import { defaultTargetSet } from './targets-default'
import type {
  Activity,
  ActivityKind,
  Exam,
  ExamResult,
  IsoDate,
  LedgerRecords,
  Person,
  Role,
  Section,
  Stamp,
  TargetSet,
  Tombstone,
  TrainingCategory,
  Unit,
} from './types'

export type DemoProfile = 'small' | 'large'

export interface DemoLedgerOptions {
  /** The demo's "today": no record is dated after it. */
  today: IsoDate
  /** Default DEMO_DEFAULT_SEED. */
  seed?: number
  /** Roster size, default 40 (at least 10, at most 20,000). */
  persons?: number
  /** Device id in the `updatedAt` stamps, default "demo". */
  deviceId?: string
  /** Default: `small` up to 300 persons, `large` above. */
  profile?: DemoProfile
}

export interface DemoLedger {
  unit: Unit
  records: LedgerRecords
}

export const DEMO_DEFAULT_SEED = 20241204
export const DEMO_DEFAULT_PERSONS = 40
export const DEMO_UNIT_NAME = '某市科工贸和信息化局（演示）'
/** Rosters larger than this use the `large` profile unless told otherwise. */
export const DEMO_LARGE_PROFILE_ABOVE = 300

const MIN_PERSONS = 10
const MAX_PERSONS = 20_000

// ---------------------------------------------------------------------------
// Word lists (official law titles are exactly those of the law catalogue).

type SectionKind = 'office' | 'legal' | 'enforcement'
type Tier = 'behind' | 'onTrack' | 'met' | 'free'

interface Member {
  person: Person
  index: number
  kind: SectionKind
  isHead: boolean
  /** Annual hours this person aims at, per year slot [last year, this year]. */
  aim: [number, number]
  /** Preferred online platform. */
  platform: (typeof PLATFORMS)[number]
}

// ---------------------------------------------------------------------------

export function generateDemoLedger(opts: DemoLedgerOptions): DemoLedger {
  const today = opts.today
  if (!isIsoDate(today)) throw new RangeError(`today must be a YYYY-MM-DD date: ${String(today)}`)
  const seed = opts.seed ?? DEMO_DEFAULT_SEED
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer: ${seed}`)
  const personCount = opts.persons ?? DEMO_DEFAULT_PERSONS
  if (!Number.isInteger(personCount) || personCount < MIN_PERSONS || personCount > MAX_PERSONS) {
    throw new RangeError(`persons must be an integer from ${MIN_PERSONS} to ${MAX_PERSONS}: ${personCount}`)
  }
  const deviceId = opts.deviceId ?? 'demo'
  if (!isValidDeviceId(deviceId)) throw new RangeError(`Invalid device id: ${JSON.stringify(deviceId)}`)
  const profile: DemoProfile = opts.profile ?? (personCount > DEMO_LARGE_PROFILE_ABOVE ? 'large' : 'small')
  const large = profile === 'large'

  const year = yearOf(today)
  const years = [year - 1, year] as const
  const windowStart = large ? addDays(today, -364) : yearStart(year - 1)
  const stamp = (date: IsoDate): Stamp => `${date}T09:00:00.000Z_0000_${deviceId}`

  // Independent streams, so that e.g. the roster does not change when activity rules are tuned.
  const rosterRng = createRng(deriveSeed(seed, 1))
  const groupRng = createRng(deriveSeed(seed, 2))
  const personalRng = createRng(deriveSeed(seed, 3))
  const examRng = createRng(deriveSeed(seed, 4))
  const ids = {
    unit: makeIdFactory('u', createRng(deriveSeed(seed, 10))),
    section: makeIdFactory('s', createRng(deriveSeed(seed, 11))),
    person: makeIdFactory('p', createRng(deriveSeed(seed, 12))),
    activity: makeIdFactory('a', createRng(deriveSeed(seed, 13))),
    exam: makeIdFactory('e', createRng(deriveSeed(seed, 14))),
    result: makeIdFactory('r', createRng(deriveSeed(seed, 15))),
    target: makeIdFactory('t', createRng(deriveSeed(seed, 16))),
  }

  const unit: Unit = { id: ids.unit(), name: DEMO_UNIT_NAME }

  // ----- roster ------------------------------------------------------------
  const roster = buildRoster({ rng: rosterRng, ids, personCount, large, today, year, windowStart, stamp })
  const { sections, members } = roster

  // ----- group sessions ----------------------------------------------------
  const activities: Activity[] = []
  const ctx: GroupCtx = { rng: groupRng, ids, members, sections: roster.sectionMembers, large, today, windowStart, stamp, activities, lecturers: roster.lecturerNames }
  for (const [slot, y] of years.entries()) scheduleGroupYear(ctx, y, slot)

  // ----- personal study (self / online) -------------------------------------
  const groupHours = new Map<string, [number, number]>()
  for (const m of members) groupHours.set(m.person.id, [0, 0])
  for (const a of activities) {
    const slot = yearOf(a.date) === year ? 1 : 0
    for (const pid of a.attendees) groupHours.get(pid)![slot] += a.hours
  }
  for (const m of members) {
    for (const [slot, y] of years.entries()) {
      addPersonalRecords(personalRng, ids, m, y, groupHours.get(m.person.id)![slot], m.aim[slot], {
        large, today, windowStart, stamp, activities,
      })
    }
  }

  // Chronological, group kinds before personal ones on the same day; stable otherwise.
  const kindRank = new Map<ActivityKind, number>(
    ['centerGroup', 'preMeeting', 'collective', 'lecture', 'training', 'warning', 'other', 'online', 'self'].map((k, i) => [k as ActivityKind, i]),
  )
  activities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : kindRank.get(a.kind)! - kindRank.get(b.kind)!))

  // ----- exams ---------------------------------------------------------------
  const exams: Exam[] = []
  const examResults: ExamResult[] = []
  for (const y of years) {
    const date = examDate(examRng, y)
    if (date > today) continue
    const exam: Exam = {
      id: ids.exam(),
      kind: 'annual',
      year: y,
      title: `${y}年度国家工作人员学法考试`,
      date,
      passScore: 60,
      excellentScore: 90,
      updatedAt: stamp(date),
    }
    exams.push(exam)
    examResults.push(...annualResults(examRng, ids.result, exam, members, y === year, stamp))
  }
  const pre = preAppointmentExam(examRng, ids, members, year, today, stamp)
  if (pre) {
    exams.push(pre.exam)
    examResults.push(...pre.results)
  }
  exams.sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? -1 : 1))

  // ----- targets -------------------------------------------------------------
  const targetSets: TargetSet[] = years.map((y) => defaultTargetSet(y, ids.target, stamp(minDate(today, maxDate(windowStart, `${y}-01-05`)))))

  return {
    unit,
    records: {
      sections,
      persons: members.map((m) => m.person),
      activities,
      exams,
      examResults,
      targetSets,
    },
  }
}

/**
 * Sum of `attendees.length` over the live activities (tombstones skipped);
 * with `year`, only activities whose first day falls in that year.
 */
export function countAttendeeEntries(
  records: { activities: readonly (Activity | Tombstone)[] },
  year?: number,
): number {
  let n = 0
  for (const a of records.activities) {
    if ('deletedAt' in a) continue
    if (year !== undefined && yearOf(a.date) !== year) continue
    n += a.attendees.length
  }
  return n
}

// ---------------------------------------------------------------------------
// Roster

type Ids = {
  unit: () => string
  section: () => string
  person: () => string
  activity: () => string
  exam: () => string
  result: () => string
  target: () => string
}

interface RosterArgs {
  rng: Rng
  ids: Ids
  personCount: number
  large: boolean
  today: IsoDate
  year: number
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
}

interface Roster {
  sections: Section[]
  members: Member[]
  /** Members of each section (leaders included), in roster order. */
  sectionMembers: { section: Section; kind: SectionKind; members: Member[] }[]
  lecturerNames: string[]
}

function sectionPlan(count: number, rng: Rng): { name: string; kind: SectionKind }[] {
  const plan: { name: string; kind: SectionKind }[] = [
    { name: '办公室', kind: 'office' },
    { name: '法规股', kind: 'legal' },
    { name: '执法一队', kind: 'enforcement' },
    { name: '执法二队', kind: 'enforcement' },
    { name: '综合业务股', kind: 'office' },
  ]
  const offices = rng.shuffle(EXTRA_OFFICES)
  const towns = rng.shuffle(TOWNS)
  let squad = 2
  let town = 0
  let office = 0
  while (plan.length < count) {
    const i = plan.length
    if (i % 2 === 1 && office < offices.length) plan.push({ name: offices[office++], kind: 'office' })
    else if (squad < CN_NUM.length && (i % 4 === 0 || town >= towns.length)) plan.push({ name: `执法${CN_NUM[squad++]}队`, kind: 'enforcement' })
    else if (town < towns.length) plan.push({ name: `${towns[town++]}监管所`, kind: 'enforcement' })
    else plan.push({ name: `业务${plan.length + 1}组`, kind: 'office' })
  }
  return plan
}

function headTitle(name: string, deputy: boolean): string {
  const d = deputy ? '副' : ''
  if (name.endsWith('队')) return `${d}队长`
  if (name.endsWith('所')) return `${d}所长`
  if (name.endsWith('股')) return `${d}股长`
  return `${d}主任`
}

function randomDateInYear(rng: Rng, y: number): IsoDate {
  const m = rng.int(1, 12)
  const d = rng.int(1, daysInMonth(y, m))
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function buildRoster(a: RosterArgs): Roster {
  const { rng, ids, personCount, large, today, year, windowStart, stamp } = a
  const sectionCount = Math.max(5, Math.min(60, Math.round(personCount / 40)))
  const plan = sectionPlan(sectionCount, rng)
  const sections: Section[] = plan.map((p, i) => ({ id: ids.section(), name: p.name, order: i + 1, updatedAt: stamp(windowStart) }))

  const usedNames = new Set<string>()
  const newName = (): string => {
    for (;;) {
      const surname = SURNAMES[Math.floor(rng.next() * SURNAMES.length)]
      const g1 = GIVEN[Math.floor(rng.next() * GIVEN.length)]
      const given = rng.chance(0.3) ? g1 : g1 + GIVEN[Math.floor(rng.next() * GIVEN.length)]
      const name = surname + given
      if (!usedNames.has(name)) {
        usedNames.add(name)
        return name
      }
    }
  }

  const leaderCount = Math.min(LEADER_TITLES.length, 4 + Math.floor(personCount / 40))
  const staffCount = personCount - leaderCount
  // Staff per section by weight (enforcement squads a little larger), largest remainder.
  const weights = plan.map((p) => (p.kind === 'enforcement' ? 1.2 : 1))
  const wsum = weights.reduce((s, w) => s + w, 0)
  const raw = weights.map((w) => (staffCount * w) / wsum)
  const sizes = raw.map((r) => Math.floor(r))
  let rest = staffCount - sizes.reduce((s, n) => s + n, 0)
  const order = raw.map((r, i) => ({ i, f: r - Math.floor(r) })).sort((x, y) => y.f - x.f || x.i - y.i)
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) sizes[order[k].i] += 1

  const certNos = new Set<string>()
  const newCert = (): string => {
    for (;;) {
      const c = `4408${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
      if (!certNos.has(c)) {
        certNos.add(c)
        return c
      }
    }
  }
  const longAgo = (): IsoDate => randomDateInYear(rng, year - rng.int(3, 26))

  const sectionMembers: Roster['sectionMembers'] = plan.map((p, i) => ({ section: sections[i], kind: p.kind, members: [] }))
  const members: Member[] = []
  const add = (sec: number, name: string, title: string, roles: Role[], isHead: boolean): Member => {
    const kind = plan[sec].kind
    const activeFrom = longAgo()
    const person: Person = {
      id: ids.person(),
      name,
      sectionId: sections[sec].id,
      title,
      roles,
      certNo: roles.includes('enforcement') ? newCert() : null,
      activeFrom,
      activeTo: null,
      updatedAt: stamp(maxDate(activeFrom, windowStart)),
    }
    const m: Member = { person, index: 0, kind, isHead, aim: [0, 0], platform: rng.chance(0.55) ? '学习强国' : rng.chance(0.85) ? '法宣在线' : '中国普法网' }
    sectionMembers[sec].members.push(m)
    return m
  }

  // Leaders: the 局长 in 办公室, the others take charge of one section each.
  for (let i = 0; i < leaderCount; i++) {
    const sec = i === 0 ? 0 : i % sectionCount
    const enforcing = plan[sec].kind === 'enforcement' && i % 2 === 0
    add(sec, newName(), LEADER_TITLES[i], enforcing ? ['leader', 'enforcement'] : ['leader'], false)
  }
  for (let sec = 0; sec < sectionCount; sec++) {
    const n = sizes[sec]
    const kind = plan[sec].kind
    const certs = kind === 'enforcement' ? Math.ceil(n * 0.75) : kind === 'legal' ? Math.floor(n * 0.4) : 0
    for (let k = 0; k < n; k++) {
      const title =
        k === 0 ? headTitle(plan[sec].name, false)
        : k === 1 && n >= 6 ? headTitle(plan[sec].name, true)
        : rng.pick(k < certs && kind === 'enforcement' ? ENFORCEMENT_TITLES : OFFICE_TITLES)
      add(sec, newName(), title, k < certs ? ['enforcement'] : [], k === 0)
    }
  }
  // Roster order: by section, leaders first inside their section.
  for (const s of sectionMembers) members.push(...s.members)
  members.forEach((m, i) => (m.index = i))

  // Joiners (调入, this year) and leavers (退休/调出, this year): one each in a small unit.
  const ys = yearStart(year)
  const joinDate = today >= `${year}-07-01` ? `${year}-07-01` : addDays(ys, Math.floor((dayNumber(today) - dayNumber(ys)) / 2))
  const leaveDate = today > `${year}-03-31` ? `${year}-03-31` : addDays(ys, Math.floor((dayNumber(today) - dayNumber(ys)) / 2))
  const movers = large ? Math.max(1, Math.round(personCount * 0.01)) : 1
  const enforcementStaff = rng.shuffle(members.filter((m) => !m.person.roles.includes('leader') && !m.isHead && m.person.roles.includes('enforcement')))
  const plainStaff = rng.shuffle(members.filter((m) => !m.person.roles.includes('leader') && !m.isHead && m.person.roles.length === 0))
  for (const m of enforcementStaff.slice(0, movers)) {
    m.person.activeFrom = large ? addDays(ys, rng.int(0, dayNumber(joinDate) - dayNumber(ys))) : joinDate
    m.person.updatedAt = stamp(m.person.activeFrom)
  }
  for (const m of plainStaff.slice(0, movers)) {
    m.person.activeTo = large ? addDays(ys, rng.int(0, dayNumber(leaveDate) - dayNumber(ys))) : leaveDate
    m.person.title = '四级主任科员'
    m.person.updatedAt = stamp(m.person.activeTo)
  }

  // Yearly aims: how many hours each person will have by year end (on pace all along).
  const enforcers = rng.shuffle(members.filter((m) => m.person.roles.includes('enforcement') && !m.person.roles.includes('leader')))
  const tierOf = new Map<Member, Tier>()
  enforcers.forEach((m, i) => {
    const share = i / enforcers.length
    tierOf.set(m, share < 0.34 ? 'behind' : share < 0.67 ? 'onTrack' : 'met')
  })
  const lastYearMissed = new Set(rng.shuffle(enforcers).slice(0, Math.max(1, Math.round(enforcers.length * 0.08))))
  for (const m of members) {
    const tier = tierOf.get(m) ?? 'free'
    m.aim = [aimFor(rng, lastYearMissed.has(m) ? 'behind' : tier === 'free' ? 'free' : 'lastYear', large, m), aimFor(rng, tier, large, m)]
  }

  // Lecturers are outsiders with a fixed affiliation; the unit's two legal advisers lecture most.
  const lecturerNames = [
    `${newName()}律师（局法律顾问）`,
    `${newName()}律师（局法律顾问）`,
    `${newName()}（市委党校法学教研室）`,
    `${newName()}（市司法局）`,
  ]
  return { sections, members, sectionMembers, lecturerNames }
}

function half(x: number): number {
  return Math.round(x * 2) / 2
}

function aimFor(rng: Rng, tier: Tier | 'lastYear', large: boolean, m: Member): number {
  switch (tier) {
    case 'behind':
      return half(rng.float(40, 54))
    case 'onTrack':
      return half(rng.float(61, 66))
    case 'met':
      return large ? half(rng.float(90, 230)) : half(rng.float(70, 88))
    case 'lastYear':
      return large ? half(rng.float(80, 230)) : half(rng.float(61, 82))
    case 'free':
      if (large) return half(rng.float(70, 200))
      return m.person.roles.includes('leader') ? half(rng.float(60, 85)) : half(rng.float(24, 60))
  }
}

// ---------------------------------------------------------------------------
// Group sessions

interface GroupCtx {
  rng: Rng
  ids: Ids
  members: Member[]
  sections: Roster['sectionMembers']
  large: boolean
  today: IsoDate
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
  activities: Activity[]
  lecturers: string[]
}

function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7
}

/** A working day (Mon–Fri) in month m of year y, near a day drawn from [from, to]. */
function workday(rng: Rng, y: number, m: number, from = 1, to = 28): IsoDate {
  const dim = daysInMonth(y, m)
  const d = rng.int(Math.min(from, dim), Math.min(to, dim))
  let date = `${y}-${pad2(m)}-${pad2(d)}`
  const wd = weekday(date)
  if (wd === 6) date = addDays(date, d > 1 ? -1 : 2)
  else if (wd === 0) date = addDays(date, d < dim ? 1 : -2)
  return date
}

/** A working day from which `days` working days in a row stay inside one week. */
function weekStart(rng: Rng, y: number, m: number, days: number): IsoDate {
  let date = workday(rng, y, m, 3, 24)
  while (weekday(date) > 6 - days) date = addDays(date, -1)
  return date
}

function activeThrough(p: Person, date: IsoDate, endDate: IsoDate | null): boolean {
  return isActiveOn(p, date) && (endDate === null || isActiveOn(p, endDate))
}

function inWindow(ctx: GroupCtx, date: IsoDate, endDate: IsoDate | null): boolean {
  return date >= ctx.windowStart && (endDate ?? date) <= ctx.today
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

const isLeader = (m: Member): boolean => m.person.roles.includes('leader')
const isEnforcer = (m: Member): boolean => m.person.roles.includes('enforcement')

function scheduleGroupYear(ctx: GroupCtx, y: number, slot: number): void {
  const { rng, large } = ctx
  const present = (date: IsoDate, endDate: IsoDate | null, p: number) => (m: Member) =>
    activeThrough(m.person, date, endDate) && rng.chance(p)

  // 理论学习中心组: monthly, 3–4 法治专题 a year; all leaders attend.
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

  // 会前学法 at 党组会 (in a large unit: 局务会 with the section heads): 1–2 a month.
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

  // 集体学法: quarterly for the whole unit (large: every section monthly).
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
        ctx.members.filter(present(date, null, 0.9)),
      )
    }
  } else {
    for (const s of ctx.sections) {
      for (let m = 1; m <= 12; m++) {
        const date = workday(rng, y, m, 5, 26)
        if (!inWindow(ctx, date, null)) continue
        const laws = nextLaws()
        push(
          ctx,
          { kind: 'collective', title: collectiveTitle(laws), date, hours: rng.pick([1, 1.5, 1.5, 2]), legalTheme: true, laws, organizer: s.section.name },
          s.members.filter(present(date, null, 0.9)),
        )
      }
    }
  }

  // 法治讲座: twice a year by a legal adviser / lawyer, whole unit (large: sittings of ≤ 200).
  const lectureTopics = rng.shuffle(LECTURE_TOPICS)
  for (const [k, months] of ([[4, 6], [9, 11]] as const).entries()) {
    const topic = lectureTopics[k]
    const lecturer = lecturerLabel(rng, ctx.lecturers)
    const first = workday(rng, y, rng.int(months[0], months[1]), 5, 20)
    const hours = rng.pick([2, 2, 2.5, 3])
    const groups = large ? batches(ctx, () => true, 200) : [ctx.members]
    groups.forEach((group, b) => {
      const date = nextWorkday(first, b)
      if (!inWindow(ctx, date, null)) return
      const title = groups.length > 1 ? `${topic.title}（第${CN_NUM[b] ?? b + 1}场）` : topic.title
      push(ctx, { kind: 'lecture', title, date, hours, legalTheme: true, laws: topic.laws, organizer: '法规股', lecturer }, group.filter(present(date, null, 0.88)))
    })
  }

  // 业务培训: for enforcement officers, 1–3 days, 6 学时 a full day (large: classes of ≤ 150).
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
      push(
        ctx,
        {
          kind: 'training',
          title,
          date,
          endDate,
          hours: plan.hours ?? plan.days * 6,
          legalTheme: plan.category !== 'business',
          laws: plan.laws,
          category: plan.category,
          organizer: plan.organizer,
        },
        group.filter(present(date, endDate, 0.9)),
      )
    })
  }

  // 警示教育: twice a year, all staff (large: sittings of ≤ 200).
  const warnings = rng.shuffle(WARNING_EVENTS).slice(0, 2)
  warnings.forEach((w, k) => {
    const first = workday(rng, y, k === 0 ? rng.int(3, 6) : rng.int(8, 12), 5, 22)
    const groups = large ? batches(ctx, () => true, 200) : [ctx.members]
    groups.forEach((group, b) => {
      const date = nextWorkday(first, b)
      if (!inWindow(ctx, date, null)) return
      push(ctx, { kind: 'warning', title: w.title, date, hours: w.hours, legalTheme: false, laws: w.laws, organizer: w.organizer }, group.filter(present(date, null, 0.85)))
    })
  })

  // 其他: 国家安全教育日 and 宪法日 activities, with volunteers (at most 200).
  for (const ev of OTHER_EVENTS) {
    let date = `${y}-${pad2(ev.month)}-${pad2(ev.day)}`
    if (weekday(date) === 0 || weekday(date) === 6) date = nextWorkday(date, 0)
    if (!inWindow(ctx, date, null)) continue
    const volunteers = ctx.members.filter(present(date, null, 0.3)).slice(0, 200)
    push(ctx, { kind: 'other', title: ev.title, date, hours: 2, legalTheme: true, laws: ev.laws, organizer: '法规股' }, volunteers)
  }
}

/** The n-th working day on or after `date` (n = 0: the date itself, or the next working day). */
function nextWorkday(date: IsoDate, n: number): IsoDate {
  let d = date
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1)
  for (let k = 0; k < n; k++) {
    d = addDays(d, 1)
    while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1)
  }
  return d
}

function lecturerLabel(rng: Rng, lecturers: string[]): string {
  return lecturers[rng.pick([0, 0, 1, 1, 2, 3])]
}

// ---------------------------------------------------------------------------
// Personal study

interface PersonalCtx {
  large: boolean
  today: IsoDate
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
  activities: Activity[]
}

function addPersonalRecords(
  rng: Rng,
  ids: Ids,
  m: Member,
  y: number,
  groupHours: number,
  aim: number,
  ctx: PersonalCtx,
): void {
  const p = m.person
  const from = maxDate(maxDate(yearStart(y), ctx.windowStart), p.activeFrom)
  const to = minDate(minDate(yearEnd(y), ctx.today), p.activeTo ?? '9999-12-31')
  if (to < from) return
  const days = dayNumber(to) - dayNumber(from) + 1
  // On pace: the aim × the share of the year the person has been active so far.
  const wanted = (aim * days) / daysInYear(y)
  // Everybody logs something: a few online records at least (the first two are online).
  const minRecords = Math.min(days, ctx.large ? 4 : days >= 60 ? 3 : 1)
  let remaining = Math.max(Math.ceil((wanted - groupHours) * 2) / 2, minRecords * (ctx.large ? 0.5 : 1))

  const recs: { kind: 'online' | 'self'; hours: number }[] = []
  while (remaining > 0) {
    const i = recs.length
    const online = i < 2 || rng.chance(ctx.large ? 0.85 : 0.7)
    let h: number
    if (ctx.large) h = online ? (rng.chance(0.85) ? 0.5 : 1) : rng.pick([1, 1, 1.5])
    else h = online ? rng.pick([1, 1.5, 2, 2, 2.5, 3, 4]) : rng.pick([1, 1, 1.5, 2])
    // Keep 0.5 学时 for each record still owed to the minimum.
    const reserve = i < minRecords ? (minRecords - 1 - i) * 0.5 : 0
    h = Math.min(h, remaining - reserve)
    recs.push({ kind: online ? 'online' : 'self', hours: h })
    remaining -= h
  }
  // At most one personal record a day: fold the surplus into the earlier ones.
  while (recs.length > days) {
    const extra = recs.pop()!
    recs[(recs.length - 1) % days].hours += extra.hours
  }

  const n = recs.length
  const reviewFrom = addDays(ctx.today, -13)
  for (let i = 0; i < n; i++) {
    const lo = Math.floor((i * days) / n)
    const hi = Math.floor(((i + 1) * days) / n) - 1
    const date = addDays(from, lo + rng.int(0, hi - lo))
    const r = recs[i]
    let title: string
    let laws: string[]
    let organizer: string | null = null
    let legalTheme = true
    if (r.kind === 'self') {
      const law = rng.pick(SELF_LAWS)
      title = `自学《${law}》`
      laws = [law]
    } else {
      const platform = rng.chance(0.8) ? m.platform : rng.pick(PLATFORMS)
      organizer = platform
      const law = rng.pick(SELF_LAWS)
      if (platform === '学习强国') {
        if (rng.chance(0.35)) {
          title = '学习强国：“法治”频道学习'
          laws = []
          legalTheme = rng.chance(0.5)
        } else {
          title = `学习强国：《${law}》专题学习`
          laws = [law]
        }
      } else if (platform === '法宣在线') {
        title = `法宣在线：《${law}》网络课程`
        laws = [law]
      } else {
        title = `中国普法网：《${law}》普法课程`
        laws = [law]
      }
    }
    ctx.activities.push({
      id: ids.activity(),
      kind: r.kind,
      title,
      date,
      endDate: null,
      hours: r.hours,
      legalTheme,
      laws,
      category: null,
      organizer,
      lecturer: null,
      attendees: [p.id],
      note: '',
      updatedAt: ctx.stamp(date),
      review: date >= reviewFrom ? 'selfReported' : 'verified',
      reviewNote: null,
    })
  }
}

// ---------------------------------------------------------------------------
// Exams

function examDate(rng: Rng, y: number): IsoDate {
  return rng.chance(0.6) ? workday(rng, y, 10, 12, 28) : workday(rng, y, 11, 3, 18)
}

function annualResults(
  rng: Rng,
  newId: () => string,
  exam: Exam,
  members: Member[],
  isCurrentYear: boolean,
  stamp: (d: IsoDate) => Stamp,
): ExamResult[] {
  const date = exam.date!
  const eligible = members.filter((m) => isActiveOn(m.person, date))
  const n = eligible.length
  const special = Math.max(1, Math.round(n * 0.004))
  const candidates = rng.shuffle(eligible.filter((m) => !isLeader(m)))
  const exempt = new Set(candidates.slice(0, special))
  const absent = new Set(candidates.slice(special, 2 * special))
  const takers = rng.shuffle(eligible.filter((m) => !exempt.has(m) && !absent.has(m)))
  const failCount = isCurrentYear ? Math.round(n * 0.003) : Math.max(1, Math.round(n * 0.005))
  const goodCount = Math.max(2, Math.round(n * 0.06))
  const scoreOf = new Map<Member, number>()
  takers.forEach((m, i) => {
    scoreOf.set(m, i < failCount ? rng.int(45, 59) : i < failCount + goodCount ? rng.int(78, 89) : rng.int(90, 100))
  })
  return eligible.map((m) => {
    const status = exempt.has(m) ? 'exempt' : absent.has(m) ? 'absent' : 'taken'
    return {
      id: newId(),
      examId: exam.id,
      personId: m.person.id,
      status,
      score: status === 'taken' ? scoreOf.get(m)! : null,
      reason: status === 'exempt' ? rng.pick(['病假', '借调']) : null,
      updatedAt: stamp(date),
    }
  })
}

function preAppointmentExam(
  rng: Rng,
  ids: Ids,
  members: Member[],
  year: number,
  today: IsoDate,
  stamp: (d: IsoDate) => Stamp,
): { exam: Exam; results: ExamResult[] } | null {
  let date = workday(rng, year, rng.int(5, 6), 5, 25)
  if (date > today) date = workday(rng, year - 1, rng.int(5, 6), 5, 25)
  const y = yearOf(date)
  const candidates = rng.shuffle(members.filter((m) => !isLeader(m) && isActiveOn(m.person, date) && m.person.title !== null && /副|股长|队长|所长|主任/.test(m.person.title)))
  const takers = candidates.slice(0, rng.int(1, 2))
  if (takers.length === 0) return null
  const exam: Exam = {
    id: ids.exam(),
    kind: 'preAppointment',
    year: y,
    title: `${y}年新任职领导干部任前法律知识考试`,
    date,
    passScore: 60,
    excellentScore: null,
    updatedAt: stamp(date),
  }
  const results: ExamResult[] = takers.map((m) => ({
    id: ids.result(),
    examId: exam.id,
    personId: m.person.id,
    status: 'taken',
    score: rng.int(82, 96),
    reason: null,
    updatedAt: stamp(date),
  }))
  return { exam, results }
}

export { DEMO_LAW_TITLES } from './demo-data'
