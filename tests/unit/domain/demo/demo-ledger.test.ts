import { describe, expect, it } from 'vitest'
import {
  DEMO_LAW_TITLES,
  generateDemoLedger,
  type DemoLedger,
} from '../../../../src/domain/demo/ledger'
import { isActiveOn, spanDays, yearOf } from '../../../../src/domain/model/dates'
import { parseStamp } from '../../../../src/domain/ledger/hlc'
import { isKnownLaw } from '../../../../src/domain/model/laws'
import { createRng, makeIdFactory } from '../../../../src/domain/demo/prng'
import { evaluateTargets, type PersonHoursRuleResult } from '../../../../src/domain/measures/target-rules'
import type { ActivityKind, LedgerData, Person } from '../../../../src/domain/model/types'
import { isTombstone } from '../../../../src/domain/model/types'

const TODAY = '2026-11-22'
const EVERY_KIND: ActivityKind[] = ['centerGroup', 'collective', 'preMeeting', 'lecture', 'training', 'warning', 'online', 'self']
const STAMP_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{4}_.+$/

const cache = new Map<string, DemoLedger>()
function demo(today = TODAY, persons?: number): DemoLedger {
  const key = `${today}/${persons ?? ''}`
  if (!cache.has(key)) cache.set(key, generateDemoLedger({ today, persons }))
  return cache.get(key)!
}

function live(d: DemoLedger): LedgerData {
  const r = d.records
  for (const table of Object.values(r)) expect(table.some(isTombstone)).toBe(false)
  return r as LedgerData
}

const isLeader = (p: Person) => p.roles.includes('leader')
const isEnforcer = (p: Person) => p.roles.includes('enforcement')

describe('prng', () => {
  it('is deterministic and stays in range', () => {
    const a = createRng(42)
    const b = createRng(42)
    const xs = Array.from({ length: 1000 }, () => a.next())
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(createRng(43).next()).not.toBe(xs[0])
    const r = createRng(7)
    const ints = Array.from({ length: 2000 }, () => r.int(3, 6))
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]))
    expect(r.pick(['x'])).toBe('x')
    expect(r.chance(0)).toBe(false)
    expect(r.chance(1)).toBe(true)
  })

  it('shuffles a copy into a permutation', () => {
    const input = Array.from({ length: 50 }, (_, i) => i)
    const out = createRng(1).shuffle(input)
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect([...out].sort((x, y) => x - y)).toEqual(input)
    expect(out).not.toEqual(input)
  })

  it('makes unique, short, prefixed ids', () => {
    const next = makeIdFactory('a', createRng(9))
    const ids = Array.from({ length: 20_000 }, () => next())
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids.every((id) => /^a-[0-9a-z]{8}$/.test(id))).toBe(true)
    expect(makeIdFactory('a', createRng(9))()).toBe(ids[0])
  })
})

