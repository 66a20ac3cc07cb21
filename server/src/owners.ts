/**
 * Whose records a row is, for the section-head scope: a personal activity (自学 / 线上学习) belongs to its
 * attendees, an exam result to its person; everything else to nobody (every scope sees it or no one's scope
 * depends on a section). Stored in `records.owners` (migration 0003) so that a person who changes section can
 * have her records numbered again (`renumberOwned`): every device whose scope now covers her pulls them on its
 * next pull, without reconnecting. The rule is the scope rule's own (`isPersonalActivity` of
 * src/domain/access/scope.ts); nothing here decides visibility, the pull still cuts with `isVisible`.
 */
import type pg from 'pg'
import { isPersonalActivity } from '../../src/domain/access/scope'
import { isTombstone, type Activity, type ExamResult, type Person, type StoredRecord, type TableName } from '../../src/domain/model/types'

/** The persons a record belongs to; [] for a record of nobody (and for tombstones). */
export function ownersOf(table: TableName, record: StoredRecord<object>): string[] {
  if (isTombstone(record)) return []
  if (table === 'activities') return isPersonalActivity(record as Activity) ? [...(record as Activity).attendees] : []
  if (table === 'examResults') return [(record as ExamResult).personId]
  return []
}

/**
 * Persons whose section the winner changes: a live person whose stored version is absent, deleted, or in
 * another section. Their records may now be visible to a section head who could not see them before.
 */
export function movedPersons(winners: { table: TableName; record: StoredRecord<object> }[], existing: Map<string, StoredRecord<object>>): string[] {
  const moved: string[] = []
  for (const w of winners) {
    if (w.table !== 'persons' || isTombstone(w.record)) continue
    const p = w.record as Person
    const before = existing.get(p.id)
    if (!before || isTombstone(before) || (before as Person).sectionId !== p.sectionId) moved.push(p.id)
  }
  return moved
}

/**
 * Inside a push's transaction (the unit row locked): gives every live record owned by one of `personIds` the
 * next seq numbers from `firstSeq`, in their old order; returns how many were renumbered. New values are above
 * every seq of the unit, so the unique (unit, seq) index never sees a clash.
 */
export async function renumberOwned(c: pg.PoolClient, unitId: string, personIds: string[], firstSeq: number): Promise<number> {
  if (personIds.length === 0) return 0
  const res = await c.query(
    `WITH owned AS (
       SELECT tbl, id, row_number() OVER (ORDER BY seq) AS n FROM records
        WHERE unit_id = $1 AND owners && $2::text[] AND NOT deleted
     )
     UPDATE records r SET seq = $3::bigint + owned.n - 1 FROM owned
      WHERE r.unit_id = $1 AND r.tbl = owned.tbl AND r.id = owned.id`,
    [unitId, personIds, String(firstSeq)],
  )
  return res.rowCount ?? 0
}

const FILL_CHUNK = 2000

/**
 * Fills `owners` of rows stored before migration 0003 (NULL there; every row stored since has a value). Run at
 * start after the migrations; chunked and idempotent, so a start cut off half-way finishes at the next one.
 * Returns the rows filled.
 */
export async function fillMissingOwners(db: pg.Pool): Promise<number> {
  let filled = 0
  for (;;) {
    const { rows } = await db.query<{ unit_id: string; tbl: TableName; id: string; body: string }>(
      'SELECT unit_id, tbl, id, body FROM records WHERE owners IS NULL LIMIT $1',
      [FILL_CHUNK],
    )
    if (rows.length === 0) return filled
    await db.query(
      `UPDATE records r SET owners = f.owners::text[] FROM
         (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(unit_id, tbl, id, owners)) f
        WHERE r.unit_id = f.unit_id AND r.tbl = f.tbl AND r.id = f.id`,
      [
        rows.map((r) => r.unit_id),
        rows.map((r) => r.tbl),
        rows.map((r) => r.id),
        rows.map((r) => toPgArray(ownersOf(r.tbl, JSON.parse(r.body) as StoredRecord<object>))),
      ],
    )
    filled += rows.length
  }
}

/** A text[] literal ('{"a","b"}'), for passing arrays of arrays through unnest. */
export function toPgArray(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`
}
