// A quota error or an abort injected at every write of a multi-record save leaves no partial state.
import { afterEach, describe, expect, it } from 'vitest'
import { setWallClock } from '@/db/clock'
import { commitChanges, type TableChange } from '@/db/writes'
import { describeStorageError, isQuotaError } from '@/db/storage-errors'
import type { Activity, Person } from '@/domain/model/types'
import { abortOfQuota, deleteFaultyLedgers, faultyLedger, quotaError, snapshotOf } from '../support/faults'

afterEach(deleteFaultyLedgers)

const person = (id: string): Omit<Person, 'updatedAt'> => ({
  id, name: `人员${id}`, sectionId: null, title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null,
})
const activity = (id: string): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'lecture', title: '法治讲座', date: '2024-05-01', endDate: null, hours: 2, legalTheme: true, laws: [],
  category: null, organizer: null, lecturer: null, attendees: ['p1', 'p2'], note: '',
})

const save: TableChange[] = [
  { table: 'persons', put: [person('p3'), person('p4')] },
  { table: 'activities', put: [activity('a2')], remove: ['a1'] },
]
// persons bulkPut, activities bulkPut (records and tombstones), meta bulkPut (clock and counter)
const WRITES = 3

describe('fault injection on a multi-record save', () => {
  for (const [label, make] of [['QuotaExceededError', quotaError], ['AbortError wrapping a quota error', abortOfQuota]] as const) {
    for (let k = 1; k <= WRITES; k++) {
      it(`${label} at write ${k} leaves the ledger exactly as before`, async () => {
        setWallClock(() => Date.UTC(2024, 5, 1))
        const { db, arm } = faultyLedger('faults')
        await commitChanges(db, [{ table: 'persons', put: [person('p1'), person('p2')] }, { table: 'activities', put: [activity('a1')] }])
        const before = await snapshotOf(db)
        arm(k, make)
        const error = await commitChanges(db, save).then(() => null, (e: unknown) => e)
        expect(error).not.toBeNull()
        expect(isQuotaError(error)).toBe(true)
        expect(describeStorageError(error)).toMatch(/存储空间已满.*未保存/)
        expect(await snapshotOf(db)).toBe(before)
      })
    }
  }

  it('the same save without a fault writes everything', async () => {
    const { db } = faultyLedger('faults')
    await commitChanges(db, save)
    expect(await db.persons.count()).toBe(2)
    expect(await db.activities.count()).toBe(2)
  })
})
