/**
 * Where a quick log's time goes, with the app's own functions, in the same order as
 * stores/activities.ts quickLog: the duplicate check (the day's records through the `date` index), then
 * one rw transaction that reads the roster to validate and commits the record with commitChanges. The
 * commit is timed with the app's strict durability and, for comparison, relaxed. Run on a person and a
 * day that the UI phase does not use. A profiling aid: its numbers go to the bench's context rows.
 */
import { DB_NAME, LedgerDB } from '@/db/database'
import { activitiesBetween, activitiesOfPerson, listPersons, live } from '@/db/queries'
import { commitChanges } from '@/db/writes'
import { findLikelyDuplicates, normaliseActivityInput, quickLogActivity, validateActivity } from '@/domain/activity-input'
import { addDays } from '@/domain/dates'
import { isTombstone, type Person } from '@/domain/types'
import { openExisting } from './raw-idb'

export interface QuickLogParts {
  dayRows: number
  duplicateCheckMs: number
  rosterReadMs: number
  commitStrictMs: number
  commitRelaxedMs: number
  wholeStrictMs: number
  /**
   * The same save as docs/PERFORMANCE.md recommends it: duplicates looked up in "my records" already in
   * memory (the home page holds them live), only the attendees' person rows read to validate.
   */
  wholeLeanMs: number
  /** The floor: one native IndexedDB put of the same record, strict and relaxed durability. */
  rawPutStrictMs: number
  rawPutRelaxedMs: number
}

function rawPut(db: IDBDatabase, record: object, durability: IDBTransactionDurability): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction('activities', 'readwrite', { durability })
    tx.objectStore('activities').put(record)
    tx.oncomplete = () => resolve()
    tx.onabort = tx.onerror = () => reject(tx.error)
  })
}

async function ms(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

/** Medians over `reps` rounds of each part (a new record each round, hours varied to stay unique). */
export async function quickLogParts(persons: readonly Person[], today: string, reps = 7): Promise<QuickLogParts> {
  const strict = new LedgerDB(DB_NAME)
  const relaxed = new LedgerDB(DB_NAME, { chromeTransactionDurability: 'relaxed' })
  await strict.open()
  await relaxed.open()
  const raw = await openExisting(DB_NAME)
  // Not the UI phase's "me" (the first enforcement officer) and not today: no duplicates with its saves.
  const who = persons[persons.length - 1]
  const day = addDays(today, -1)
  const parts: Record<keyof Omit<QuickLogParts, 'dayRows'>, number[]> = {
    duplicateCheckMs: [], rosterReadMs: [], commitStrictMs: [], commitRelaxedMs: [], wholeStrictMs: [], wholeLeanMs: [], rawPutStrictMs: [], rawPutRelaxedMs: [],
  }
  let dayRows = 0
  const mine = live(await activitiesOfPerson(strict, who.id))
  for (let i = 0; i < reps; i++) {
    const input = (hours: number) => normaliseActivityInput(quickLogActivity({ kind: 'self', date: day, hours, laws: [], topic: `bench ${i}`, platform: null }, who.id))
    parts.duplicateCheckMs.push(await ms(async () => {
      const sameDay = live(await activitiesBetween(strict, day, day))
      dayRows = sameDay.length
      findLikelyDuplicates(input(0.5), sameDay)
    }))
    parts.rosterReadMs.push(await ms(async () => validateActivity(input(0.5), { today, persons: await listPersons(strict) })))
    parts.commitStrictMs.push(await ms(() => commitChanges(strict, [{ table: 'activities', put: [{ ...input(0.5 + i), id: `bench-s-${i}` }] }])))
    parts.commitRelaxedMs.push(await ms(() => commitChanges(relaxed, [{ table: 'activities', put: [{ ...input(12 + i), id: `bench-r-${i}` }] }])))
    const stamp = '2000-01-01T00:00:00.000Z_0000_bench'
    parts.rawPutStrictMs.push(await ms(() => rawPut(raw, { ...input(1 + i), id: `bench-rs-${i}`, updatedAt: stamp }, 'strict')))
    parts.rawPutRelaxedMs.push(await ms(() => rawPut(raw, { ...input(13 + i), id: `bench-rr-${i}`, updatedAt: stamp }, 'relaxed')))
    parts.wholeStrictMs.push(await ms(async () => {
      const rec = input(20 - i)
      findLikelyDuplicates(rec, live(await activitiesBetween(strict, day, day)))
      await strict.transaction('rw', [strict.activities, strict.persons, strict.meta], async () => {
        validateActivity(rec, { today, persons: await listPersons(strict) })
        await commitChanges(strict, [{ table: 'activities', put: [{ ...rec, id: `bench-w-${i}` }] }])
      })
    }))
    parts.wholeLeanMs.push(await ms(async () => {
      const rec = input(19.5 - i)
      findLikelyDuplicates(rec, mine)
      await strict.transaction('rw', [strict.activities, strict.persons, strict.meta], async () => {
        const persons = (await strict.persons.bulkGet(rec.attendees)).filter((p): p is Person => p !== undefined && !isTombstone(p))
        validateActivity(rec, { today, persons })
        await commitChanges(strict, [{ table: 'activities', put: [{ ...rec, id: `bench-l-${i}` }] }])
      })
    }))
  }
  strict.close()
  relaxed.close()
  raw.close()
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]
  return {
    dayRows,
    duplicateCheckMs: med(parts.duplicateCheckMs),
    rosterReadMs: med(parts.rosterReadMs),
    commitStrictMs: med(parts.commitStrictMs),
    commitRelaxedMs: med(parts.commitRelaxedMs),
    wholeStrictMs: med(parts.wholeStrictMs),
    wholeLeanMs: med(parts.wholeLeanMs),
    rawPutStrictMs: med(parts.rawPutStrictMs),
    rawPutRelaxedMs: med(parts.rawPutRelaxedMs),
  }
}
