// Every shipped schema version is upgraded from a committed fixture with 100 % of records kept and valid.
import { readdirSync, readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerDB, SCHEMAS, SCHEMA_VERSIONS } from '@/db/database'
import { validateRecords } from '@/domain/ledger/schema'
import { TABLE_NAMES, type LedgerRecords } from '@/domain/model/types'

interface DbFixture {
  version: number
  schema: Record<string, string>
  tables: LedgerRecords
  meta: { key: string; value: unknown }[]
}

const dir = new URL('../../fixtures/db/', import.meta.url)
const fixtures = readdirSync(dir)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as DbFixture)

let n = 0
const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** Create a database exactly as an old build left it. */
async function seedOld(fx: DbFixture): Promise<string> {
  const name = `migrate-${++n}`
  const old = new Dexie(name)
  old.version(fx.version).stores(fx.schema)
  await old.open()
  await old.transaction('rw', old.tables, async () => {
    for (const t of TABLE_NAMES) await old.table(t).bulkPut(fx.tables[t])
    await old.table('meta').bulkPut(fx.meta)
    const outbox = (fx as DbFixture & { outbox?: unknown[] }).outbox
    if (outbox) await old.table('outbox').bulkPut(outbox)
  })
  old.close()
  return name
}

describe('schema migrations', () => {
  it('has a fixture for every version the database declares, up to the current one', () => {
    const current = new LedgerDB('probe', { autoOpen: false }).verno
    const versions = fixtures.map((f) => f.version).sort()
    expect(versions).toEqual([...SCHEMA_VERSIONS])
    expect(Math.max(...versions)).toBe(current)
  })

  it('v3 adds an empty outbox to a v1 database and keeps the outbox of a v3 one', async () => {
    for (const fx of fixtures) {
      const name = await seedOld(fx)
      const db = new LedgerDB(name)
      opened.push(db)
      await db.open()
      const rows = await db.outbox.toArray()
      expect(rows).toEqual(fx.version >= 3 ? (fx as DbFixture & { outbox: unknown[] }).outbox : [])
    }
  })

  it('never edits a shipped schema: every version is exactly its snapshot', () => {
    for (const v of SCHEMA_VERSIONS) expect(SCHEMAS[v]).toEqual(fixtures.find((f) => f.version === v)!.schema)
  })

  it('v1 → current: the review index of v2 holds every 自报 record of the old database', async () => {
    const v1 = fixtures.find((f) => f.version === 1)!
    const waiting = v1.tables.activities.filter((a) => (a as { review?: string }).review === 'selfReported').length
    expect(waiting).toBeGreaterThan(0)
    const db = new LedgerDB(await seedOld(v1))
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1])
    expect(await db.activities.where('review').equals('selfReported').count()).toBe(waiting)
  })

  for (const fx of fixtures) {
    it(`upgrades v${fx.version} to the current version keeping every record`, async () => {
      const name = await seedOld(fx)
      const db = new LedgerDB(name)
      opened.push(db)
      await db.open()
      for (const t of TABLE_NAMES) {
        const rows = await db.table(t).toArray()
        expect(rows.length).toBe(fx.tables[t].length)
        expect(new Map(rows.map((r) => [r.id, r]))).toEqual(new Map(fx.tables[t].map((r) => [r.id, r])))
      }
      const records = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.table(t).toArray()])))
      expect(validateRecords(records)).toMatchObject({ ok: true })
      expect((await db.meta.get('unit'))?.value).toEqual(fx.meta.find((m) => m.key === 'unit')?.value)
    })
  }

  it('an upgrade that throws leaves the version and the data unchanged', async () => {
    const fx = fixtures[fixtures.length - 1]
    const name = await seedOld(fx)
    const broken = new Dexie(name)
    broken.version(fx.version).stores(fx.schema)
    broken
      .version(fx.version + 1)
      .stores(fx.schema)
      .upgrade(async (tx) => {
        await tx.table('persons').toCollection().modify({ name: 'CHANGED' })
        throw new Error('upgrade failed')
      })
    await expect(broken.open()).rejects.toThrow()
    broken.close()
    const db = new LedgerDB(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(fx.version)
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
    expect((await db.persons.toArray()).sort(byId)).toEqual([...fx.tables.persons].sort(byId))
  })
})
