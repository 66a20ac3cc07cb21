// @vitest-environment happy-dom
// 已保存: rendered and laid out ahead, hidden, shown by one style change, gone after its duration or when hidden.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import SavedToast from '@/components/common/SavedToast.vue'

/** Hidden is visibility hidden on the element itself: it stays laid out, so showing it is a paint. */
const isShown = (el: Element): boolean => (el as HTMLElement).style.visibility === 'visible'

describe('SavedToast', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the message in a status region for its duration', async () => {
    const w = mount(SavedToast, { props: { message: '已保存', durationMs: 1500 } })
    const toast = w.get('[data-testid="saved-toast"]')
    expect(isShown(toast.element)).toBe(false)
    expect(w.get('[role="status"]').element.contains(toast.element)).toBe(true)
    w.vm.show()
    await w.vm.$nextTick()
    expect(isShown(toast.element)).toBe(true)
    expect(toast.text()).toBe('已保存')
    await vi.advanceTimersByTimeAsync(1499)
    expect(isShown(toast.element)).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(isShown(toast.element)).toBe(false)
  })

  it('hides at once on hide(), and a second show starts its time again', async () => {
    const w = mount(SavedToast, { props: { message: '已保存', durationMs: 1000 } })
    const toast = w.get('[data-testid="saved-toast"]')
    w.vm.show()
    await vi.advanceTimersByTimeAsync(800)
    w.vm.show()
    await vi.advanceTimersByTimeAsync(800)
    expect(isShown(toast.element)).toBe(true)
    w.vm.hide()
    await w.vm.$nextTick()
    expect(isShown(toast.element)).toBe(false)
  })
})
