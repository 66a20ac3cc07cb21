import { describe, expect, it } from 'vitest'
import {
  INITIAL_HLC,
  MAX_COUNTER,
  MAX_WALL_MS,
  compareStamps,
  formatStamp,
  nextStamp,
  parseStamp,
  receive,
  stateFromStamp,
  tick,
  type HlcState,
} from '../../../../src/domain/ledger/hlc'

const T0 = Date.UTC(2024, 0, 1, 0, 0, 0, 0)
const stampOf = (s: HlcState, dev: string) => formatStamp(s.wallMs, s.counter, dev)

describe('formatStamp / parseStamp', () => {
  it('writes the contract format', () => {
    expect(formatStamp(T0, 0, 'dev1')).toBe('2024-01-01T00:00:00.000Z_0000_dev1')
    expect(formatStamp(T0 + 1234, 0xabc, 'd-91a')).toBe('2024-01-01T00:00:01.234Z_0abc_d-91a')
    expect(formatStamp(T0, 0xffff, 'x')).toBe('2024-01-01T00:00:00.000Z_ffff_x')
  })

  it('round-trips', () => {
    const s = formatStamp(T0 + 987, 42, 'my_device')
    expect(parseStamp(s)).toEqual({ wallMs: T0 + 987, counter: 42, deviceId: 'my_device' })
  })

  it('rejects malformed stamps', () => {
    for (const bad of [
      '',
      'hello',
      '2024-01-01T00:00:00.000Z_0000_', // no device
      '2024-01-01T00:00:00.000Z_000_dev', // 3 hex digits
      '2024-01-01T00:00:00.000Z_00000_dev',
      '2024-01-01T00:00:00.000Z_00AB_dev', // upper case breaks string order
      '2024-01-01T00:00:00Z_0000_dev', // no milliseconds
      '2024-01-01 00:00:00.000Z_0000_dev',
      '2023-02-29T00:00:00.000Z_0000_dev', // no such day
      '2024-01-01T24:00:00.000Z_0000_dev',
      '2024-01-01T00:00:00.000+08:00_0000_dev',
      '2024-01-01T00:00:00.000Z_0000_has space',
      '2024-01-01T00:00:00.000Z_0000_设备',
      ' 2024-01-01T00:00:00.000Z_0000_dev',
    ]) {
      expect(parseStamp(bad), bad).toBeNull()
    }
    expect(parseStamp(12)).toBeNull()
    expect(parseStamp(null)).toBeNull()
  })

  it('refuses to format impossible parts', () => {
    expect(() => formatStamp(T0, 0x10000, 'd')).toThrow(RangeError)
    expect(() => formatStamp(T0, -1, 'd')).toThrow(RangeError)
    expect(() => formatStamp(-5, 0, 'd')).toThrow(RangeError)
    expect(() => formatStamp(MAX_WALL_MS + 1, 0, 'd')).toThrow(RangeError)
    expect(() => formatStamp(T0, 0, '')).toThrow(RangeError)
    expect(() => formatStamp(T0, 0, 'a b')).toThrow(RangeError)
  })

  it('restores a state from a stamp', () => {
    expect(stateFromStamp('2024-01-01T00:00:00.005Z_0003_d')).toEqual({ wallMs: T0 + 5, counter: 3 })
    expect(stateFromStamp('nope')).toBeNull()
  })
})

describe('tick', () => {
  it('takes the wall clock when it advances and resets the counter', () => {
    expect(tick({ wallMs: T0, counter: 7 }, T0 + 10)).toEqual({ wallMs: T0 + 10, counter: 0 })
    expect(tick(INITIAL_HLC, T0)).toEqual({ wallMs: T0, counter: 0 })
  })

  it('counts up within one millisecond', () => {
    const a = tick(INITIAL_HLC, T0)
    const b = tick(a, T0)
    const c = tick(b, T0)
    expect([a.counter, b.counter, c.counter]).toEqual([0, 1, 2])
    expect(c.wallMs).toBe(T0)
  })

  it('stays monotonic when the device clock goes backwards', () => {
    let s = tick(INITIAL_HLC, T0 + 60_000)
    const stamps = [stampOf(s, 'd')]
    // The clock is set back by an hour, then creeps forward again.
    for (const now of [T0 - 3_600_000, T0 - 3_599_000, T0, T0 + 59_999, T0 + 60_000, T0 + 60_001]) {
      s = tick(s, now)
      stamps.push(stampOf(s, 'd'))
    }
    for (let i = 1; i < stamps.length; i++) expect(compareStamps(stamps[i - 1], stamps[i])).toBe(-1)
    expect(s).toEqual({ wallMs: T0 + 60_001, counter: 0 })
  })

  it('moves to the next millisecond when the counter would pass ffff', () => {
    const full = { wallMs: T0, counter: MAX_COUNTER }
    const next = tick(full, T0)
    expect(next).toEqual({ wallMs: T0 + 1, counter: 0 })
    expect(compareStamps(stampOf(full, 'd'), stampOf(next, 'd'))).toBe(-1)
    // And the following tick at the same real time keeps counting from there.
    expect(tick(next, T0)).toEqual({ wallMs: T0 + 1, counter: 1 })
  })

  it('survives 70 000 edits inside one millisecond in order', () => {
    let s: HlcState = INITIAL_HLC
    let prev = ''
    let outOfOrder = 0
    for (let i = 0; i < 70_000; i++) {
      s = tick(s, T0)
      const stamp = stampOf(s, 'd')
      if (!(stamp > prev)) outOfOrder++
      prev = stamp
    }
    expect(outOfOrder).toBe(0)
    expect(s.wallMs).toBe(T0 + 1)
  })

  it('saturates at the end of representable time', () => {
    expect(tick({ wallMs: MAX_WALL_MS, counter: MAX_COUNTER }, T0)).toEqual({ wallMs: MAX_WALL_MS, counter: MAX_COUNTER })
  })

  it('ignores a non-finite or negative clock reading', () => {
    expect(tick({ wallMs: T0, counter: 0 }, Number.NaN)).toEqual({ wallMs: T0, counter: 1 })
    expect(tick(INITIAL_HLC, -10)).toEqual({ wallMs: 0, counter: 1 })
  })

  it('nextStamp ticks and formats', () => {
    const { state, stamp } = nextStamp({ wallMs: T0, counter: 0 }, T0, 'dev1')
    expect(state).toEqual({ wallMs: T0, counter: 1 })
    expect(stamp).toBe('2024-01-01T00:00:00.000Z_0001_dev1')
  })
})

