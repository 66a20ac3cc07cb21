/**
 * References between the records of a ledger file: every id a record points
 * at must exist, as a live record or a tombstone, either in the file or in
 * the ledger it is imported into (docs/spec/ledger-file.md: references to ids
 * that exist nowhere are rejected).
 */
import { isTombstone, type LedgerRecords, type TableName } from '../model/types'
import { TABLE_LABELS } from '../model/record-labels'

/** Ids already in the ledger the file is merged into. */
export interface ExistingIds {
  sectionIds: Set<string>
  personIds: Set<string>
  examIds: Set<string>
}

type TargetTable = 'sections' | 'persons' | 'exams'

function idsOf(records: readonly { id: string }[]): Set<string> {
  return new Set(records.map((r) => r.id))
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}

function missing(from: TableName, fromId: string, to: TargetTable, toId: string): string {
  return (
    `文件中的${TABLE_LABELS[from]}（id: ${clip(fromId)}）引用了不存在的${TABLE_LABELS[to]}（id: ${clip(toId)}），` +
    '文件可能不完整或已损坏。请让导出方重新导出完整的文件后再导入。'
  )
}

/**
 * The first dangling reference as a zh-CN message, or null when every
 * `persons.sectionId`, `activities.attendees`, `examResults.examId` and
 * `examResults.personId` resolves. Tombstones point at nothing.
 */
export function checkReferences(records: LedgerRecords, existing?: ExistingIds): string | null {
  const sections = idsOf(records.sections)
  const persons = idsOf(records.persons)
  const exams = idsOf(records.exams)
  const has = (local: Set<string>, ext: Set<string> | undefined, id: string) => local.has(id) || (ext?.has(id) ?? false)

  for (const p of records.persons) {
    if (isTombstone(p) || p.sectionId === null) continue
    if (!has(sections, existing?.sectionIds, p.sectionId)) return missing('persons', p.id, 'sections', p.sectionId)
  }
  for (const a of records.activities) {
    if (isTombstone(a)) continue
    for (const pid of a.attendees) {
      if (!has(persons, existing?.personIds, pid)) return missing('activities', a.id, 'persons', pid)
    }
  }
  for (const r of records.examResults) {
    if (isTombstone(r)) continue
    if (!has(exams, existing?.examIds, r.examId)) return missing('examResults', r.id, 'exams', r.examId)
    if (!has(persons, existing?.personIds, r.personId)) return missing('examResults', r.id, 'persons', r.personId)
  }
  return null
}
