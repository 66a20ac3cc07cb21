// Every shipped schema version is upgraded from a committed fixture with 100 % of records kept and valid.
import { readdirSync, readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerDB, SCHEMA_V1, SCHEMA_V2 } from '@/db/database'
import { validateRecords } from '@/domain/ledger/schema'
import { REGISTER_NAMES, TABLE_NAMES, type FileRecords } from '@/domain/model/types'

interface DbFixture {
  version: number
  schema: Record<string, string>
  tables: FileRecords
  meta: { key: string; value: unknown }[]
}

/** Every table an old build wrote: the records, and from version 2 the registers. */
const tablesOf = (fx: DbFixture) => [...TABLE_NAMES, ...REGISTER_NAMES.filter((t) => fx.tables[t] !== undefined)]

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
    for (const t of tablesOf(fx)) await old.table(t).bulkPut(fx.tables[t] as object[])
    await old.table('meta').bulkPut(fx.meta)
  })
  old.close()
  return name
}

describe('schema migrations', () => {
  it('has a fixture for every version up to the current one', () => {
    const current = new LedgerDB('probe', { autoOpen: false }).verno
    const versions = fixtures.map((f) => f.version).sort()
    expect(versions).toEqual(Array.from({ length: current }, (_, i) => i + 1))
  })

  it('never edits a shipped schema: each one is exactly its snapshot', () => {
    expect(SCHEMA_V1).toEqual(fixtures.find((f) => f.version === 1)!.schema)
    expect(SCHEMA_V2).toEqual(fixtures.find((f) => f.version === 2)!.schema)
  })

  for (const fx of fixtures) {
    it(`upgrades v${fx.version} to the current version keeping every record`, async () => {
      const name = await seedOld(fx)
      const db = new LedgerDB(name)
      opened.push(db)
      await db.open()
      for (const t of tablesOf(fx)) {
        const rows = await db.table(t).toArray()
        const want = fx.tables[t] as { id: string }[]
        expect(rows.length).toBe(want.length)
        expect(new Map(rows.map((r) => [r.id, r]))).toEqual(new Map(want.map((r) => [r.id, r])))
      }
      const records = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.table(t).toArray()])))
      expect(validateRecords(records)).toMatchObject({ ok: true })
      expect((await db.meta.get('unit'))?.value).toEqual(fx.meta.find((m) => m.key === 'unit')?.value)
      // Every version-2 device knows which scopes it holds: a keeper's device its own whole ledger.
      expect((await db.meta.get('heldScopes'))?.value).toMatchObject([{ scope: { role: 'keeper' }, source: 'local' }])
    })
  }

  it('upgrading a version-1 official\'s phone: it holds what a 发布 gave, as of the newest record it received', async () => {
    const v1 = fixtures.find((f) => f.version === 1)!
    const meta = v1.meta.map((m) => (m.key === 'deviceRole' ? { key: 'deviceRole', value: 'person' } : m))
    const name = await seedOld({ ...v1, meta })
    const db = new LedgerDB(name)
    opened.push(db)
    await db.open()
    const newest = TABLE_NAMES.flatMap((t) => (v1.tables[t] as { updatedAt: string }[]).map((r) => r.updatedAt.slice(0, 24))).sort().pop()
    expect((await db.meta.get('heldScopes'))?.value).toEqual([{ scope: { role: 'everyone' }, asOf: newest, source: 'file:发布' }])
    expect(await db.reviewOutcomes.count()).toBe(0)
  })

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
