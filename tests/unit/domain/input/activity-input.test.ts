// Bad input for activities: each case gets a plain zh-CN message and nothing is saved.
import { describe, expect, it } from 'vitest'
import {
  deriveActivityTitle,
  findLikelyDuplicates,
  lawsPhrase,
  normaliseActivityInput,
  quickLogActivity,
  validateActivity,
  type ActivityInput,
  type ValidationContext,
} from '../../../../src/domain/input/activity-input'
import { activity, person } from '../factories'

const p1 = person({ id: 'p1', name: '张三', activeFrom: '2020-01-01' })
const p2 = person({ id: 'p2', name: '李四', activeFrom: '2024-07-01' })
const p3 = person({ id: 'p3', name: '王五', activeFrom: '2015-01-01', activeTo: '2024-03-31' })
const ctx: ValidationContext = { today: '2024-11-22', persons: [p1, p2, p3] }

function input(over: Partial<ActivityInput> = {}): ActivityInput {
  return {
    kind: 'lecture',
    title: '法治讲座',
    date: '2024-11-01',
    endDate: null,
    hours: 2,
    legalTheme: true,
    laws: [],
    category: null,
    organizer: null,
    lecturer: null,
    attendees: ['p1'],
    note: '',
    ...over,
  }
}

describe('validateActivity', () => {
  it('accepts a good record', () => {
    expect(validateActivity(input(), ctx)).toBeNull()
    expect(validateActivity(input({ hours: 0.5 }), ctx)).toBeNull()
    expect(validateActivity(input({ date: '2024-11-22' }), ctx)).toBeNull()
    expect(validateActivity(input({ kind: 'training', category: 'business', hours: 48, date: '2024-10-08', endDate: '2024-10-09' }), ctx)).toBeNull()
  })

  it.each([
    ['zero hours', { hours: 0 }, '学时须大于 0'],
    ['negative hours', { hours: -1 }, '学时须大于 0'],
    ['hours not a number', { hours: Number.NaN }, '请填写学时'],
    ['hours not a step of 0.5', { hours: 1.2 }, '学时须为 0.5 的整数倍（如 0.5、1、1.5）'],
    ['over 24 in one day', { hours: 24.5 }, '一天最多 24 学时，请核对学时'],
    ['over 24 a day over two days', { date: '2024-10-08', endDate: '2024-10-09', hours: 48.5 }, '共 2 天，最多 48 学时（每天不超过 24 学时），请核对学时'],
    ['a future date', { date: '2024-11-23' }, '日期不能晚于今天（2024-11-22），请选择已经发生的学习'],
    ['a future end date', { endDate: '2024-11-23' }, '结束日期不能晚于今天（2024-11-22）'],
    ['end before start', { endDate: '2024-10-31' }, '结束日期不能早于开始日期'],
    ['before 2000', { date: '1999-12-31' }, '日期须在 2000 年至 2024 年之间'],
    ['not a date', { date: '2024-02-30' }, '请选择日期'],
    ['empty attendees', { attendees: [] }, '请至少选择一名参加人员'],
    ['attendee before joining', { attendees: ['p1', 'p2'], date: '2024-06-30' }, '李四在 2024-06-30 不在岗（调入前或已调出），请取消勾选或核对日期'],
    ['attendee after leaving', { attendees: ['p3'] }, '王五在 2024-11-01 不在岗（调入前或已调出），请取消勾选或核对日期'],
    ['attendee not on the roster', { attendees: ['ghost'] }, '参加人员中有人不在名册中，请重新选择参加人员'],
    ['training without category', { kind: 'training', category: null }, '业务培训须选择培训类别（公共法律知识、业务知识或行政执法技能）'],
    ['empty title', { title: '   ' }, '请填写标题'],
    ['unknown kind', { kind: 'party' as ActivityInput['kind'] }, '请选择学习形式'],
  ] satisfies [string, Partial<ActivityInput>, string][])('rejects %s', (_name, over, message) => {
    expect(validateActivity(input(over), ctx)).toBe(message)
  })

  it('respects the ledger years when given', () => {
    expect(validateActivity(input({ date: '2019-05-01' }), { ...ctx, ledgerYears: { from: 2020, to: 2024 } })).toBe(
      '日期须在 2020 年至 2024 年之间',
    )
  })
})

