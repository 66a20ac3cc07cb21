// One person's day: the sum of every record on one calendar day (a multi-day activity spreads its hours over its
// days); over 24 refused, over the keeper's confirm line (default 8) asked.
import { describe, expect, it } from 'vitest'
import { checkDailyHours, heaviestDays } from '../../../../src/domain/input/daily-hours'
import type { ActivityInput } from '../../../../src/domain/input/activity-input'
import { activity } from '../factories'

const input = (over: Partial<ActivityInput> = {}): ActivityInput => {
  const { id: _id, updatedAt: _u, ...rest } = activity({ kind: 'self', date: '2024-03-05', hours: 6, attendees: ['ann'] })
  return { ...rest, ...over }
}
const name = (id: string) => ({ ann: '张三', bo: '李四' })[id] ?? id

describe('the sum of one person\'s day', () => {
  it('adds every record of that day across records', () => {
    const existing = [
      activity({ id: 'e1', date: '2024-03-05', hours: 20, attendees: ['ann'] }),
      activity({ id: 'e2', date: '2024-03-04', hours: 8, attendees: ['ann'] }),
      activity({ id: 'e3', date: '2024-03-05', hours: 3, attendees: ['bo'] }),
    ]
    expect(heaviestDays(input(), existing)).toEqual([{ personId: 'ann', date: '2024-03-05', hours: 26 }])
  })

  it('spreads a multi-day activity over its days', () => {
    // 3 days, 18 学时 → 6 a day, on 03-04 … 03-06.
    const training = activity({ id: 't', kind: 'training', date: '2024-03-04', endDate: '2024-03-06', hours: 18, attendees: ['ann', 'bo'] })
    expect(heaviestDays(input({ hours: 4 }), [training])).toEqual([{ personId: 'ann', date: '2024-03-05', hours: 10 }])
    // A new multi-day record meets a one-day record on one of its days.
    // 03-06: 6 (training) + 6 = 12; 03-07: 6 + 7 = 13.
    const oneDay = activity({ id: 'o', date: '2024-03-07', hours: 7, attendees: ['bo'] })
    const course = input({ kind: 'training', date: '2024-03-06', endDate: '2024-03-07', hours: 12, attendees: ['bo'] })
    expect(heaviestDays(course, [training, oneDay])).toEqual([{ personId: 'bo', date: '2024-03-07', hours: 13 }])
  })

  it('leaves out the stored version of the record being edited', () => {
    const stored = activity({ id: 'same', date: '2024-03-05', hours: 20, attendees: ['ann'] })
    expect(heaviestDays(input({ id: 'same', hours: 22 }), [stored])[0].hours).toBe(22)
  })
})

describe('the verdict', () => {
  it('refuses a day over 24 学时 with a clear message', () => {
    const existing = [activity({ id: 'e1', date: '2024-03-05', hours: 20, attendees: ['ann'] })]
    const v = checkDailyHours(input({ hours: 6 }), existing, 8, name)
    expect(v).toEqual({ kind: 'refuse', message: expect.stringContaining('张三3月5日的学时合计将达 26 学时，超过一天 24 学时的上限，未保存') })
  })

  it('accepts exactly 24, asking because it is over the confirm line', () => {
    const existing = [activity({ id: 'e1', date: '2024-03-05', hours: 18, attendees: ['ann'] })]
    expect(checkDailyHours(input({ hours: 6 }), existing, 8, name)).toEqual({
      kind: 'confirm',
      message: '张三3月5日的学时合计将达 24 学时，超过一天 8 学时。确认没有填错吗？',
    })
  })

  it('asks above the keeper\'s line, not at it', () => {
    const existing = [activity({ id: 'e1', date: '2024-03-05', hours: 2, attendees: ['ann'] })]
    expect(checkDailyHours(input({ hours: 6 }), existing, 8, name).kind).toBe('ok')
    expect(checkDailyHours(input({ hours: 6.5 }), existing, 8, name).kind).toBe('confirm')
    expect(checkDailyHours(input({ hours: 6.5 }), existing, 10, name).kind).toBe('ok')
  })

  it('names how many people of a group session are over', () => {
    const existing = [
      activity({ id: 'e1', date: '2024-03-05', hours: 22, attendees: ['ann'] }),
      activity({ id: 'e2', date: '2024-03-05', hours: 21, attendees: ['bo'] }),
    ]
    const group = input({ kind: 'collective', hours: 4, attendees: ['ann', 'bo'] })
    expect(checkDailyHours(group, existing, 8, name)).toMatchObject({ kind: 'refuse', message: expect.stringMatching(/^张三等 2 人3月5日的学时合计将达 26 学时/) })
  })

  it('refuses a record over 24 学时 on its own for itself, not as a day total', () => {
    // 30 学时 in one entry on a day that already holds 4: the entry is wrong whatever else the day holds.
    const existing = [activity({ id: 'e1', date: '2024-03-05', hours: 4, attendees: ['ann'] })]
    expect(checkDailyHours(input({ hours: 30 }), existing, 8, name)).toEqual({ kind: 'refuse', message: '一天最多 24 学时，请核对学时' })
    // 50 学时 over two days is over 2 × 24 as well.
    const twoDays = input({ kind: 'training', date: '2024-03-05', endDate: '2024-03-06', hours: 50 })
    expect(checkDailyHours(twoDays, [], 8, name)).toMatchObject({ kind: 'refuse', message: expect.stringContaining('共 2 天，最多 48 学时') })
  })
})