describe('generateDemoLedger', () => {
  it('is deterministic: the same options give a deep-equal ledger', () => {
    const a = generateDemoLedger({ today: TODAY })
    const b = generateDemoLedger({ today: TODAY })
    expect(b).toEqual(a)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    const c = generateDemoLedger({ today: TODAY, seed: 7 })
    expect(c.records.persons.map((p) => p.id)).not.toEqual(a.records.persons.map((p) => p.id))
  })

  it('rejects bad options', () => {
    expect(() => generateDemoLedger({ today: '2026-02-30' })).toThrow(RangeError)
    expect(() => generateDemoLedger({ today: TODAY, persons: 3 })).toThrow(RangeError)
    expect(() => generateDemoLedger({ today: TODAY, seed: 1.5 })).toThrow(RangeError)
    expect(() => generateDemoLedger({ today: TODAY, deviceId: 'a b' })).toThrow(RangeError)
  })

  it.each(['2026-11-22', '2026-01-01', '2026-03-10', '2025-06-30', '2024-12-31'])(
    'dates nothing after today and keeps every record valid (today %s)',
    (today) => {
      const data = live(demo(today))
      const y = yearOf(today)
      const stamps: string[] = []
      for (const a of data.activities) {
        expect(a.date <= today).toBe(true)
        expect(a.date >= `${y - 1}-01-01`).toBe(true)
        if (a.endDate !== null) {
          expect(a.endDate > a.date).toBe(true)
          expect(a.endDate <= today).toBe(true)
        }
        // Hours: > 0, steps of 0.5, at most 24 per calendar day spanned.
        expect(a.hours).toBeGreaterThan(0)
        expect(Number.isInteger(a.hours * 2)).toBe(true)
        expect(a.hours).toBeLessThanOrEqual(24 * spanDays(a.date, a.endDate))
        stamps.push(a.updatedAt)
      }
      for (const p of data.persons) {
        expect(p.activeFrom <= today).toBe(true)
        if (p.activeTo !== null) expect(p.activeTo <= today).toBe(true)
        stamps.push(p.updatedAt)
      }
      for (const e of data.exams) {
        expect(e.date! <= today).toBe(true)
        stamps.push(e.updatedAt)
      }
      for (const r of [...data.sections, ...data.examResults, ...data.targetSets]) stamps.push(r.updatedAt)
      for (const s of stamps) {
        expect(s).toMatch(STAMP_RE)
        expect(parseStamp(s)?.deviceId).toBe('demo')
        expect(s.slice(0, 10) <= today).toBe(true)
      }
    },
  )

  it('has only attendees who exist and are active on every day of the activity', () => {
    const data = live(demo())
    const byId = new Map(data.persons.map((p) => [p.id, p]))
    for (const a of data.activities) {
      expect(a.attendees.length).toBeGreaterThan(0)
      expect(new Set(a.attendees).size).toBe(a.attendees.length)
      for (const pid of a.attendees) {
        const p = byId.get(pid)
        expect(p, `${a.title} → ${pid}`).toBeDefined()
        expect(isActiveOn(p!, a.date)).toBe(true)
        if (a.endDate) expect(isActiveOn(p!, a.endDate)).toBe(true)
      }
    }
  })

  it('gives unique ids per table and consistent references', () => {
    const data = live(demo())
    for (const table of Object.values(data) as { id: string }[][]) {
      expect(new Set(table.map((r) => r.id)).size).toBe(table.length)
    }
    const personIds = new Set(data.persons.map((p) => p.id))
    const sectionIds = new Set(data.sections.map((s) => s.id))
    const examIds = new Set(data.exams.map((e) => e.id))
    for (const p of data.persons) expect(sectionIds.has(p.sectionId!)).toBe(true)
    for (const r of data.examResults) {
      expect(examIds.has(r.examId)).toBe(true)
      expect(personIds.has(r.personId)).toBe(true)
    }
    const ruleIds = data.targetSets.flatMap((t) => t.rules.map((r) => r.id))
    expect(new Set(ruleIds).size).toBe(ruleIds.length)
  })

  it('writes every field of the record shapes', () => {
    const d = demo()
    const data = live(d)
    expect(d.unit.name).toMatch(/局/)
    expect(d.unit.id).toBeTruthy()
    const activityKeys = ['id', 'kind', 'title', 'date', 'endDate', 'hours', 'legalTheme', 'laws', 'category', 'organizer', 'lecturer', 'attendees', 'note', 'updatedAt']
    for (const a of data.activities) {
      for (const k of activityKeys) expect(a, k).toHaveProperty(k)
      expect(a.note).toBe('')
      expect(a.title.length).toBeGreaterThan(0)
      expect(a.category === null).toBe(a.kind !== 'training')
      if (a.kind === 'self' || a.kind === 'online') {
        expect(a.attendees).toHaveLength(1)
        expect(['verified', 'selfReported']).toContain(a.review)
      } else {
        expect(a.review).toBeUndefined()
      }
    }
    for (const p of data.persons) {
      for (const k of ['id', 'name', 'sectionId', 'title', 'roles', 'certNo', 'activeFrom', 'activeTo', 'updatedAt']) expect(p).toHaveProperty(k)
    }
    for (const e of data.exams) {
      for (const k of ['id', 'kind', 'year', 'title', 'date', 'passScore', 'excellentScore', 'updatedAt']) expect(e).toHaveProperty(k)
    }
    for (const r of data.examResults) {
      for (const k of ['id', 'examId', 'personId', 'status', 'score', 'reason', 'updatedAt']) expect(r).toHaveProperty(k)
    }
  })

  it('uses official law titles only', () => {
    for (const t of DEMO_LAW_TITLES) expect(isKnownLaw(t), t).toBe(true)
    const data = live(demo())
    for (const a of data.activities) for (const l of a.laws) expect(isKnownLaw(l), l).toBe(true)
  })

  it('has a believable roster: sections, leaders, enforcement officers, a joiner and a leaver', () => {
    const data = live(demo())
    const y = yearOf(TODAY)
    expect(data.sections.map((s) => s.name)).toEqual(['办公室', '法规股', '执法一队', '执法二队', '综合业务股'])
    expect(data.persons).toHaveLength(40)
    expect(new Set(data.persons.map((p) => p.name)).size).toBe(40)
    for (const p of data.persons) expect(p.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/)
    const leaders = data.persons.filter(isLeader)
    expect(leaders.length).toBeGreaterThanOrEqual(4)
    expect(leaders.length).toBeLessThanOrEqual(5)
    expect(leaders.map((p) => p.title)).toContain('局长')
    const enforcers = data.persons.filter(isEnforcer)
    expect(enforcers.length).toBeGreaterThanOrEqual(13)
    expect(enforcers.length).toBeLessThanOrEqual(17)
    for (const p of data.persons) {
      if (isEnforcer(p)) expect(p.certNo).toMatch(/^44\d{10}$/)
      else expect(p.certNo).toBeNull()
    }
    expect(new Set(enforcers.map((p) => p.certNo)).size).toBe(enforcers.length)
    const joiners = data.persons.filter((p) => yearOf(p.activeFrom) === y)
    const leavers = data.persons.filter((p) => p.activeTo !== null)
    expect(joiners).toHaveLength(1)
    expect(joiners[0].activeFrom).toBe(`${y}-07-01`)
    expect(leavers).toHaveLength(1)
    expect(yearOf(leavers[0].activeTo!)).toBe(y)
    for (const p of data.persons) {
      if (p !== joiners[0]) expect(yearOf(p.activeFrom)).toBeLessThanOrEqual(y - 3)
    }
  })

  it('has every kind in each year, at the planned rhythm', () => {
    const data = live(demo())
    const y = yearOf(TODAY)
    for (const year of [y - 1, y]) {
      const acts = data.activities.filter((a) => yearOf(a.date) === year)
      for (const k of EVERY_KIND) expect(acts.some((a) => a.kind === k), `${year} ${k}`).toBe(true)
      const cg = acts.filter((a) => a.kind === 'centerGroup')
      expect(cg.length).toBeGreaterThanOrEqual(10)
      const legal = cg.filter((a) => a.legalTheme).length
      expect(legal).toBeGreaterThanOrEqual(year === y ? 2 : 3)
      expect(legal).toBeLessThanOrEqual(4)
      expect(acts.filter((a) => a.kind === 'lecture')).toHaveLength(2)
      expect(acts.filter((a) => a.kind === 'collective').length).toBeGreaterThanOrEqual(3)
    }
    expect(data.activities.some((a) => a.kind === 'other')).toBe(true)
  })

  it('gives each kind its shape: attendees, hours, organisers, lecturers, categories', () => {
    const data = live(demo())
    const persons = new Map(data.persons.map((p) => [p.id, p]))
    const activeLeaders = (date: string) => data.persons.filter((p) => isLeader(p) && isActiveOn(p, date)).map((p) => p.id)
    for (const a of data.activities) {
      const who = a.attendees.map((id) => persons.get(id)!)
      switch (a.kind) {
        case 'centerGroup':
          expect([...a.attendees].sort()).toEqual(activeLeaders(a.date).sort())
          break
        case 'preMeeting':
          expect(who.every(isLeader)).toBe(true)
          expect([0.5, 1]).toContain(a.hours)
          expect(a.laws).toHaveLength(1)
          break
        case 'collective':
          expect(a.attendees.length).toBeGreaterThanOrEqual(25)
          break
        case 'lecture':
          expect(a.lecturer).toMatch(/律师|党校|司法局/)
          expect(a.legalTheme).toBe(true)
          break
        case 'training':
          expect(who.every(isEnforcer)).toBe(true)
          expect(['publicLaw', 'business', 'enforcementSkill']).toContain(a.category)
          expect(a.hours).toBe(a.endDate === null ? (a.hours === 3 ? 3 : 6) : 6 * spanDays(a.date, a.endDate))
          expect(spanDays(a.date, a.endDate)).toBeLessThanOrEqual(3)
          break
        case 'online':
          expect(['学习强国', '法宣在线', '中国普法网']).toContain(a.organizer)
          break
        case 'self':
          expect(a.organizer).toBeNull()
          expect(a.laws).toHaveLength(1)
          break
        default:
          break
      }
    }
    expect(data.activities.some((a) => a.kind === 'training' && a.endDate !== null)).toBe(true)
    // Several online records per person per year.
    const y = yearOf(TODAY)
    for (const p of data.persons.filter((pp) => isActiveOn(pp, `${y - 1}-06-30`) && isActiveOn(pp, `${y - 1}-12-31`))) {
      const online = data.activities.filter((a) => a.kind === 'online' && yearOf(a.date) === y - 1 && a.attendees[0] === p.id)
      expect(online.length, p.name).toBeGreaterThanOrEqual(2)
    }
  })

  it('records the annual exam each year with exactly one exempt and one absent', () => {
    const data = live(demo())
    const y = yearOf(TODAY)
    const annual = data.exams.filter((e) => e.kind === 'annual')
    expect(annual.map((e) => e.year)).toEqual([y - 1, y])
    for (const exam of annual) {
      expect(exam.title).toBe(`${exam.year}年度国家工作人员学法考试`)
      expect(exam.passScore).toBe(60)
      expect(exam.excellentScore).toBe(90)
      expect(['10', '11']).toContain(exam.date!.slice(5, 7))
      const results = data.examResults.filter((r) => r.examId === exam.id)
      const eligible = data.persons.filter((p) => isActiveOn(p, exam.date!)).map((p) => p.id)
      expect(results.map((r) => r.personId).sort()).toEqual(eligible.sort())
      const exempt = results.filter((r) => r.status === 'exempt')
      const absent = results.filter((r) => r.status === 'absent')
      const taken = results.filter((r) => r.status === 'taken')
      expect(exempt).toHaveLength(1)
      expect(['病假', '借调']).toContain(exempt[0].reason)
      expect(exempt[0].score).toBeNull()
      expect(absent).toHaveLength(1)
      expect(absent[0].score).toBeNull()
      expect(absent[0].reason).toBeNull()
      for (const r of taken) {
        expect(Number.isInteger(r.score)).toBe(true)
        expect(r.score!).toBeGreaterThanOrEqual(0)
        expect(r.score!).toBeLessThanOrEqual(100)
        expect(r.reason).toBeNull()
      }
      const scores = taken.map((r) => r.score!)
      expect(scores.filter((s) => s >= 80).length / scores.length).toBeGreaterThan(0.9)
      expect(scores.filter((s) => s < 90).length).toBeGreaterThanOrEqual(2)
    }
    const pre = data.exams.filter((e) => e.kind === 'preAppointment')
    expect(pre).toHaveLength(1)
    const preResults = data.examResults.filter((r) => r.examId === pre[0].id)
    expect(preResults.length).toBeGreaterThanOrEqual(1)
    expect(preResults.length).toBeLessThanOrEqual(2)
    expect(preResults.every((r) => r.status === 'taken' && r.score! >= 60)).toBe(true)
  })

  it('creates the current year exam only once its date has come', () => {
    const data = live(demo('2026-06-30'))
    expect(data.exams.filter((e) => e.kind === 'annual').map((e) => e.year)).toEqual([2025])
  })

  it('sets the default targets for each year: a basis on every rule but the 60-学时 one (offered, not asserted)', () => {
    const data = live(demo())
    const y = yearOf(TODAY)
    expect(data.targetSets.map((t) => t.year)).toEqual([y - 1, y])
    for (const t of data.targetSets) {
      expect(t.rules.map((r) => r.type)).toEqual(['personHours', 'examParticipation', 'unitActivityCount', 'unitActivityCount'])
      expect(t.rules[0].basis).toBeNull()
      for (const r of t.rules.slice(1)) expect(r.basis).toMatch(/[\u4e00-\u9fff]/)
      const [hours, exam, cg, lecture] = t.rules
      expect(hours).toMatchObject({ scope: 'enforcement', minHours: 60, kinds: null, proRate: true })
      expect(exam).toMatchObject({ scope: 'all', minRate: 1 })
      expect(cg).toMatchObject({ kind: 'centerGroup', legalThemeOnly: true, min: 2 })
      expect(lecture).toMatchObject({ kind: 'lecture', legalThemeOnly: false, min: 1 })
    }
  })

  it('spreads enforcement officers over behind, on track and met as of 2026-11-22', () => {
    const data = live(demo('2026-11-22'))
    const ev = evaluateTargets(data, 2026, '2026-11-22')
    const rule = ev.results[0] as PersonHoursRuleResult
    expect(rule.rule.type).toBe('personHours')
    const hours = rule.persons.map((r) => r.hours)
    expect(hours.some((h) => h < 60)).toBe(true)
    expect(hours.some((h) => h >= 60)).toBe(true)
    expect(rule.counts.behind).toBeGreaterThanOrEqual(3)
    expect(rule.counts.onTrack).toBeGreaterThanOrEqual(3)
    expect(rule.counts.met).toBeGreaterThanOrEqual(3)
    // The joiner's target is pro-rated.
    expect(rule.persons.some((r) => r.target < 60)).toBe(true)
    // Last year is complete: most officers met it.
    const last = evaluateTargets(data, 2025, '2026-11-22').results[0] as PersonHoursRuleResult
    expect(last.counts.met).toBeGreaterThan(last.counts.missed)
  })

  it('scales: 2,000 persons in 40–60 sections with 250k–350k attendee entries', () => {
    const t0 = performance.now()
    const d = generateDemoLedger({ today: TODAY, persons: 2000 })
    const ms = performance.now() - t0
    const data = live(d)
    expect(data.persons).toHaveLength(2000)
    expect(new Set(data.persons.map((p) => p.name)).size).toBe(2000)
    expect(data.sections.length).toBeGreaterThanOrEqual(40)
    expect(data.sections.length).toBeLessThanOrEqual(60)
    const entries = data.activities.reduce((s, a) => s + a.attendees.length, 0)
    expect(entries).toBeGreaterThanOrEqual(250_000)
    expect(entries).toBeLessThanOrEqual(350_000)
    expect(data.activities.every((a) => a.date <= TODAY && a.attendees.length <= 200)).toBe(true)
    const group = data.activities.filter((a) => a.kind !== 'self' && a.kind !== 'online')
    expect(group.filter((a) => a.attendees.length >= 10).length / group.length).toBeGreaterThan(0.8)
    expect(new Set(data.activities.map((a) => a.id)).size).toBe(data.activities.length)
    console.info(`demo ledger of 2,000 persons generated in ${Math.round(ms)} ms`)
  }, 60_000)
})
