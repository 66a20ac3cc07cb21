// Live data: the first result lands at once; later ones after the next painted frame, newest only,
// never after the subscription ended (docs/PERFORMANCE.md, quick log).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import Dexie from 'dexie'
import { LedgerDB } from '@/db/database'
import { setMeta, getMeta } from '@/db/meta'
import { emptyLive, holdLive, subscribeLive } from '@/stores/live'

let db: LedgerDB
let n = 0
let frames: FrameRequestCallback[] = []

beforeEach(() => {
  db = new LedgerDB(`live-${++n}`)
  frames = []
  vi.stubGlobal('document', { hidden: false })
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb))
})
afterEach(async () => {
  vi.unstubAllGlobals()
  db.close()
  await Dexie.delete(db.name)
})

/** Paints one frame: its callbacks run, then the tasks they queued. */
async function paintFrame(): Promise<void> {
  const due = frames.splice(0)
  for (const cb of due) cb(0)
  await new Promise((r) => setTimeout(r, 5))
}

const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true), { timeout: 2000, interval: 5 })

/** The change counter starts at `first`; a live target follows it (its first result already applied). */
async function watchCounter(first: number) {
  await setMeta(db, 'changesSinceBackup', first)
  const target = emptyLive<number | undefined>(undefined)
  const sub = subscribeLive(() => getMeta(db, 'changesSinceBackup'), target)
  await until(() => target.isLoaded.value)
  return { target, sub }
}

describe('subscribeLive', () => {
  it('applies the first result at once and a later one only after the next frame', async () => {
    const { target, sub } = await watchCounter(1)
    expect(target.data.value).toBe(1)

    await setMeta(db, 'changesSinceBackup', 2)
    await until(() => frames.length > 0) // the new result arrived and waits for a frame
    expect(target.data.value).toBe(1)
    await paintFrame()
    expect(target.data.value).toBe(2)
    sub.unsubscribe()
  })

  it('applies only the newest of several results that arrive before the frame', async () => {
    const { target, sub } = await watchCounter(1)
    await setMeta(db, 'changesSinceBackup', 2)
    await until(() => frames.length > 0)
    await setMeta(db, 'changesSinceBackup', 3)
    await new Promise((r) => setTimeout(r, 50))
    expect(frames.length).toBe(1) // one frame scheduled, not one per result
    expect(target.data.value).toBe(1)
    await paintFrame()
    expect(target.data.value).toBe(3)
    sub.unsubscribe()
  })

  it('drops a result still waiting for its frame when the subscription ends', async () => {
    const { target, sub } = await watchCounter(1)
    await setMeta(db, 'changesSinceBackup', 2)
    await until(() => frames.length > 0)
    sub.unsubscribe()
    await paintFrame()
    expect(target.data.value).toBe(1)
  })

  it('applies at once while the page is hidden (no frames are painted then)', async () => {
    vi.stubGlobal('document', { hidden: true })
    const { target, sub } = await watchCounter(1)
    await setMeta(db, 'changesSinceBackup', 5)
    await until(() => target.data.value === 5)
    expect(frames.length).toBe(0)
    sub.unsubscribe()
  })
})

describe('holdLive', () => {
  it('keeps a held query from re-running on a save, and reads once more on release', async () => {
    let runs = 0
    await setMeta(db, 'changesSinceBackup', 1)
    const target = emptyLive<number | undefined>(undefined)
    const sub = subscribeLive(() => (runs++, getMeta(db, 'changesSinceBackup')), target)
    await until(() => target.isLoaded.value)
    const release = holdLive()
    const before = runs
    await setMeta(db, 'changesSinceBackup', 2)
    await new Promise((r) => setTimeout(r, 50))
    expect(runs).toBe(before) // not re-run while held
    expect(frames.length).toBe(0)
    release()
    await until(() => frames.length > 0)
    await paintFrame()
    expect(target.data.value).toBe(2)
    release() // a second call does nothing
    sub.unsubscribe()
  })

  it('resumes only when the last of nested holds is released', async () => {
    const { target, sub } = await watchCounter(1)
    const outer = holdLive()
    const inner = holdLive()
    await setMeta(db, 'changesSinceBackup', 2)
    inner()
    await new Promise((r) => setTimeout(r, 50))
    expect(frames.length).toBe(0)
    outer()
    await until(() => frames.length > 0)
    await paintFrame()
    expect(target.data.value).toBe(2)
    sub.unsubscribe()
  })

  it('does not resume a subscription that ended while held', async () => {
    const { target, sub } = await watchCounter(1)
    const release = holdLive()
    sub.unsubscribe()
    await setMeta(db, 'changesSinceBackup', 2)
    release()
    await new Promise((r) => setTimeout(r, 50))
    await paintFrame()
    expect(target.data.value).toBe(1)
  })
})
