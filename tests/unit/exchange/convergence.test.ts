/**
 * Three simulated devices make random edits and deletions and exchange files
 * in random order, with duplicates. Property: they always converge to the same
 * canonical hash, equal to the merge oracle; a deletion never comes back
 * (unless a newer edit, by the contract's newest-wins rule, supersedes it); a
 * repeated import changes nothing. Run on a pure model (many runs) and on real
 * LedgerDBs over fake-indexeddb (fewer runs).
 */
import { afterEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LedgerDB } from '@/db/database'
import { setWallClock } from '@/db/clock'
import { setMeta } from '@/db/meta'
import { commitChanges } from '@/db/writes'
import { exportLedger, importLedgerFile } from '@/db/ledger-io'
import { readAllRecords } from '@/db/ledger-read'
import { recordsHash } from '@/domain/ledger/canonical'
import { INITIAL_HLC, nextStamp, receive, type HlcState } from '@/domain/ledger/hlc'
import { emptyRecords, mergeRecordSets } from '@/domain/ledger/file'
import { maxStamp } from '@/domain/ledger/merge'
import { isTombstone, type LedgerFile, type LedgerRecords, type Stamp } from '@/domain/model/types'
import { activity, closeAll, ledgerHash, person, section, UNIT } from './support'

type SimTable = 'sections' | 'persons' | 'activities'
const SIM_TABLES: SimTable[] = ['sections', 'persons', 'activities']
type Rec = { id: string; updatedAt: Stamp; [k: string]: unknown }

type Cmd =
  | { op: 'add'; dev: number; table: number; seed: number }
  | { op: 'edit'; dev: number; table: number; pick: number; seed: number }
  | { op: 'del'; dev: number; table: number; pick: number }
  | { op: 'export'; dev: number }
  | { op: 'import'; dev: number; pick: number }
  | { op: 'skew'; dev: number; ms: number }

const dev = fc.integer({ min: 0, max: 2 })
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), dev, table: fc.nat(2), seed: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('edit' as const), dev, table: fc.nat(2), pick: fc.nat(), seed: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('del' as const), dev, table: fc.nat(2), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('export' as const), dev }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('import' as const), dev, pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('skew' as const), dev, ms: fc.integer({ min: -3_600_000, max: 3_600_000 }) }) },
)

/** What a device can do; the pure model and the database implement it. */
interface Device<F> {
  live(table: SimTable): Promise<Rec[]>
  put(table: SimTable, rec: Omit<Rec, 'updatedAt'>, wall: number): Promise<void>
  remove(table: SimTable, id: string, wall: number): Promise<void>
  exportFile(wall: number): Promise<F>
  importFile(file: F, wall: number): Promise<void>
  records(): Promise<LedgerRecords>
}

interface World<F> {
  devices: Device<F>[]
  recordsOf(file: F): LedgerRecords
}

function newRecord(table: SimTable, id: string, seed: number, sections: Rec[], persons: Rec[]): Omit<Rec, 'updatedAt'> {
  const { updatedAt: _u, ...s } = section(id, { name: `股室${seed % 97}`, order: seed % 5 })
  if (table === 'sections') return s as Omit<Rec, 'updatedAt'>
  if (table === 'persons') {
    const sec = sections.length && seed % 3 ? sections[seed % sections.length].id : null
    const { updatedAt: _p, ...p } = person(id, { name: `人员${seed % 89}`, sectionId: sec })
    return p as Omit<Rec, 'updatedAt'>
  }
  const attendees = persons.filter((_, i) => (seed >> i) & 1).map((p) => p.id)
  const { updatedAt: _a, ...a } = activity(id, { hours: 0.5 + (seed % 8) * 0.5, attendees })
  return a as Omit<Rec, 'updatedAt'>
}

function edited(table: SimTable, rec: Rec, seed: number): Omit<Rec, 'updatedAt'> {
  const { updatedAt: _u, ...rest } = rec
  if (table === 'activities') return { ...rest, hours: 0.5 + (seed % 8) * 0.5, note: `改${seed % 13}` }
  return { ...rest, name: `${table === 'sections' ? '股室' : '人员'}${seed % 101}` }
}

/** Runs the commands, then a final all-to-all round; returns every device's final hash and the oracle's. */
async function simulate<F>(world: World<F>, cmds: Cmd[], finalOrder: number[]): Promise<void> {
  const pool: F[] = []
  const skew = [0, 0, 0]
  const tombsSeen = world.devices.map(() => new Map<string, Stamp>())
  let step = 0
  let seq = 0
  const wall = (d: number) => Date.UTC(2024, 5, 1) + step * 1000 + skew[d]
  const checkNoResurrection = async (d: number) => {
    const recs = await world.devices[d].records()
    for (const t of SIM_TABLES) {
      for (const r of recs[t] as unknown as Rec[]) {
        const seen = tombsSeen[d].get(`${t}:${r.id}`)
        if (isTombstone(r)) tombsSeen[d].set(`${t}:${r.id}`, r.updatedAt)
        else if (seen !== undefined) expect(r.updatedAt > seen, `${t} ${r.id} came back`).toBe(true)
      }
    }
  }
  for (const c of cmds) {
    step++
    const device = world.devices[c.dev]
    if (c.op === 'skew') skew[c.dev] = c.ms
    else if (c.op === 'add') {
      const table = SIM_TABLES[c.table]
      const rec = newRecord(table, `${table[0]}${c.dev}-${++seq}`, c.seed, await device.live('sections'), await device.live('persons'))
      await device.put(table, rec, wall(c.dev))
    } else if (c.op === 'edit' || c.op === 'del') {
      const table = SIM_TABLES[c.table]
      const live = await device.live(table)
      if (!live.length) continue
      const target = live[c.pick % live.length]
      if (c.op === 'edit') await device.put(table, edited(table, target, c.seed), wall(c.dev))
      else await device.remove(table, target.id, wall(c.dev))
    } else if (c.op === 'export') pool.push(await device.exportFile(wall(c.dev)))
    else if (c.op === 'import' && pool.length) {
      await device.importFile(pool[c.pick % pool.length], wall(c.dev))
      await checkNoResurrection(c.dev)
    }
    if (c.op === 'add' || c.op === 'edit' || c.op === 'del') await checkNoResurrection(c.dev)
  }
  // Final round: everyone exports, everyone imports everyone's file in a random order, one of them twice.
  step++
  const finals: F[] = []
  for (let d = 0; d < world.devices.length; d++) finals.push(await world.devices[d].exportFile(wall(d)))
  for (let d = 0; d < world.devices.length; d++) {
    for (const i of finalOrder) await world.devices[d].importFile(finals[i % finals.length], wall(d))
    await checkNoResurrection(d)
  }
  let oracle = emptyRecords()
  for (const f of [...pool, ...finals]) oracle = mergeRecordSets(oracle, world.recordsOf(f))
  const expected = await recordsHash(oracle)
  for (const d of world.devices) expect(await recordsHash(await d.records())).toBe(expected)
}

