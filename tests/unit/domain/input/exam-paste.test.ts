// Issue #16 (Deliver 6): exam scores pasted as 姓名 + 分数 (or 缺考 / 免考 + 原因), each line checked on its own.
import { describe, expect, it } from 'vitest'
import { parseScorePaste, usableScores, type ScorePasteContext } from '../../../../src/domain/input/exam-paste'
import { person } from '../factories'

const persons = [
  person({ id: 'a', name: '张三' }),
  person({ id: 'b', name: '李四' }),
  person({ id: 'c', name: '王五' }),
  person({ id: 'd', name: '欧阳娜娜' }),
  person({ id: 'w1', name: '王伟' }),
  person({ id: 'w2', name: '王伟' }),
  person({ id: 'late', name: '新来的' }),
  person({ id: 'gone', name: '老赵', activeTo: '2024-06-30' }),
]
const ctx: ScorePasteContext = {
  exam: { kind: 'annual' },
  persons,
  eligibleIds: new Set(['a', 'b', 'c', 'd', 'w1', 'w2', 'gone']),
  current: new Map([['b', { status: 'taken', score: 88, reason: null }]]),
}
const parse = (text: string, c = ctx) => parseScorePaste(text, c)
const brief = (text: string) => parse(text).map((l) => [l.line, l.name, l.result, l.error])

describe('parseScorePaste', () => {
  it('tabs (Excel), commas, spaces; a header and blank lines are skipped', () => {
    expect(brief('姓名\t成绩\r\n张三\t96\r\n\r\n李四,58\n王五  缺考\n')).toEqual([
      [2, '张三', { status: 'taken', score: 96, reason: null }, null],
      [4, '李四', { status: 'taken', score: 58, reason: null }, null],
      [5, '王五', { status: 'absent', score: null, reason: null }, null],
    ])
  })

  it('免考 with its reason, in a cell, after a space or in brackets; without one it is refused', () => {
    const exempt = (t: string) => parse(t)[0].result
    expect(exempt('张三\t免考\t病假')).toEqual({ status: 'exempt', score: null, reason: '病假' })
    expect(exempt('张三 免考（产假）')).toEqual({ status: 'exempt', score: null, reason: '产假' })
    expect(exempt('张三 免考：借调市委巡察组')).toEqual({ status: 'exempt', score: null, reason: '借调市委巡察组' })
    expect(parse('张三 免考')[0].error).toBe('免考请写明原因，例如“王五 免考 病假”')
  })

  it('full-width digits and spaces, 分, a decimal, a row number in front, a padded name', () => {
    expect(brief('１\t张三\t９６分\n2\t欧阳　娜娜\t88.5\n')).toEqual([
      [1, '张三', { status: 'taken', score: 96, reason: null }, null],
      [2, '欧阳娜娜', { status: 'taken', score: 88.5, reason: null }, null],
    ])
  })

  it('every malformed line gets its own reason and nothing usable', () => {
    const lines = parse('张三 abc\n李四 105\n王五\n查无此人 90\n王伟 80\n新来的 70\n欧阳娜娜 88.55')
    expect(lines.map((l) => l.error)).toEqual([
      '“abc”不是分数，也不是“缺考”或“免考”',
      '成绩应在 0–100 分之间',
      '缺少成绩：请在姓名后写分数，或“缺考”“免考 原因”',
      '名册中没有“查无此人”，请核对姓名',
      '名册中有 2 名“王伟”，请在列表中逐个录入',
      '新来的 考试当日不在册，不在应考范围',
      '成绩最多保留一位小数',
    ])
    expect(usableScores(lines)).toEqual([])
  })

  it('two lines for one person: neither is saved', () => {
    const lines = parse('张三 90\n李四 80\n张三 60')
    expect(lines.map((l) => l.error)).toEqual(['第 1 行、第 3 行都是张三，请只保留一行', null, '第 1 行、第 3 行都是张三，请只保留一行'])
    expect(usableScores(lines)).toEqual([{ personId: 'b', result: { status: 'taken', score: 80, reason: null } }])
  })

  it('says what a line replaces; a leaver on the roster on the exam date may have a result', () => {
    const [b, gone] = parse('李四 缺考\n老赵 75')
    expect(b.note).toBe('将替换原来的“88 分”')
    expect(gone).toMatchObject({ personId: 'gone', error: null })
    expect(parse('李四 88')[0].note).toBeNull()
  })

  it('a pre-appointment exam takes anyone on the roster', () => {
    expect(parse('新来的 85', { ...ctx, exam: { kind: 'preAppointment' }, eligibleIds: new Set() })[0]).toMatchObject({ personId: 'late', error: null })
  })
})
