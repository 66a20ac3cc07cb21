/**
 * One sync: push the outbox in batches (each confirmed before the next), then pull every page after the cursor
 * (each merged with its cursor in one transaction). Interrupted anywhere, the next sync resumes: a batch the
 * service stored but did not confirm is sent again and changes nothing there (the merge rule), and a page merged
 * twice changes nothing here.
 */
import type { LedgerDB } from '@/db/database'
import { applyPulled, confirmPushed, readOutboxBatch, readSyncRows, saveConnection, setAsideRejected } from '@/db/sync-store'
import { getMeta } from '@/db/meta'
import { syncApi, SyncError, type ApiOptions } from './api'
import { scopeOfDevice, MAX_BATCH_RECORDS, MAX_PULL_RECORDS, type Enrollment, type PullResponse } from '@/domain/sync/protocol'
import type { SyncConnection } from '@/domain/sync/state'

export interface SyncOutcome {
  pushed: number
  pulled: number
}

export interface EngineOptions {
  fetch?: typeof fetch
  /** Records per push (tests make it small). */
  batchSize?: number
  /** Records per pull page (default MAX_PULL_RECORDS; tests make it small). */
  pageSize?: number
  onProgress?: (done: { pushed: number; pulled: number }) => void
}

const MAX_ROUNDS = 10_000

function apiOf(c: SyncConnection, opts: EngineOptions): ApiOptions {
  return { base: c.base, token: c.token, fetch: opts.fetch }
}

async function pushAll(db: LedgerDB, c: SyncConnection, opts: EngineOptions): Promise<number> {
  const scope = scopeOfDevice(c.role, c.personId, c.sectionIds)
  let pushed = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await readOutboxBatch(db, scope, opts.batchSize ?? MAX_BATCH_RECORDS)
    if (batch.rows.length === 0) {
      if (batch.refused.length) await confirmPushed(db, [], {}, batch.refused)
      if (batch.refused.length) continue
      return pushed
    }
    try {
      const res = await syncApi.push(apiOf(c, opts), { batchId: `${c.serverDeviceId}-${Date.now()}`, records: batch.records })
      await confirmPushed(db, batch.rows, res.adjusted, batch.refused)
      pushed += batch.rows.length
      opts.onProgress?.({ pushed, pulled: 0 })
    } catch (e) {
      if (e instanceof SyncError && e.status === 403 && e.rejected.length) {
        await setAsideRejected(db, e.rejected)
        continue
      }
      throw e
    }
  }
  return pushed
}

/**
 * Every page after the stored cursor. The next page is asked for (with this page's cursor) while this one is
 * merged, so the service's work and the transfer overlap the IndexedDB transaction; a page is only ever merged
 * after the one before it committed, and a failed merge drops the page asked for ahead (the next sync asks again).
 */
async function pullAll(db: LedgerDB, c: SyncConnection, opts: EngineOptions, pushed: number): Promise<number> {
  const api = apiOf(c, opts)
  const ask = (since: string) => {
    const p = syncApi.pull(api, since, opts.pageSize ?? MAX_PULL_RECORDS)
    p.catch(() => {}) // awaited in the next round, or dropped with this sync
    return p
  }
  let next: Promise<PullResponse> | null = ask((await readSyncRows(db)).state.cursor)
  let pulled = 0
  for (let round = 0; next && round < MAX_ROUNDS; round++) {
    const page: PullResponse = await next
    next = page.more ? ask(page.cursor) : null
    await applyPulled(db, page, c.base)
    for (const list of Object.values(page.records)) pulled += list?.length ?? 0
    opts.onProgress?.({ pushed, pulled })
  }
  return pulled
}

/** Push then pull; throws a SyncError (or a storage error) and keeps everything done before it. */
export async function syncOnce(db: LedgerDB, opts: EngineOptions = {}): Promise<SyncOutcome> {
  const { connection } = await readSyncRows(db)
  if (!connection) throw new SyncError('本机尚未连接同步服务。', 401)
  if (connection.role === 'county') return { pushed: 0, pulled: 0 }
  const pushed = await pushAll(db, connection, opts)
  const pulled = await pullAll(db, connection, opts, pushed)
  return { pushed, pulled }
}

function connectionOf(e: Enrollment, base: string, nowIso: string): SyncConnection {
  return {
    base,
    token: e.token,
    serverDeviceId: e.deviceId,
    role: e.role,
    unit: e.unit,
    personId: e.personId,
    sectionIds: e.sectionIds,
    connectedAt: nowIso,
  }
}

export interface ConnectInput {
  base: string
  label: string
  nowIso: string
  fetch?: typeof fetch
}

/** The setup code: registers this device's unit (its ledger is then uploaded) or a county account. */
export async function connectWithSetupCode(db: LedgerDB, input: ConnectInput & { setupCode: string; county: boolean }): Promise<SyncConnection> {
  const unit = (await getMeta(db, 'unit')) ?? undefined
  if (!input.county && !unit) throw new SyncError('本机还没有台账，无法注册单位。请先新建单位台账或导入台账文件；县（区）汇总账号请打开“注册为汇总账号”。', 400)
  const code = input.setupCode.trim()
  if (!code) throw new SyncError('请输入设置码。', 400)
  const e = await syncApi.enrollWithSetupCode(
    { base: input.base, fetch: input.fetch },
    { setupCode: code, county: input.county, unit: input.county ? undefined : unit, label: input.label },
  )
  const c = connectionOf(e, input.base, input.nowIso)
  await saveConnection(db, c, scopeOfDevice(c.role, c.personId, c.sectionIds))
  return c
}

/** An invitation code (from a link or a QR code): enrolls this device for the invited person and role. */
export async function joinWithInvitation(db: LedgerDB, input: ConnectInput & { code: string }): Promise<SyncConnection> {
  const code = input.code.trim()
  if (!code) throw new SyncError('邀请链接中没有邀请码，请重新打开台账管理员发来的链接。', 400)
  const e = await syncApi.join({ base: input.base, fetch: input.fetch }, { code, label: input.label })
  const c = connectionOf(e, input.base, input.nowIso)
  await saveConnection(db, c, scopeOfDevice(c.role, c.personId, c.sectionIds))
  return c
}
