/**
 * A deterministic, seeded demo ledger (体验示例数据 on the welcome screen): a
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
 *
 * The parts: demo-roster.ts (sections, persons; aims in demo-aims.ts), demo-schedule.ts (group sessions),
 * demo-personal.ts (online / self-study records), demo-exams.ts (exams and results), on the word lists of
 * demo-data.ts and the working days of demo-calendar.ts.
 */
import { addDays, isIsoDate, maxDate, minDate, yearOf, yearStart } from '../model/dates'
import { scheduleExams } from './exams'
import { addPersonalStudy } from './personal'
import { buildRoster, type Ids } from './roster'
import { scheduleGroupYear, type GroupCtx } from './schedule'
import { isValidDeviceId } from '../ledger/hlc'
import { createRng, deriveSeed, makeIdFactory } from './prng'
import { defaultTargetSet } from '../measures/targets-default'
import type { Activity, ActivityKind, IsoDate, LedgerRecords, Stamp, TargetSet, Unit } from '../model/types'

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

/** Order of the kinds on one day: group sessions before personal records. */
const KIND_RANK = new Map<ActivityKind, number>(
  ['centerGroup', 'preMeeting', 'collective', 'lecture', 'training', 'warning', 'other', 'online', 'self'].map((k, i) => [k as ActivityKind, i]),
)

/** The options with their defaults, checked (RangeError when out of range). */
function resolveOptions(opts: DemoLedgerOptions): { today: IsoDate; seed: number; personCount: number; deviceId: string; large: boolean } {
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
  return { today, seed, personCount, deviceId, large: profile === 'large' }
}

function idFactories(seed: number): Ids {
  return {
    unit: makeIdFactory('u', createRng(deriveSeed(seed, 10))),
    section: makeIdFactory('s', createRng(deriveSeed(seed, 11))),
    person: makeIdFactory('p', createRng(deriveSeed(seed, 12))),
    activity: makeIdFactory('a', createRng(deriveSeed(seed, 13))),
    exam: makeIdFactory('e', createRng(deriveSeed(seed, 14))),
    result: makeIdFactory('r', createRng(deriveSeed(seed, 15))),
    target: makeIdFactory('t', createRng(deriveSeed(seed, 16))),
  }
}

export function generateDemoLedger(opts: DemoLedgerOptions): DemoLedger {
  const { today, seed, personCount, deviceId, large } = resolveOptions(opts)
  const year = yearOf(today)
  const years = [year - 1, year] as const
  const windowStart = large ? addDays(today, -364) : yearStart(year - 1)
  const stamp = (date: IsoDate): Stamp => `${date}T09:00:00.000Z_0000_${deviceId}`

  // Independent streams, so that e.g. the roster does not change when activity rules are tuned.
  const rosterRng = createRng(deriveSeed(seed, 1))
  const groupRng = createRng(deriveSeed(seed, 2))
  const personalRng = createRng(deriveSeed(seed, 3))
  const examRng = createRng(deriveSeed(seed, 4))
  const ids = idFactories(seed)
  const unit: Unit = { id: ids.unit(), name: DEMO_UNIT_NAME }

  const roster = buildRoster({ rng: rosterRng, ids, personCount, large, today, year, windowStart, stamp })
  const { sections, members } = roster

  const activities: Activity[] = []
  const ctx: GroupCtx = { rng: groupRng, ids, members, sections: roster.sectionMembers, large, today, windowStart, stamp, activities, lecturers: roster.lecturerNames }
  for (const [slot, y] of years.entries()) scheduleGroupYear(ctx, y, slot)
  addPersonalStudy(personalRng, ids, members, years, { large, today, windowStart, stamp, activities })
  // Chronological, group kinds before personal ones on the same day; stable otherwise.
  activities.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!))

  const { exams, examResults } = scheduleExams(examRng, ids, members, years, today, stamp)
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

export { DEMO_LAW_TITLES } from './data'
