/** Typed read queries (a period's or a year's records: year-data.ts). Tombstones never leave this module. */
import type { LedgerDB } from './database'
import {
  PERSONAL_KINDS,
  isTombstone,
  type Activity,
  type Exam,
  type ExamResult,
  type LedgerData,
  type Person,
  type ReviewOutcome,
  type Section,
  type StoredRecord,
  type TargetSet,
} from '../domain/model/types'
import { withExamStatuses, withReviewOutcomes } from '../domain/access/overlay'
import { compareZh } from '../domain/model/order'

export function live<T extends object>(rows: StoredRecord<T>[]): T[] {
  const out: T[] = []
  for (const r of rows) if (!isTombstone(r)) out.push(r)
  return out
}

export async function listSections(db: LedgerDB): Promise<Section[]> {
  return live(await db.sections.toArray()).sort((a, b) => a.order - b.order || compareZh(a.name, b.name))
}

/** How many activities wait for review (the keeper's 首页), from the `review` index alone (schema v2). */
export function countSelfReported(db: LedgerDB): Promise<number> {
  return db.activities.where('review').equals('selfReported').count()
}

export async function listPersons(db: LedgerDB): Promise<Person[]> {
  return live(await db.persons.toArray())
}

export async function listExams(db: LedgerDB): Promise<Exam[]> {
  return live(await db.exams.toArray()).sort((a, b) => b.year - a.year || (b.date ?? '').localeCompare(a.date ?? ''))
}

export async function listExamResults(db: LedgerDB, examId?: string): Promise<ExamResult[]> {
  const rows = examId ? await db.examResults.where('examId').equals(examId).toArray() : await db.examResults.toArray()
  return live(rows)
}

/**
 * Records as the views show them: the keeper's review outcomes that this device holds as registers overlaid on its
 * personal records (domain/access/registers.ts). Nothing is read when the device holds none (the keeper's device).
 */
export async function withOutcomes(db: LedgerDB, activities: Activity[]): Promise<Activity[]> {
  const ids = activities.filter((a) => PERSONAL_KINDS.includes(a.kind)).map((a) => a.id)
  if (!ids.length || !(await db.reviewOutcomes.count())) return activities
  const rows = await db.reviewOutcomes.bulkGet(ids)
  const byId = new Map<string, ReviewOutcome>()
  for (const r of rows) if (r && !isTombstone(r)) byId.set(r.id, r)
  return withReviewOutcomes(activities, (id) => byId.get(id))
}

/** Exam results as the views show them: with the exam statuses held as a register (no score). */
export async function resultsForView(db: LedgerDB, results: ExamResult[], personId?: string): Promise<ExamResult[]> {
  const statuses = personId ? await db.examStatuses.where('personId').equals(personId).toArray() : await db.examStatuses.toArray()
  return withExamStatuses(results, statuses)
}

export async function listTargetSets(db: LedgerDB): Promise<TargetSet[]> {
  return live(await db.targetSets.toArray())
}

/** One person's activities through the multiEntry `attendees` index, as the views show them. */
export async function activitiesOfPerson(db: LedgerDB, personId: string): Promise<Activity[]> {
  return withOutcomes(db, (await db.activities.where('attendees').equals(personId).toArray()) as Activity[])
}

/** One live record as the views show it; null when it does not exist or was deleted. */
export async function activityForView(db: LedgerDB, id: string): Promise<Activity | null> {
  const row = await db.activities.get(id)
  return row === undefined || isTombstone(row) ? null : (await withOutcomes(db, [row]))[0]
}

/**
 * What one person's own progress needs besides the person's activities (read through the `attendees`
 * index by `activitiesOfPerson`): the sections, the person's row, the exams and targets and the person's
 * exam results. Cheap at county scale, and untouched by a quick log (it reads neither activities nor
 * meta), so a save does not read it again.
 */
export async function loadPersonContext(db: LedgerDB, personId: string): Promise<Omit<LedgerData, 'activities'>> {
  return db.transaction('r', [db.sections, db.persons, db.exams, db.examResults, db.examStatuses, db.targetSets], async () => {
    const [sections, persons, exams, results, targetSets] = await Promise.all([
      listSections(db),
      db.persons.get(personId).then((p) => (p ? live([p]) : [])),
      listExams(db),
      db.examResults.where('personId').equals(personId).toArray(),
      listTargetSets(db),
    ])
    return { sections, persons, exams, examResults: await resultsForView(db, live(results), personId), targetSets }
  })
}
