// Phases 2–4 (the real app UI at 390×844, 4× CPU throttle): quick-log latency, offline cold start,
// the JS the first page loads, and the records list at scale.
import { percentile, median } from './stats.mjs'
import { throttle, waitForServiceWorker } from './browser.mjs'

const HOUR_CHIPS = [0.5, 1, 1.5, 2, 3, 6]

/**
 * In-page probe: from the lift of the tap on 保存 (the timeStamp of its pointerup, which is the touch's own
 * time and the same as its touchend's and its click's) to the first frame that shows 已保存, measured after
 * that frame was rendered (a message posted from requestAnimationFrame runs after paint). It arms at the
 * pointerup, as the app acts there (composables/useLiftTap.ts); the click comes later. A MutationObserver
 * notices the toast being shown, so nothing polls the page every frame while a save runs. The result is
 * reported with console.debug, so the driver never runs script in the page while a save is being measured
 * (a Playwright evaluate costs 5–25 ms of main thread at 4× CPU).
 */
function installProbe() {
  window.__armLogProbe = () => {
    const report = (text) => console.debug(`__logprobe ${text}`)
    const timer = setTimeout(() => report(`error ${document.querySelector('[data-testid="quick-log-error"]')?.textContent ?? 'timeout'}`), 20000)
    const onLift = (e) => {
      if (!e.target.closest?.('[data-testid="quick-log-save"]')) return
      document.removeEventListener('pointerup', onLift)
      const t0 = e.timeStamp
      const isShown = () => {
        const toast = document.querySelector('[data-testid="saved-toast"]')
        return toast !== null && toast.style.display !== 'none' && toast.style.visibility !== 'hidden' && toast.textContent.includes('已保存')
      }
      const painted = () => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => {
          clearTimeout(timer)
          report(`ms ${performance.now() - t0}`)
        }
        ch.port2.postMessage(0)
      }
      const observer = new MutationObserver(() => {
        if (!isShown()) return
        observer.disconnect()
        requestAnimationFrame(painted)
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style'] })
    }
    document.addEventListener('pointerup', onLift) // bubbling: after the app's own handler on the button
  }
}

/**
 * The screen is still, as when a person taps 保存: no 已保存 or other toast shows and no finite CSS
 * animation or transition is running (the sheet has finished sliding up, the chips have settled).
 */
const isStill = () =>
  document.querySelector('[data-testid="saved-toast"]')?.checkVisibility({ visibilityProperty: true }) !== true &&
  ![...document.querySelectorAll('.van-toast')].some((el) => el.style.display !== 'none') &&
  document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)

/**
 * Touch input as a finger gives it, without Playwright's locators. A tap is a touch held for
 * TAP_HOLD_MS, then lifted: a save is timed from the lift; what the
 * page does while the finger is down (the pressed state of the button) happens before it, as on a
 * phone. No locators: the first locator call in a page installs Playwright's hit-target listeners
 * (capturing, non-passive, on window, for every pointer, touch and click event), whose main-thread
 * cost at 4× CPU would be timed with every tap; no phone runs them. Elements are found and waited for
 * with plain page.evaluate and tapped at their centre with CDP touch events.
 */
const TAP_HOLD_MS = 80

function touchDriver(page) {
  const input = page.context().newCDPSession(page)
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
  async function until(fn, arg, what) {
    for (const t0 = Date.now(); Date.now() - t0 < 15000; await sleep(50)) if (await page.evaluate(fn, arg)) return
    throw new Error(`bench: timed out waiting for ${what}`)
  }
  const isVisible = (id) => document.querySelector(`[data-testid="${id}"]`)?.checkVisibility() === true
  const isSettled = (id) =>
    document.querySelector(`[data-testid="${id}"]`)?.checkVisibility() === true &&
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)
  /** Taps the element once it shows and nothing slides (a sheet still moving up would take the tap elsewhere). */
  async function tap(id) {
    await until(isSettled, id, id)
    const at = await page.evaluate((id) => {
      const el = document.querySelector(`[data-testid="${id}"]`)
      el.scrollIntoView({ block: 'nearest' })
      const r = el.getBoundingClientRect()
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 }
    }, id)
    const cdp = await input
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] })
    await sleep(TAP_HOLD_MS)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
  }
  return {
    tap,
    close: async () => (await input).detach(),
    sleep,
    until,
    visible: (id) => until(isVisible, id, id),
    hidden: (id) => until((id) => document.querySelector(`[data-testid="${id}"]`)?.checkVisibility() !== true, id, `${id} hidden`),
  }
}

