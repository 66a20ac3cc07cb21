// An official's phone knows whether it holds every personal record of hers the keeper holds (issue 15): a phone set
// up from the 发布 file while the keeper holds records of hers says its own view is partial.
import { afterAll, describe, expect, it } from 'vitest'
import { exportLedger, importLedgerFile, type ImportResult } from '@/db/ledger-io'
import type { LedgerDB } from '@/db/database'
import { commitChanges } from '@/db/writes'
import { getMeta, setMeta } from '@/db/meta'
import { ownRecordsHeldOn } from '@/db/own-records'
import type { Activity } from '@/domain/model/types'
import { closeAll, freshDb, sampleRecords, UNIT } from './support'
import { mergeRecords } from '@/db/merge-records'

afterAll(closeAll)
const NOW = new Date('2024-12-12T08:00:00.000Z')

function done(r: ImportResult): void {
  if (r.status !== 'done') throw new Error(JSON.stringify(r))
}

const study = (id: string, personId: string): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'self', title: '自学', date: '2024-12-01', endDate: null, hours: 1, legalTheme: false, laws: [], category: null,
  organizer: null, lecturer: null, attendees: [personId], note: '', review: 'selfReported', reviewNote: null,
})

async function keeperDb(): Promise<LedgerDB> {
  const db = await freshDb('own-keeper')
  const records = sampleRecords()
  // p1 has a 自学 record on the keeper's ledger (a1); p2's online record (a3) too; p3 has none.
  await mergeRecords(db, records, { unit: UNIT })
  await setMeta(db, 'deviceId', 'd-keeper')
  await setMeta(db, 'heldScopes', [{ scope: { role: 'keeper' }, asOf: NOW.toISOString(), source: 'local' }])
  return db
}

async function phone(keeper: LedgerDB, personId: string): Promise<LedgerDB> {
  const db = await freshDb('own-phone')
  done(await importLedgerFile(db, (await exportLedger(keeper, 'publish', { now: NOW })).text))
  await setMeta(db, 'identity', personId)
  await setMeta(db, 'deviceId', `d-${personId}`)
  return db
}

const held = async (db: LedgerDB, personId: string) => ownRecordsHeldOn(db, personId, (await getMeta(db, 'deviceId'))!)

describe('an official\'s own records', () => {
  it('are not all on a phone set up from the 发布 file when the keeper holds records of hers', async () => {
    const keeper = await keeperDb()
    expect(await held(await phone(keeper, 'p1'), 'p1')).toBe(false)
  })

  it('are all on her phone when she made them there, sent them and the keeper published since; not when the keeper adds one', async () => {
    const keeper = await keeperDb()
    const mine = await phone(keeper, 'p3')
    expect(await held(mine, 'p3')).toBe(true) // the keeper holds nothing of hers
    await commitChanges(mine, [{ table: 'activities', put: [study('m1', 'p3')] }])
    const submit = await exportLedger(mine, 'submit', { now: new Date('2024-12-12T09:00:00.000Z') })
    done(await importLedgerFile(keeper, submit.text))
    // The 发布 she holds is older than her 提交: it matches what she had sent before (nothing).
    expect(await held(mine, 'p3')).toBe(true)
    done(await importLedgerFile(mine, (await exportLedger(keeper, 'publish', { now: new Date('2024-12-12T10:00:00.000Z') })).text))
    expect(await held(mine, 'p3')).toBe(true)
    await commitChanges(keeper, [{ table: 'activities', put: [study('k1', 'p3')] }])
    done(await importLedgerFile(mine, (await exportLedger(keeper, 'publish', { now: new Date('2024-12-12T11:00:00.000Z') })).text))
    expect(await held(mine, 'p3')).toBe(false)
  })

  it('a 提交 of only the changes since the last one stands for all her records; stamps, not clocks, say what changed', async () => {
    const keeper = await keeperDb()
    const mine = await phone(keeper, 'p3')
    await commitChanges(mine, [{ table: 'activities', put: [study('m1', 'p3')] }])
    done(await importLedgerFile(keeper, (await exportLedger(mine, 'submit', { now: new Date('2024-12-12T09:00:00.000Z') })).text))
    await commitChanges(mine, [{ table: 'activities', put: [study('m2', 'p3')] }])
    // The phone's clock went back a day: the second file still carries m2 alone, and is remembered as m1 + m2.
    const changes = await exportLedger(mine, 'submit', { since: 'lastSubmit', now: new Date('2024-12-11T09:00:00.000Z') })
    expect(changes.counts).toEqual({ live: 1, deleted: 0 })
    expect(changes.submitted.map((r) => r.id).sort()).toEqual(['m1', 'm2'])
    done(await importLedgerFile(keeper, changes.text))
    done(await importLedgerFile(mine, (await exportLedger(keeper, 'publish', { now: new Date('2024-12-12T10:00:00.000Z') })).text))
    expect(await held(mine, 'p3')).toBe(true)
  })

  it('a phone restored from its backup (the 提交 files forgotten) holds her records when it holds what the keeper holds', async () => {
    const keeper = await keeperDb()
    const mine = await phone(keeper, 'p3')
    await commitChanges(mine, [{ table: 'activities', put: [study('m1', 'p3')] }])
    done(await importLedgerFile(keeper, (await exportLedger(mine, 'submit', { now: new Date('2024-12-12T09:00:00.000Z') })).text))
    await setMeta(mine, 'submittedSets', [])
    done(await importLedgerFile(mine, (await exportLedger(keeper, 'publish', { now: new Date('2024-12-12T10:00:00.000Z') })).text))
    expect(await held(mine, 'p3')).toBe(true)
  })
})
