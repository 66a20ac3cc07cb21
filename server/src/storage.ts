/**
 * The one SQL code path: a `pg` pool, either to a PostgreSQL server (DATABASE_URL) or to the embedded engine,
 * PGlite in this process, served on a private 127.0.0.1 port by pglite-socket so that the same driver talks to it.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'

export type StorageKind = 'embedded' | 'postgresql'

export interface Storage {
  kind: StorageKind
  pool: pg.Pool
  close(): Promise<void>
}

export interface StorageOptions {
  databaseUrl: string | null
  /** Folder of the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir: string
  /** Connections to a PostgreSQL server. */
  maxConnections?: number
}

function quietPool(pool: pg.Pool): pg.Pool {
  // An idle client losing its server (a restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  return pool
}

async function openEmbedded(dataDir: string): Promise<Storage> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  const inMemory = dataDir === 'memory://'
  if (!inMemory) mkdirSync(dataDir, { recursive: true })
  const db = await PGlite.create(inMemory ? undefined : join(dataDir, 'pgdata'))
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 })
  await server.start()
  const port = Number(server.getServerConn().split(':').pop())
  // PGlite runs one query at a time: one connection keeps every transaction whole.
  const pool = quietPool(new pg.Pool({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', max: 1 }))
  return {
    kind: 'embedded',
    pool,
    async close() {
      await pool.end()
      await server.stop()
      await db.close()
    },
  }
}

export async function openStorage(opts: StorageOptions): Promise<Storage> {
  if (!opts.databaseUrl) return openEmbedded(opts.dataDir)
  const pool = quietPool(new pg.Pool({ connectionString: opts.databaseUrl, max: opts.maxConnections ?? 10 }))
  return { kind: 'postgresql', pool, close: () => pool.end() }
}

/** Runs `fn` in one transaction on one connection; rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await checkOut(pool)
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    client.done()
    return result
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    client.done(e as Error)
    throw e
  }
}

/**
 * A pooled connection with an error listener while it is checked out: a server that restarts or drops the
 * connection makes the running query fail (an answer of 503) instead of crashing the process with an unhandled
 * 'error' event. `done(err)` returns it, or discards it after an error.
 */
export async function checkOut(pool: pg.Pool): Promise<pg.PoolClient & { done(err?: Error): void }> {
  const client = await pool.connect()
  const ignore = () => {}
  client.on('error', ignore)
  return Object.assign(client, {
    done(err?: Error) {
      client.off('error', ignore)
      client.release(err)
    },
  })
}
