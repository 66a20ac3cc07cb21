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
export * from './writes'
// merge-records is imported by path where needed: it loads with the import/demo code, not at start.
export type { MergeSummary, MergeOptions } from './merge-records'
export { stamperFrom, ensureDeviceId, setWallClock } from './clock'
export { randomId } from './ids'
export { onConnectionEvent, withReopen, type ConnectionEvent } from './connection'
export { describeStorageError, isQuotaError } from './storage-errors'
export { readStorageStatus, requestPersistenceNow, type StorageStatus } from './persistence'
