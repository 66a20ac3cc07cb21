/**
 * The demo ledger's personal study: each person's 线上学习 (online) and 自学 (self) records, enough to bring the
 * group-session hours up to the person's aim on pace; the last two weeks' records are still awaiting review.
 */
import { PLATFORMS, SELF_LAWS } from './data'
import type { Ids, Member } from './roster'
import { addDays, dayNumber, daysInYear, maxDate, minDate, yearEnd, yearOf, yearStart } from '../model/dates'
import type { Rng } from './prng'
import type { Activity, IsoDate, Stamp } from '../model/types'

export interface PersonalCtx {
  large: boolean
  today: IsoDate
  windowStart: IsoDate
  stamp: (d: IsoDate) => Stamp
  activities: Activity[]
}

type PersonalKind = 'online' | 'self'

interface Content {
  title: string
  laws: string[]
  organizer: string | null
  legalTheme: boolean
}

/** The hours of each record still to log: at least `minRecords`, the first two online. */
function plannedRecords(rng: Rng, large: boolean, remainingHours: number, minRecords: number): { kind: PersonalKind; hours: number }[] {
  let remaining = remainingHours
  const recs: { kind: PersonalKind; hours: number }[] = []
  while (remaining > 0) {
    const i = recs.length
    const online = i < 2 || rng.chance(large ? 0.85 : 0.7)
    let h: number
    if (large) h = online ? (rng.chance(0.85) ? 0.5 : 1) : rng.pick([1, 1, 1.5])
    else h = online ? rng.pick([1, 1.5, 2, 2, 2.5, 3, 4]) : rng.pick([1, 1, 1.5, 2])
    // Keep 0.5 学时 for each record still owed to the minimum.
    const reserve = i < minRecords ? (minRecords - 1 - i) * 0.5 : 0
    h = Math.min(h, remaining - reserve)
    recs.push({ kind: online ? 'online' : 'self', hours: h })
    remaining -= h
  }
  return recs
}

/** Title, laws and platform of one record; online study mostly on the person's preferred platform. */
function recordContent(rng: Rng, m: Member, kind: PersonalKind): Content {
  if (kind === 'self') {
    const law = rng.pick(SELF_LAWS)
    return { title: `自学《${law}》`, laws: [law], organizer: null, legalTheme: true }
  }
  const platform = rng.chance(0.8) ? m.platform : rng.pick(PLATFORMS)
  const law = rng.pick(SELF_LAWS)
  if (platform === '学习强国') {
    if (rng.chance(0.35)) return { title: '学习强国：“法治”频道学习', laws: [], organizer: platform, legalTheme: rng.chance(0.5) }
    return { title: `学习强国：《${law}》专题学习`, laws: [law], organizer: platform, legalTheme: true }
  }
  if (platform === '法宣在线') return { title: `法宣在线：《${law}》网络课程`, laws: [law], organizer: platform, legalTheme: true }
  return { title: `中国普法网：《${law}》普法课程`, laws: [law], organizer: platform, legalTheme: true }
}

function addPersonalRecords(rng: Rng, ids: Ids, m: Member, y: number, groupHours: number, aim: number, ctx: PersonalCtx): void {
  const p = m.person
  const from = maxDate(maxDate(yearStart(y), ctx.windowStart), p.activeFrom)
  const to = minDate(minDate(yearEnd(y), ctx.today), p.activeTo ?? '9999-12-31')
  if (to < from) return
  const days = dayNumber(to) - dayNumber(from) + 1
  // On pace: the aim × the share of the year the person has been active so far.
  const wanted = (aim * days) / daysInYear(y)
  // Everybody logs something: a few online records at least (the first two are online).
  const minRecords = Math.min(days, ctx.large ? 4 : days >= 60 ? 3 : 1)
  const remaining = Math.max(Math.ceil((wanted - groupHours) * 2) / 2, minRecords * (ctx.large ? 0.5 : 1))
  const recs = plannedRecords(rng, ctx.large, remaining, minRecords)
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
    const { title, laws, organizer, legalTheme } = recordContent(rng, m, r.kind)
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

/**
 * Appends every member's personal records for each of `years` ([last year, this year]) to `ctx.activities`,
 * counting the group sessions already there towards the member's aim.
 */
export function addPersonalStudy(rng: Rng, ids: Ids, members: Member[], years: readonly number[], ctx: PersonalCtx): void {
  const year = years[years.length - 1]
  const groupHours = new Map<string, [number, number]>()
  for (const m of members) groupHours.set(m.person.id, [0, 0])
  for (const a of ctx.activities) {
    const slot = yearOf(a.date) === year ? 1 : 0
    for (const pid of a.attendees) groupHours.get(pid)![slot] += a.hours
  }
  for (const m of members) {
    for (const [slot, y] of years.entries()) {
      addPersonalRecords(rng, ids, m, y, groupHours.get(m.person.id)![slot], m.aim[slot], ctx)
    }
  }
}
