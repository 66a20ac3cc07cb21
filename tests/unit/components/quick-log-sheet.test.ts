// @vitest-environment happy-dom
// 保存's pressed look: on from the touch, kept when the finger lifts (the lift draws nothing, so 已保存 is not
// a frame later), gone a moment after, or at once when the browser takes the touch for a scroll.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import QuickLogSheet from '@/components/activity/QuickLogSheet.vue'

const props = {
  show: true,
  today: '2024-03-01',
  defaults: { kind: 'self' as const, hours: 1, platform: null, laws: [] },
  hasIdentity: true,
  isSaving: false,
  error: null,
}

describe('QuickLogSheet 保存', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('looks pressed from the touch until a moment after the lift', async () => {
    const w = mount(QuickLogSheet, { props, global: { stubs: { teleport: true } } })
    const save = w.get('[data-testid="quick-log-save"]')
    expect(save.classes()).not.toContain('is-pressed')
    await save.trigger('pointerdown')
    expect(save.classes()).toContain('is-pressed')
    await save.trigger('pointerup')
    expect(save.classes()).toContain('is-pressed') // the lift changes nothing on screen
    await vi.advanceTimersByTimeAsync(399)
    expect(save.classes()).toContain('is-pressed')
    await vi.advanceTimersByTimeAsync(1)
    expect(save.classes()).not.toContain('is-pressed')
  })

  it('stops looking pressed at once when the touch becomes a scroll', async () => {
    const w = mount(QuickLogSheet, { props, global: { stubs: { teleport: true } } })
    const save = w.get('[data-testid="quick-log-save"]')
    await save.trigger('pointerdown')
    await save.trigger('pointercancel')
    expect(save.classes()).not.toContain('is-pressed')
  })

  it('submits what was chosen, and asks for the hours first', async () => {
    const w = mount(QuickLogSheet, { props, global: { stubs: { teleport: true } } })
    await w.get('[data-testid="quick-log-save"]').trigger('click')
    expect(w.emitted('submit')).toBeUndefined()
    expect(w.get('[data-testid="quick-log-error"]').text()).toBe('请选择或输入学时')
    await w.get('[data-testid="quick-log-hours-1.5"]').trigger('click')
    await w.get('[data-testid="quick-log-save"]').trigger('click')
    expect(w.emitted('submit')?.[0]?.[0]).toMatchObject({ kind: 'self', date: '2024-03-01', hours: 1.5 })
  })
})
