/**
 * A small seeded pseudo-random generator (mulberry32) for the demo ledger and
 * property tests. Pure and deterministic: the same seed gives the same
 * sequence on every platform. Not for anything secret.
 */

export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** A float in [min, max). */
  float(min: number, max: number): number
  /** One element of a non-empty array. */
  pick<T>(arr: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** A shuffled copy (Fisher–Yates); the input is left as it is. */
  shuffle<T>(arr: readonly T[]): T[]
}

/** mulberry32 step on a 32-bit state; returns the new state and a float in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a seed and a label number into a new 32-bit seed (for independent streams). */
export function deriveSeed(seed: number, label: number): number {
  let h = (Math.floor(seed) ^ Math.imul(Math.floor(label) + 0x9e3779b9, 0x85ebca6b)) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number: ${seed}`)
  const next = mulberry32(Math.floor(seed))
  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`)
    return min + Math.floor(next() * (max - min + 1))
  }
  return {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new RangeError('pick() from an empty array')
      return arr[Math.floor(next() * arr.length)]
    },
    chance: (p) => next() < p,
    shuffle<T>(arr: readonly T[]): T[] {
      const out = arr.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const tmp = out[i]
        out[i] = out[j]
        out[j] = tmp
      }
      return out
    },
  }
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'
const ID_LENGTH = 8

/**
 * A factory of short ids `<prefix>-<8 base-36 characters>` drawn from `rng`,
 * unique among the ids this factory has made.
 */
export function makeIdFactory(prefix: string, rng: Rng): () => string {
  const seen = new Set<string>()
  return () => {
    for (;;) {
      let s = ''
      for (let i = 0; i < ID_LENGTH; i++) s += ID_ALPHABET[Math.floor(rng.next() * 36)]
      const id = `${prefix}-${s}`
      if (!seen.has(id)) {
        seen.add(id)
        return id
      }
    }
  }
}
