/**
 * Hybrid logical clock (docs/spec/ledger-file.md, "Stamps"). A stamp reads
 * `YYYY-MM-DDTHH:mm:ss.sssZ_CCCC_DEVICE`: UTC wall time, a 4-digit lower-case
 * hex counter and the device id. Every part before the device id has a fixed
 * width, so plain string comparison orders stamps by (wall time, counter,
 * device id) — the last one is the deterministic tie-break between devices.
 *
 * The state is pure data; the caller keeps it (db/) and passes "now" in.
 */
import type { Stamp } from '../model/types'

export interface HlcState {
  /** Wall-clock milliseconds since the epoch of the latest stamp issued or seen. */
  wallMs: number
  /** Logical counter inside that millisecond, 0..0xffff. */
  counter: number
}

export interface ParsedStamp extends HlcState {
  deviceId: string
}

export const MAX_COUNTER = 0xffff
/** The last millisecond a 4-digit-year ISO string can show (9999-12-31T23:59:59.999Z). */
export const MAX_WALL_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999)

const STAMP_RE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{4})_(.+)$/
/** Printable ASCII without spaces, at most 100 characters. */
const DEVICE_RE = /^[\x21-\x7e]{1,100}$/

export const INITIAL_HLC: HlcState = Object.freeze({ wallMs: 0, counter: 0 })

export function isValidDeviceId(deviceId: string): boolean {
  return DEVICE_RE.test(deviceId)
}

function assertWall(wallMs: number): void {
  if (!Number.isInteger(wallMs) || wallMs < 0 || wallMs > MAX_WALL_MS) {
    throw new RangeError(`HLC wall time out of range: ${wallMs}`)
  }
}

export function formatStamp(wallMs: number, counter: number, deviceId: string): Stamp {
  assertWall(wallMs)
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${counter}`)
  }
  if (!isValidDeviceId(deviceId)) throw new RangeError(`Invalid device id: ${JSON.stringify(deviceId)}`)
  const time = new Date(wallMs).toISOString()
  return `${time}_${counter.toString(16).padStart(4, '0')}_${deviceId}`
}

/** The parts of a well-formed stamp, or null (bad shape, impossible date, bad device id). */
export function parseStamp(s: unknown): ParsedStamp | null {
  if (typeof s !== 'string') return null
  const m = STAMP_RE.exec(s)
  if (!m) return null
  const wallMs = Date.parse(m[1])
  // Round-trip rejects impossible times such as 2023-02-30 or 25:00.
  if (!Number.isFinite(wallMs) || wallMs < 0 || new Date(wallMs).toISOString() !== m[1]) return null
  if (!isValidDeviceId(m[3])) return null
  return { wallMs, counter: parseInt(m[2], 16), deviceId: m[3] }
}

/** Keeps the counter within 4 hex digits by moving to the next millisecond. */
function normalise(wallMs: number, counter: number): HlcState {
  if (counter <= MAX_COUNTER) return { wallMs, counter }
  // At the very end of representable time there is nowhere left to go: saturate.
  if (wallMs >= MAX_WALL_MS) return { wallMs: MAX_WALL_MS, counter: MAX_COUNTER }
  return { wallMs: wallMs + 1, counter: 0 }
}

function clampNow(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) return 0
  return Math.min(Math.floor(nowMs), MAX_WALL_MS)
}

/**
 * The state for a new local event at `nowMs`. Never goes backwards, even when
 * the device clock does: the wall part stays at the previous value and the
 * counter counts up instead.
 */
export function tick(state: HlcState, nowMs: number): HlcState {
  const now = clampNow(nowMs)
  if (now > state.wallMs) return { wallMs: now, counter: 0 }
  return normalise(state.wallMs, state.counter + 1)
}

/**
 * The state after seeing a stamp from elsewhere (an imported record): greater
 * than both the previous state and the remote stamp, so a later local edit
 * orders after what was received. An unparsable remote stamp is ignored and
 * this is then an ordinary tick.
 */
export function receive(state: HlcState, remoteStamp: Stamp, nowMs: number): HlcState {
  const remote = parseStamp(remoteStamp)
  if (!remote) return tick(state, nowMs)
  const now = clampNow(nowMs)
  const wall = Math.max(state.wallMs, remote.wallMs, now)
  if (wall === now && wall > state.wallMs && wall > remote.wallMs) return { wallMs: wall, counter: 0 }
  let counter: number
  if (wall === state.wallMs && wall === remote.wallMs) counter = Math.max(state.counter, remote.counter) + 1
  else if (wall === state.wallMs) counter = state.counter + 1
  else counter = remote.counter + 1
  return normalise(wall, counter)
}

/** Tick and format in one step: the stamp for a new local edit. */
export function nextStamp(state: HlcState, nowMs: number, deviceId: string): { state: HlcState; stamp: Stamp } {
  const next = tick(state, nowMs)
  return { state: next, stamp: formatStamp(next.wallMs, next.counter, deviceId) }
}

/** The state that a stamp stands for (e.g. to restore the clock from the newest stored record). */
export function stateFromStamp(stamp: Stamp): HlcState | null {
  const p = parseStamp(stamp)
  return p ? { wallMs: p.wallMs, counter: p.counter } : null
}

/** Plain string order: negative when `a` is the older edit. */
export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0
}
