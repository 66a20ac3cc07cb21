// A DBCore middleware for unit tests that replaces some methods of every table (to inject faults, record
// the order of requests, …). Register it before the database opens.
import type { DBCore, DBCoreTable } from 'dexie'
import type { LedgerDB } from '@/db/database'

export function wrapTables(db: LedgerDB, name: string, wrap: (table: DBCoreTable, tableName: string) => Partial<DBCoreTable>): void {
  db.use({
    stack: 'dbcore',
    name,
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(tableName) {
          const t = down.table(tableName)
          return { ...t, ...wrap(t, tableName) }
        },
      }
    },
  })
}
