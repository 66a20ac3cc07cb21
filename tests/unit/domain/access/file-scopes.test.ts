// What a file states it holds, and that an import keeps nothing wider.
import { describe, expect, it } from 'vitest'
import { asScope, cutToScopes, fileScopesFor, scopesOfFile } from '../../../../src/domain/access/file-scopes'
import type { HeldScope } from '../../../../src/domain/access/held-scopes'
import type { LedgerRecords } from '../../../../src/domain/model/types'
import { activity, exam, person, section } from '../factories'

const AT = '2024-12-12T08:00:00.000Z'
const U = '2024-01-01T00:00:00.000Z_0000_k'
const records: LedgerRecords = {
  sections: [section({ id: 's1' }), section({ id: 's2' })],
  persons: [person({ id: 'ann', sectionId: 's1' }), person({ id: 'cy', sectionId: 's2' })],
  activities: [
    activity({ id: 'g', kind: 'lecture', attendees: ['ann', 'cy'] }),
    activity({ id: 'a', kind: 'self', attendees: ['ann'] }),
    activity({ id: 'c', kind: 'online', attendees: ['cy'] }),
  ],
  exams: [exam({ id: 'x1' })],
  examResults: [
    { id: 'ra', examId: 'x1', personId: 'ann', status: 'taken', score: 91, reason: null, updatedAt: U },
    { id: 'rc', examId: 'x1', personId: 'cy', status: 'taken', score: 59, reason: null, updatedAt: U },
  ],
  targetSets: [],
}

describe('the scopes of a file', () => {
  it('reads what a version-1 file meant by its purpose', () => {
    expect(scopesOfFile({ formatVersion: 1, purpose: 'backup', exportedAt: AT })).toEqual([{ scope: { role: 'keeper' }, asOf: AT, source: 'file:备份' }])
    expect(scopesOfFile({ formatVersion: 1, purpose: 'publish', exportedAt: AT })).toEqual([{ scope: { role: 'everyone' }, asOf: AT, source: 'file:发布' }])
    expect(scopesOfFile({ formatVersion: 1, purpose: 'submit', exportedAt: AT })).toEqual([])
  })

  it('reads the scopes a version-2 file states, and ignores a county or malformed one', () => {
    const scopes = [
      { scope: { role: 'sectionHead', personId: null, sectionIds: ['s1'] }, asOf: AT },
      { scope: { role: 'county' }, asOf: AT },
    ]
    expect(scopesOfFile({ formatVersion: 2, purpose: 'section', exportedAt: AT, scopes })).toEqual([
      { scope: { role: 'sectionHead', personId: null, sectionIds: ['s1'] }, asOf: AT, source: 'file:股室' },
    ])
    expect(asScope({ role: 'official' })).toBeNull()
    expect(asScope({ role: 'sectionHead', personId: null, sectionIds: [] })).toBeNull()
  })

  it('a backup states the whole unit alone, or each partial scope with live ones as of the export', () => {
    const keeper: HeldScope = { scope: { role: 'keeper' }, asOf: '2020-01-01T00:00:00.000Z', source: 'local' }
    const pub: HeldScope = { scope: { role: 'everyone' }, asOf: '2024-12-01T00:00:00.000Z', source: 'file:发布' }
    const own: HeldScope = { scope: { role: 'official', personId: 'ann' }, asOf: '2020-01-01T00:00:00.000Z', source: 'local' }
    expect(fileScopesFor([keeper, own], AT)).toEqual([{ scope: { role: 'keeper' }, asOf: AT }])
    expect(fileScopesFor([pub, own], AT)).toEqual([
      { scope: { role: 'everyone' }, asOf: '2024-12-01T00:00:00.000Z' },
      { scope: { role: 'official', personId: 'ann' }, asOf: AT },
    ])
  })
})

describe('importing never widens', () => {
  const ids = (r: LedgerRecords) => ({ activities: r.activities.map((a) => a.id), examResults: r.examResults.map((x) => x.id) })

  it('keeps of a 发布 only what everyone may see, even if the file carried more', () => {
    expect(ids(cutToScopes(records, [{ role: 'everyone' }]))).toEqual({ activities: ['g'], examResults: [] })
  })

  it('keeps of a 股室文件 the section\'s records and results', () => {
    expect(ids(cutToScopes(records, [{ role: 'sectionHead', personId: null, sectionIds: ['s1'] }]))).toEqual({ activities: ['g', 'a'], examResults: ['ra'] })
  })

  it('keeps of a partial backup the union of its scopes, and of a keeper\'s backup everything', () => {
    const union = cutToScopes(records, [{ role: 'everyone' }, { role: 'official', personId: 'cy' }])
    expect(ids(union)).toEqual({ activities: ['g', 'c'], examResults: ['rc'] })
    expect(cutToScopes(records, [{ role: 'keeper' }])).toBe(records)
  })
})
