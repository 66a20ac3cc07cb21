// @vitest-environment happy-dom
// useLiftTap: a tap acts when the finger lifts on the button (not at the click the browser sends later),
// once; a click with no lift before it (keyboard, screen reader) still acts; a drag off the button, a
// scroll (pointercancel) or a disabled button does nothing; the tap leaves focus where it was.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { mount } from '@vue/test-utils'
import { useLiftTap } from '@/composables/useLiftTap'

function mountButton(isEnabled = () => true) {
  const act = vi.fn()
  const w = mount(
    defineComponent({
      setup() {
        const { isPressed, handlers } = useLiftTap(act, isEnabled)
        return () => h('button', { class: { 'is-pressed': isPressed.value }, ...toProps(handlers) }, '保存')
      },
    }),
    { attachTo: document.body },
  )
  const el = w.element as HTMLButtonElement
  el.getBoundingClientRect = () => ({ left: 10, top: 100, right: 110, bottom: 144, width: 100, height: 44, x: 10, y: 100, toJSON: () => ({}) })
  return { w, el, act }
}

/** The handlers as render-function props (pointerdown → onPointerdown). */
function toProps(handlers: Record<string, (e: never) => void>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(handlers).map(([k, f]) => [`on${k[0].toUpperCase()}${k.slice(1)}`, f]))
}

const pointer = (type: string, x = 50, y = 120, id = 7): PointerEvent =>
  new PointerEvent(type, { pointerId: id, isPrimary: true, button: 0, clientX: x, clientY: y, bubbles: true, cancelable: true })

describe('useLiftTap', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('acts at the lift, once: the click of the same tap is ignored', () => {
    const { el, act } = mountButton()
    el.dispatchEvent(pointer('pointerdown'))
    expect(act).not.toHaveBeenCalled()
    el.dispatchEvent(pointer('pointerup'))
    expect(act).toHaveBeenCalledTimes(1)
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(act).toHaveBeenCalledTimes(1)
  })

  it('acts on a click with no lift before it (keyboard, screen reader)', () => {
    const { el, act } = mountButton()
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(act).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the finger lifts off the button, or the touch became a scroll', () => {
    const { el, act } = mountButton()
    el.dispatchEvent(pointer('pointerdown'))
    el.dispatchEvent(pointer('pointerup', 200, 120))
    el.dispatchEvent(pointer('pointerdown'))
    el.dispatchEvent(pointer('pointercancel'))
    el.dispatchEvent(pointer('pointerup'))
    expect(act).not.toHaveBeenCalled()
  })

  it('does nothing for a lift that did not start on the button or came from another button', () => {
    const { el, act } = mountButton()
    el.dispatchEvent(pointer('pointerup'))
    el.dispatchEvent(new PointerEvent('pointerdown', { pointerId: 7, isPrimary: true, button: 2, clientX: 50, clientY: 120 }))
    el.dispatchEvent(pointer('pointerup'))
    el.dispatchEvent(pointer('pointerdown', 50, 120, 8))
    el.dispatchEvent(pointer('pointerup', 50, 120, 9))
    expect(act).not.toHaveBeenCalled()
  })

  it('does nothing while disabled, by tap or by click', () => {
    const { el, act } = mountButton(() => false)
    el.dispatchEvent(pointer('pointerdown'))
    el.dispatchEvent(pointer('pointerup'))
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(act).not.toHaveBeenCalled()
  })

  it('looks pressed from the touch until a moment after the lift, at once not when it became a scroll', async () => {
    const { w, el } = mountButton()
    el.dispatchEvent(pointer('pointerdown'))
    await w.vm.$nextTick()
    expect(el.classList.contains('is-pressed')).toBe(true)
    el.dispatchEvent(pointer('pointerup'))
    await w.vm.$nextTick()
    expect(el.classList.contains('is-pressed')).toBe(true) // the lift changes nothing on screen
    await vi.advanceTimersByTimeAsync(399)
    expect(el.classList.contains('is-pressed')).toBe(true)
    await vi.advanceTimersByTimeAsync(1)
    expect(el.classList.contains('is-pressed')).toBe(false)
    el.dispatchEvent(pointer('pointerdown'))
    el.dispatchEvent(pointer('pointercancel'))
    await w.vm.$nextTick()
    expect(el.classList.contains('is-pressed')).toBe(false)
  })

  it('leaves focus where it was', () => {
    const { el } = mountButton()
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true })
    el.dispatchEvent(down)
    expect(down.defaultPrevented).toBe(true)
  })
})
