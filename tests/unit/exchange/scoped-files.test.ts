// Files per role (issue 15): every file the keeper's device writes is cut by the scope rule and states its scope;
// importing one never widens what a phone holds; the section head's view equals the keeper's; the review outcome
// and the exam status reach the official without anyone's score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportLedger, importLedgerFile, restoreSafetyBackup, type ImportResult } from '@/db/ledger-io'
import type { LedgerDB } from '@/db/database'
import { commitChanges } from '@/db/writes'
import { getMeta, setMeta } from '@/db/meta'
import { mergeRecords } from '@/db/merge-records'
import { setReview } from '@/db/review'
import { activitiesOfPerson, loadPersonContext } from '@/db/queries'
import { loadYearData } from '@/db/year-data'
import { generateDemoLedger } from '@/domain/demo/ledger'
import { computePersonHours } from '@/domain/measures/person-hours'
import { countingRulesFor } from '@/domain/measures/counting'
import { evaluateTargets } from '@/domain/measures/target-rules'
import { personStatusRows, rowsOfSection } from '@/domain/views/progress-views'
import { buildReminder } from '@/domain/views/remind'
import { personProgress } from '@/domain/views/person-progress'
import type { Activity, ExamResult, LedgerData, LedgerFile, Person, TargetSet } from '@/domain/model/types'
import { closeAll, dumpDb, freshDb } from './support'

const TODAY = '2024-11-20'
const YEAR = 2024
const demo = generateDemoLedger({ today: TODAY, deviceId: 'demo', persons: 30 })
const persons = demo.records.persons as Person[]
const official = persons.find((p) => p.activeTo === null && p.sectionId !== null && p.roles.length === 0) ?? persons[0]
const sectionId = official.sectionId as string
const results = demo.records.examResults as ExamResult[]

let keeper: LedgerDB

function done(r: ImportResult): Extract<ImportResult, { status: 'done' }> {
  if (r.status !== 'done') throw new Error(`import did not finish: ${JSON.stringify(r)}`)
  return r
}

async function phoneWith(file: string, identity: string, role: 'person' | 'head' = 'person'): Promise<LedgerDB> {
  const db = await freshDb(`phone-${role}`)
  done(await importLedgerFile(db, file))
  await setMeta(db, 'identity', identity)
  await setMeta(db, 'deviceRole', role)
  return db
}

const fileOf = (text: string) => JSON.parse(text) as LedgerFile
const scoresIn = (f: LedgerFile) => (f.records?.examResults ?? []).filter((r) => 'score' in r && r.score !== null) as ExamResult[]

/** The 股室 view as the progress store builds it: rows of the section and the reminder. */
function sectionView(data: LedgerData, sid = sectionId) {
  const opts = { countSelfReported: countingRulesFor(data.targetSets, YEAR).countSelfReported }
  const hours = computePersonHours(data.activities, YEAR, TODAY, opts)
  const evaluation = evaluateTargets(data, YEAR, TODAY, { ...opts, hours })
  const rows = rowsOfSection(personStatusRows(data, evaluation, hours, YEAR, TODAY), sid, data.sections)
  return {
    rows: rows.map((r) => ({ id: r.person.id, status: r.status, hours: r.totalHours, rule: r.rule && [r.rule.hours, r.rule.target, r.rule.gap], exam: r.exam })),
    reminder: buildReminder(rows.flatMap((r) => (r.rule ? [r.rule] : [])), { sectionName: '本股室', year: YEAR, asOf: TODAY }),
  }
}

beforeAll(async () => {
  keeper = await freshDb('keeper')
  await mergeRecords(keeper, demo.records, { unit: demo.unit })
  await setMeta(keeper, 'deviceId', 'd-keeper')
  await setMeta(keeper, 'deviceRole', 'keeper')
  await setMeta(keeper, 'heldScopes', [{ scope: { role: 'keeper' }, asOf: '2024-11-20T00:00:00.000Z', source: 'local' }])
})
afterAll(closeAll)

