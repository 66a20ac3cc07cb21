/**
 * A button that acts when the finger lifts, for the one tap a person waits on (记一笔's 保存).
 *
 * The browser sends `click` only after its gesture detection has run on the lift (hit test, hover and
 * focus updates, compatibility mouse events): 5–10 ms of main thread on a slow phone before the page may
 * start writing. Here a tap acts at `pointerup` — same pointer that went down on the button, lifted
 * inside it, not taken by the browser for a scroll (`pointercancel`) — and the click of that tap is then
 * ignored. A click with no lift before it (keyboard, screen reader, a test's `click()`) still acts.
 *
 * The pressed look is ours, not the browser's `:active`: it shows from the touch and stays a moment after
 * the lift, so the lift itself changes nothing on screen and what the tap shows is not drawn a frame
 * later (docs/PERFORMANCE.md, quick log).
 */
import { onBeforeUnmount, ref } from 'vue'

const PRESSED_AFTER_LIFT_MS = 400
/** A click this soon after a tap acted at its lift is that tap's own click (it follows within a frame or two). */
const CLICK_OF_LIFT_MS = 800

export function useLiftTap(act: () => void, isEnabled: () => boolean = () => true) {
  const isPressed = ref(false)
  let unpress: ReturnType<typeof setTimeout> | undefined
  let pointer: number | null = null
  let actedAt = -Infinity

  function reset(): void {
    clearTimeout(unpress)
    isPressed.value = false
    pointer = null
  }

  function onPointerdown(e: PointerEvent): void {
    clearTimeout(unpress)
    isPressed.value = true
    pointer = e.isPrimary && e.button === 0 ? e.pointerId : null
  }

  function onPointerup(e: PointerEvent): void {
    clearTimeout(unpress)
    unpress = setTimeout(() => (isPressed.value = false), PRESSED_AFTER_LIFT_MS)
    const isSameTap = e.pointerId === pointer
    pointer = null
    if (!isSameTap || !isEnabled()) return
    const r = (e.currentTarget as Element).getBoundingClientRect()
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) return
    actedAt = e.timeStamp
    act()
  }

  function onClick(e: MouseEvent): void {
    if (Math.abs(e.timeStamp - actedAt) < CLICK_OF_LIFT_MS) return
    if (isEnabled()) act()
  }

  /**
   * The tap leaves focus where it was: nothing to restyle or lay out again while the save runs, and an
   * open on-screen keyboard stays until the sheet closes (its closing resizes the viewport: the whole page
   * laid out again in the frame that should show 已保存).
   */
  function onMousedown(e: MouseEvent): void {
    e.preventDefault()
  }

  onBeforeUnmount(() => clearTimeout(unpress))

  return { isPressed, reset, handlers: { pointerdown: onPointerdown, mousedown: onMousedown, pointerup: onPointerup, pointercancel: reset, click: onClick } }
}
