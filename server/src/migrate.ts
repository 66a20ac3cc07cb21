/**
 * Versioned SQL migrations (server/migrations/NNNN-name.sql), applied in order at start, each in its own
 * transaction, under an advisory lock so that two services starting on one database never race. A migration
 * once shipped is never edited: add the next file.
 */
import type pg from 'pg'
import { checkOut } from './storage'

const files = import.meta.glob('../migrations/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: Migration[] = Object.entries(files)
  .map(([path, sql]) => {
    const m = /(\d{4})-([\w-]+)\.sql$/.exec(path)
    if (!m) throw new Error(`Bad migration file name: ${path}`)
    return { version: Number(m[1]), name: m[2], sql }
  })
  .sort((a, b) => a.version - b.version)

const LOCK_KEY = 47_110_017

/** Applies every migration the database lacks; returns the versions applied now. */
export async function migrate(pool: pg.Pool, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await checkOut(pool)
  const applied: number[] = []
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    for (const m of migrations) {
      if (done.has(m.version)) continue
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        await client.query('COMMIT')
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {})
        throw new Error(`Migration ${m.version}-${m.name} failed: ${(e as Error).message}`)
      }
      applied.push(m.version)
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {})
    client.done()
  }
  return applied
}
