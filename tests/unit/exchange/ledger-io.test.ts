// Export and import against fake-indexeddb: round trips, unit adoption, confirmations, safety backup, 提交 review.
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportLedger, importLedgerFile, restoreSafetyBackup, type ImportResult } from '@/db/ledger-io'
import { readAllRecords, readExchangeStatus } from '@/db/ledger-read'
import { commitChanges } from '@/db/writes'
import { getMeta, setMeta } from '@/db/meta'
import { setWallClock } from '@/db/clock'
import { mergeRecords } from '@/db/merge-records'
import type { Activity, LedgerFile } from '@/domain/model/types'
import { activity, closeAll, dumpDb, freshDb, ledgerHash, OTHER_UNIT, sampleFile, seededDb, UNIT } from './support'

const FIXTURE = new URL('../../fixtures/ledger/example-2023.xuefa.json', import.meta.url)

beforeEach(() => {
  let t = Date.UTC(2024, 11, 1)
  setWallClock(() => (t += 1000))
})
afterEach(closeAll)

function done(r: ImportResult) {
  if (r.status !== 'done') throw new Error(`expected done, got ${JSON.stringify(r)}`)
  return r
}

describe('export → clear → import', () => {
  it('gives the identical canonical hash for a plain backup', async () => {
    const db = await seededDb()
    await commitChanges(db, [{ table: 'activities', remove: ['a1'] }])
    const before = await ledgerHash(db)
    const file = await exportLedger(db, 'backup', { now: new Date('2024-12-12T08:00:00Z') })
    expect(file.fileName).toBe('学法台账-备份-某市科工贸和信息化局-20241212.xuefa.json')
    const empty = await freshDb('restore')
    const r = done(await importLedgerFile(empty, file.text))
    expect(r.adoptedUnit).toBe(true)
    expect(await ledgerHash(empty)).toBe(before)
    expect(await getMeta(empty, 'unit')).toEqual(UNIT)
    expect(await getMeta(empty, 'changesSinceBackup')).toBe(0)
    expect(await getMeta(empty, 'lastBackupAt')).toBe('2024-12-12T08:00:00.000Z')
  })

  it('gives the identical canonical hash for a backup encrypted with 600,000 iterations', async () => {
    const db = await seededDb()
    const before = await ledgerHash(db)
    const file = await exportLedger(db, 'backup', { passphrase: 'xuefa-2024' })
    const parsed = JSON.parse(file.text) as LedgerFile
    expect(parsed.encrypted?.iterations).toBe(600_000)
    expect(parsed.records).toBeUndefined()
    const empty = await freshDb('restore-enc')
    expect(await importLedgerFile(empty, file.text)).toMatchObject({ status: 'needsPassphrase' })
    const wrong = await importLedgerFile(empty, file.text, { passphrase: 'xuefa-2025' })
    expect(wrong).toMatchObject({ status: 'error', error: expect.stringContaining('口令不正确') })
    done(await importLedgerFile(empty, file.text, { passphrase: 'xuefa-2024' }))
    expect(await ledgerHash(empty)).toBe(before)
  }, 30_000)

  it('refuses to encrypt with a weak passphrase', async () => {
    const db = await seededDb()
    await expect(exportLedger(db, 'backup', { passphrase: '1234' })).rejects.toThrow(/口令太短/)
  })

  it('reads Blob and byte input like text', async () => {
    const db = await seededDb()
    const file = await exportLedger(db, 'backup')
    const a = await freshDb('blob')
    const shares: number[] = []
    done(await importLedgerFile(a, new Blob([file.text]), { onProgress: (p) => shares.push(p.share) }))
    const b = await freshDb('bytes')
    done(await importLedgerFile(b, new TextEncoder().encode(file.text)))
    expect(await ledgerHash(a)).toBe(await ledgerHash(db))
    expect(await ledgerHash(b)).toBe(await ledgerHash(db))
    expect(shares).toContain(1)
  })
})

