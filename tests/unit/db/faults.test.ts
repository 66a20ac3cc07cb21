// A quota error or an abort injected at every write of a multi-record save leaves no partial state.
import Dexie, { type DBCore } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerDB } from '@/db/database'
import { setWallClock } from '@/db/clock'
import { commitChanges, type TableChange } from '@/db/writes'
import { describeStorageError, isQuotaError } from '@/db/errors'
import type { Activity, Person } from '@/domain/types'

let n = 0
const dbs: LedgerDB[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** A database whose k-th mutate call fails with the given error. */
function faultyDb(failAt: number, makeError: () => Error): LedgerDB {
  const db = new LedgerDB(`faults-${++n}`)
  let calls = 0
  let armed = false
  db.use({
    stack: 'dbcore',
    name: 'fault-injection',
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(name) {
          const t = down.table(name)
          return {
            ...t,
            mutate(req) {
              if (armed && ++calls === failAt) return Promise.reject(makeError())
              return t.mutate(req)
            },
          }
        },
      }
    },
  })
  dbs.push(db)
  return Object.assign(db, { arm: () => (armed = true) })
}

const person = (id: string): Omit<Person, 'updatedAt'> => ({
  id, name: `人员${id}`, sectionId: null, title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null,
})
const activity = (id: string): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'lecture', title: '法治讲座', date: '2024-05-01', endDate: null, hours: 2, legalTheme: true, laws: [],
  category: null, organizer: null, lecturer: null, attendees: ['p1', 'p2'], note: '',
})

async function snapshot(db: LedgerDB): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]))
  return JSON.stringify(tables)
}

const save: TableChange[] = [
  { table: 'persons', put: [person('p3'), person('p4')] },
  { table: 'activities', put: [activity('a2')], remove: ['a1'] },
]
// persons bulkPut, activities bulkPut (records and tombstones), meta bulkPut (clock and counter)
const WRITES = 3

function quota(): Error {
  const e = new Error('The quota has been exceeded.')
  e.name = 'QuotaExceededError'
  return e
}
function abort(): Error {
  const e = new Error('aborted') as Error & { inner?: Error }
  e.name = 'AbortError'
  e.inner = quota()
  return e
}

describe('fault injection on a multi-record save', () => {
  for (const [label, make] of [['QuotaExceededError', quota], ['AbortError wrapping a quota error', abort]] as const) {
    for (let k = 1; k <= WRITES; k++) {
      it(`${label} at write ${k} leaves the ledger exactly as before`, async () => {
        setWallClock(() => Date.UTC(2024, 5, 1))
        const db = faultyDb(k, make) as LedgerDB & { arm: () => void }
        await commitChanges(db, [{ table: 'persons', put: [person('p1'), person('p2')] }, { table: 'activities', put: [activity('a1')] }])
        const before = await snapshot(db)
        db.arm()
        const error = await commitChanges(db, save).then(() => null, (e: unknown) => e)
        expect(error).not.toBeNull()
        expect(isQuotaError(error)).toBe(true)
        expect(describeStorageError(error)).toMatch(/存储空间已满.*未保存/)
        expect(await snapshot(db)).toBe(before)
      })
    }
  }

  it('the same save without a fault writes everything', async () => {
    const db = faultyDb(Infinity, quota)
    await commitChanges(db, save)
    expect(await db.persons.count()).toBe(2)
    expect(await db.activities.count()).toBe(2)
  })
})