describe('no file of a narrower scope carries another person\'s score', () => {
  it('the 发布 file carries no score and no personal record, but every exam status', async () => {
    const f = fileOf((await exportLedger(keeper, 'publish')).text)
    expect(f.formatVersion).toBe(2)
    expect(f.scopes).toEqual([{ scope: { role: 'everyone' }, asOf: f.exportedAt }])
    expect(scoresIn(f)).toEqual([])
    expect(JSON.stringify(f.records)).not.toMatch(/"score"/)
    expect((f.records!.activities as Activity[]).filter((a) => 'kind' in a && (a.kind === 'self' || a.kind === 'online'))).toEqual([])
    expect(f.records!.examStatuses).toHaveLength(results.length)
  })

  it('a 股室文件 carries the scores of its own persons only', async () => {
    const f = fileOf((await exportLedger(keeper, 'section', { sectionId })).text)
    expect(f.purpose).toBe('section')
    const ofSection = new Set(persons.filter((p) => p.sectionId === sectionId).map((p) => p.id))
    expect(scoresIn(f).length).toBeGreaterThan(0)
    for (const r of scoresIn(f)) expect(ofSection.has(r.personId)).toBe(true)
    for (const a of f.records!.activities as Activity[]) {
      if ('kind' in a && (a.kind === 'self' || a.kind === 'online')) expect(a.attendees.every((id) => ofSection.has(id))).toBe(true)
    }
  })

  it('a 提交 file carries no exam result, and a backup of an official\'s phone only her own', async () => {
    const phone = await phoneWith((await exportLedger(keeper, 'publish')).text, official.id)
    const sub = fileOf((await exportLedger(phone, 'submit')).text)
    expect(sub.records!.examResults).toEqual([])
    // Even a phone that somehow holds others' results (a version-1 发布 carried them) backs up only its own.
    await phone.examResults.bulkPut(results)
    const backup = fileOf((await exportLedger(phone, 'backup')).text)
    expect(backup.scopes?.map((s) => s.scope.role)).toEqual(['everyone', 'official'])
    const other = await freshDb('restored')
    done(await importLedgerFile(other, JSON.stringify(backup)))
    const kept = (await other.examResults.toArray()) as ExamResult[]
    expect(kept.every((r) => r.personId === official.id)).toBe(true)
  })

  it('refuses to write a 发布 or 股室文件 on a device that does not hold the whole unit', async () => {
    const phone = await phoneWith((await exportLedger(keeper, 'publish')).text, official.id)
    await expect(exportLedger(phone, 'publish')).rejects.toThrow(/本机没有全单位的台账/)
    await expect(exportLedger(keeper, 'section')).rejects.toThrow(/请先选择/)
  })
})

describe('importing a file', () => {
  it('never widens: a 发布 carrying scores and personal records (tampered, or version 1) brings neither', async () => {
    const { buildLedgerFile } = await import('@/domain/ledger/file')
    const wide = await buildLedgerFile({ purpose: 'publish', unit: demo.unit, deviceId: 'x', personId: null, exportedAt: '2024-11-20T08:00:00.000Z', records: demo.records })
    const db = await freshDb('wide')
    const r = done(await importLedgerFile(db, JSON.stringify(wide)))
    expect(r.scopes.map((s) => s.scope.role)).toEqual(['everyone'])
    expect(await db.examResults.count()).toBe(0)
    expect((await db.activities.toArray()).some((a) => 'kind' in a && a.kind === 'self')).toBe(false)
    expect(await db.examStatuses.count()).toBe(0)
  })

  it('records the scope held, does not count as a change to back up, and a repeat changes nothing', async () => {
    const text = (await exportLedger(keeper, 'publish')).text
    const db = await freshDb('held')
    done(await importLedgerFile(db, text))
    expect(await getMeta(db, 'heldScopes')).toEqual([{ scope: { role: 'everyone' }, asOf: fileOf(text).exportedAt, source: 'file:发布' }])
    expect((await getMeta(db, 'changesSinceBackup')) ?? 0).toBe(0)
    const snap = await dumpDb(db)
    done(await importLedgerFile(db, text))
    expect(await dumpDb(db)).toEqual(snap)
  })

  it('a safety-backup restore brings back the scopes held before', async () => {
    const db = await phoneWith((await exportLedger(keeper, 'publish')).text, official.id)
    const before = await getMeta(db, 'heldScopes')
    done(await importLedgerFile(db, (await exportLedger(keeper, 'backup')).text, { confirmRestore: true }))
    expect((await getMeta(db, 'heldScopes'))?.map((h) => h.scope.role)).toEqual(['everyone', 'keeper'])
    done(await restoreSafetyBackup(db))
    expect(await getMeta(db, 'heldScopes')).toEqual(before)
  })
})

