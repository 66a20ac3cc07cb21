// @vitest-environment happy-dom
// 记一笔's 保存: a tap saves at the lift, once (useLiftTap, tested on its own in lift-tap.test.ts); hours are
// asked for first.
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

  it('saves at the lift of a tap on 保存, once', async () => {
    const w = mount(QuickLogSheet, { props, global: { stubs: { teleport: true } }, attachTo: document.body })
    await w.get('[data-testid="quick-log-hours-1"]').trigger('click')
    const save = w.get('[data-testid="quick-log-save"]').element
    const at = { pointerId: 1, isPrimary: true, button: 0, clientX: 0, clientY: 0, bubbles: true }
    save.dispatchEvent(new PointerEvent('pointerdown', at))
    save.dispatchEvent(new PointerEvent('pointerup', at))
    expect(w.emitted('submit')).toHaveLength(1)
    save.dispatchEvent(new MouseEvent('click', { bubbles: true })) // the same tap's click
    expect(w.emitted('submit')).toHaveLength(1)
    await w.vm.$nextTick()
    expect(save.classList.contains('is-pressed')).toBe(true)
    w.unmount()
  })

  it('does not save while a save runs (正在保存…)', async () => {
    const w = mount(QuickLogSheet, { props: { ...props, isSaving: true }, global: { stubs: { teleport: true } } })
    await w.get('[data-testid="quick-log-hours-1"]').trigger('click')
    const save = w.get('[data-testid="quick-log-save"]').element
    const at = { pointerId: 1, isPrimary: true, button: 0, clientX: 0, clientY: 0, bubbles: true }
    save.dispatchEvent(new PointerEvent('pointerdown', at))
    save.dispatchEvent(new PointerEvent('pointerup', at))
    await w.get('[data-testid="quick-log-save"]').trigger('click')
    expect(w.emitted('submit')).toBeUndefined()
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