describe('receive', () => {
  it('moves past a remote stamp from the future', () => {
    const remote = '2024-01-01T00:10:00.000Z_0005_other'
    const s = receive({ wallMs: T0, counter: 3 }, remote, T0)
    expect(s).toEqual({ wallMs: T0 + 600_000, counter: 6 })
    expect(compareStamps(stampOf(s, 'a'), remote)).toBe(1)
    // A later local edit, even with the local clock behind, orders after the remote one.
    expect(stampOf(tick(s, T0 + 1), 'a') > remote).toBe(true)
  })

  it('adopts a far-future remote stamp so that later local edits still win', () => {
    const remote = '2099-12-31T23:59:59.999Z_ffff_skewed'
    const s = receive({ wallMs: T0, counter: 0 }, remote, T0)
    expect(s).toEqual({ wallMs: Date.UTC(2099, 11, 31, 23, 59, 59, 999) + 1, counter: 0 })
    const local = stampOf(tick(s, T0), 'a')
    expect(local.startsWith('2100-01-01T00:00:00.000Z_0001_')).toBe(true)
    expect(local > remote).toBe(true)
  })

  it('uses the local clock when it is ahead of both', () => {
    const s = receive({ wallMs: T0, counter: 9 }, '2024-01-01T00:00:00.001Z_0004_o', T0 + 5000)
    expect(s).toEqual({ wallMs: T0 + 5000, counter: 0 })
  })

  it('bumps past the larger counter when all three share a millisecond', () => {
    expect(receive({ wallMs: T0, counter: 2 }, '2024-01-01T00:00:00.000Z_0009_o', T0)).toEqual({
      wallMs: T0,
      counter: 10,
    })
    expect(receive({ wallMs: T0, counter: 12 }, '2024-01-01T00:00:00.000Z_0009_o', T0)).toEqual({
      wallMs: T0,
      counter: 13,
    })
  })

  it('keeps its own state when the remote is older', () => {
    expect(receive({ wallMs: T0 + 10, counter: 2 }, '2024-01-01T00:00:00.000Z_0009_o', T0)).toEqual({
      wallMs: T0 + 10,
      counter: 3,
    })
  })

  it('handles counter overflow on receive', () => {
    expect(receive({ wallMs: T0, counter: 1 }, '2024-01-01T00:00:00.000Z_ffff_o', T0)).toEqual({
      wallMs: T0 + 1,
      counter: 0,
    })
  })

  it('treats an unparsable remote stamp as a plain tick', () => {
    expect(receive({ wallMs: T0, counter: 1 }, 'garbage', T0)).toEqual({ wallMs: T0, counter: 2 })
  })
})

describe('ordering', () => {
  it('orders by time, then counter, then device id', () => {
    const stamps = [
      formatStamp(T0 + 1, 0, 'aaa'),
      formatStamp(T0, 1, 'aaa'),
      formatStamp(T0, 0, 'zzz'),
      formatStamp(T0, 0, 'aaa'),
      formatStamp(T0, 0x10, 'aaa'),
      formatStamp(T0, 0xa, 'aaa'),
    ]
    const sorted = [...stamps].sort(compareStamps)
    expect(sorted).toEqual([
      formatStamp(T0, 0, 'aaa'),
      formatStamp(T0, 0, 'zzz'),
      formatStamp(T0, 1, 'aaa'),
      formatStamp(T0, 0xa, 'aaa'),
      formatStamp(T0, 0x10, 'aaa'),
      formatStamp(T0 + 1, 0, 'aaa'),
    ])
  })

  it('orders across a year and decade boundary as plain strings', () => {
    const a = formatStamp(Date.UTC(2029, 11, 31, 23, 59, 59, 999), 0xffff, 'z')
    const b = formatStamp(Date.UTC(2030, 0, 1), 0, 'a')
    expect(compareStamps(a, b)).toBe(-1)
    expect(compareStamps(b, a)).toBe(1)
    expect(compareStamps(a, a)).toBe(0)
  })

  it('gives a total order over edits from two devices that exchange files', () => {
    // Device A's clock runs 5 minutes fast; B edits after receiving A's stamp.
    let a: HlcState = INITIAL_HLC
    let b: HlcState = INITIAL_HLC
    a = tick(a, T0 + 300_000)
    const stampA = stampOf(a, 'A')
    b = receive(b, stampA, T0)
    b = tick(b, T0 + 1000)
    const stampB = stampOf(b, 'B')
    expect(compareStamps(stampA, stampB)).toBe(-1)
    // Concurrent edits with identical time and counter: the device id decides, the same on every device.
    expect(compareStamps(formatStamp(T0, 0, 'A'), formatStamp(T0, 0, 'B'))).toBe(-1)
  })
})
