// The one order of persons: by section (the roster's order), then by name in the zh-CN collation.
import { describe, expect, it } from 'vitest'
import { byName, compareZh, rosterOrder } from '../../../../src/domain/model/order'
import { person, section } from '../factories'

describe('order', () => {
  it('orders names by pinyin', () => {
    expect(['王五', '李四', '张三', '赵六'].sort(compareZh)).toEqual(['李四', '王五', '张三', '赵六'])
  })

  it('keeps namesakes in one order by id', () => {
    const a = person({ id: 'b', name: '张三' })
    const b = person({ id: 'a', name: '张三' })
    expect([a, b].sort(byName).map((p) => p.id)).toEqual(['a', 'b'])
  })

  it('sorts by section order, then name; no section or an unknown one last', () => {
    const sections = [section({ id: 's2', order: 2 }), section({ id: 's1', order: 1 })]
    const persons = [
      person({ id: '1', name: '张三', sectionId: 's2' }),
      person({ id: '2', name: '李四', sectionId: null }),
      person({ id: '3', name: '王五', sectionId: 's1' }),
      person({ id: '4', name: '李四', sectionId: 's2' }),
      person({ id: '5', name: '赵六', sectionId: 'gone' }),
    ]
    expect(persons.sort(rosterOrder(sections)).map((p) => p.id)).toEqual(['3', '4', '1', '2', '5'])
  })
})
