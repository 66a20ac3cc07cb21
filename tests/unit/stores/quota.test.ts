// Issue #7: a QuotaExceededError (or an AbortError wrapping one) at ANY write of a store-level save leaves the
// ledger exactly as before, the store rejects with an error the UI can turn into the zh-CN quota message, and
// nothing reports success.
import { afterEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { LedgerDB } from '@/db/database'
import { setDb } from '@/db'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import { setMeta } from '@/db/meta'
import { describeStorageError, isQuotaError } from '@/db/storage-errors'
import { errorText } from '@/stores/error-text'
import type { ActivityInput } from '@/domain/input/activity-input'
import type { Person, Section } from '@/domain/model/types'
import { useActivityEditsStore } from '@/stores/activity-edits'
import { useLedgerStore } from '@/stores/ledger'
import { useRosterStore } from '@/stores/roster'
import { readRosterPaste } from '@/domain/input/roster-paste'
import { abortOfQuota, deleteFaultyLedgers, faultyLedger, quotaError, snapshotOf, type FaultyLedger } from '../support/faults'

const TODAY = '2024-11-22'
const QUOTA_TEXT = /存储空间已满.*未保存/
afterEach(async () => {
  setDb(null)
  await deleteFaultyLedgers()
})

const person = (id: string): Omit<Person, 'updatedAt'> => ({
  id, name: `人员${id}`, sectionId: 's1', title: null, roles: ['enforcement'], certNo: null, activeFrom: '2020-01-01', activeTo: null,
})

const section: Omit<Section, 'updatedAt'> = { id: 's1', name: '办公室', order: 1 }

async function seed(db: LedgerDB): Promise<void> {
  let t = Date.UTC(2024, 10, 22, 2)
  setWallClock(() => (t += 1000))
  await commitChanges(db, [
    { table: 'sections', put: [section] },
    { table: 'persons', put: [person('p1'), person('p2'), person('p3')] },
  ])
  await setMeta(db, 'unit', { id: 'u1', name: '某局' })
  await setMeta(db, 'deviceRole', 'keeper')
  await setMeta(db, 'identity', 'p1')
}

const snapshot = snapshotOf
const quota = quotaError

const lecture: ActivityInput = {
  kind: 'lecture', title: '《中华人民共和国行政复议法》专题讲座', date: '2024-11-01', endDate: null, hours: 2, legalTheme: true,
  laws: [], category: null, organizer: '局党组', lecturer: null, attendees: ['p1', 'p2', 'p3'], note: '',
}

type Save = () => Promise<unknown>
const SAVES: [string, Save][] = [
  ['activities.saveActivity (a group session for 3 attendees)', () => useActivityEditsStore().saveActivity(lecture, TODAY)],
  [
    'activities.quickLog (record + remembered defaults)',
    () => useActivityEditsStore().quickLog({ kind: 'online', date: TODAY, hours: 1.5, laws: ['宪法'], topic: '', platform: '法宣在线' }, TODAY),
  ],
  [
    'roster.pasteRoster (5 persons in one commit)',
    () => useRosterStore().pasteRoster(readRosterPaste('甲一\n乙二\n丙三\n丁四\n戊五', []).persons, {}, { sectionId: 's1', roles: [], activeFrom: '2024-01-01' }, TODAY),
  ],
]

/** A fresh ledger with the stores bound to it. */
async function fresh(): Promise<FaultyLedger> {
  const f = faultyLedger('quota')
  await f.db.open()
  setDb(f.db)
  setActivePinia(createPinia())
  await seed(f.db)
  await useLedgerStore().init()
  return f
}

/** How many DBCore writes the save makes when nothing fails. */
async function countWrites(save: Save): Promise<number> {
  const f = await fresh()
  f.arm(Infinity, quota)
  await save()
  const k = f.writes()
  setDb(null)
  return k
}

describe('quota and abort injected into store-level multi-record saves', () => {
  for (const [label, save] of SAVES) {
    it(`${label}: fails whole at every write, message in zh-CN, ledger unchanged`, async () => {
      const total = await countWrites(save)
      expect(total).toBeGreaterThanOrEqual(2)
      for (const [kind, make] of [['quota', quota], ['abort(quota)', abortOfQuota]] as const) {
        for (let k = 1; k <= total; k++) {
          const { db, arm } = await fresh()
          const before = await snapshot(db)
          arm(k, make)
          let resolved = false
          const error = await save().then(
            () => ((resolved = true), null),
            (e: unknown) => e,
          )
          expect(resolved, `${kind} at write ${k}/${total} must not resolve (no 已保存)`).toBe(false)
          expect(isQuotaError(error), `${kind} at write ${k}: the quota error reaches the caller`).toBe(true)
          expect(describeStorageError(error)).toMatch(QUOTA_TEXT)
          expect(await snapshot(db), `${kind} at write ${k}/${total}: ledger unchanged`).toBe(before)
          setDb(null)
        }
      }
    })
  }

  it('the same saves without a fault write everything', async () => {
    for (const [, save] of SAVES) {
      const { db } = await fresh()
      const before = await snapshot(db)
      await save()
      expect(await snapshot(db)).not.toBe(before)
      setDb(null)
    }
  })

  // The pages show `errorText(e)` (domain/input-error.ts) for a failed save: a quota failure gets the clear sentence.
  it('errorText, which the pages show, gives the quota sentence for a quota failure', async () => {
    const { arm } = await fresh()
    arm(1, abortOfQuota)
    const error = await SAVES[0][1]().then(() => null, (e: unknown) => e)
    expect(errorText(error)).toMatch(QUOTA_TEXT)
  })
})