describe('importing', () => {
  it('imports the shared example fixture into an empty ledger', async () => {
    const db = await freshDb('fixture')
    const r = done(await importLedgerFile(db, readFileSync(FIXTURE, 'utf8')))
    expect(r.unit).toEqual({ id: 'u-example', name: '示例单位' })
    expect(r.summary.persons.added).toBe(5)
    expect(r.summary.activities.added).toBe(7)
    const again = done(await importLedgerFile(db, readFileSync(FIXTURE, 'utf8'), { confirmRestore: true }))
    expect(Object.values(again.summary).every((s) => s.added + s.updated + s.deleted === 0)).toBe(true)
  })

  it('is idempotent: a second import changes nothing and reports only 未变', async () => {
    const db = await seededDb()
    const file = await sampleFile({ purpose: 'publish' })
    file.records!.persons.push({ ...(file.records!.persons[0] as object), id: 'p9', name: '新人', updatedAt: '2024-06-01T00:00:00.000Z_0000_keeper' } as never)
    const { buildLedgerFile } = await import('@/domain/ledger/file')
    const rebuilt = await buildLedgerFile({ purpose: 'publish', unit: UNIT, deviceId: 'keeper', personId: null, exportedAt: file.exportedAt, records: file.records! })
    const first = done(await importLedgerFile(db, JSON.stringify(rebuilt)))
    expect(first.summary.persons).toEqual({ added: 1, updated: 0, deleted: 0, unchanged: 3 })
    const snap = await dumpDb(db)
    const second = done(await importLedgerFile(db, JSON.stringify(rebuilt)))
    expect(second.summary.persons).toEqual({ added: 0, updated: 0, deleted: 0, unchanged: 4 })
    expect(await dumpDb(db)).toEqual(snap)
  })

  it('asks before merging a file of another unit, and keeps its own unit after', async () => {
    const db = await seededDb()
    const text = JSON.stringify(await sampleFile({ purpose: 'publish', unit: OTHER_UNIT }))
    const before = await dumpDb(db)
    expect(await importLedgerFile(db, text)).toMatchObject({ status: 'needsConfirm', needsConfirm: 'foreignUnit', localUnit: UNIT })
    expect(await dumpDb(db)).toEqual(before)
    const r = done(await importLedgerFile(db, text, { confirmForeignUnit: true }))
    expect(r.unit).toEqual(UNIT)
    expect(await getMeta(db, 'unit')).toEqual(UNIT)
  })

  it('asks before restoring a backup over data, saves a safety backup, and can restore it exactly', async () => {
    const db = await seededDb()
    await commitChanges(db, [{ table: 'activities', put: [activity('a9', { attendees: ['p3'] })] }])
    const mine = await ledgerHash(db)
    const other = await freshDb('other')
    await mergeRecords(other, (await sampleFile()).records!, { unit: UNIT })
    await commitChanges(other, [{ table: 'persons', remove: ['p3'] }])
    const backup = await exportLedger(other, 'backup')
    const before = await dumpDb(db)
    expect(await importLedgerFile(db, backup.text)).toMatchObject({ status: 'needsConfirm', needsConfirm: 'restore' })
    expect(await dumpDb(db)).toEqual(before)
    const r = done(await importLedgerFile(db, backup.text, { confirmRestore: true }))
    expect(r.safetyBackupSaved).toBe(true)
    expect(r.summary.persons.deleted).toBe(1)
    expect((await readExchangeStatus(db)).safetyBackup).toMatchObject({ unitName: UNIT.name, reason: '导入备份前' })
    const merged = await ledgerHash(db)
    expect(merged).not.toBe(mine)
    const undo = done(await restoreSafetyBackup(db))
    expect(undo.summary.persons).toMatchObject({ added: 1, deleted: 0 })
    expect(await ledgerHash(db)).toBe(mine)
    // The restore kept the merged state as the new safety backup: restoring again swaps back.
    done(await restoreSafetyBackup(db))
    expect(await ledgerHash(db)).toBe(merged)
  })

  it('stamps later local edits after every imported stamp (the clock advances)', async () => {
    const db = await freshDb('clock')
    const file = await sampleFile()
    file.records!.sections[0] = { ...file.records!.sections[0], updatedAt: '2030-01-01T00:00:00.000Z_0000_future' }
    const { buildLedgerFile } = await import('@/domain/ledger/file')
    const rebuilt = await buildLedgerFile({ purpose: 'backup', unit: UNIT, deviceId: 'x', personId: null, exportedAt: file.exportedAt, records: file.records! })
    done(await importLedgerFile(db, JSON.stringify(rebuilt)))
    await commitChanges(db, [{ table: 'sections', put: [{ id: 's1', name: '改名', order: 1 } as { id: string }] }])
    const s1 = await db.sections.get('s1')
    expect(s1!.updatedAt > '2030-01-01T00:00:00.000Z_0000_future').toBe(true)
  })
})

