// Every shipped schema version is upgraded from a committed fixture with 100 % of records kept and valid.
import { readdirSync, readFileSync } from 'node:fs'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { LedgerDB, SCHEMAS, SCHEMA_VERSIONS } from '@/db/database'
import { validateRecords } from '@/domain/ledger/schema'
import { REGISTER_NAMES, TABLE_NAMES, type FileRecords } from '@/domain/model/types'

interface DbFixture {
  version: number
  schema: Record<string, string>
  tables: FileRecords
  meta: { key: string; value: unknown }[]
}

/** Every table an old build wrote: the records, and from version 4 the registers. */
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

  it('v3 adds an empty outbox to a v1 or v2 database and keeps the outbox of a v3 or v4 one', async () => {
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
      for (const t of tablesOf(fx)) {
        const rows = await db.table(t).toArray()
        const want = fx.tables[t] as { id: string }[]
        expect(rows.length).toBe(want.length)
        expect(new Map(rows.map((r) => [r.id, r]))).toEqual(new Map(want.map((r) => [r.id, r])))
      }
      const records = Object.fromEntries(await Promise.all(TABLE_NAMES.map(async (t) => [t, await db.table(t).toArray()])))
      expect(validateRecords(records)).toMatchObject({ ok: true })
      expect((await db.meta.get('unit'))?.value).toEqual(fx.meta.find((m) => m.key === 'unit')?.value)
      // Every version-4 device knows which scopes it holds: a keeper's device its own whole ledger.
      expect((await db.meta.get('heldScopes'))?.value).toMatchObject([{ scope: { role: 'keeper' }, source: 'local' }])
      // The registers start empty on an older device and are kept on a version-4 one.
      for (const t of REGISTER_NAMES) expect(await db.table(t).count()).toBe(fx.tables[t]?.length ?? 0)
    })
  }

  for (const version of [1, 2, 3]) {
    it(`upgrading an official's phone of v${version}: it holds what a 发布 gave, as of the newest record it received`, async () => {
      const fx = fixtures.find((f) => f.version === version)!
      const meta = fx.meta.map((m) => (m.key === 'deviceRole' ? { key: 'deviceRole', value: 'person' } : m))
      const db = new LedgerDB(await seedOld({ ...fx, meta }))
      opened.push(db)
      await db.open()
      const newest = TABLE_NAMES.flatMap((t) => (fx.tables[t] as { updatedAt: string }[]).map((r) => r.updatedAt.slice(0, 24))).sort().pop()
      expect((await db.meta.get('heldScopes'))?.value).toEqual([{ scope: { role: 'everyone' }, asOf: newest, source: 'file:发布' }])
      expect(await db.reviewOutcomes.count()).toBe(0)
      // v3's outbox and v2's review index survive.
      expect(await db.outbox.count()).toBe(version >= 3 ? 1 : 0)
      expect(await db.activities.where('review').equals('selfReported').count()).toBeGreaterThan(0)
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
