/**
 * The demo ledger's roster: sections and persons (leaders, section heads, staff, enforcement officers), one joiner
 * and one leaver this year (more in a large unit), and each person's yearly aim in 学时.
 */
import { randomDateInYear } from './calendar'
import { CN_NUM, ENFORCEMENT_TITLES, EXTRA_OFFICES, GIVEN, LEADER_TITLES, OFFICE_TITLES, type PLATFORMS, SURNAMES, TOWNS } from './data'
import { assignAims } from './aims'
import { addDays, dayNumber, maxDate, yearStart } from '../model/dates'
import type { Rng } from './prng'
import type { IsoDate, Person, Role, Section, Stamp } from '../model/types'

export type SectionKind = 'office' | 'legal' | 'enforcement'

export interface Member {
  person: Person
  index: number
  kind: SectionKind
  isHead: boolean
  /** Annual hours this person aims at, per year slot [last year, this year]. */
  aim: [number, number]
  /** Preferred online platform. */
  platform: (typeof PLATFORMS)[number]
}

/** One id factory per table. */
export type Ids = {
  unit: () => string
  section: () => string
  person: () => string
  activity: () => string
  exam: () => string
  result: () => string
  target: () => string
}

export const isLeader = (m: Member): boolean => m.person.roles.includes('leader')
export const isEnforcer = (m: Member): boolean => m.person.roles.includes('enforcement')

export interface RosterArgs {
  rng: Rng
  ids: Ids
  personCount: number
  large: boolean
  today: IsoDate
  year: number
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
}

export interface SectionMembers {
  section: Section
  kind: SectionKind
  /** Leaders included, in roster order. */
  members: Member[]
}

export interface Roster {
  sections: Section[]
  members: Member[]
  /** Members of each section (leaders included), in roster order. */
  sectionMembers: SectionMembers[]
  lecturerNames: string[]
}

type SectionPlan = { name: string; kind: SectionKind }[]
type Enrol = (sec: number, name: string, title: string, roles: Role[], isHead: boolean) => void

function sectionPlan(count: number, rng: Rng): SectionPlan {
  const plan: SectionPlan = [
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

/** A generator of distinct names (surname + one or two given characters). */
function makeNamer(rng: Rng): () => string {
  const usedNames = new Set<string>()
  return () => {
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
}

/** Staff per section by weight (enforcement squads a little larger), largest remainder. */
function staffSizes(plan: SectionPlan, staffCount: number): number[] {
  const weights = plan.map((p) => (p.kind === 'enforcement' ? 1.2 : 1))
  const wsum = weights.reduce((s, w) => s + w, 0)
  const raw = weights.map((w) => (staffCount * w) / wsum)
  const sizes = raw.map((r) => Math.floor(r))
  let rest = staffCount - sizes.reduce((s, n) => s + n, 0)
  const order = raw.map((r, i) => ({ i, f: r - Math.floor(r) })).sort((x, y) => y.f - x.f || x.i - y.i)
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) sizes[order[k].i] += 1
  return sizes
}

/** Adds one person to a section: joined long ago, a certificate number when an enforcement officer. */
function makeEnrol(a: RosterArgs, plan: SectionPlan, sections: Section[], sectionMembers: SectionMembers[]): Enrol {
  const { rng, ids, year, windowStart, stamp } = a
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
  return (sec, name, title, roles, isHead) => {
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
  }
}

/** Leaders (the 局长 in 办公室, the others take charge of one section each), then each section's staff. */
function fillSections(a: RosterArgs, plan: SectionPlan, newName: () => string, add: Enrol): void {
  const { rng, personCount } = a
  const sectionCount = plan.length
  const leaderCount = Math.min(LEADER_TITLES.length, 4 + Math.floor(personCount / 40))
  const sizes = staffSizes(plan, personCount - leaderCount)
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
}

/** Joiners (调入, this year) and leavers (退休/调出, this year): one each in a small unit. */
function applyMovers(a: RosterArgs, members: Member[]): void {
  const { rng, personCount, large, today, year, stamp } = a
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
}

export function buildRoster(a: RosterArgs): Roster {
  const { rng, ids, personCount, large, windowStart, stamp } = a
  const sectionCount = Math.max(5, Math.min(60, Math.round(personCount / 40)))
  const plan = sectionPlan(sectionCount, rng)
  const sections: Section[] = plan.map((p, i) => ({ id: ids.section(), name: p.name, order: i + 1, updatedAt: stamp(windowStart) }))
  const newName = makeNamer(rng)

  const sectionMembers: SectionMembers[] = plan.map((p, i) => ({ section: sections[i], kind: p.kind, members: [] }))
  fillSections(a, plan, newName, makeEnrol(a, plan, sections, sectionMembers))
  // Roster order: by section, leaders first inside their section.
  const members: Member[] = []
  for (const s of sectionMembers) members.push(...s.members)
  members.forEach((m, i) => (m.index = i))

  applyMovers(a, members)
  assignAims(rng, members, large)

  // Lecturers are outsiders with a fixed affiliation; the unit's two legal advisers lecture most.
  const lecturerNames = [
    `${newName()}律师（局法律顾问）`,
    `${newName()}律师（局法律顾问）`,
    `${newName()}（市委党校法学教研室）`,
    `${newName()}（市司法局）`,
  ]
  return { sections, members, sectionMembers, lecturerNames }
}
