// The v1 schema opens on fake-indexeddb and round-trips every table; writes stamp and tombstone.
import { beforeEach, describe, expect, it } from 'vitest'
import { LedgerDB } from '@/db/database'
import { commitChanges } from '@/db/writes'
import { putRecords, removeRecords } from '../support/ledger-db'
import { activitiesOfPerson, listPersons } from '@/db/queries'
import { activitiesBetween, activitiesOfPeriod, loadYearData } from '@/db/year-data'
import { getMeta } from '@/db/meta'
import { parseStamp } from '@/domain/ledger/hlc'
import type { Activity, Person } from '@/domain/model/types'
import { freshLedgerPerTest } from '../support/ledger-db'

let db: LedgerDB
const U = '2024-01-01T00:00:00.000Z_0000_dev1'

const ledger = freshLedgerPerTest('test')
beforeEach(() => {
  db = ledger.db
})

const person = (id: string, extra: Partial<Person> = {}): Omit<Person, 'updatedAt'> => ({
  id, name: `人员${id}`, sectionId: 's1', title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null, ...extra,
})
const activity = (id: string, date: string, attendees: string[]): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'self', title: '自学', date, endDate: null, hours: 1, legalTheme: true, laws: [], category: null,
  organizer: null, lecturer: null, attendees, note: '',
})

describe('LedgerDB v1', () => {
  it('round-trips a record in every table', async () => {
    const records = {
      sections: { id: 's1', name: '办公室', order: 1, updatedAt: U },
      persons: { ...person('p1'), updatedAt: U },
      activities: { ...activity('a1', '2024-03-01', ['p1']), updatedAt: U },
      exams: { id: 'x1', kind: 'annual', year: 2024, title: '考试', date: '2024-10-20', passScore: 60, excellentScore: 90, updatedAt: U },
      examResults: { id: 'r1', examId: 'x1', personId: 'p1', status: 'taken', score: 96, reason: null, updatedAt: U },
      targetSets: { id: 't1', year: 2024, updatedAt: U, rules: [{ id: 'h', type: 'personHours', scope: 'all', minHours: 60, kinds: null, proRate: true }] },
    } as const
    for (const [table, rec] of Object.entries(records)) {
      await db.table(table).put(structuredClone(rec))
      expect(await db.table(table).get(rec.id)).toEqual(rec)
    }
    expect(await db.meta.put({ key: 'unit', value: { id: 'u', name: '单位' } })).toBe('unit')
  })

  it('stamps every write from the HLC, increasing, and counts changes', async () => {
    await putRecords<Person>(db, 'persons', [person('p1'), person('p2')])
    const [a, b] = await db.persons.bulkGet(['p1', 'p2'])
    expect(parseStamp(a!.updatedAt)).not.toBeNull()
    expect(a!.updatedAt < b!.updatedAt).toBe(true)
    expect(await getMeta(db, 'changesSinceBackup')).toBe(2)
  })

  it('writes a tombstone on delete and hides it from queries', async () => {
    await putRecords<Person>(db, 'persons', [person('p1'), person('p2')])
    await removeRecords(db, 'persons', ['p1'])
    const tomb = await db.persons.get('p1')
    expect(tomb).toEqual({ id: 'p1', deletedAt: tomb!.updatedAt, updatedAt: tomb!.updatedAt })
    expect((await listPersons(db)).map((p) => p.id)).toEqual(['p2'])
  })

  it('reads a year by one date range and a person by the attendees index', async () => {
    await commitChanges(db, [
      { table: 'activities', put: [activity('a1', '2023-12-31', ['p1']), activity('a2', '2024-01-01', ['p1', 'p2']), activity('a3', '2024-12-31', ['p2'])] },
    ])
    expect((await activitiesBetween(db, '2024-01-01', '2024-12-31')).map((a) => a.id)).toEqual(['a2', 'a3'])
    expect((await activitiesOfPerson(db, 'p1')).map((a) => a.id).sort()).toEqual(['a1', 'a2'])
    const year = await loadYearData(db, 2024, '2024-06-30')
    expect(year.activities.map((a) => a.id)).toEqual(['a2'])
  })

  it('reads a period by store scan or by date range with the same result', async () => {
    // Span 2023-12-31 .. 2024-12-31: the year 2024 covers most of it (scan), one month of it does not (range).
    await commitChanges(db, [
      { table: 'activities', put: [activity('a1', '2023-12-31', ['p1']), activity('a2', '2024-01-01', ['p1']), activity('a3', '2024-06-15', ['p2']), activity('a4', '2024-12-31', ['p2'])] },
    ])
    await removeRecords(db, 'activities', ['a3'])
    const ids = async (from: string, to: string) => (await activitiesOfPeriod(db, from, to)).map((a) => a.id).sort()
    expect(await ids('2024-01-01', '2024-12-31')).toEqual(['a2', 'a4'])
    expect(await ids('2024-01-01', '2024-01-31')).toEqual(['a2'])
    expect(await ids('2025-01-01', '2025-12-31')).toEqual([])
    expect(await ids('2024-02-01', '2024-01-01')).toEqual([])
  })

  it('rolls back every table when one write of a multi-record save fails', async () => {
    await putRecords<Person>(db, 'persons', [person('p1')])
    const before = await db.persons.toArray()
    const bad = { ...activity('a1', '2024-01-01', ['p1']), id: undefined as unknown as string }
    await expect(
      commitChanges(db, [
        { table: 'persons', put: [person('p9')] },
        { table: 'activities', put: [bad] },
      ]),
    ).rejects.toThrow()
    expect(await db.persons.toArray()).toEqual(before)
    expect(await db.activities.count()).toBe(0)
  })
})