/** 50 quick logs through the real sheet: open, choose kind and hours, tap 保存, wait for 已保存. */
export async function logPhase(context, url, variants, saves, log) {
  const page = await context.newPage()
  const ui = touchDriver(page)
  await page.goto(url)
  await waitForServiceWorker(page)
  await page.reload() // a fresh document: nothing of Playwright's injected script in it
  await ui.visible('quick-log')
  const cdp = await throttle(context, page)
  await page.evaluate(installProbe)
  const times = []
  for (let i = 0; i < saves; i++) {
    const v = variants[i % variants.length]
    await ui.tap('quick-log')
    await ui.visible('quick-log-save')
    await ui.tap(`quick-log-kind-${v.kind}`)
    if (HOUR_CHIPS.includes(v.hours)) await ui.tap(`quick-log-hours-${v.hours}`)
    else {
      await ui.tap('quick-log-hours-input')
      await page.keyboard.press('Control+A')
      await page.keyboard.type(String(v.hours))
    }
    await ui.until(isStill, null, 'a still screen')
    await page.evaluate(() => window.__armLogProbe())
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('__logprobe '), timeout: 30000 })
    await ui.tap('quick-log-save')
    const [kind, value] = (await reported).text().slice('__logprobe '.length).split(/ (.*)/s)
    if (kind !== 'ms') throw new Error(`quick log #${i + 1} did not save: ${value}`)
    times.push(Number(value))
    await ui.hidden('quick-log-sheet')
  }
  log(`  quick log: ${times.map((t) => Math.round(t)).join(' ')}`)
  await ui.close()
  await cdp.detach()
  await page.close()
  return { times, p95: percentile(times, 95), median: median(times) }
}

/**
 * In-page probe for the cold start, installed before any page script runs: interactive = the 记一笔学习
 * button laid out, visible and enabled, checked in the first animation frame after each DOM change (so
 * the value is ms since navigation start, at frame granularity). It reports through console.debug once:
 * the driver does not poll the page (Playwright's per-frame polling costs main-thread time at 4× CPU).
 */
function installColdProbe() {
  if (window.top !== window || !['', '#/'].includes(location.hash)) return
  const isInteractive = () => {
    const b = document.querySelector('[data-testid="quick-log"]')
    if (!b || b.disabled || b.classList.contains('van-button--disabled')) return false
    const r = b.getBoundingClientRect()
    return r.width > 0 && r.height > 0 && getComputedStyle(b).visibility !== 'hidden'
  }
  let isScheduled = false
  const observer = new MutationObserver(() => {
    if (isScheduled) return
    isScheduled = true
    requestAnimationFrame(() => {
      isScheduled = false
      if (!isInteractive()) return
      observer.disconnect()
      console.debug(`__coldprobe ${performance.now()}`)
    })
  })
  observer.observe(document, { subtree: true, childList: true, attributes: true })
}

/** Offline cold starts in new pages (service worker active, context offline), 4× throttle. */
export async function coldStartPhase(context, url, reps, log) {
  await context.addInitScript(installColdProbe)
  await context.setOffline(true)
  const times = []
  let scripts = []
  for (let i = 0; i < reps; i++) {
    const page = await context.newPage()
    const cdp = await throttle(context, page)
    const reported = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('__coldprobe '), timeout: 30000 })
    await page.goto(url, { waitUntil: 'commit' })
    times.push(Number((await reported).text().slice('__coldprobe '.length)))
    if (i === 0) {
      scripts = await page.evaluate(() => [
        ...new Set(performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.m?js(\?|$)/.test(n))),
      ])
    }
    await cdp.detach()
    await page.close()
  }
  await context.setOffline(false)
  log(`  cold start: ${times.map((t) => Math.round(t)).join(' ')} ms`)
  return { times, median: median(times), scripts }
}

/**
 * 记录 → 全部 (keeper, every record of the year): DOM rows rendered, then a scroll of the list at 4× CPU:
 * frame intervals while the page scrolls by 40 px a frame and the list loads more pages as it goes.
 */
export async function recordsPhase(context, url, log) {
  const page = await context.newPage()
  await page.goto(url)
  await page.getByTestId('quick-log').waitFor()
  const cdp = await throttle(context, page)
  const t0 = Date.now()
  await page.goto(`${url}#/records?view=all`)
  await page.getByTestId('record-row').first().waitFor({ timeout: 60000 })
  const firstRowsMs = Date.now() - t0
  const total = await page.evaluate(() => document.querySelector('.end, .more')?.textContent ?? '')
  const rowsBefore = await page.getByTestId('record-row').count()
  const frames = await page.evaluate(async () => {
    const gaps = []
    let last = performance.now()
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => requestAnimationFrame(r))
      const now = performance.now()
      gaps.push(now - last)
      last = now
      window.scrollBy(0, 40)
    }
    return gaps
  })
  const rowsAfter = await page.getByTestId('record-row').count()
  const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length)
  await cdp.detach()
  await page.close()
  const result = {
    firstRowsMs,
    totalText: total.trim(),
    rowsBefore,
    rowsAfter,
    domNodes,
    frameMedian: median(frames),
    frameP95: percentile(frames, 95),
    longFrames: frames.filter((f) => f > 50).length,
    frames: frames.length,
  }
  log(`  records: ${JSON.stringify(result)}`)
  return result
}
