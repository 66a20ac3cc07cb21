// The app's sync client (src/sync/engine.ts over src/db on fake-indexeddb) against the real service: the keeper
// uploads the ledger, an official's saves reach the keeper, the keeper's 退回 reaches the official, a file merged
// on a synced device is uploaded, and a record outside the scope is set aside, not retried forever.
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, SETUP_CODE, startService, type Service } from './support/harness'
import { exampleLedger, selfStudy } from './support/ledger'
import { LedgerDB } from '../../src/db/database'
import { commitChanges } from '../../src/db/writes'
import { mergeRecords } from '../../src/db/merge-records'
import { setReview } from '../../src/db/review'
import { getMeta, setMeta } from '../../src/db/meta'
import { ledgerHash } from '../unit/exchange/support'
import { pendingCount, readSyncRows } from '../../src/db/sync-store'
import { connectWithSetupCode, joinWithInvitation, syncOnce } from '../../src/sync/engine'
import { syncApi } from '../../src/sync/api'
import type { Activity, Person } from '../../src/domain/model/types'
import { asOfWords, coverage, type HeldScope } from '../../src/domain/access/held-scopes'
import { scopeContext } from '../../src/domain/access/scope'

let n = 0
function freshDb(): LedgerDB {
  return new LedgerDB(`client-${++n}-${Date.now()}`)
}
const NOW = () => new Date().toISOString()

