import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isNewer, mergeOutcome, wins, type Stamped } from '../../../../src/domain/ledger/merge'
import { mergeRecordSets, emptyRecords } from '../../../../src/domain/ledger/file'

const s = (ms: number, dev = 'd1') => `2024-01-01T00:00:${String(ms).padStart(2, '0')}.000Z_0000_${dev}`
const live = (id: string, at: string): Stamped & { x: number } => ({ id, updatedAt: at, x: 1 })
const gone = (id: string, at: string) => ({ id, deletedAt: at, updatedAt: at })

describe('the merge rule', () => {
  it('keeps the greater stamp between live versions', () => {
    expect(wins(live('a', s(1)), live('a', s(2)))).toBe(true)
    expect(wins(live('a', s(2)), live('a', s(1)))).toBe(false)
    expect(wins(live('a', s(2)), live('a', s(2)))).toBe(false)
    expect(mergeOutcome(live('a', s(1)), live('a', s(2)))).toBe('updated')
  })

  it('lets a deletion win over an edit made later on a device that had not seen it (deletes never resurrect)', () => {
    expect(wins(gone('a', s(1)), live('a', s(9)))).toBe(false)
    expect(isNewer(gone('a', s(1)), live('a', s(9)))).toBe(false)
    expect(mergeOutcome(gone('a', s(1)), live('a', s(9)))).toBe('unchanged')
    expect(wins(live('a', s(9)), gone('a', s(1)))).toBe(true)
    expect(mergeOutcome(live('a', s(9)), gone('a', s(1)))).toBe('deleted')
    // Among tombstones the greater stamp wins, so every device keeps the same one.
    expect(wins(gone('a', s(1)), gone('a', s(2)))).toBe(true)
  })

  it('converges in any order of arrival (idempotent, commutative, associative)', () => {
    const version = fc.record({ t: fc.integer({ min: 0, max: 5 }), dev: fc.constantFrom('d1', 'd2'), gone: fc.boolean() })
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1000 }), (vs, seed) => {
        const recs = vs.map((v) => (v.gone ? gone('a', s(v.t, v.dev)) : live('a', s(v.t, v.dev))))
        const one = (r: Stamped) => ({ ...emptyRecords(), activities: [r] }) as never
        const fold = (order: Stamped[]) => order.reduce((acc, r) => mergeRecordSets(acc, one(r)), emptyRecords())
        const shuffled = [...recs].sort((a, b) => ((recs.indexOf(a) * 7919 + seed) % 13) - ((recs.indexOf(b) * 7919 + seed) % 13))
        const a = fold(recs)
        expect(fold([...recs, ...recs])).toEqual(a)
        expect(fold(shuffled)).toEqual(a)
        expect(fold([...recs].reverse())).toEqual(a)
      }),
    )
  })
})
