// The import steps of the data page (passphrase, confirmation, result), the review store, the backup reminder.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { setDb } from '@/db'
import type { LedgerDB } from '@/db/database'
import { setWallClock } from '@/db/clock'
import { getMeta, setMeta } from '@/db/meta'
import { encryptLedgerFile } from '@/domain/ledger/crypto'
import { backupReminder, backupReminderText } from '@/domain/device/backup-reminder'
import type { Activity } from '@/domain/model/types'
import { useExchangeStore } from '@/stores/exchange'
import { useLedgerStore } from '@/stores/ledger'
import { useReviewStore } from '@/stores/review'
import { activity, closeAll, freshDb, OTHER_UNIT, sampleFile, seededDb, UNIT } from './support'

let db: LedgerDB

async function useDb(next: LedgerDB): Promise<void> {
  db = next
  setDb(db)
  setActivePinia(createPinia())
  await useLedgerStore().init()
}

beforeEach(() => {
  let t = Date.UTC(2024, 11, 1)
  setWallClock(() => (t += 1000))
})
afterEach(async () => {
  setDb(null)
  await closeAll()
})

describe('exchange store: importing step by step', () => {
  it('asks for the passphrase, says when it is wrong, then imports and adopts the unit', async () => {
    await useDb(await freshDb('store-enc'))
    const store = useExchangeStore()
    const text = JSON.stringify(await encryptLedgerFile(await sampleFile(), 'xuefa-2024', { iterations: 1000 }))
    await store.importFile(text, 'a.xuefa.json')
    expect(store.step).toBe('needsPassphrase')
    expect(store.error).toBeNull()
    await store.providePassphrase('xuefa-2025')
    expect(store.step).toBe('needsPassphrase')
    expect(store.error).toMatch(/口令不正确/)
    await store.providePassphrase('xuefa-2024')
    expect(store.step).toBe('done')
    expect(store.result?.adoptedUnit).toBe(true)
    expect(useLedgerStore().unit).toEqual(UNIT)
  })

  it('asks to confirm another unit and a restore, one after the other', async () => {
    await useDb(await seededDb('store-confirm'))
    const store = useExchangeStore()
    await store.importFile(JSON.stringify(await sampleFile({ unit: OTHER_UNIT })), 'b.xuefa.json')
    expect(store.step).toBe('needsConfirm')
    expect(store.pendingConfirm?.kind).toBe('foreignUnit')
    await store.confirmPending()
    expect(store.pendingConfirm?.kind).toBe('restore')
    await store.confirmPending()
    expect(store.step).toBe('done')
    expect(store.result?.unit).toEqual(UNIT)
  })

  it('shows a refusal and forgets the file', async () => {
    await useDb(await seededDb('store-error'))
    const store = useExchangeStore()
    await store.importFile('{"format":"other"}', 'c.json')
    expect(store.step).toBe('failed')
    expect(store.error).toMatch(/不是学法台账文件/)
    store.resetImport()
    expect(store.step).toBe('idle')
  })
})

describe('review store', () => {
  it('verifies, and returns only with a reason', async () => {
    await useDb(await seededDb('store-review'))
    await db.activities.bulkPut([
      activity('s1', { attendees: ['p2'], review: 'selfReported', updatedAt: '2024-06-01T00:00:00.000Z_0000_phone' }),
      activity('s2', { attendees: ['p2'], review: 'selfReported', updatedAt: '2024-06-01T00:00:00.000Z_0001_phone' }),
    ])
    const review = useReviewStore()
    await expect(review.returnWithNote('s2', '  ')).rejects.toThrow(/请填写退回原因/)
    expect(await review.verify(['s1'])).toBe(1)
    expect(await review.returnWithNote('s2', '学时与证明材料不符')).toBe(1)
    const [s1, s2] = (await db.activities.bulkGet(['s1', 's2'])) as Activity[]
    expect(s1).toMatchObject({ review: 'verified', reviewNote: null })
    expect(s2).toMatchObject({ review: 'returned', reviewNote: '学时与证明材料不符' })
    expect(s1.updatedAt > '2024-06-01T00:00:00.000Z_0000_phone').toBe(true)
    expect(await review.verify(['s2'])).toBe(0)
    expect(await getMeta(db, 'changesSinceBackup')).toBe(2)
  })
})

describe('backup reminder', () => {
  const now = new Date('2024-12-20T00:00:00Z')
  it('is due when there are changes and the last backup is older than the period', () => {
    expect(backupReminder({ lastBackupAt: '2024-12-01T00:00:00Z', changesSinceBackup: 3, reminderDays: 7, now })).toEqual({ isDue: true, days: 19 })
    expect(backupReminder({ lastBackupAt: '2024-12-15T00:00:00Z', changesSinceBackup: 3, reminderDays: 7, now })).toEqual({ isDue: false, days: 5 })
    expect(backupReminder({ lastBackupAt: '2024-12-01T00:00:00Z', changesSinceBackup: 0, reminderDays: 7, now }).isDue).toBe(false)
    expect(backupReminder({ lastBackupAt: '2024-12-15T00:00:00Z', changesSinceBackup: 1, reminderDays: 3, now }).isDue).toBe(true)
  })

  it('counts a ledger never backed up as due once it has changes', () => {
    expect(backupReminder({ lastBackupAt: null, changesSinceBackup: 1, reminderDays: 7, now })).toEqual({ isDue: true, days: null })
    expect(backupReminder({ lastBackupAt: null, changesSinceBackup: 0, reminderDays: 7, now }).isDue).toBe(false)
    expect(backupReminderText({ isDue: true, days: 12 })).toBe('⚠ 距上次备份已 12 天')
    expect(backupReminderText({ isDue: true, days: null })).toBe('⚠ 本机台账还没有备份过')
  })

  it('follows the database in the store', async () => {
    await useDb(await seededDb('store-remind'))
    await setMeta(db, 'changesSinceBackup', 4)
    const store = useExchangeStore()
    await expect.poll(() => store.status.changesSinceBackup).toBe(4)
    expect(store.reminder.isDue).toBe(true)
    await store.exportFile('backup')
    await expect.poll(() => store.status.changesSinceBackup).toBe(0)
    expect(store.reminder.isDue).toBe(false)
  })
})
