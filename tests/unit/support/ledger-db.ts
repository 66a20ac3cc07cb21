// A fresh ledger database for every test of a file, with a wall clock that moves 1 s per stamp from 2024-03-01.
import { afterEach, beforeEach } from 'vitest'
import { LedgerDB } from '@/db/database'
import { setWallClock } from '@/db/clock'
import { commitChanges } from '@/db/writes'
import type { Stamp, TableName } from '@/domain/model/types'

/** Registers the hooks; read `.db` inside a test (or a later beforeEach). */
export function freshLedgerPerTest(prefix: string): { readonly db: LedgerDB } {
  let n = 0
  let current: LedgerDB | null = null
  beforeEach(async () => {
    current = new LedgerDB(`${prefix}-${++n}`)
    await current.open()
    let t = Date.UTC(2024, 2, 1)
    setWallClock(() => (t += 1000))
  })
  afterEach(async () => {
    current?.close()
    await current?.delete()
    current = null
  })
  return {
    get db(): LedgerDB {
      if (!current) throw new Error('freshLedgerPerTest: no ledger outside a test')
      return current
    },
  }
}

/** Seeds records the way the app writes them (one transaction, stamped from the clock). */
export function putRecords<T extends { id: string; updatedAt: Stamp }>(db: LedgerDB, table: TableName, records: Omit<T, 'updatedAt'>[]): Promise<void> {
  return commitChanges(db, [{ table, put: records }])
}

/** Deletes records the way the app does (tombstones). */
export function removeRecords(db: LedgerDB, table: TableName, ids: string[]): Promise<void> {
  return commitChanges(db, [{ table, remove: ids }])
}