describe('findLikelyDuplicates', () => {
  const existing = [
    activity({ id: 'a1', kind: 'self', date: '2024-11-01', hours: 1.5, attendees: ['p1'] }),
    activity({ id: 'a2', kind: 'self', date: '2024-11-01', hours: 1, attendees: ['p1'] }),
    activity({ id: 'a3', kind: 'online', date: '2024-11-01', hours: 1.5, attendees: ['p1'] }),
    activity({ id: 'a4', kind: 'self', date: '2024-11-01', hours: 1.5, attendees: ['p2'] }),
  ]

  it('finds the same person, date, kind and hours', () => {
    const found = findLikelyDuplicates(input({ kind: 'self', hours: 1.5, attendees: ['p1'] }), existing)
    expect(found.map((a) => a.id)).toEqual(['a1'])
  })

  it('does not match the record being edited', () => {
    expect(findLikelyDuplicates(input({ id: 'a1', kind: 'self', hours: 1.5 }), existing)).toEqual([])
  })

  it('matches a group session sharing one attendee', () => {
    const found = findLikelyDuplicates(input({ kind: 'self', hours: 1.5, attendees: ['p9', 'p2'] }), existing)
    expect(found.map((a) => a.id)).toEqual(['a4'])
  })
})

describe('titles and normalising', () => {
  it('derives titles from laws, topic and platform', () => {
    expect(deriveActivityTitle('self', ['中华人民共和国宪法'])).toBe('自学《宪法》')
    expect(deriveActivityTitle('online', [], '', '学习强国')).toBe('学习强国 线上学习')
    expect(deriveActivityTitle('online', ['中华人民共和国民法典'], '', '法宣在线')).toBe('法宣在线 线上学习《民法典》')
    expect(deriveActivityTitle('self', [], '新修订法规')).toBe('自学：新修订法规')
    expect(deriveActivityTitle('collective', ['中华人民共和国宪法'], '宪法宣传周')).toBe('集体学法《宪法》：宪法宣传周')
    expect(deriveActivityTitle('self', [])).toBe('自学')
  })

  it('shortens a long list of laws', () => {
    expect(lawsPhrase(['a', 'b', 'c', 'd'])).toBe('《a》《b》《c》等 4 部')
  })

  it('turns short names into official titles and drops repeats', () => {
    const n = normaliseActivityInput(input({ laws: ['宪法', '《中华人民共和国宪法》', '本单位制度'], attendees: ['p1', 'p1'], organizer: ' ', endDate: '2024-11-01' }))
    expect(n.laws).toEqual(['中华人民共和国宪法', '本单位制度'])
    expect(n.attendees).toEqual(['p1'])
    expect(n.organizer).toBeNull()
    expect(n.endDate).toBeNull()
    // The keeper may file a group session under another 登记卡 category than its kind's default; none stays none.
    expect(normaliseActivityInput(input({ kind: 'lecture', category: 'business' })).category).toBe('business')
    expect(normaliseActivityInput(input({ kind: 'lecture', category: null })).category).toBeNull()
  })

  it('builds the quick-log record for one person', () => {
    const a = quickLogActivity({ kind: 'online', date: '2024-11-01', hours: 1, laws: [], topic: '', platform: '学习强国' }, 'p1')
    expect(a).toMatchObject({ kind: 'online', title: '学习强国 线上学习', organizer: '学习强国', attendees: ['p1'], legalTheme: false })
    const b = quickLogActivity({ kind: 'self', date: '2024-11-01', hours: 1.5, laws: ['宪法'], topic: '', platform: '学习强国' }, 'p1')
    expect(b).toMatchObject({ kind: 'self', title: '自学《宪法》', organizer: null, laws: ['中华人民共和国宪法'], legalTheme: true })
  })
})
