import { describe, expect, it } from 'vitest'
import { sinceWords, syncStatus, type SyncStatusInput } from '@/domain/sync/state'
import { scopeOfDevice } from '@/domain/sync/protocol'

const NOW = Date.parse('2024-12-31T23:59:00.000Z')
const base: SyncStatusInput = { isConnected: true, isSyncing: false, isOnline: true, pending: 0, lastSyncAt: '2024-12-31T23:58:30.000Z', lastError: null, lastErrorIsOffline: false }

describe('sync status words', () => {
  it('says 已同步 · 刚刚 right after a sync, and minutes or hours later', () => {
    expect(syncStatus(base, NOW)).toEqual({ phase: 'synced', words: '已同步 · 刚刚' })
    expect(sinceWords('2024-12-31T23:54:00.000Z', NOW)).toBe('5 分钟前')
    expect(sinceWords('2024-12-31T20:59:00.000Z', NOW)).toBe('3 小时前')
  })

  it('counts what waits to be uploaded', () => {
    expect(syncStatus({ ...base, pending: 3 }, NOW)).toEqual({ phase: 'pending', words: '待上传 3 条' })
  })

  it('says offline in words, with the count, when the network is gone', () => {
    expect(syncStatus({ ...base, isOnline: false, pending: 2 }, NOW)).toEqual({ phase: 'offline', words: '离线，联网后自动同步（待上传 2 条）' })
    expect(syncStatus({ ...base, lastError: '无法连接', lastErrorIsOffline: true }, NOW).phase).toBe('offline')
  })

  it('gives the reason of a failure', () => {
    expect(syncStatus({ ...base, lastError: '授权已被撤销。' }, NOW)).toEqual({ phase: 'error', words: '失败：授权已被撤销。' })
  })

  it('shows syncing while it runs and nothing connected before connecting', () => {
    expect(syncStatus({ ...base, isSyncing: true }, NOW).phase).toBe('syncing')
    expect(syncStatus({ ...base, isConnected: false }, NOW).phase).toBe('disconnected')
  })
})

describe('scope of a device role', () => {
  it('maps each role to the scope rule', () => {
    expect(scopeOfDevice('keeper', null, [])).toEqual({ role: 'keeper' })
    expect(scopeOfDevice('sectionHead', 'p1', ['s1'])).toEqual({ role: 'sectionHead', personId: 'p1', sectionIds: ['s1'] })
    expect(scopeOfDevice('official', 'p2', [])).toEqual({ role: 'official', personId: 'p2' })
    expect(scopeOfDevice('official', null, [])).toEqual({ role: 'everyone' })
    expect(scopeOfDevice('county', null, [])).toEqual({ role: 'county' })
  })
})
