// Whether an official's phone holds every personal record of hers the keeper holds, told by a digest that names no one.
import { describe, expect, it } from 'vitest'
import { idsDigest, ownRecordsHeld, projectOwnDigests, type OwnRecordRef, type SubmittedSet } from '../../../../src/domain/access/own-records'
import type { LedgerRecords } from '../../../../src/domain/model/types'
import { activity, person } from '../factories'

const FROM = '2023-01-01'
const AT = '2024-06-01T00:00:00.000Z'
const records: LedgerRecords = {
  sections: [],
  persons: [person({ id: 'ann' }), person({ id: 'bo' }), person({ id: 'cy' })],
  activities: [
    activity({ id: 'a1', kind: 'self', attendees: ['ann'], date: '2024-03-01' }),
    activity({ id: 'a2', kind: 'online', attendees: ['ann'], date: '2024-04-01' }),
    activity({ id: 'old', kind: 'self', attendees: ['ann'], date: '2022-12-31' }),
    activity({ id: 'g', kind: 'collective', attendees: ['ann', 'bo'], date: '2024-04-01' }),
    { id: 'gone', deletedAt: 'x', updatedAt: 'x' },
  ],
  exams: [],
  examResults: [],
  targetSets: [],
}
const published = (personId: string, asOf = AT) => {
  const d = projectOwnDigests(records, FROM, asOf).find((x) => x.id === personId)!
  return { digest: d.digest, from: d.from, asOf }
}
const refs = (...ids: string[]): OwnRecordRef[] => ids.map((id) => ({ id, date: '2024-03-01' }))
const sent = (at: string, ...ids: string[]): SubmittedSet => ({ at, records: refs(...ids) })
const check = (personId: string, over: { submitted?: SubmittedSet[] | null; held?: OwnRecordRef[]; keeperDeleted?: Set<string> } = {}) =>
  ownRecordsHeld({ personId, published: published(personId), submitted: [], held: [], keeperDeleted: new Set(), ...over })

describe('the digest', () => {
  it('depends on the set of ids and its salt only', () => {
    const salt = { personId: 'ann', exportedAt: AT }
    expect(idsDigest(['b', 'a', 'a'], salt)).toBe(idsDigest(['a', 'b'], salt))
    expect(idsDigest(['a'], salt)).not.toBe(idsDigest(['a', 'b'], salt))
    expect(idsDigest([], salt)).toMatch(/^[0-9a-f]{16}$/)
    const digests = projectOwnDigests(records, FROM, AT)
    expect(digests.map((d) => d.id)).toEqual(['ann', 'bo', 'cy'])
    expect(digests[0].digest).toBe(idsDigest(['a1', 'a2'], salt))
  })

  it('shows neither equal sets within a file nor an unchanged set between two files', () => {
    const [, bo, cy] = projectOwnDigests(records, FROM, AT)
    expect(bo.digest).not.toBe(cy.digest) // both hold nothing
    const later = projectOwnDigests(records, FROM, '2024-07-01T00:00:00.000Z')
    expect(later[0].digest).not.toBe(projectOwnDigests(records, FROM, AT)[0].digest)
  })

  it('carries no id, date or count of anyone\'s records', () => {
    const text = JSON.stringify(projectOwnDigests(records, FROM, AT))
    for (const id of ['a1', 'a2', 'old', '2024-03-01']) expect(text).not.toContain(id)
  })
})

describe('her phone holds her records', () => {
  it('when one of her 提交 files carried exactly what the keeper holds, whatever its time says', () => {
    expect(check('ann', { submitted: [sent('2024-05-01T00:00:00.000Z', 'a1', 'a2')] })).toBe(true)
    // A newer 提交 the keeper has not imported yet does not matter: the older one matches.
    expect(check('ann', { submitted: [sent('2024-07-01T00:00:00.000Z', 'a1', 'a2', 'a3'), sent('2024-05-01T00:00:00.000Z', 'a1', 'a2')] })).toBe(true)
    // A phone clock a day ahead: the file looks newer than the 发布, and still matches.
    expect(check('ann', { submitted: [sent('2024-06-02T00:00:00.000Z', 'a1', 'a2')] })).toBe(true)
  })

  it('when what the phone holds now is what the keeper holds (restored from a backup, sets forgotten)', () => {
    expect(check('ann', { held: refs('a1', 'a2') })).toBe(true)
  })

  it('not when the keeper holds a record of hers the phone never sent (a new phone, or entered by the keeper)', () => {
    expect(check('ann')).toBe(false)
    expect(check('ann', { submitted: [sent('2024-05-01T00:00:00.000Z', 'a1')], held: refs('a1') })).toBe(false)
  })

  it('when she never sent anything and the keeper holds nothing of hers', () => {
    expect(check('bo')).toBe(true)
  })

  it('leaves out what the keeper deleted since and records dated before the window', () => {
    const submitted = [{ at: '2024-05-01T00:00:00.000Z', records: [...refs('a1', 'a2', 'x'), { id: 'old', date: '2022-12-31' }] }]
    expect(check('ann', { submitted, keeperDeleted: new Set(['x']) })).toBe(true)
    expect(check('ann', { submitted })).toBe(false)
  })

  it('never matches another person\'s digest', () => {
    expect(ownRecordsHeld({ personId: 'bo', published: published('cy'), submitted: [], held: [], keeperDeleted: new Set() })).toBe(false)
  })

  it('cannot tell without a digest or with 提交 files sent before the phone kept them: held, as before', () => {
    expect(ownRecordsHeld({ personId: 'ann', published: undefined, submitted: [], held: [], keeperDeleted: new Set() })).toBe(true)
    expect(check('ann', { submitted: null })).toBe(true)
  })
})
