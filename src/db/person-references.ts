/** How many live records name a person (roster: 调出 keeps them; delete only a person nobody names). */
import type { LedgerDB } from './database'
import { live } from './queries'
import { isTombstone, type Person } from '../domain/model/types'

export interface PersonReferences {
  activities: number
  examResults: number
}

/** Tombstones carry no attendees/personId, so the indexes see live records only; `live` makes sure. */
export async function countPersonReferences(db: LedgerDB, personId: string): Promise<PersonReferences> {
  const [activities, examResults] = await Promise.all([
    db.activities.where('attendees').equals(personId).toArray(),
    db.examResults.where('personId').equals(personId).toArray(),
  ])
  return { activities: live(activities).length, examResults: live(examResults).length }
}

/** Live results of one person in one exam (normally one; a merge of two devices' entries can leave two). */
export async function resultsOfPersonInExam(db: LedgerDB, examId: string, personId: string) {
  return live(await db.examResults.where('[examId+personId]').equals([examId, personId]).toArray())
}

/** The live results of several persons in one exam (one indexed read). */
export async function resultsOfPersonsInExam(db: LedgerDB, examId: string, personIds: readonly string[]) {
  return live(await db.examResults.where('[examId+personId]').anyOf(personIds.map((id) => [examId, id])).toArray())
}

/** Whether every id is a live person. */
export async function arePersonsLive(db: LedgerDB, personIds: readonly string[]): Promise<boolean> {
  return (await db.persons.bulkGet([...personIds])).every((row) => row !== undefined && !isTombstone(row))
}

/** One live person by id, or null (missing or a tombstone). */
export async function findLivePerson(db: LedgerDB, personId: string): Promise<Person | null> {
  const row = await db.persons.get(personId)
  return row && !isTombstone(row) ? row : null
}