describe('the section head\'s phone with a 股室文件', () => {
  it('shows her section exactly as the keeper does: statuses, hours, exam marks and the reminder', async () => {
    const all = await loadYearData(keeper, YEAR, TODAY)
    // A section where someone is behind, so that the reminder names people.
    const sid = all.sections.map((x) => x.id).find((id) => sectionView(all, id).rows.some((r) => r.status === 'behind'))
    expect(sid).toBeDefined()
    const head = await phoneWith((await exportLedger(keeper, 'section', { sectionId: sid })).text, official.id, 'head')
    const mine = sectionView(await loadYearData(head, YEAR, TODAY), sid)
    const keepers = sectionView(all, sid)
    expect(mine.rows.length).toBeGreaterThan(1)
    expect(mine).toEqual(keepers)
    expect(mine.reminder).toMatch(/还差\d/)
  })

  it('on a phone with only the 发布 file the same section is not the keeper\'s (hence the notice)', async () => {
    const phone = await phoneWith((await exportLedger(keeper, 'publish')).text, official.id, 'head')
    expect(sectionView(await loadYearData(phone, YEAR, TODAY))).not.toEqual(sectionView(await loadYearData(keeper, YEAR, TODAY)))
  })
})

describe('the review outcome and the exam status reach the official', () => {
  it('shows her status without a score, 退回 with the reason, and her hours drop', async () => {
    // The keeper counts unverified 自报 this year (so that a return changes her hours).
    const set = (await keeper.targetSets.toArray()).find((t) => 'year' in t && t.year === YEAR) as TargetSet
    const { updatedAt: _u, ...rest } = set
    const counted: Omit<TargetSet, 'updatedAt'> = { ...rest, counting: { countSelfReported: true, dailyConfirmHours: 8 } }
    await commitChanges(keeper, [{ table: 'targetSets', put: [counted] }])
    const phone = await phoneWith((await exportLedger(keeper, 'publish')).text, official.id)
    const context = await loadPersonContext(phone, official.id)
    const own = results.filter((r) => r.personId === official.id)
    expect(own.length).toBeGreaterThan(0)
    const marks = (rs: ExamResult[]) => rs.map((r) => [r.id, r.status, r.score]).sort()
    expect(marks(context.examResults)).toEqual(marks(own.map((r) => ({ ...r, score: null }))))

    const record: Omit<Activity, 'updatedAt'> = {
      id: 'mine-1', kind: 'self', title: '自学《宪法》', date: '2024-11-10', endDate: null, hours: 5, legalTheme: true, laws: [],
      category: null, organizer: null, lecturer: null, attendees: [official.id], note: '', review: 'selfReported', reviewNote: null,
    }
    await commitChanges(phone, [{ table: 'activities', put: [record] }])
    const hoursOn = async () => {
      const data = { ...(await loadPersonContext(phone, official.id)), activities: await activitiesOfPerson(phone, official.id) }
      const opts = { countSelfReported: countingRulesFor(data.targetSets, YEAR).countSelfReported }
      return personProgress(data, official.id, YEAR, TODAY, opts)?.hours ?? 0
    }
    const before = await hoursOn()
    done(await importLedgerFile(keeper, (await exportLedger(phone, 'submit')).text))
    expect(await setReview(keeper, ['mine-1'], 'returned', '学时与证明材料不符')).toBe(1)
    // Outcomes travel for records of this year and last year (the export's "today").
    done(await importLedgerFile(phone, (await exportLedger(keeper, 'publish', { now: new Date(`${TODAY}T08:00:00`) })).text))

    const shown = (await activitiesOfPerson(phone, official.id)).find((a) => a.id === 'mine-1')
    expect(shown).toMatchObject({ review: 'returned', reviewNote: '学时与证明材料不符' })
    expect(await hoursOn()).toBe(before - 5)
    // Her own stored record is untouched: the outcome lives in its register.
    expect(await phone.activities.get('mine-1')).toMatchObject({ review: 'selfReported' })
  })
})
