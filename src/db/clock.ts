/**
 * The device's hybrid logical clock, persisted in meta. Call inside a rw
 * transaction that includes `meta`, so the stamps and the records they stamp
 * commit together.
 */
import type { LedgerDB } from './database'
import { getMeta, setMeta } from './meta'
import { randomId } from './ids'
import { formatStamp, receive, tick, type HlcState } from '../domain/ledger/hlc'
import type { Stamp } from '../domain/model/types'

/** Injectable wall clock (tests fix it). */
export let now: () => number = () => Date.now()
export function setWallClock(fn: () => number): void {
  now = fn
}

export async function ensureDeviceId(db: LedgerDB): Promise<string> {
  const existing = await getMeta(db, 'deviceId')
  if (existing) return existing
  const id = randomId('d')
  await setMeta(db, 'deviceId', id)
  return id
}

/** A stamper hands out increasing stamps for one transaction; `state` is what to save afterwards. */
export interface Stamper {
  next(): Stamp
  deviceId: string
  readonly state: HlcState
}

/**
 * A stamper from meta values already read (a missing device id is created: the caller saves it with the
 * clock, in the same transaction).
 */
export function stamperFrom(deviceId: string | undefined, hlc: HlcState | undefined): Stamper & { isNewDevice: boolean } {
  const id = deviceId || randomId('d')
  let state: HlcState = hlc ?? { wallMs: 0, counter: 0 }
  return {
    deviceId: id,
    isNewDevice: !deviceId,
    get state() {
      return state
    },
    next() {
      state = tick(state, now())
      return formatStamp(state.wallMs, state.counter, id)
    },
  }
}

/** Advance the clock past every stamp seen in an import (call inside the import transaction). */
export async function receiveStamps(db: LedgerDB, maxRemote: Stamp | null): Promise<void> {
  if (!maxRemote) return
  const state: HlcState = (await getMeta(db, 'hlc')) ?? { wallMs: 0, counter: 0 }
  await setMeta(db, 'hlc', receive(state, maxRemote, now()))
}
