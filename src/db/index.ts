/** The app's single database connection. */
import { LedgerDB } from './database'
import { watchConnection } from './connection'

let instance: LedgerDB | null = null

export function getDb(): LedgerDB {
  if (!instance) {
    instance = new LedgerDB()
    watchConnection(instance)
  }
  return instance
}

/** Tests and restore swap the connection. */
export function setDb(db: LedgerDB | null): void {
  instance = db
}

export { LedgerDB } from './database'
export * from './meta'
export * from './queries'
// Imported by path where needed, so that they load with the code that writes, not at start (docs/PERFORMANCE.md):
// writes.ts (and persistence.ts, storage-errors.ts), merge-records.ts.
export type { MergeSummary, MergeOptions } from './merge-records'
export { stamperFrom, ensureDeviceId, setWallClock } from './clock'
export { randomId } from './ids'
export { onConnectionEvent, withReopen, type ConnectionEvent } from './connection'
