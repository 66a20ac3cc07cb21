// A new keeper device's first full sync over several pages, with the app's own client (src/sync/engine.ts over
// src/db on fake-indexeddb), on both engines: the next page is asked for while one is merged, and what the device
// does not hold is added without a read. It ends with the keeper's ledger, and a sync cut off between two pages
// keeps the pages merged before it and resumes after them.
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, pushLedger, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { LedgerDB } from '../../src/db/database'
import { ledgerHash } from '../unit/exchange/support'
import { mergeRecords } from '../../src/db/merge-records'
import { readSyncRows } from '../../src/db/sync-store'
import { joinWithInvitation, syncOnce } from '../../src/sync/engine'
import { SyncError } from '../../src/sync/api'
import { generateDemoLedger } from '../../src/domain/demo/ledger'
import { MAX_BATCH_RECORDS } from '../../src/domain/sync/protocol'
import { TABLE_NAMES } from '../../src/domain/model/types'

const demo = generateDemoLedger({ today: '2024-06-30', persons: 240 })
const total = TABLE_NAMES.reduce((n, t) => n + demo.records[t].length, 0)
let n = 0
const NOW = () => new Date().toISOString()

async function count(db: LedgerDB): Promise<number> {
  let c = 0
  for (const t of TABLE_NAMES) c += await db.table(t).count()
  return c
}

describe.each(ENGINES)('a first full sync of several pages on %s', (engine) => {
  let svc: Service
  let keeper: TestDevice
  let reference: LedgerDB
  beforeAll(async () => {
    svc = await startService(engine)
    keeper = await registerKeeper(svc.url, demo.unit)
    await pushLedger(keeper, demo.records)
    reference = new LedgerDB(`full-ref-${engine}`)
    await mergeRecords(reference, demo.records, { unit: demo.unit })
  })
  afterAll(() => svc.close())

  async function newKeeperDevice(fetchFn?: typeof fetch): Promise<LedgerDB> {
    const db = new LedgerDB(`full-${engine}-${++n}`)
    const code = (await keeper.invite(demo.records.persons[0].id, 'keeper')).code
    await joinWithInvitation(db, { base: svc.url, label: 'pc', nowIso: NOW(), code, fetch: fetchFn })
    return db
  }

  it('ends with the ledger the keeper uploaded', async () => {
    expect(total).toBeGreaterThan(2 * MAX_BATCH_RECORDS)
    const db = await newKeeperDevice()
    const out = await syncOnce(db, { pageSize: MAX_BATCH_RECORDS })
    expect(out.pulled).toBe(total)
    expect(await ledgerHash(db)).toBe(await ledgerHash(reference))
  })

  it('cut off while the second page is on its way: the first page is kept, and the next sync resumes after it', async () => {
    let pulls = 0
    const failSecondPull: typeof fetch = async (input, init) => {
      if (String(input).includes('api/sync/pull') && ++pulls === 2) throw new TypeError('network down')
      return fetch(input, init)
    }
    const db = await newKeeperDevice(failSecondPull)
    const cut = await syncOnce(db, { fetch: failSecondPull, pageSize: MAX_BATCH_RECORDS }).catch((e: unknown) => e)
    expect(cut).toBeInstanceOf(SyncError)
    expect((cut as SyncError).isOffline).toBe(true)
    expect(await count(db)).toBe(MAX_BATCH_RECORDS)
    const { state } = await readSyncRows(db)
    expect(Number(state.cursor)).toBeGreaterThanOrEqual(MAX_BATCH_RECORDS)
    const rest = await syncOnce(db, { pageSize: MAX_BATCH_RECORDS })
    expect(rest.pulled).toBe(total - MAX_BATCH_RECORDS)
    expect(await ledgerHash(db)).toBe(await ledgerHash(reference))
  })
})
