// Device store: the keeper PIN gate (a UI lock) and identity.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getMeta, LedgerDB, setDb } from '@/db'
import { useDeviceStore } from '@/stores/device'
import { useLedgerStore } from '@/stores/ledger'

let db: LedgerDB
let n = 0

beforeEach(async () => {
  db = new LedgerDB(`t-device-${++n}-${Date.now()}`)
  await db.open()
  setDb(db)
  setActivePinia(createPinia())
  await useLedgerStore().init()
})
afterEach(async () => {
  setDb(null)
  db.close()
  await db.delete()
})

describe('device store', () => {
  it('stores the PIN as SHA-256 hex and gates the keeper role with it', async () => {
    const device = useDeviceStore()
    const ledger = useLedgerStore()
    await expect(device.switchRole('keeper', '1234')).rejects.toThrow('请先设置台账管理员 PIN')
    await expect(device.setPin('12a4', '12a4')).rejects.toThrow('PIN 应为 4–6 位数字')
    await expect(device.setPin('1234567', '1234567')).rejects.toThrow('PIN 应为 4–6 位数字')
    await expect(device.setPin('1234', '1235')).rejects.toThrow('两次输入的 PIN 不一致')
    expect(await getMeta(db, 'pinHash')).toBeUndefined()
    await device.setPin('1234', '1234')
    expect(await getMeta(db, 'pinHash')).toBe('03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4')
    await expect(device.switchRole('keeper', '4321')).rejects.toThrow('PIN 不正确')
    expect(ledger.deviceRole).toBe('person')
    await device.switchRole('keeper', '1234')
    expect(ledger.deviceRole).toBe('keeper')
    expect(await getMeta(db, 'deviceRole')).toBe('keeper')
    await device.switchRole('head')
    expect(ledger.deviceRole).toBe('head')
    expect(await device.verifyPin('1234')).toBe(true)
  })

  it('reads an existing PIN and sets the identity', async () => {
    await useDeviceStore().setPin('987654', '987654')
    setActivePinia(createPinia())
    await useLedgerStore().init()
    const device = useDeviceStore()
    expect(await device.verifyPin('987654')).toBe(true)
    expect(device.hasPin).toBe(true)
    await device.setIdentity('p1')
    expect(await getMeta(db, 'identity')).toBe('p1')
    expect(useLedgerStore().identity).toBe('p1')
  })

  it('keeps an official\'s own exam score on this device only, refusing one that is not a score', async () => {
    const device = useDeviceStore()
    await expect(device.setSelfScore('x1', '105')).rejects.toThrow('成绩应在 0–100 分之间')
    await expect(device.setSelfScore('x1', '九十')).rejects.toThrow('成绩应在 0–100 分之间')
    expect(await getMeta(db, 'selfScores')).toBeUndefined()
    await device.setSelfScore('x1', '88.5')
    expect((await getMeta(db, 'selfScores'))?.x1.score).toBe(88.5)
    expect(useLedgerStore().selfScores.x1.score).toBe(88.5)
    // Never a result: nothing in the ledger's tables changed.
    expect(await db.examResults.count()).toBe(0)
    await device.setSelfScore('x1', '  ')
    expect(await getMeta(db, 'selfScores')).toEqual({})
  })
})
