/** Whether this phone holds every personal record of its official that the keeper holds (domain/access/own-records.ts). */
import type { LedgerDB } from './database'
import { getMetas } from './meta'
import { ownRecordsHeld, type OwnRecordRef } from '../domain/access/own-records'
import { parseStamp } from '../domain/ledger/hlc'
import { PERSONAL_KINDS, isTombstone, type Activity } from '../domain/model/types'

/** The live 自学 / 线上 records on this device that she attends (as the keeper's digest counts them). */
export async function ownRecordRefs(db: LedgerDB, personId: string): Promise<OwnRecordRef[]> {
  const rows = (await db.activities.where('attendees').equals(personId).toArray()) as Activity[]
  return rows.filter((a) => PERSONAL_KINDS.includes(a.kind)).map((a) => ({ id: a.id, date: a.date }))
}

export async function ownRecordsHeldOn(db: LedgerDB, personId: string, deviceId: string): Promise<boolean> {
  return db.transaction('r', db.meta, db.activities, async () => {
    const [digests, sets, lastSubmitAt] = await getMetas(db, ['ownRecordDigests', 'submittedSets', 'lastSubmitAt'] as const)
    const digest = digests?.byPerson[personId]
    const published = digests && digest !== undefined ? { digest, from: digests.from, asOf: digests.asOf } : undefined
    // 提交 files sent before the phone kept them: it cannot tell.
    const submitted = sets ?? (lastSubmitAt ? null : [])
    const ids = [...new Set((submitted ?? []).flatMap((s) => s.records.map((r) => r.id)))]
    const rows = ids.length ? await db.activities.bulkGet(ids) : []
    const keeperDeleted = new Set<string>()
    for (const r of rows) if (r && isTombstone(r) && parseStamp(r.updatedAt)?.deviceId !== deviceId) keeperDeleted.add(r.id)
    return ownRecordsHeld({ personId, published, submitted, held: await ownRecordRefs(db, personId), keeperDeleted })
  })
}
