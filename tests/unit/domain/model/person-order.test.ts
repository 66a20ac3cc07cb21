// Issue #16: the roster order — a pasted list keeps its order; persons from before the field existed: leaders first.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { comparePersons, nextPersonOrder } from '../../../../src/domain/model/order'
import { validateLedgerFile } from '../../../../src/domain/ledger/schema'
import { person } from '../factories'

const names = (list: ReturnType<typeof person>[]) => [...list].sort(comparePersons).map((p) => p.name)

describe('comparePersons', () => {
  it('keeps the pasted order, not the alphabet: 局长 first', () => {
    const pasted = ['赵局长', '钱副局长', '孙股长', '李科员', '阿明'].map((name, i) => person({ name, order: i + 1 }))
    expect(names([...pasted].reverse())).toEqual(['赵局长', '钱副局长', '孙股长', '李科员', '阿明'])
  })

  it('without an order (older records): leaders first, then by name (pinyin)', () => {
    const list = [person({ name: '王五' }), person({ name: '张局长', roles: ['leader'] }), person({ name: '李四' }), person({ name: '陈书记', roles: ['leader', 'enforcement'] })]
    expect(names(list)).toEqual(['陈书记', '张局长', '李四', '王五'])
  })

  it('persons added later (with an order) come after the older ones', () => {
    const list = [person({ name: '新人甲', order: 1 }), person({ name: '老王' }), person({ name: '新人乙', order: 2 }), person({ name: '老局长', roles: ['leader'] })]
    expect(names(list)).toEqual(['老局长', '老王', '新人甲', '新人乙'])
  })

  it('equal orders fall back to the name, then the id: independent of the array order', () => {
    const a = person({ id: 'a', name: '同名', order: 3 })
    const b = person({ id: 'b', name: '同名', order: 3 })
    const c = person({ id: 'c', name: '阿', order: 3 })
    expect([a, b, c].sort(comparePersons).map((p) => p.id)).toEqual(['c', 'a', 'b'])
    expect([b, c, a].sort(comparePersons).map((p) => p.id)).toEqual(['c', 'a', 'b'])
  })

  it('nextPersonOrder follows the largest order; 1 on a roster without orders', () => {
    expect(nextPersonOrder([])).toBe(1)
    expect(nextPersonOrder([person(), person()])).toBe(1)
    expect(nextPersonOrder([person({ order: 4 }), person({ order: 40 }), person()])).toBe(41)
    expect(nextPersonOrder([person({ order: 2.5 })])).toBe(3)
  })
})

describe('the optional `order` in a ledger file', () => {
  const text = readFileSync(new URL('../../../fixtures/ledger/example-2023.xuefa.json', import.meta.url), 'utf8')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const fresh = () => JSON.parse(text) as any

  it('a file without it (every older file) is read as before', () => {
    const f = fresh()
    expect(f.records.persons.some((p: object) => 'order' in p)).toBe(false)
    expect(validateLedgerFile(f, {}).ok).toBe(true)
  })

  it('a file with it is read; a negative or non-numeric order is refused in Chinese', () => {
    const f = fresh()
    f.records.persons.forEach((p: Record<string, unknown>, i: number) => (p.order = i + 1))
    expect(validateLedgerFile(f, {}).ok).toBe(true)
    f.records.persons[0].order = -1
    const bad = validateLedgerFile(f, {})
    expect(bad.ok ? '' : bad.error).toContain('「排序」不能小于 0')
    f.records.persons[0].order = '1'
    const text2 = validateLedgerFile(f, {})
    expect(text2.ok ? '' : text2.error).toContain('「排序」应为数字')
  })

  it('a field this version does not know is refused, saying a newer version may have written it', () => {
    const f = fresh()
    f.records.persons[0].nickname = '小张'
    const r = validateLedgerFile(f, {})
    expect(r.ok ? '' : r.error).toContain('含有无法识别的字段「nickname」（若文件来自更新版本的学法台账，请先更新本应用）')
  })
})