describe.each(ENGINES)('the app sync client on %s', (engine) => {
  let svc: Service
  const ledger = exampleLedger()
  beforeAll(async () => {
    svc = await startService(engine)
  })
  afterAll(() => svc.close())

  async function keeperDevice(): Promise<LedgerDB> {
    const db = freshDb()
    await mergeRecords(db, ledger.records, { unit: ledger.unit })
    await connectWithSetupCode(db, { base: svc.url, label: 'pc', nowIso: NOW(), setupCode: SETUP_CODE, county: false })
    return db
  }

  it('a keeper connects and uploads the whole ledger; a second keeper device gets the same ledger', async () => {
    const keeper = await keeperDevice()
    expect(await pendingCount(keeper)).toBe(20)
    const out = await syncOnce(keeper, { batchSize: 7 })
    expect(out.pushed).toBe(20)
    expect(await pendingCount(keeper)).toBe(0)
    const second = freshDb()
    await connectWithSetupCode(second, { base: svc.url, label: 'pc2', nowIso: NOW(), setupCode: SETUP_CODE, county: false }).catch((e) => e)
    // A device without a ledger cannot register a unit; it joins by invitation instead.
    const code = (await syncApi.invite({ base: svc.url, token: (await readSyncRows(keeper)).connection!.token }, { personId: 'q1', role: 'keeper' })).code
    await joinWithInvitation(second, { base: svc.url, label: 'pc2', nowIso: NOW(), code })
    await syncOnce(second)
    expect(await ledgerHash(second)).toBe(await ledgerHash(keeper))
    expect(await getMeta(second, 'unit')).toEqual(ledger.unit)
    expect((await readSyncRows(second)).state).toMatchObject({ scope: { role: 'keeper' }, source: svc.url })
  })

  it("an official's save reaches the keeper, and the keeper's 退回 reaches her", async () => {
    const keeper = await keeperDevice()
    await syncOnce(keeper)
    const token = (await readSyncRows(keeper)).connection!.token
    const code = (await syncApi.invite({ base: svc.url, token }, { personId: 'q5', role: 'official' })).code
    const phone = freshDb()
    await joinWithInvitation(phone, { base: svc.url, label: 'phone', nowIso: NOW(), code })
    await syncOnce(phone)
    expect(await getMeta(phone, 'identity')).toBe('q5')
    expect(await getMeta(phone, 'deviceRole')).toBe('person')
    const { updatedAt: _u, ...rec } = selfStudy('q5', { id: 'phone-rec-1' })
    await commitChanges(phone, [{ table: 'activities', put: [rec] }])
    expect(await pendingCount(phone)).toBe(1)
    await syncOnce(phone)
    expect(((await phone.activities.get('phone-rec-1')) as Activity).review).toBe('selfReported')
    await syncOnce(keeper)
    expect(((await keeper.activities.get('phone-rec-1')) as Activity).review).toBe('selfReported')
    await setReview(keeper, ['phone-rec-1'], 'returned', '请补充学习内容')
    await syncOnce(keeper)
    await syncOnce(phone)
    expect(await phone.activities.get('phone-rec-1')).toMatchObject({ review: 'returned', reviewNote: '请补充学习内容' })
    // The official never holds the others' personal records.
    expect(await phone.activities.get('c7')).toBeDefined()
    expect(await phone.activities.get('c5')).toBeUndefined()
  })

  it('a file merged on a synced keeper device is uploaded too', async () => {
    const keeper = await keeperDevice()
    await syncOnce(keeper)
    const extra = selfStudy('q2', { id: 'from-a-file' })
    const { applyPrepared } = await import('../../src/db/ledger-apply')
    const res = await applyPrepared(keeper, {
      header: { ...ledger, purpose: 'submit', exportedBy: { deviceId: 'x', personId: 'q2' } },
      records: { sections: [], persons: [], activities: [extra], exams: [], examResults: [], targetSets: [] },
      wasEncrypted: false,
    } as never)
    expect(res.status).toBe('done')
    expect(await pendingCount(keeper)).toBe(1)
    await syncOnce(keeper)
    const other = (await syncApi.pull({ base: svc.url, token: (await readSyncRows(keeper)).connection!.token }, '0')).records.activities ?? []
    expect(other.map((a) => a.id)).toContain('from-a-file')
  })

  it('an official\'s change outside her scope stays on the phone, is not retried, and is counted', async () => {
    const keeper = await keeperDevice()
    await syncOnce(keeper)
    const token = (await readSyncRows(keeper)).connection!.token
    const phone = freshDb()
    await joinWithInvitation(phone, { base: svc.url, label: 'p', nowIso: NOW(), code: (await syncApi.invite({ base: svc.url, token }, { personId: 'q2', role: 'official' })).code })
    await syncOnce(phone)
    const { updatedAt: _u, ...group } = ledger.records.activities[1] as Activity
    await commitChanges(phone, [{ table: 'activities', put: [{ ...group, hours: 1 } as Omit<Activity, 'updatedAt'>] }])
    await syncOnce(phone)
    expect(await pendingCount(phone)).toBe(0)
    expect((await readSyncRows(phone)).state.refused).toBe(1)
    expect(((await phone.activities.get(group.id)) as Activity).hours).toBe(1)
  })

  it('a synced section head holds her section as of the last pull: her section view is complete, 来自同步', async () => {
    const keeper = await keeperDevice()
    await syncOnce(keeper)
    const token = (await readSyncRows(keeper)).connection!.token
    const phone = freshDb()
    const code = (await syncApi.invite({ base: svc.url, token }, { personId: 'q2', role: 'sectionHead', sectionIds: ['b'] })).code
    await joinWithInvitation(phone, { base: svc.url, label: 'head', nowIso: NOW(), code })
    expect(await getMeta(phone, 'heldScopes')).toBeUndefined()
    await syncOnce(phone)
    const first = (await readSyncRows(phone)).state.asOf!
    const held = (await getMeta(phone, 'heldScopes')) as HeldScope[]
    expect(held).toEqual([{ scope: { role: 'sectionHead', personId: 'q2', sectionIds: ['b'] }, asOf: first, source: 'sync' }])
    const ctx = scopeContext(await phone.persons.toArray())
    const section = coverage(held, ['q2', 'q3'], ctx, NOW())
    expect(section).toMatchObject({ isComplete: true, asOf: first, sources: ['同步'] })
    expect(asOfWords(section)).toMatch(/^数据截至 \d+月\d+日 \d\d:\d\d（来自同步）$/)
    // Another section's persons are not hers: the unit view stays partial.
    expect(coverage(held, ['q1', 'q2'], ctx, NOW())).toMatchObject({ isComplete: false, missing: ['q1'] })
    // The next pull brings nothing new, and the held scope follows its time.
    await new Promise((r) => setTimeout(r, 5))
    await syncOnce(phone)
    const second = (await readSyncRows(phone)).state.asOf!
    expect(((await getMeta(phone, 'heldScopes')) as HeldScope[]).map((h) => h.asOf)).toEqual([second])
  })

  it("a person who changes section: the old head's phone drops her records, the new head's phone gets them", async () => {
    const keeper = await keeperDevice()
    await syncOnce(keeper)
    const token = (await readSyncRows(keeper)).connection!.token
    const headOf = async (personId: string, section: string) => {
      const db = freshDb()
      const code = (await syncApi.invite({ base: svc.url, token }, { personId, role: 'sectionHead', sectionIds: [section] })).code
      await joinWithInvitation(db, { base: svc.url, label: 'head', nowIso: NOW(), code })
      await syncOnce(db)
      return db
    }
    const headA = await headOf('q1', 'a')
    const headB = await headOf('q2', 'b')
    expect(await headA.activities.get('c7')).toBeDefined()
    expect(await headA.examResults.get('r5')).toBeDefined()
    expect(await headB.activities.get('c7')).toBeUndefined()
    const { updatedAt: _u, ...q5 } = (await keeper.persons.get('q5')) as Person
    await commitChanges(keeper, [{ table: 'persons', put: [{ ...q5, sectionId: 'b' } as Omit<Person, 'updatedAt'>] }])
    await syncOnce(keeper)

    await syncOnce(headB)
    expect(await headB.activities.get('c7')).toMatchObject({ attendees: ['q5'] })
    expect(await headB.examResults.get('r5')).toMatchObject({ personId: 'q5' })
    await syncOnce(headA)
    expect(await headA.persons.get('q5')).toMatchObject({ sectionId: 'b' })
    expect(await headA.activities.get('c7')).toBeUndefined()
    expect(await headA.examResults.get('r5')).toBeUndefined()
    // Dropped, not deleted: no tombstone, nothing queued; the group sessions she attended stay.
    expect(await pendingCount(headA)).toBe(0)
    expect(await headA.activities.get('c2')).toBeDefined()
    expect(await keeper.activities.get('c7')).toMatchObject({ attendees: ['q5'] })
  })

  it('refuses to join a phone holding another unit\'s ledger, and leaves it as it was', async () => {
    const keeper = await keeperDevice()
    const token = (await readSyncRows(keeper)).connection!.token
    const phone = freshDb()
    await setMeta(phone, 'unit', { id: 'u-elsewhere', name: '别的局' })
    const code = (await syncApi.invite({ base: svc.url, token }, { personId: 'q2', role: 'official' })).code
    await expect(joinWithInvitation(phone, { base: svc.url, label: 'p', nowIso: NOW(), code })).rejects.toThrow(/不是同一个单位/)
    expect(await getMeta(phone, 'syncConnection')).toBeUndefined()
    expect(await getMeta(phone, 'unit')).toEqual({ id: 'u-elsewhere', name: '别的局' })
  })
})
