import { describe, expect, it } from 'vitest'
import { admitWrite, coversPerson, cutToScope, isVisible, scopeContext, scopeWords, type Scope } from '../../../../src/domain/access/scope'
import type { Activity, ExamResult, LedgerRecords } from '../../../../src/domain/model/types'
import { activity, exam, person, section } from '../factories'

const U = '2024-01-01T00:00:00.000Z_0000_dev1'
const s1 = section({ id: 's1', name: '执法一队' })
const s2 = section({ id: 's2', name: '办公室' })
const ann = person({ id: 'ann', sectionId: 's1' })
const bo = person({ id: 'bo', sectionId: 's1' })
const cy = person({ id: 'cy', sectionId: 's2' })
const group = activity({ id: 'g1', kind: 'collective', attendees: ['ann', 'bo', 'cy'] })
const annSelf = activity({ id: 'a-self', kind: 'self', attendees: ['ann'] })
const boOnline = activity({ id: 'b-online', kind: 'online', attendees: ['bo'] })
const cySelf = activity({ id: 'c-self', kind: 'self', attendees: ['cy'] })
const ex = exam({ id: 'e1', year: 2024 })
const result = (personId: string, score: number): ExamResult => ({
  id: `r-${personId}`, examId: 'e1', personId, status: 'taken', score, reason: null, updatedAt: U,
})
const tomb = { id: 'gone', deletedAt: U, updatedAt: U }
const records: LedgerRecords = {
  sections: [s1, s2],
  persons: [ann, bo, cy],
  activities: [group, annSelf, boOnline, cySelf, tomb],
  exams: [ex],
  examResults: [result('ann', 96), result('bo', 55), result('cy', 80)],
  targetSets: [{ id: 't', year: 2024, updatedAt: U, rules: [] }],
}
const ids = (r: LedgerRecords) => ({
  activities: r.activities.map((a) => a.id),
  examResults: r.examResults.map((x) => x.id),
  persons: r.persons.length,
  sections: r.sections.length,
  exams: r.exams.length,
  targetSets: r.targetSets.length,
})

describe('who may see what', () => {
  it('gives the keeper the whole unit', () => {
    expect(cutToScope(records, { role: 'keeper' })).toEqual(records)
  })

  it('gives a section head the roster, group sessions, targets and everything of the section and herself', () => {
    const head: Scope = { role: 'sectionHead', personId: 'cy', sectionIds: ['s1'] }
    expect(ids(cutToScope(records, head))).toEqual({
      activities: ['g1', 'a-self', 'b-online', 'c-self', 'gone'],
      examResults: ['r-ann', 'r-bo', 'r-cy'],
      persons: 3, sections: 2, exams: 1, targetSets: 1,
    })
    const headOnly: Scope = { role: 'sectionHead', personId: null, sectionIds: ['s2'] }
    expect(ids(cutToScope(records, headOnly)).activities).toEqual(['g1', 'c-self', 'gone'])
    expect(ids(cutToScope(records, headOnly)).examResults).toEqual(['r-cy'])
  })

  it('gives an official the common records and only her own records and exam result', () => {
    const cut = cutToScope(records, { role: 'official', personId: 'bo' })
    expect(ids(cut)).toEqual({
      activities: ['g1', 'b-online', 'gone'], examResults: ['r-bo'], persons: 3, sections: 2, exams: 1, targetSets: 1,
    })
  })

  it('gives everyone (the 发布 file) no personal record and no exam result at all', () => {
    const cut = cutToScope(records, { role: 'everyone' })
    expect(ids(cut)).toEqual({ activities: ['g1', 'gone'], examResults: [], persons: 3, sections: 2, exams: 1, targetSets: 1 })
    expect(JSON.stringify(cut)).not.toMatch(/"score"/)
  })

  it('gives a county account no record', () => {
    const cut = cutToScope(records, { role: 'county' })
    expect(Object.values(cut).every((t) => t.length === 0)).toBe(true)
  })

  it('never lets a narrower scope see another person\'s score', () => {
    const scopes: Scope[] = [
      { role: 'official', personId: 'ann' },
      { role: 'sectionHead', personId: 'cy', sectionIds: ['s2'] },
      { role: 'everyone' },
    ]
    for (const scope of scopes) {
      const ctx = scopeContext(records.persons)
      for (const r of cutToScope(records, scope).examResults as ExamResult[]) expect(coversPerson(scope, r.personId, ctx)).toBe(true)
    }
  })

  it('follows a person who moves to another section', () => {
    const head: Scope = { role: 'sectionHead', personId: null, sectionIds: ['s1'] }
    const moved = scopeContext([ann, { ...bo, sectionId: 's2' }, cy])
    expect(isVisible(head, 'activities', boOnline, moved)).toBe(false)
    expect(isVisible(head, 'activities', annSelf, moved)).toBe(true)
  })

  it('names the scope in words', () => {
    const name = (id: string) => ({ s1: '执法一队', s2: '办公室' })[id]
    expect(scopeWords({ role: 'sectionHead', personId: null, sectionIds: ['s1', 's2'] }, name)).toBe('执法一队、办公室')
    expect(scopeWords({ role: 'keeper' }, name)).toBe('全单位')
    expect(scopeWords({ role: 'official', personId: 'x' }, name)).toBe('本人')
  })
})

describe('who may write what', () => {
  const official: Scope = { role: 'official', personId: 'ann' }

  it('lets the keeper write anything', () => {
    expect(admitWrite({ role: 'keeper' }, 'persons', ann, undefined)).toEqual({ ok: true, record: ann })
  })

  it('admits an official\'s own 自学 as 自报, and sends an edited verified record back for review', () => {
    const verified: Activity = { ...annSelf, review: 'verified', reviewNote: null }
    const edited: Activity = { ...annSelf, hours: 2, review: 'verified', reviewNote: '已核' }
    const v = admitWrite(official, 'activities', edited, verified)
    expect(v).toEqual({ ok: true, record: { ...edited, review: 'selfReported', reviewNote: null } })
  })

  it('refuses another person\'s record, a group session, an exam result and the roster from an official', () => {
    expect(admitWrite(official, 'activities', boOnline, undefined).ok).toBe(false)
    expect(admitWrite(official, 'activities', { ...group, attendees: ['ann'] }, undefined).ok).toBe(false)
    expect(admitWrite(official, 'activities', { ...annSelf, attendees: ['ann', 'bo'] }, undefined).ok).toBe(false)
    expect(admitWrite(official, 'examResults', result('ann', 100), undefined).ok).toBe(false)
    expect(admitWrite(official, 'persons', ann, undefined).ok).toBe(false)
    // Taking over someone else's record by reusing its id.
    expect(admitWrite(official, 'activities', { ...boOnline, attendees: ['ann'] }, boOnline).ok).toBe(false)
  })

  it('admits an official\'s deletion of her own record or of a new id, not of another\'s', () => {
    const del = (id: string) => ({ id, deletedAt: U, updatedAt: U })
    expect(admitWrite(official, 'activities', del('a-self'), annSelf).ok).toBe(true)
    expect(admitWrite(official, 'activities', del('new'), undefined).ok).toBe(true)
    expect(admitWrite(official, 'activities', del('g1'), group).ok).toBe(false)
  })

  it('lets nobody write with the common or county scope', () => {
    expect(admitWrite({ role: 'everyone' }, 'activities', annSelf, undefined).ok).toBe(false)
    expect(admitWrite({ role: 'county' }, 'activities', annSelf, undefined).ok).toBe(false)
  })
})
