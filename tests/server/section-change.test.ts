// A person who changes section: her older records reach her new section head on the head's next pull (no
// reconnect), and only hers are sent again. Also: rows stored before migration 0003 get their owners at start.
// Both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, joinAs, pushLedger, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { exampleLedger, stampAt } from './support/ledger'
import { migrate, MIGRATIONS } from '../../server/src/migrate'
import { fillMissingOwners, renumberOwned } from '../../server/src/owners'
import { inTransaction, openStorage } from '../../server/src/storage'
import { freshDatabase } from './support/harness'
import type { Person } from '../../src/domain/model/types'

const ids = (page: { records: Record<string, { id: string }[] | undefined> }) =>
  Object.entries(page.records).flatMap(([t, list]) => (list ?? []).map((r) => `${t}/${r.id}`)).sort()

describe.each(ENGINES)('a person changes section, on %s', (engine) => {
  let svc: Service
  let keeper: TestDevice
  const ledger = exampleLedger()
  beforeAll(async () => {
    svc = await startService(engine)
    keeper = await registerKeeper(svc.url, ledger.unit)
    await pushLedger(keeper, ledger.records)
  })
  afterAll(() => svc.close())

  it("her records reach the new section head on the head's next pull, and nothing else is sent again", async () => {
    const headA = await joinAs(svc.url, (await keeper.invite('q1', 'sectionHead', ['a'])).code)
    const headB = await joinAs(svc.url, (await keeper.invite('q2', 'sectionHead', ['b'])).code)
    await headA.pullAll()
    await headB.pullAll()
    await keeper.pullAll()
    expect(headA.held.has('activities/c7')).toBe(true)
    expect(headB.held.has('activities/c7')).toBe(false)
    expect(headB.held.has('examResults/r5')).toBe(false)

    const q5 = ledger.records.persons.find((p) => p.id === 'q5') as Person
    await keeper.push({ persons: [{ ...q5, sectionId: 'b', updatedAt: stampAt(Date.now(), 'keeper') }] })

    const toB = await headB.pull()
    expect(ids(toB)).toEqual(['activities/c7', 'examResults/r5', 'persons/q5'])
    const toA = await headA.pull()
    expect(ids(toA)).toEqual(['persons/q5'])
    // The keeper is sent her records again too (renumbered), and nothing of anyone else.
    const toKeeper = await keeper.pull()
    expect(ids(toKeeper)).toEqual(['activities/c7', 'examResults/r5', 'persons/q5'])
  })

  it('an edit of a person that keeps her section renumbers nothing', async () => {
    const headB = await joinAs(svc.url, (await keeper.invite('q3', 'sectionHead', ['b'])).code)
    await headB.pullAll()
    const q3 = ledger.records.persons.find((p) => p.id === 'q3') as Person
    await keeper.push({ persons: [{ ...q3, name: '丙（改名）', updatedAt: stampAt(Date.now(), 'keeper') }] })
    expect(ids(await headB.pull())).toEqual(['persons/q3'])
  })
})

describe.each(ENGINES)('migration 0003 on %s', (engine) => {
  it('fills the owners of rows stored before it, so a later section change still renumbers them', async () => {
    const databaseUrl = engine === 'postgresql' ? await freshDatabase() : null
    const storage = await openStorage({ databaseUrl, dataDir: 'memory://' })
    try {
      await migrate(storage.pool, MIGRATIONS.filter((m) => m.version < 3))
      const ledger = exampleLedger()
      await storage.pool.query("INSERT INTO units (id, name, seq) VALUES ('u1', '旧单位', 20)")
      let seq = 0
      for (const [tbl, list] of Object.entries(ledger.records)) {
        for (const r of list as { id: string; updatedAt: string }[]) {
          await storage.pool.query(
            'INSERT INTO records (unit_id, tbl, id, updated_at, deleted, seq, body, yr) VALUES ($1, $2, $3, $4, false, $5, $6, null)',
            ['u1', tbl, r.id, r.updatedAt, ++seq, JSON.stringify(r)],
          )
        }
      }
      expect(await migrate(storage.pool)).toEqual(MIGRATIONS.filter((m) => m.version >= 3).map((m) => m.version))
      expect(await fillMissingOwners(storage.pool)).toBe(seq)
      const { rows } = await storage.pool.query<{ id: string; owners: string[] }>(
        "SELECT id, owners FROM records WHERE unit_id = 'u1' AND tbl IN ('activities', 'examResults') ORDER BY id",
      )
      expect(Object.fromEntries(rows.map((r) => [r.id, r.owners]))).toEqual({
        c1: [], c2: [], c3: [], c4: [], c5: ['q3'], c6: [], c7: ['q5'], r1: ['q1'], r2: ['q2'], r3: ['q3'], r5: ['q5'],
      })
      expect(await fillMissingOwners(storage.pool)).toBe(0)
      const renumbered = await inTransaction(storage.pool, (c) => renumberOwned(c, 'u1', ['q5'], 21))
      expect(renumbered).toBe(2)
      const moved = await storage.pool.query("SELECT tbl, id FROM records WHERE unit_id = 'u1' AND seq > 20 ORDER BY seq")
      expect(moved.rows).toEqual([{ tbl: 'activities', id: 'c7' }, { tbl: 'examResults', id: 'r5' }])
    } finally {
      await storage.close()
    }
  })
})
