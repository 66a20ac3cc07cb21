// The bench's raw baseline must write into exactly the stores and indexes Dexie creates for the app.
import { afterEach, describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { LedgerDB, SCHEMA_CURRENT } from '@/db/database'
import { deleteDatabase, getAllOf, openExisting, openWithSchema, parseDexieSchema, putAll, type StoreDef } from '../../bench/raw-idb'

const names: string[] = []
afterEach(async () => {
  for (const n of names.splice(0)) await deleteDatabase(n)
})

/** Stores and indexes of an open native database, in the StoreDef shape. */
function describeDb(db: IDBDatabase): StoreDef[] {
  const tx = db.transaction([...db.objectStoreNames], 'readonly')
  return [...db.objectStoreNames].sort().map((name) => {
    const s = tx.objectStore(name)
    const indexes = [...s.indexNames].sort().map((i) => {
      const idx = s.index(i)
      return { name: i, keyPath: idx.keyPath, multiEntry: idx.multiEntry, unique: idx.unique }
    })
    return { name, keyPath: s.keyPath, autoIncrement: s.autoIncrement, indexes }
  })
}

const sorted = (defs: StoreDef[]) =>
  [...defs].sort((a, b) => a.name.localeCompare(b.name)).map((d) => ({ ...d, indexes: [...d.indexes].sort((a, b) => a.name.localeCompare(b.name)) }))

describe('bench raw IndexedDB baseline', () => {
  it('creates the same stores and indexes as the app schema', async () => {
    const app = new LedgerDB('bench-schema-app')
    await app.open()
    app.close()
    names.push('bench-schema-app', 'bench-schema-raw')
    const appDb = await openExisting('bench-schema-app')
    const rawDb = await openWithSchema('bench-schema-raw', parseDexieSchema(SCHEMA_CURRENT))
    expect(sorted(describeDb(rawDb))).toEqual(sorted(describeDb(appDb)))
    expect(describeDb(rawDb).find((s) => s.name === 'activities')?.indexes).toEqual([
      { name: '[kind+date]', keyPath: ['kind', 'date'], multiEntry: false, unique: false },
      { name: 'attendees', keyPath: 'attendees', multiEntry: true, unique: false },
      { name: 'date', keyPath: 'date', multiEntry: false, unique: false },
      { name: 'review', keyPath: 'review', multiEntry: false, unique: false },
    ])
    appDb.close()
    rawDb.close()
    await Dexie.delete('bench-schema-app')
  })

  it('puts in one transaction and reads back whole stores and an index range', async () => {
    names.push('bench-raw-rw')
    const db = await openWithSchema('bench-raw-rw', parseDexieSchema({ activities: SCHEMA_CURRENT.activities, persons: SCHEMA_CURRENT.persons }))
    const act = (id: string, date: string) => ({ id, kind: 'self', date, attendees: ['p1'], updatedAt: 's' })
    await putAll(db, { activities: [act('a1', '2025-12-31'), act('a2', '2026-01-02'), act('a3', '2026-03-01')], persons: [{ id: 'p1' }] }, 'strict')
    expect(await getAllOf(db, [{ store: 'activities' }, { store: 'persons' }])).toEqual([3, 1])
    expect(await getAllOf(db, [{ store: 'activities', index: 'date', from: '2026-01-01', to: '2026-12-31' }])).toEqual([2])
    db.close()
  })
})
