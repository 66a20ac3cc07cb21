// The device's side of sync: what a push batch takes from the outbox.
import { beforeEach, describe, expect, it } from 'vitest'
import { LedgerDB } from '@/db/database'
import { commitChanges } from '@/db/writes'
import { readOutboxBatch } from '@/db/sync-store'
import type { Activity, Person, Section } from '@/domain/model/types'
import { freshLedgerPerTest } from '../support/ledger-db'

let db: LedgerDB
const ledger = freshLedgerPerTest('sync-store')
beforeEach(() => {
  db = ledger.db
})

const section: Omit<Section, 'updatedAt'> = { id: 's9', name: '新股室', order: 9 }
const person: Omit<Person, 'updatedAt'> = {
  id: 'p9', name: '新人', sectionId: 's9', title: null, roles: [], certNo: null, activeFrom: '2020-01-01', activeTo: null,
}
const activity = (id: string): Omit<Activity, 'updatedAt'> => ({
  id, kind: 'self', title: '自学', date: '2024-03-01', endDate: null, hours: 1, legalTheme: true, laws: [], category: null,
  organizer: null, lecturer: null, attendees: ['p9'], note: '',
})

describe('readOutboxBatch', () => {
  it('sends the roster before the records that belong to it, whatever the batch size', async () => {
    await commitChanges(db, [{ table: 'activities', put: [activity('a1'), activity('a2')] }])
    await commitChanges(db, [{ table: 'persons', put: [person] }, { table: 'sections', put: [section] }])
    const first = await readOutboxBatch(db, { role: 'keeper' }, 2)
    expect(first.rows.map((r) => r.key)).toEqual(['sections/s9', 'persons/p9'])
    const all = await readOutboxBatch(db, { role: 'keeper' }, 10)
    expect(all.rows.map((r) => r.key)).toEqual(['sections/s9', 'persons/p9', 'activities/a1', 'activities/a2'])
    expect(Object.keys(all.records)).toEqual(['sections', 'persons', 'activities'])
  })
})
