// saveChecked: one round trip when this tab remembers the meta rows, a redo in two when another tab or an
// import moved them, nothing written when the check fails, stamps always increasing.
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LedgerDB } from '@/db/database'
import { receiveStamps, setWallClock } from '@/db/clock'
import { getMeta, setMeta } from '@/db/meta'
import { commitChanges, readForSave, saveChecked } from '@/db/writes'
import type { Activity } from '@/domain/model/types'
import { snapshotOf } from '../support/faults'
import { wrapTables } from '../support/table-middleware'

/** The order in which the database saw requests start and finish: 'get:meta', 'got:meta', 'put:activities', … */
let events: string[] = []
let n = 0
const opened: LedgerDB[] = []

function recordingLedger(): LedgerDB {
  const db = new LedgerDB(`save-checked-${++n}`)
  wrapTables(db, 'request-order', (t, name) => ({
    get: (req) => (events.push(`get:${name}`), t.get(req).then((r) => (events.push(`got:${name}`), r))),
    getMany: (req) => (events.push(`get:${name}`), t.getMany(req).then((r) => (events.push(`got:${name}`), r))),
    mutate: (req) => (events.push(`${req.type}:${name}`), t.mutate(req)),
  }))
  opened.push(db)
  return db
}

const activity = (id: string, hours = 1): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'self', title: '自学', date: '2024-03-01', endDate: null, hours, legalTheme: true, laws: [], category: null,
  organizer: null, lecturer: null, attendees: ['p1'], note: '',
})

/** A quick-log-like save: reads a row, checks it, writes a record and a meta row that depends on a remembered one. */
function save(db: LedgerDB, id: string, isAllowed = true) {
  return saveChecked(db, {
    tables: ['activities', 'persons'],
    metaKeys: ['quickLogDefaults'],
    read: () => db.persons.get('p1'),
    check: () => {
      if (!isAllowed) throw new Error('不允许')
    },
    plan: ([prev]) => ({
      changes: [{ table: 'activities', put: [activity(id)] }],
      meta: { quickLogDefaults: { kind: 'self', hours: (prev?.hours ?? 0) + 1, platform: null, laws: [] } },
    }),
  })
}

/** True when the save's writes were issued before its reads came back (one round trip). */
const wroteBeforeReading = () => events.indexOf('put:activities') < events.indexOf('got:meta')

let db: LedgerDB
beforeEach(async () => {
  db = recordingLedger()
  await db.open()
  let t = Date.UTC(2024, 2, 1)
  setWallClock(() => (t += 1000))
  events = []
})
afterEach(async () => {
  for (const d of opened.splice(0)) {
    d.close()
    await Dexie.delete(d.name)
  }
})

describe('saveChecked', () => {
  it('reads, then writes, when this tab does not know the meta rows yet (two round trips)', async () => {
    await save(db, 'a1')
    expect(events.indexOf('got:meta')).toBeLessThan(events.indexOf('put:activities'))
    expect(await db.activities.get('a1')).toMatchObject({ hours: 1 })
    expect(await getMeta(db, 'changesSinceBackup')).toBe(1)
  })

  it('issues the writes behind the reads once it remembers the meta rows (one round trip)', async () => {
    await save(db, 'a1')
    events = []
    await save(db, 'a2')
    expect(wroteBeforeReading()).toBe(true)
    const [a1, a2] = await db.activities.bulkGet(['a1', 'a2'])
    expect(a1!.updatedAt < a2!.updatedAt).toBe(true)
    expect(await getMeta(db, 'changesSinceBackup')).toBe(2)
    expect((await getMeta(db, 'quickLogDefaults'))?.hours).toBe(2)
  })

  it('goes in one round trip after readForSave (the quick-log sheet opening)', async () => {
    await readForSave(db, ['quickLogDefaults'])
    events = []
    await save(db, 'a1')
    expect(wroteBeforeReading()).toBe(true)
    expect(await getMeta(db, 'changesSinceBackup')).toBe(1)
  })

  it('writes nothing when the check fails, also in one round trip', async () => {
    await save(db, 'a1')
    const before = await snapshotOf(db)
    events = []
    await expect(save(db, 'a2', false)).rejects.toThrow('不允许')
    expect(wroteBeforeReading()).toBe(true) // the write had gone out, and was rolled back
    expect(await snapshotOf(db)).toBe(before)
    await save(db, 'a3') // the remembered rows are still right
    expect(await getMeta(db, 'changesSinceBackup')).toBe(2)
  })

  it('redoes the save from the stored rows when another tab saved in between', async () => {
    await save(db, 'a1')
    const other = new LedgerDB(db.name) // another tab on the same ledger
    await other.open()
    await commitChanges(other, [{ table: 'activities', put: [activity('b1', 2)] }])
    await commitChanges(other, [{ table: 'activities', put: [activity('b2', 3)] }])
    other.close()
    await save(db, 'a2')
    const [b2, a2] = await db.activities.bulkGet(['b2', 'a2'])
    expect(b2!.updatedAt < a2!.updatedAt).toBe(true)
    expect(await getMeta(db, 'changesSinceBackup')).toBe(4)
    expect((await getMeta(db, 'quickLogDefaults'))?.hours).toBe(2)
    events = []
    await save(db, 'a3') // and remembers the rows it read
    expect(wroteBeforeReading()).toBe(true)
  })

  it('stamps after an import moved the clock ahead', async () => {
    await save(db, 'a1')
    await db.transaction('rw', db.meta, () => receiveStamps(db, '2030-01-01T00:00:00.000Z_0005_remote'))
    await save(db, 'a2')
    expect((await db.activities.get('a2'))!.updatedAt > '2030-01-01T00:00:00.000Z_0005_remote').toBe(true)
  })

  it('counts from the stored counter when a backup reset it', async () => {
    await save(db, 'a1')
    await setMeta(db, 'changesSinceBackup', 0)
    await save(db, 'a2')
    expect(await getMeta(db, 'changesSinceBackup')).toBe(1)
  })

  it('works inside a caller\'s transaction (in two round trips)', async () => {
    await save(db, 'a1')
    events = []
    await db.transaction('rw', [db.activities, db.persons, db.meta, db.outbox], async () => {
      await save(db, 'a2')
      await save(db, 'a3')
    })
    expect(events.indexOf('got:meta')).toBeLessThan(events.indexOf('put:activities'))
    expect(await getMeta(db, 'changesSinceBackup')).toBe(3)
  })
})