/** The pure model: records in memory, the HLC from domain/hlc, merge by mergeRecordSets. */
function pureWorld(): World<LedgerRecords> {
  const devices = [0, 1, 2].map((i): Device<LedgerRecords> => {
    let state = emptyRecords()
    let clock: HlcState = INITIAL_HLC
    const stampAt = (wall: number) => {
      const next = nextStamp(clock, wall, `dev${i}`)
      clock = next.state
      return next.stamp
    }
    const write = (table: SimTable, rec: Rec) => {
      state = mergeRecordSets(state, { ...emptyRecords(), [table]: [rec] })
    }
    return {
      live: async (t) => (state[t] as unknown as Rec[]).filter((r) => !isTombstone(r)),
      put: async (t, rec, wall) => write(t, { ...rec, updatedAt: stampAt(wall) } as Rec),
      remove: async (t, id, wall) => {
        const s = stampAt(wall)
        write(t, { id, deletedAt: s, updatedAt: s })
      },
      exportFile: async () => structuredClone(state),
      importFile: async (file, wall) => {
        const before = await recordsHash(state)
        state = mergeRecordSets(state, file)
        const again = mergeRecordSets(state, file)
        expect(await recordsHash(again)).toBe(await recordsHash(state))
        const newest = maxStamp(Object.values(file).flat() as Rec[])
        if (newest && (await recordsHash(state)) !== before) clock = receive(clock, newest, wall)
      },
      records: async () => state,
    }
  })
  return { devices, recordsOf: (f) => f }
}

let dbSeq = 0
/** Real databases: edits through commitChanges, exchange through backup files and importLedgerFile. */
async function dbWorld(): Promise<{ world: World<string>; dbs: LedgerDB[] }> {
  const dbs: LedgerDB[] = []
  const devices: Device<string>[] = []
  for (let i = 0; i < 3; i++) {
    const db = new LedgerDB(`conv-${++dbSeq}-${i}`)
    await db.open()
    await setMeta(db, 'deviceId', `dev${i}`)
    await setMeta(db, 'unit', UNIT)
    dbs.push(db)
    const at = (wall: number) => setWallClock(() => wall)
    devices.push({
      live: async (t) => ((await db.table(t).toArray()) as Rec[]).filter((r) => !isTombstone(r)),
      put: async (t, rec, wall) => (at(wall), commitChanges(db, [{ table: t, put: [rec as { id: string }] }])),
      remove: async (t, id, wall) => (at(wall), commitChanges(db, [{ table: t, remove: [id] }])),
      exportFile: async (wall) => (at(wall), (await exportLedger(db, 'backup', { now: new Date(wall) })).text),
      importFile: async (text, wall) => {
        at(wall)
        const r = await importLedgerFile(db, text, { confirmRestore: true })
        expect(r.status, JSON.stringify(r)).toBe('done')
        const hash = await ledgerHash(db)
        const dump = await db.meta.toArray()
        const again = await importLedgerFile(db, text, { confirmRestore: true })
        if (again.status !== 'done') throw new Error(JSON.stringify(again))
        for (const s of Object.values(again.summary)) expect(s.added + s.updated + s.deleted).toBe(0)
        expect(await ledgerHash(db)).toBe(hash)
        expect(await db.meta.toArray()).toEqual(dump)
      },
      records: () => readAllRecords(db),
    })
  }
  return { world: { devices, recordsOf: (text) => (JSON.parse(text) as LedgerFile).records! }, dbs }
}

afterEach(closeAll)

describe('three devices exchanging files converge', () => {
  it('pure model: random edits, deletions and exchanges in random order with duplicates', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { minLength: 5, maxLength: 60 }), fc.array(fc.nat(2), { minLength: 4, maxLength: 6 }), async (cmds, order) => {
        await simulate(pureWorld(), cmds, [...order, 0, 1, 2])
      }),
      { numRuns: 200 },
    )
  }, 120_000)

  it('real databases: the same, through exported and imported backup files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cmdArb, { minLength: 5, maxLength: 24 }), fc.array(fc.nat(2), { minLength: 3, maxLength: 4 }), async (cmds, order) => {
        const { world, dbs } = await dbWorld()
        try {
          await simulate(world, cmds, [...order, 0, 1, 2])
        } finally {
          for (const db of dbs) {
            db.close()
            await db.delete()
          }
        }
      }),
      { numRuns: 12 },
    )
  }, 240_000)
})
