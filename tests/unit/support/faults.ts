// Storage faults on demand for unit tests: a fake-indexeddb ledger whose DBCore writes fail at the k-th call.
import Dexie from 'dexie'
import { LedgerDB } from '@/db/database'
import { wrapTables } from './table-middleware'

export function quotaError(): Error {
  const e = new Error('The quota has been exceeded.')
  e.name = 'QuotaExceededError'
  return e
}

/** What Chromium reports when a transaction aborts because of a quota error inside it. */
export function abortOfQuota(): Error {
  const e = new Error('Transaction aborted') as Error & { inner?: Error }
  e.name = 'AbortError'
  e.inner = quotaError()
  return e
}

export interface FaultyLedger {
  db: LedgerDB
  /** Start counting writes from now; the `failAt`-th one rejects with `make()`. */
  arm: (failAt: number, make: () => Error) => void
  /** Writes seen since arming. */
  writes: () => number
}

const opened: LedgerDB[] = []

/** A new ledger database whose DBCore `mutate` calls can fail on demand (nothing fails until armed). */
export function faultyLedger(prefix: string): FaultyLedger {
  const db = new LedgerDB(`${prefix}-${opened.length + 1}-${Date.now()}`)
  let calls = 0
  let failAt = Infinity
  let make: () => Error = quotaError
  wrapTables(db, 'fault-injection', (t) => ({
    mutate(req) {
      if (++calls === failAt) return Promise.reject(make())
      return t.mutate(req)
    },
  }))
  opened.push(db)
  return {
    db,
    arm(k, m) {
      calls = 0
      failAt = k
      make = m
    },
    writes: () => calls,
  }
}

/** Closes and deletes every ledger faultyLedger made (call in afterEach). */
export async function deleteFaultyLedgers(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
}

/** Every table's rows, as one string to compare before and after a failed save. */
export async function snapshotOf(db: LedgerDB): Promise<string> {
  const out: [string, unknown][] = []
  for (const t of db.tables) out.push([t.name, await t.toArray()])
  return JSON.stringify(out)
}
