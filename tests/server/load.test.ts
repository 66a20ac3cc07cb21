// A bounded loopback load: keeper devices and officials push and pull at once; every keeper device ends with the
// same ledger hash, and no change is lost. Both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, joinAs, registerKeeper, startService, type Service, type TestDevice } from './support/harness'
import { selfStudy, stampAt } from './support/ledger'
import { recordsHash } from '../../src/domain/ledger/canonical'
import { generateDemoLedger } from '../../src/domain/demo/ledger'
import { pushLedger } from './support/harness'
import type { Activity, Person } from '../../src/domain/model/types'

const KEEPERS = 4
const OFFICIALS = 16
const CHANGES = 20

describe.each(ENGINES)('load on %s', (engine) => {
  let svc: Service
  beforeAll(async () => {
    svc = await startService(engine)
  })
  afterAll(() => svc.close())

  it(`${KEEPERS} keeper devices and ${OFFICIALS} officials × ${CHANGES} changes converge to one ledger hash`, async () => {
    const demo = generateDemoLedger({ today: '2024-11-20', persons: 40 })
    const first = await registerKeeper(svc.url, demo.unit)
    await pushLedger(first, demo.records)
    const keepers: TestDevice[] = [first]
    for (let i = 1; i < KEEPERS; i++) keepers.push(await registerKeeper(svc.url, demo.unit))
    const persons = (demo.records.persons as Person[]).slice(0, OFFICIALS)
    const officials = await Promise.all(persons.map(async (p) => joinAs(svc.url, (await first.invite(p.id, 'official')).code)))
    const acts = demo.records.activities as Activity[]
    await Promise.all([
      ...officials.map(async (o, k) => {
        for (let i = 0; i < CHANGES; i++) {
          await o.push({ activities: [selfStudy(persons[k].id, { id: `ld-${k}-${i}`, updatedAt: stampAt(Date.now(), `o${k}`, i) })] })
          if (i % 5 === 4) await o.pullAll()
        }
      }),
      ...keepers.map(async (d, k) => {
        for (let i = 0; i < CHANGES; i++) {
          // Keepers edit the same group records at once: the merge rule picks one winner everywhere.
          const a = acts[(i * 7) % 30]
          await d.push({ activities: [{ ...a, note: `k${k}-${i}`, updatedAt: stampAt(Date.now(), `k${k}`, i) }] })
          if (i % 5 === 4) await d.pullAll()
        }
      }),
    ])
    for (const d of keepers) await d.pullAll()
    const hashes = await Promise.all(keepers.map((d) => recordsHash(d.records())))
    expect(new Set(hashes).size).toBe(1)
    const ids = new Set(keepers[0].records().activities.map((a) => a.id))
    for (let k = 0; k < OFFICIALS; k++) for (let i = 0; i < CHANGES; i++) expect(ids.has(`ld-${k}-${i}`)).toBe(true)
    for (const o of officials) {
      await o.pullAll()
      const mine = o.records().activities.filter((a) => a.id.startsWith('ld-'))
      expect(mine).toHaveLength(CHANGES)
    }
  })
})
