// @vitest-environment happy-dom
// The per-person table stays light at 2,000 persons: 50 rows a page, a name / section filter.
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import PersonTableCard from '@/components/report/PersonTableCard.vue'
import { PERSON_TABLE_HEADERS } from '@/domain/report/labels'
import type { Cell } from '@/domain/report/table'

// Vant's on-demand CSS cannot load in node: the tests need the markup only.
vi.mock('vant/es/search/style/index', () => ({}))
vi.mock('vant/es/pagination/style/index', () => ({}))

const rows: Cell[][] = Array.from({ length: 2000 }, (_, i) => [
  i + 1, `人员${i + 1}`, i % 2 ? '执法队' : '办公室', 12.5, 0, 0, 0, 60, i % 3 ? '达标' : '未达标', '参考', 90, '', '',
])

describe('PersonTableCard', () => {
  it('renders one page of 50 rows out of 2,000, with the status as colour and word', () => {
    const w = mount(PersonTableCard, { props: { headers: PERSON_TABLE_HEADERS, rows } })
    expect(w.findAll('tbody tr')).toHaveLength(50)
    expect(w.text()).toContain('（2000人）')
    expect(w.find('tbody tr td.num').text()).toBe('12.5')
    expect(w.find('.xf-status--missed').text()).toBe('未达标')
    expect(w.find('.xf-status--met').text()).toBe('达标')
  })

  it('pages through the rows', async () => {
    const w = mount(PersonTableCard, { props: { headers: PERSON_TABLE_HEADERS, rows } })
    const two = w.findAll('.van-pagination__item').find((li) => li.text() === '2')!
    await (two.find('button').exists() ? two.find('button') : two).trigger('click')
    await nextTick()
    expect(w.find('tbody tr td').text()).toBe('51')
  })

  it('filters by name or section and goes back to page 1', async () => {
    const w = mount(PersonTableCard, { props: { headers: PERSON_TABLE_HEADERS, rows } })
    await w.find('input').setValue('人员1999')
    await nextTick()
    const shown = w.findAll('tbody tr')
    expect(shown).toHaveLength(1)
    expect(shown[0].text()).toContain('人员1999')
    await w.find('input').setValue('没有这个人')
    await nextTick()
    expect(w.text()).toContain('没有符合筛选的人员。')
  })
})