describe('提交 and 自报', () => {
  it('exports only my own records (all, then since the last submit) and the keeper gets them as 自报', async () => {
    const phone = await seededDb('phone')
    await setMeta(phone, 'identity', 'p2')
    await commitChanges(phone, [{ table: 'activities', put: [activity('m1', { attendees: ['p2'] })] }])
    const all = await exportLedger(phone, 'submit', { now: new Date('2024-12-02T00:00:00Z') })
    expect(all.fileName).toBe('学法台账-提交-某市科工贸和信息化局-李四-20241202.xuefa.json')
    const ids = (JSON.parse(all.text) as LedgerFile).records!.activities.map((a) => a.id)
    expect(ids).toEqual(['a3', 'm1'])
    expect(await getMeta(phone, 'lastSubmitAt')).toBe('2024-12-02T00:00:00.000Z')
    setWallClock(() => Date.UTC(2024, 11, 3))
    await commitChanges(phone, [{ table: 'activities', put: [activity('m2', { attendees: ['p2'], kind: 'online' })], remove: ['m1'] }])
    const since = await exportLedger(phone, 'submit', { since: 'lastSubmit' })
    expect((JSON.parse(since.text) as LedgerFile).records!.activities.map((a) => a.id)).toEqual(['m1', 'm2'])

    // The keeper's clock is a day behind the phone's deletion: the deletion is the newer edit.
    setWallClock(() => Date.UTC(2024, 11, 2, 12))
    const keeper = await seededDb('keeper')
    const r = done(await importLedgerFile(keeper, all.text))
    expect(r.summary.activities).toMatchObject({ added: 1, unchanged: 1 })
    expect(((await keeper.activities.get('m1')) as Activity).review).toBe('selfReported')
    // The keeper verifies; importing the same file again leaves the verification alone.
    const m1 = (await keeper.activities.get('m1')) as Activity
    const { updatedAt: _u, ...rest } = m1
    await commitChanges(keeper, [{ table: 'activities', put: [{ ...rest, review: 'verified' } as never] }])
    done(await importLedgerFile(keeper, all.text))
    expect(((await keeper.activities.get('m1')) as Activity).review).toBe('verified')
    const r2 = done(await importLedgerFile(keeper, since.text))
    expect(r2.summary.activities).toMatchObject({ added: 1, deleted: 1 })
  })

  it('ignores a deletion in a 提交 file of a record that is not the sender’s own', async () => {
    const keeper = await seededDb('keeper2')
    const { buildLedgerFile } = await import('@/domain/ledger/file')
    const records = { sections: [], persons: [], exams: [], examResults: [], targetSets: [], activities: [{ id: 'a2', deletedAt: '2025-01-01T00:00:00.000Z_0000_x', updatedAt: '2025-01-01T00:00:00.000Z_0000_x' }] }
    const file = await buildLedgerFile({ purpose: 'submit', unit: UNIT, deviceId: 'x', personId: 'p2', exportedAt: '2024-12-12T08:00:00.000Z', records })
    const r = done(await importLedgerFile(keeper, JSON.stringify(file)))
    expect(r.skipped).toBe(1)
    expect(await keeper.activities.get('a2')).toMatchObject({ kind: 'centerGroup' })
  })

  it('requires an identity to submit and a unit to export', async () => {
    const db = await seededDb('noid')
    await expect(exportLedger(db, 'submit')).rejects.toThrow(/我是/)
    const empty = await freshDb('nounit')
    await expect(exportLedger(empty, 'backup')).rejects.toThrow(/还没有台账/)
  })

  it('resets the backup reminder after a backup, keeping edits made meanwhile', async () => {
    const db = await seededDb('remind')
    await commitChanges(db, [{ table: 'activities', put: [activity('z1', { attendees: ['p1'] })] }])
    expect(await getMeta(db, 'changesSinceBackup')).toBe(1)
    await exportLedger(db, 'backup', { now: new Date('2024-12-05T00:00:00Z') })
    expect(await getMeta(db, 'changesSinceBackup')).toBe(0)
    expect(await getMeta(db, 'lastBackupAt')).toBe('2024-12-05T00:00:00.000Z')
    expect((await readAllRecords(db)).activities.length).toBe(5)
  })
})
