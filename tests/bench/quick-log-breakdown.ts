/**
 * The data side of a quick log, with the app's own functions, as stores/activity-edits.ts quickLog runs
 * them: the duplicate check over "my records" (already in memory on the home page), then saveChecked —
 * one rw transaction that reads the attendee's person row and the meta rows while the record and the
 * remembered quick-log choices are written (one round trip: the meta rows were read when the sheet
 * opened, readForSave), then validates. Next to it: commitChanges alone (strict, as the app, and relaxed)
 * and the floor, one native put. Run on a person and a day the UI phase does not use. What the UI adds on
 * top (input handling, rendering the sheet and 已保存) is the difference to the bench's logP95Ms.
 */
import { DB_NAME, LedgerDB } from '@/db/database'
import { activitiesOfPerson, live } from '@/db/queries'
import { commitChanges, readForSave, saveChecked } from '@/db/writes'
import { findLikelyDuplicates, normaliseActivityInput, quickLogActivity, validateActivity } from '@/domain/input/activity-input'
import { addDays } from '@/domain/model/dates'
import type { Person } from '@/domain/model/types'
import { openExisting } from './raw-idb'

export interface QuickLogParts {
  /** The app's data path of one quick log (duplicate check to committed transaction). */
  appSaveMs: number
  commitStrictMs: number
  commitRelaxedMs: number
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

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]

/** Medians over `reps` rounds (a new record each round, hours varied so that none is a duplicate). */
export async function quickLogParts(persons: readonly Person[], today: string, reps = 7): Promise<QuickLogParts> {
  const strict = new LedgerDB(DB_NAME)
  const relaxed = new LedgerDB(DB_NAME, { chromeTransactionDurability: 'relaxed' })
  await strict.open()
  await relaxed.open()
  await readForSave(strict, ['quickLogDefaults']) // as the sheet does when it opens
  const raw = await openExisting(DB_NAME)
  // Not the UI phase's "me" (the first enforcement officer) and not today: no duplicates with its saves.
  const who = persons[persons.length - 1]
  const day = addDays(today, -1)
  const mine = live(await activitiesOfPerson(strict, who.id))
  const stamp = '2000-01-01T00:00:00.000Z_0000_bench'
  const input = (hours: number, i: number) =>
    normaliseActivityInput(quickLogActivity({ kind: 'self', date: day, hours, laws: [], topic: `bench ${i}`, platform: null }, who.id))
  const t = { appSaveMs: [] as number[], commitStrictMs: [] as number[], commitRelaxedMs: [] as number[], rawPutStrictMs: [] as number[], rawPutRelaxedMs: [] as number[] }
  for (let i = 0; i < reps; i++) {
    t.appSaveMs.push(await ms(async () => {
      const rec = input(20 - i, i)
      findLikelyDuplicates(rec, mine.filter((a) => a.date === rec.date))
      await saveChecked(strict, {
        tables: ['activities', 'persons'],
        metaKeys: ['quickLogDefaults'],
        read: () => strict.persons.get(who.id),
        check: (p) => {
          if (validateActivity(rec, { today, persons: p ? live([p]) : [] }) !== null) throw new Error('invalid')
        },
        plan: ([prev]) => ({
          changes: [{ table: 'activities', put: [{ ...rec, id: `bench-w-${i}` }] }],
          meta: { quickLogDefaults: { kind: 'self', hours: rec.hours, platform: prev?.platform ?? null, laws: [] } },
        }),
      })
    }))
    t.commitStrictMs.push(await ms(() => commitChanges(strict, [{ table: 'activities', put: [{ ...input(0.5 + i, i), id: `bench-s-${i}` }] }])))
    t.commitRelaxedMs.push(await ms(() => commitChanges(relaxed, [{ table: 'activities', put: [{ ...input(12 + i, i), id: `bench-r-${i}` }] }])))
    t.rawPutStrictMs.push(await ms(() => rawPut(raw, { ...input(1 + i, i), id: `bench-rs-${i}`, updatedAt: stamp }, 'strict')))
    t.rawPutRelaxedMs.push(await ms(() => rawPut(raw, { ...input(13 + i, i), id: `bench-rr-${i}`, updatedAt: stamp }, 'relaxed')))
  }
  strict.close()
  relaxed.close()
  raw.close()
  return {
    appSaveMs: median(t.appSaveMs),
    commitStrictMs: median(t.commitStrictMs),
    commitRelaxedMs: median(t.commitRelaxedMs),
    rawPutStrictMs: median(t.rawPutStrictMs),
    rawPutRelaxedMs: median(t.rawPutRelaxedMs),
  }
}
