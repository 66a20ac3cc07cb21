// Faults: the service killed (SIGKILL) in the middle of a push and of a pull, the database restarted under load;
// after each, nothing is lost, nothing is half-written, and devices converge. Both engines.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { ENGINES, freshDatabase, registerKeeper, joinAs, type Engine, type TestDevice } from './support/harness'
import { spawnService, type ServiceProcess } from './support/process'
import { pgCtl } from './support/pg-cluster'
import { exampleLedger, selfStudy } from './support/ledger'
import { SyncError, syncApi } from '../../src/sync/api'
import { recordsHash } from '../../src/domain/ledger/canonical'
import type { RecordBatch } from '../../src/domain/sync/protocol'
import type { Activity } from '../../src/domain/model/types'

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

async function envFor(engine: Engine): Promise<{ DATA_DIR: string; DATABASE_URL?: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-svc-'))
  dirs.push(dir)
  return engine === 'postgresql' ? { DATA_DIR: dir, DATABASE_URL: await freshDatabase() } : { DATA_DIR: dir }
}

/** Retries a call while the service is away (connection refused, 503), as the app does: bounded in time. */
async function retry<T>(fn: () => Promise<T>, withinMs = 120_000): Promise<T> {
  const until = Date.now() + withinMs
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      const away = e instanceof SyncError && (e.status === 0 || e.status >= 500)
      if (!away || Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}

/** A service process on a fresh database of the engine, with the example ledger uploaded by its keeper. */
async function startWithLedger(engine: Engine) {
  const env = await envFor(engine)
  const svc = await spawnService(env)
  const ledger = exampleLedger()
  const keeper = await registerKeeper(svc.url, ledger.unit)
  await keeper.push(ledger.records as RecordBatch)
  return { env, svc, ledger, keeper }
}

function rebase(d: TestDevice, url: string): TestDevice {
  ;(d as { base: string }).base = url
  return d
}

function batchOf(personId: string, n: number, prefix: string): Activity[] {
  return Array.from({ length: n }, (_, i) => selfStudy(personId, { id: `${prefix}-${i}` }))
}

describe.each(ENGINES)('faults on %s', (engine) => {
  it('SIGKILL in the middle of a push: the batch is stored whole or not at all, and the retry completes it', async () => {
    const { env, keeper, ...started } = await startWithLedger(engine)
    let svc: ServiceProcess = started.svc
    const batch = batchOf('q5', 2000, 'killpush')
    const pending = keeper.push({ activities: batch }).then(() => 'stored', (e: SyncError) => `failed ${e.status}`)
    await new Promise((r) => setTimeout(r, 40))
    await svc.kill('SIGKILL')
    const outcome = await pending
    svc = await spawnService(env, Number(new URL(svc.url).port))
    rebase(keeper, svc.url)
    const all = await keeper.pull('0')
    const got = (all.records.activities ?? []).filter((a) => a.id.startsWith('killpush-')).length
    expect([0, 2000], `${outcome}: ${got} stored`).toContain(got)
    await retry(() => keeper.push({ activities: batch }))
    keeper.cursor = '0'
    await keeper.pullAll()
    expect(keeper.records().activities.filter((a) => a.id.startsWith('killpush-'))).toHaveLength(2000)
    // SIGTERM, with a long poll open: the poll is answered, the database closed, and the process exits 0.
    const polling = syncApi.wait(keeper.opts, keeper.cursor, 30)
    await new Promise((r) => setTimeout(r, 200))
    const code = await svc.kill('SIGTERM')
    expect(code, svc.output()).toBe(0)
    expect(await polling).toEqual({ changed: false })
  })

  it('SIGKILL in the middle of a pull: the device resumes from its cursor and misses nothing', async () => {
    const { env, ledger, keeper, ...started } = await startWithLedger(engine)
    let svc = started.svc
    for (let i = 0; i < 3; i++) await keeper.push({ activities: batchOf('q5', 2000, `bulk${i}`) })
    const reader = await registerKeeper(svc.url, ledger.unit)
    const first = await reader.pull()
    reader.cursor = first.cursor
    const killed = reader.pull().then(() => 'answered', (e: SyncError) => `failed ${e.status}`)
    await new Promise((r) => setTimeout(r, 20))
    await svc.kill('SIGKILL')
    await killed
    svc = await spawnService(env, Number(new URL(svc.url).port))
    rebase(reader, svc.url)
    // The device kept only what it merged (the first page) and its cursor; it resumes from there.
    for (const t of Object.keys(first.records) as (keyof RecordBatch)[]) {
      for (const r of first.records[t] ?? []) reader.held.set(`${t}/${r.id}`, r)
    }
    await retry(() => reader.pullAll())
    rebase(keeper, svc.url)
    keeper.cursor = '0'
    await keeper.pullAll()
    expect(await recordsHash(reader.records())).toBe(await recordsHash(keeper.records()))
    expect(reader.records().activities.length).toBe(6000 + ledger.records.activities.length)
    await svc.kill('SIGTERM')
  })

  it('the database restarted under load: every device retries, nothing is lost, all converge', async () => {
    const { env, keeper, ...started } = await startWithLedger(engine)
    let svc = started.svc
    const phones: TestDevice[] = []
    for (const p of ['q1', 'q2', 'q3', 'q5']) phones.push(await joinAs(svc.url, (await keeper.invite(p, 'official')).code))
    const port = Number(new URL(svc.url).port)
    const load = phones.map(async (phone) => {
      const me = phone.enrollment.personId as string
      for (let i = 0; i < 20; i++) {
        await retry(() => phone.push({ activities: [selfStudy(me, { id: `load-${me}-${i}` })] }))
        await retry(() => phone.pullAll())
      }
    })
    await new Promise((r) => setTimeout(r, 300))
    if (engine === 'postgresql') {
      pgCtl(inject('pgCluster'), 'restart')
    } else {
      // The embedded engine lives in the service's process: restarting the database is restarting the service.
      await svc.kill('SIGKILL')
      svc = await spawnService(env, port)
    }
    await Promise.all(load)
    await retry(() => keeper.pullAll())
    const ids = keeper.records().activities.map((a) => a.id)
    for (const p of ['q1', 'q2', 'q3', 'q5']) for (let i = 0; i < 20; i++) expect(ids).toContain(`load-${p}-${i}`)
    await svc.kill('SIGTERM')
  })
})
