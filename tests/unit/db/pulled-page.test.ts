// A pulled page is merged by the merge rule whatever the device holds: the same ledger as mergeRecords, though
// what the device does not hold is added without being read first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LedgerDB } from '@/db/database'
import { getMeta } from '@/db/meta'
import { setWallClock } from '@/db/clock'
import { stateFromStamp } from '@/domain/ledger/hlc'
import { maxStamp } from '@/domain/ledger/merge'
import { mergeRecords } from '@/db/merge-records'
import { mergePulledPage } from '@/db/pulled-page'
import { readAllRecords } from '@/db/ledger-read'
import { wrapTables } from '../support/table-middleware'
import { TABLE_NAMES, type LedgerRecords, type Section } from '@/domain/model/types'

const stamp = (s: number, dev = 'srv') => `2024-03-01T00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000Z_0000_${dev}`
type Version = { id: string; updatedAt: string; name?: string; order?: number; deletedAt?: string }
const version = (id: string, s: number, gone: boolean, dev: string): Version =>
  gone ? { id, deletedAt: stamp(s, dev), updatedAt: stamp(s, dev) } : { id, name: `${dev}${s}`, order: s, updatedAt: stamp(s, dev) }

function page(sections: Version[]): LedgerRecords {
  const out = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as LedgerRecords
  out.sections = sections as unknown as LedgerRecords['sections']
  return out
}

let n = 0
const open: LedgerDB[] = []
async function ledgerHolding(sections: Version[]): Promise<LedgerDB> {
  const db = new LedgerDB(`pulled-page-${++n}`)
  open.push(db)
  await db.open()
  if (sections.length) await mergeRecords(db, page(sections))
  return db
}
// A wall clock behind every stamp: only what the page brings can move the device's clock past it.
beforeEach(() => setWallClock(() => Date.UTC(2023, 0, 1)))
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close()
    await db.delete()
  }
})

/** The device's clock is at or past every stamp the ledger holds. */
async function clockPastLedger(db: LedgerDB): Promise<boolean> {
  const newest = maxStamp((await readAllRecords(db)).sections)
  if (!newest) return true
  const [hlc, s] = [await getMeta(db, 'hlc'), stateFromStamp(newest)!]
  return !!hlc && (hlc.wallMs > s.wallMs || (hlc.wallMs === s.wallMs && hlc.counter >= s.counter))
}

/** As applyPulled calls it: inside an rw transaction whose scope is an async function (Dexie follows its awaits). */
const inTx = <T>(db: LedgerDB, fn: () => Promise<T>) => db.transaction('rw', [...TABLE_NAMES.map((t) => db.table(t)), db.meta, db.outbox], async () => await fn())

/** Versions of ids s0…s29: live or deleted, at seconds 0–59, from the device or the service. */
const versions = (dev: string) =>
  fc.uniqueArray(
    fc.record({ k: fc.nat(29), s: fc.nat(59), gone: fc.boolean() }).map(({ k, s, gone }) => version(`s${k}`, s, gone, dev)),
    { selector: (v) => v.id, maxLength: 30 },
  )

describe('mergePulledPage', () => {
  it('leaves the ledger and the summary exactly as mergeRecords does, whatever the device holds, with the clock past it', async () => {
    await fc.assert(
      fc.asyncProperty(versions('dev'), versions('srv'), async (local, incoming) => {
        const [a, b] = [await ledgerHolding(local), await ledgerHolding(local)]
        const got = await inTx(a, () => mergePulledPage(a, page(incoming)))
        const want = await mergeRecords(b, page(incoming))
        expect(await readAllRecords(a)).toEqual(await readAllRecords(b))
        expect(got).toEqual(want)
        expect(await clockPastLedger(a)).toBe(true)
        expect(await clockPastLedger(b)).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('keeps a newer local version, and a local deletion, of ids its sample did not read', async () => {
    // 40 new ids, so the sample of 8 reads s0, s5, …: s1 and s2 are held but not sampled.
    const db = await ledgerHolding([version('s1', 50, false, 'dev'), version('s2', 10, true, 'dev')])
    const incoming = Array.from({ length: 40 }, (_, i) => version(`s${i}`, 20, false, 'srv'))
    const summary = await inTx(db, () => mergePulledPage(db, page(incoming)))
    const stored = new Map((await readAllRecords(db)).sections.map((r) => [r.id, r]))
    expect(stored.size).toBe(40)
    expect(stored.get('s1')).toMatchObject({ name: 'dev50' })
    expect(stored.get('s2')).toMatchObject({ deletedAt: stamp(10, 'dev') })
    expect(stored.get('s3')).toMatchObject({ name: 'srv20' })
    expect(summary.sections).toEqual({ added: 38, updated: 0, deleted: 0, unchanged: 2 })
  })

  it('reads no record per id of a page the device does not hold, only a sample of 8', async () => {
    const db = new LedgerDB(`pulled-page-${++n}`)
    open.push(db)
    const read: string[] = []
    wrapTables(db, 'count-reads', (t, name) => ({
      get: (req) => (read.push(`${name}/${String(req.key)}`), t.get(req)),
      getMany: (req) => (read.push(...req.keys.map((k) => `${name}/${String(k)}`)), t.getMany(req)),
    }))
    await db.open()
    await mergeRecords(db, page([version('s0', 1, false, 'dev')]))
    read.length = 0
    const incoming = Array.from({ length: 500 }, (_, i) => version(`n${i}`, 20, false, 'srv'))
    await inTx(db, () => mergePulledPage(db, page(incoming)))
    expect(read.filter((k) => k.startsWith('sections/'))).toHaveLength(8)
    expect((await db.sections.count())).toBe(501)
    expect((await db.sections.get('n499')) as Section | undefined).toMatchObject({ name: 'srv20' })
  })
})
