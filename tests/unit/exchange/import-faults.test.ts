// A fault injected at every write of an import leaves the database exactly as before (one transaction).
// The faults come from the storage layer itself (a DBCore middleware, tests/unit/support/faults.ts), not from a hook
// in the import code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importLedgerFile, restoreSafetyBackup, type ImportResult } from '@/db/ledger-io'
import type { ApplyOptions } from '@/db/ledger-apply'
import type { LedgerDB } from '@/db/database'
import { setWallClock } from '@/db/clock'
import { setMeta } from '@/db/meta'
import { mergeRecords } from '@/db/merge-records'
import { buildLedgerFile } from '@/domain/ledger/file'
import type { FilePurpose, LedgerRecords } from '@/domain/model/types'
import { deleteFaultyLedgers, faultyLedger, type FaultyLedger } from '../support/faults'
import { activity, dumpDb, examResult, person, sampleRecords, stamp, tomb, UNIT } from './support'

beforeEach(() => {
  let t = Date.UTC(2024, 11, 1)
  setWallClock(() => (t += 1000))
})
afterEach(deleteFaultyLedgers)

/** An empty ledger whose writes can be made to fail. */
async function faultyEmpty(label: string): Promise<FaultyLedger> {
  const f = faultyLedger(`import-faults-${label}`)
  await f.db.open()
  return f
}

/** The sample ledger of UNIT, whose writes can be made to fail (nothing fails while it is seeded). */
async function faultySeeded(label: string): Promise<FaultyLedger> {
  const f = await faultyEmpty(label)
  await mergeRecords(f.db, sampleRecords(), { unit: UNIT })
  await setMeta(f.db, 'deviceId', `d-${label}`)
  return f
}

/** The sample ledger with edits in every table, new records and deletions, all newer. */
function changedRecords(): LedgerRecords {
  const r = sampleRecords()
  const later = (m: number) => stamp(m, 'other')
  r.sections[0] = { ...r.sections[0], name: '综合办公室', updatedAt: later(1) }
  r.persons.push(person('p4', { name: '赵六', sectionId: 's1', updatedAt: later(2) }), person('p5', { updatedAt: later(3) }))
  r.persons[2] = tomb('p3', later(4))
  for (let i = 0; i < 9; i++) r.activities.push(activity(`n${i}`, { attendees: ['p4'], updatedAt: later(10 + i) }))
  r.activities[0] = tomb('a1', later(20))
  r.examResults.push(examResult('r3', 'x1', 'p4', { updatedAt: later(21) }))
  r.targetSets[0] = { ...r.targetSets[0], updatedAt: later(22), rules: [] }
  return r
}

async function fileText(purpose: FilePurpose, records: LedgerRecords, personId: string | null = null): Promise<string> {
  return JSON.stringify(await buildLedgerFile({ purpose, unit: UNIT, deviceId: 'other', personId, exportedAt: '2024-12-12T08:00:00.000Z', records }))
}

/** Import with the storage failing at write k = 1, 2, … until an import gets through; every failed one must change nothing. */
async function faultAtEveryWrite({ db, arm }: FaultyLedger, run: (db: LedgerDB, opts: ApplyOptions) => Promise<ImportResult>): Promise<number> {
  for (let k = 1; k < 500; k++) {
    const before = await dumpDb(db)
    arm(k, () => new Error(`injected fault at write ${k}`))
    const result = await run(db, { chunkSize: 2 })
    arm(Infinity, () => new Error('never'))
    if (result.status === 'done') return k - 1
    expect(result).toMatchObject({ status: 'error', error: expect.stringContaining('导入失败，台账未作任何改动') })
    expect(await dumpDb(db), `fault at write ${k}`).toEqual(before)
  }
  throw new Error('the import never completed')
}

describe('fault injection at every write', () => {
  it('merging a publish file into a ledger with data', async () => {
    const ledger = await faultySeeded('merge')
    // A 发布 carries group sessions (personal records and results are not in its scope).
    const records = changedRecords()
    records.activities = records.activities.map((a) => ('kind' in a ? { ...a, kind: 'collective' as const } : a))
    const text = await fileText('publish', records)
    const writes = await faultAtEveryWrite(ledger, (db, o) => importLedgerFile(db, text, o))
    expect(writes).toBeGreaterThanOrEqual(10)
  })

  it('restoring a backup over data (with the safety backup write)', async () => {
    const ledger = await faultySeeded('restore')
    const text = await fileText('backup', changedRecords())
    const writes = await faultAtEveryWrite(ledger, (db, o) => importLedgerFile(db, text, { ...o, confirmRestore: true }))
    expect(writes).toBeGreaterThanOrEqual(10)
  })

  it('a backup into an empty ledger (unit adoption, backup time)', async () => {
    const ledger = await faultyEmpty('empty')
    const text = await fileText('backup', changedRecords())
    const writes = await faultAtEveryWrite(ledger, (db, o) => importLedgerFile(db, text, o))
    expect(writes).toBeGreaterThanOrEqual(10)
  })

  it('a 提交 file at the keeper', async () => {
    const ledger = await faultySeeded('submit')
    const mine = [1, 2, 3, 4, 5].map((i) => activity(`m${i}`, { attendees: ['p2'], updatedAt: stamp(30 + i, 'phone') }))
    const text = await fileText('submit', { sections: [], persons: [], exams: [], examResults: [], targetSets: [], activities: [...mine, tomb('a3', stamp(40, 'phone'))] }, 'p2')
    const writes = await faultAtEveryWrite(ledger, (db, o) => importLedgerFile(db, text, o))
    expect(writes).toBeGreaterThanOrEqual(3)
  })

  it('restoring the safety backup (replace: deletes and puts)', async () => {
    const ledger = await faultySeeded('safety')
    await setMeta(ledger.db, 'identity', 'p1')
    const r = await importLedgerFile(ledger.db, await fileText('backup', changedRecords()), { confirmRestore: true })
    expect(r.status).toBe('done')
    const writes = await faultAtEveryWrite(ledger, (db, o) => restoreSafetyBackup(db, o))
    expect(writes).toBeGreaterThanOrEqual(5)
  })
})
