// An official's 提交: which records are not yet with the keeper, and when a log is followed by the prompt.
import { describe, expect, it } from 'vitest'
import { isSubmitDue, unsentRecords } from '../../../../src/domain/device/submit-reminder'
import { activity } from '../factories'

const at = (d: string) => `${d}T08:00:00.000Z_0000_phone`

describe('unsent records', () => {
  const recs = [
    activity({ id: 'old', kind: 'self', attendees: ['ann'], updatedAt: at('2024-05-01') }),
    activity({ id: 'new', kind: 'online', attendees: ['ann'], updatedAt: at('2024-05-09') }),
    activity({ id: 'group', kind: 'collective', attendees: ['ann', 'bo'], updatedAt: at('2024-05-09') }),
  ]
  it('are her own 自学 / 线上 records changed after the last 提交', () => {
    expect(unsentRecords(recs, 'ann', '2024-05-05T00:00:00.000Z').map((a) => a.id)).toEqual(['new'])
    expect(unsentRecords(recs, 'ann', null).map((a) => a.id)).toEqual(['old', 'new'])
  })
})

describe('the prompt after a log', () => {
  const now = new Date('2024-05-10T08:00:00.000Z')
  it('is due when she never submitted or not for a week', () => {
    expect(isSubmitDue(null, now)).toBe(true)
    expect(isSubmitDue('2024-05-03T08:00:00.000Z', now)).toBe(true)
    expect(isSubmitDue('2024-05-03T08:00:01.000Z', now)).toBe(false)
    expect(isSubmitDue('2024-05-09T08:00:00.000Z', now)).toBe(false)
  })
})
