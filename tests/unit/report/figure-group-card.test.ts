// @vitest-environment happy-dom
// A figure card: [data-figure] holds only the printed value; label and unit sit outside; last year beneath.
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FigureGroupCard from '@/components/report/FigureGroupCard.vue'
import { compareYears } from '@/domain/report/figures'
import { FIGURE_GROUPS, figure } from '@/domain/report/registry'
import { exampleBundle } from '../exports/support'

describe('FigureGroupCard', () => {
  const b = exampleBundle()
  const props = { title: '考试', groupId: 'exam', keys: ['examEligible', 'examParticipationRate', 'preAppointmentPassRate'] as const, printed: b.figures.printed, previousLabel: '上年' }

  it('puts only the printed value inside [data-figure]', () => {
    const w = mount(FigureGroupCard, { props: { ...props, comparison: null } })
    expect(w.get('[data-figure="examEligible"]').text()).toBe('3')
    expect(w.get('[data-figure="examParticipationRate"]').text()).toBe('66.7%')
    expect(w.get('[data-figure="preAppointmentPassRate"]').text()).toBe('—')
    expect(w.text()).toContain('应考人数')
    expect(w.text()).toContain('3人')
    expect(w.text()).not.toContain('上年')
  })

  it('shows last year small beneath when there is a comparison', () => {
    const prev = { ...b.figures, values: { ...b.figures.values, examEligible: 5 }, printed: { ...b.figures.printed, examEligible: '5' } }
    const w = mount(FigureGroupCard, { props: { ...props, comparison: compareYears(b.figures, prev) } })
    const fig = w.get('[data-figure="examEligible"]').element.closest('.fig')!
    expect(fig.querySelector('.fig__prev')!.textContent!.replace(/\s+/g, ' ').trim()).toBe('上年 5 -2')
    expect(w.get('[data-figure="examEligible"]').text()).toBe('3')
  })

  it('labels every figure of every group from the registry, with its unit after the value', () => {
    for (const g of FIGURE_GROUPS) {
      const w = mount(FigureGroupCard, { props: { ...props, title: g.title, groupId: g.id, keys: g.keys, comparison: null } })
      expect(w.get('h2').text()).toBe(g.title)
      for (const key of g.keys) {
        const fig = w.get(`[data-figure="${key}"]`).element.closest('.fig')!
        expect(fig.querySelector('.fig__label')!.textContent, key).toBe(figure(key).label)
        expect(w.get(`[data-figure="${key}"]`).text(), key).toBe(b.figures.printed[key])
        const unit = fig.querySelector('.fig__unit')?.textContent ?? null
        expect(unit, key).toBe(b.figures.printed[key] === '—' ? null : figure(key).unit)
      }
    }
  })
})

