/**
 * Connection life: another tab upgrading the schema (`versionchange`), this tab's upgrade waiting on
 * other tabs (`blocked`), and a connection closed under us. The UI subscribes to the events.
 */
import Dexie from 'dexie'
import type { LedgerDB } from './database'

export type ConnectionEvent = 'versionchange' | 'blocked'
type Listener = (e: ConnectionEvent) => void

const listeners = new Set<Listener>()
/** Set once another tab (a newer build) upgraded the schema: this tab's code must not write into it. */
let upgradedElsewhere = false

export function onConnectionEvent(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

function emit(e: ConnectionEvent): void {
  for (const fn of listeners) fn(e)
}

/** Wire the events once per database instance. */
export function watchConnection(db: LedgerDB): void {
  db.on('versionchange', () => {
    // A newer build wants to upgrade: let it, and ask this tab to reload.
    upgradedElsewhere = true
    db.close()
    emit('versionchange')
    return false
  })
  db.on('blocked', () => emit('blocked'))
}

/** Run `fn`; if the connection had been closed, reopen once and retry. */
export async function withReopen<T>(db: LedgerDB, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    if (!(e instanceof Dexie.DatabaseClosedError) && (e as Error)?.name !== 'DatabaseClosedError') throw e
    // Reopening after another build upgraded the schema would let old code write into the new schema.
    if (upgradedElsewhere) throw e
    await db.open()
    return fn()
  }
}
