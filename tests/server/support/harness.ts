/**
 * A service for one test file on either engine: the embedded PGlite (in memory) or a fresh database on the run's
 * PostgreSQL cluster; listening on a random 127.0.0.1 port; with devices that speak the app's own API client.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppOptions } from '../../../server/src/app'
import { migrate } from '../../../server/src/migrate'
import { fillMissingOwners } from '../../../server/src/owners'
import { openStorage, type Storage } from '../../../server/src/storage'
import { syncApi, type ApiOptions } from '../../../src/sync/api'
import type { Enrollment, InvitedRole, PullResponse, RecordBatch } from '../../../src/domain/sync/protocol'
import { TABLE_NAMES, type LedgerRecords, type Unit } from '../../../src/domain/model/types'
import { wins } from '../../../src/domain/ledger/merge'

export type Engine = 'embedded' | 'postgresql'
export const ENGINES: Engine[] = ['embedded', 'postgresql']
export { SETUP_CODE } from './process'
import { SETUP_CODE } from './process'

/** A new empty database on the run's cluster; its URL. */
export async function freshDatabase(): Promise<string> {
  const cluster = inject('pgCluster')
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: cluster.url })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  return cluster.url.replace(/\/postgres$/, `/${name}`)
}

export interface Service {
  engine: Engine
  url: string
  storage: Storage
  app: FastifyInstance
  close(): Promise<void>
}

export async function startService(engine: Engine, opts: Partial<AppOptions> = {}): Promise<Service> {
  const databaseUrl = engine === 'postgresql' ? await freshDatabase() : null
  const storage = await openStorage({ databaseUrl, dataDir: 'memory://' })
  await migrate(storage.pool)
  await fillMissingOwners(storage.pool)
  const app = await buildApp({ db: storage.pool, storage: storage.kind, setupCode: SETUP_CODE, ...opts })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as { port: number }).port
  return {
    engine,
    url: `http://127.0.0.1:${port}/`,
    storage,
    app,
    async close() {
      await app.close()
      await storage.close()
    },
  }
}

/** A simulated device: its token and a local copy of the records it pulled (merged by the merge rule). */
export class TestDevice {
  cursor = '0'
  readonly held = new Map<string, { id: string; updatedAt: string }>()
  constructor(
    readonly base: string,
    readonly enrollment: Enrollment,
  ) {}

  get opts(): ApiOptions {
    return { base: this.base, token: this.enrollment.token }
  }

  push(records: RecordBatch) {
    return syncApi.push(this.opts, { records })
  }

  pull(since = this.cursor): Promise<PullResponse> {
    return syncApi.pull(this.opts, since)
  }

  /** Pulls every page after the cursor and merges it; returns how many records arrived. */
  async pullAll(): Promise<number> {
    let n = 0
    for (let i = 0; i < 10_000; i++) {
      const page = await this.pull()
      for (const t of TABLE_NAMES) {
        for (const r of (page.records[t] ?? []) as { id: string; updatedAt: string }[]) {
          const key = `${t}/${r.id}`
          const local = this.held.get(key)
          if (!local || wins(local, r)) this.held.set(key, r)
          n++
        }
      }
      this.cursor = page.cursor
      if (!page.more) return n
    }
    throw new Error('pullAll did not finish')
  }

  /** What the device holds as ledger records (each table sorted by id). */
  records(): LedgerRecords {
    const out = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as unknown[]])) as unknown as Record<string, unknown[]>
    for (const [key, r] of [...this.held.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) out[key.split('/')[0]].push(r)
    return out as unknown as LedgerRecords
  }

  invite(personId: string, role: InvitedRole, sectionIds?: string[]) {
    return syncApi.invite(this.opts, { personId, role, sectionIds })
  }
}

export async function registerKeeper(base: string, unit: Unit, setupCode = SETUP_CODE): Promise<TestDevice> {
  return new TestDevice(base, await syncApi.enrollWithSetupCode({ base }, { setupCode, unit, label: 'keeper' }))
}

export async function joinAs(base: string, code: string): Promise<TestDevice> {
  return new TestDevice(base, await syncApi.join({ base }, { code, label: 'phone' }))
}

/** Pushes a whole ledger in batches of `size` records, table by table. */
export async function pushLedger(device: TestDevice, records: LedgerRecords, size = 2000): Promise<void> {
  for (const t of TABLE_NAMES) {
    const list = records[t] as unknown[]
    for (let i = 0; i < list.length; i += size) await device.push({ [t]: list.slice(i, i + size) } as RecordBatch)
  }
}
