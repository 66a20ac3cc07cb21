// The registers (registers.ts) and how views read them (overlay.ts): review outcomes and exam statuses travel to everyone in their own tables, never as redacted
// copies of records; a view overlays them only where they speak about the version it holds.
import { describe, expect, it } from 'vitest'
import { examStatusOf, projectRegisters, reviewOutcomeOf } from '../../../../src/domain/access/registers'
import { withExamStatuses, withReviewOutcomes } from '../../../../src/domain/access/overlay'
import type { Activity, ExamResult, LedgerRecords, ReviewOutcome } from '../../../../src/domain/model/types'
import { activity } from '../factories'

const S = (m: number, dev = 'keeper') => `2024-05-01T00:${String(m).padStart(2, '0')}:00.000Z_0000_${dev}`
const result = (id: string, personId: string, over: Partial<ExamResult> = {}): ExamResult => ({
  id, examId: 'x1', personId, status: 'taken', score: 88, reason: null, updatedAt: S(1), ...over,
})

describe('projecting the registers', () => {
  const records: LedgerRecords = {
    sections: [],
    persons: [],
    activities: [
      activity({ id: 'mine', kind: 'self', attendees: ['ann'], date: '2024-03-01', review: 'returned', reviewNote: '证明不符', updatedAt: S(5) }),
      activity({ id: 'kept', kind: 'online', attendees: ['bo'], date: '2024-03-02', updatedAt: S(6) }),
      activity({ id: 'old', kind: 'self', attendees: ['bo'], date: '2022-12-31', review: 'verified', updatedAt: S(7) }),
      activity({ id: 'group', kind: 'collective', attendees: ['ann', 'bo'], review: 'verified', updatedAt: S(8) }),
      { id: 'gone', deletedAt: S(9), updatedAt: S(9) },
    ],
    exams: [],
    examResults: [result('r1', 'ann', { status: 'exempt', reason: '产假', score: null }), result('r2', 'bo'), { id: 'r3', deletedAt: S(2), updatedAt: S(2) }],
    targetSets: [],
  }
  const reg = projectRegisters(records, { reviewsFrom: '2023-01-01' })

  it('gives each reviewed personal record its outcome, keyed and stamped like the record', () => {
    expect(reg.reviewOutcomes).toEqual([{ id: 'mine', review: 'returned', reviewNote: '证明不符', updatedAt: S(5) }])
  })

  it('gives each exam result its status without score or 免考 reason, and keeps deletions', () => {
    expect(reg.examStatuses).toEqual([
      { id: 'r1', examId: 'x1', personId: 'ann', status: 'exempt', updatedAt: S(1) },
      { id: 'r2', examId: 'x1', personId: 'bo', status: 'taken', updatedAt: S(1) },
      { id: 'r3', deletedAt: S(2), updatedAt: S(2) },
    ])
    expect(JSON.stringify(reg)).not.toMatch(/score|产假|reason"/)
  })

  it('has no outcome for a record nobody reviewed or a group session', () => {
    expect(reviewOutcomeOf(records.activities[1] as Activity)).toBeNull()
    expect(reviewOutcomeOf(records.activities[3] as Activity)).toBeNull()
    expect(examStatusOf(records.examResults[2])).toEqual({ id: 'r3', deletedAt: S(2), updatedAt: S(2) })
  })

})

describe('overlaying outcomes on the records a phone holds', () => {
  const hers = activity({ id: 'a1', kind: 'self', attendees: ['ann'], hours: 6, updatedAt: S(1, 'phone'), review: 'selfReported', reviewNote: null })

  it('shows the keeper\'s 退回 and reason on the version the keeper judged', () => {
    const outcome: ReviewOutcome = { id: 'a1', review: 'returned', reviewNote: '学时有误', updatedAt: S(3) }
    const [shown] = withReviewOutcomes([hers], (id) => (id === 'a1' ? outcome : undefined))
    expect(shown).toMatchObject({ review: 'returned', reviewNote: '学时有误' })
    expect(hers.review).toBe('selfReported') // never written back
  })

  it('keeps her own state once she edited the record after the review (it goes back for review)', () => {
    const outcome: ReviewOutcome = { id: 'a1', review: 'returned', reviewNote: '学时有误', updatedAt: S(3) }
    const edited = { ...hers, hours: 3, updatedAt: S(4, 'phone') }
    expect(withReviewOutcomes([edited], () => outcome)[0]).toBe(edited)
  })

  it('leaves group sessions and records without an outcome untouched', () => {
    const group = activity({ id: 'g', kind: 'collective', attendees: ['ann'] })
    const out = withReviewOutcomes([group, hers], () => undefined)
    expect(out[0]).toBe(group)
    expect(out[1]).toBe(hers)
  })
})

describe('exam statuses in views', () => {
  it('stand in for results the device does not hold, with no score', () => {
    const view = withExamStatuses([], [{ id: 'r1', examId: 'x1', personId: 'ann', status: 'taken', updatedAt: S(1) }])
    expect(view).toEqual([{ id: 'r1', examId: 'x1', personId: 'ann', status: 'taken', score: null, reason: null, updatedAt: S(1) }])
  })

  it('never replace a result the device holds at the same or a newer stamp', () => {
    const held = result('r1', 'ann', { updatedAt: S(5) })
    expect(withExamStatuses([held], [{ id: 'r1', examId: 'x1', personId: 'ann', status: 'absent', updatedAt: S(5) }])).toEqual([held])
  })

  it('replace an older held result (the keeper changed it since) and drop a deleted one', () => {
    const held = [result('r1', 'ann'), result('r2', 'bo')]
    const view = withExamStatuses(held, [
      { id: 'r1', examId: 'x1', personId: 'ann', status: 'absent', updatedAt: S(9) },
      { id: 'r2', deletedAt: S(9), updatedAt: S(9) },
    ])
    expect(view).toEqual([{ ...held[0], status: 'absent', score: null, updatedAt: S(9) }])
  })
})
