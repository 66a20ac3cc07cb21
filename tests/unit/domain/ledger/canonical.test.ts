import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalJson, carefulCanonicalJson, recordsHash, sha256Hex } from '../../../../src/domain/ledger/canonical'

const FIXTURE = new URL('../../../fixtures/ledger/example-2023.xuefa.json', import.meta.url)

const U = '2024-01-01T00:00:00.000Z_0000_dev1'
/** The test vector of docs/spec/ledger-file.md, written exactly as the spec prints it (non-canonical key order). */
const VECTOR_TEXT =
  '{"sections":[{"id":"s1","name":"办公室","order":1,"updatedAt":U}],"persons":[{"id":"p1","name":"张三","sectionId":"s1","title":null,"roles":["enforcement"],"certNo":null,"activeFrom":"2020-01-01","activeTo":null,"updatedAt":U}],"activities":[{"id":"a1","kind":"self","title":"自学《中华人民共和国宪法》","date":"2024-03-01","endDate":null,"hours":1.5,"legalTheme":true,"laws":["中华人民共和国宪法"],"category":null,"organizer":null,"lecturer":null,"attendees":["p1"],"note":"","updatedAt":U},{"id":"a2","deletedAt":U,"updatedAt":U}],"exams":[],"examResults":[],"targetSets":[]}'.replaceAll(
    'U',
    JSON.stringify(U),
  )
const VECTOR_SHA = 'c9e428e6b284852d6c63dc29b0d580f160cb8abc3d93ea58fdd0812e15605f73'

describe('canonicalJson', () => {
  it('sorts keys at every level and drops white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    )
  })

  it('uses the default JavaScript sort (UTF-16 code units, upper case first)', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4, '10': 5, '9': 6 })).toBe('{"10":5,"9":6,"B":2,"_":4,"a":3,"b":1}')
    expect(canonicalJson({ 张: 1, a: 2, 办: 3 })).toBe('{"a":2,"办":3,"张":1}')
  })

  it('keeps arrays in order', () => {
    expect(canonicalJson([3, 1, 2, 'b', 'a'])).toBe('[3,1,2,"b","a"]')
    expect(canonicalJson([])).toBe('[]')
    expect(canonicalJson({})).toBe('{}')
  })

  it('writes strings and numbers as JSON.stringify does, non-ASCII unescaped', () => {
    const values = ['办公室', 'a"b\\c\n\t\u0001', '\u2028', '😀', 1.5, 0.1 + 0.2, 1e21, -0, 100, true, false, null]
    for (const x of values) expect(canonicalJson(x)).toBe(JSON.stringify(x))
    expect(canonicalJson('学法')).toBe('"学法"')
  })

  it('omits undefined-valued keys and writes null for undefined array items, like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1, c: () => 1 })).toBe('{"b":1}')
    expect(canonicalJson([undefined, 1])).toBe('[null,1]')
    expect(canonicalJson([Number.NaN, Number.POSITIVE_INFINITY])).toBe('[null,null]')
  })

  it('honours toJSON', () => {
    expect(canonicalJson({ d: new Date(Date.UTC(2024, 0, 2)) })).toBe('{"d":"2024-01-02T00:00:00.000Z"}')
  })

  it('keeps an own __proto__ key as data, sorted or not', () => {
    for (const text of ['{"b":1,"__proto__":{"x":1}}', '{"__proto__":{"x":1},"b":1}']) {
      const parsed = JSON.parse(text) as object
      expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}')
      expect(carefulCanonicalJson(parsed)).toBe('{"__proto__":{"x":1},"b":1}')
    }
  })

  it('sorts integer-like keys as strings, not as JavaScript enumerates them', () => {
    expect(canonicalJson({ a: { 2: 'x', 10: 'y', b: 1, ' ': 0 } })).toBe('{"a":{" ":0,"10":"y","2":"x","b":1}}')
  })

  /** Reference: a key-sorted deep copy as an array of entries, written by hand. */
  function reference(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : reference(x))).join(',')}]`
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined).sort()
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(',')}}`
    }
    return JSON.stringify(v)
  }

  it('agrees with a reference writer and with the careful writer on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = canonicalJson(value)
        expect(out).toBe(reference(value))
        expect(carefulCanonicalJson(value)).toBe(out)
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 300, seed: 20240101 },
    )
  })

  it('agrees with the careful writer on objects with undefined values and odd keys', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('__proto__', '0', '10', '01', 'a', 'B', '中'))
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, undefined, 0, -1.5, 1e-7, 'x', '办公室'),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(key, tie('node'), { maxKeys: 5 }),
      ),
    })).node
    fc.assert(
      fc.property(value, (v) => {
        if (v === undefined) return
        expect(canonicalJson(v)).toBe(carefulCanonicalJson(v))
      }),
      { numRuns: 300, seed: 20240101 },
    )
  })

  it('agrees with JSON.stringify on values whose keys are already sorted', () => {
    const v = { a: [1, { b: 'x', c: [null, true] }], d: '中文', e: { f: { g: 2.25 } } }
    expect(canonicalJson(v)).toBe(JSON.stringify(v))
  })

  it('rejects cycles, BigInt and a top-level undefined', () => {
    const cyc: Record<string, unknown> = { a: 1 }
    cyc.self = cyc
    expect(() => canonicalJson(cyc)).toThrow(TypeError)
    expect(() => carefulCanonicalJson(cyc)).toThrow(TypeError)
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError)
    expect(() => carefulCanonicalJson({ n: 1n })).toThrow(TypeError)
    expect(() => canonicalJson(undefined)).toThrow(TypeError)
    expect(() => carefulCanonicalJson(undefined)).toThrow(TypeError)
  })

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 }
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe('{"a":{"x":1},"b":[{"x":1},{"x":1}]}')
  })

  it('survives nesting far deeper than the call stack', () => {
    let deep: unknown = 0
    for (let i = 0; i < 200_000; i++) deep = [deep]
    const out = canonicalJson(deep)
    expect(out.length).toBe(400_001)
    expect(out.startsWith('[[[')).toBe(true)
    let deepObject: unknown = 0
    for (let i = 0; i < 100_000; i++) deepObject = { b: deepObject, a: i }
    expect(canonicalJson(deepObject).startsWith('{"a":99999,"b":{"a":99998,')).toBe(true)
  })

  it('handles a ledger-sized array quickly', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => ({
      updatedAt: U,
      id: `a${i}`,
      attendees: ['p1', 'p2'],
      hours: 1.5,
      title: '自学《中华人民共和国宪法》',
    }))
    const out = canonicalJson({ activities: rows })
    expect(out.length).toBeGreaterThan(4_000_000)
    expect(out.slice(0, 40)).toBe('{"activities":[{"attendees":["p1","p2"],')
    expect(carefulCanonicalJson({ activities: rows })).toBe(out)
  })
})

describe('sha256Hex', () => {
  it('hashes UTF-8 bytes to lower-case hex', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    // "中" is E4 B8 AD in UTF-8.
    expect(await sha256Hex('中')).toBe('a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2')
  })
})

describe('recordsHash', () => {
  it('matches the test vector of docs/spec/ledger-file.md', async () => {
    const records = JSON.parse(VECTOR_TEXT) as unknown
    expect(await recordsHash(records)).toBe(VECTOR_SHA)
  })

  it('does not depend on key order', async () => {
    const records = JSON.parse(VECTOR_TEXT) as Record<string, unknown>
    const reversed = Object.fromEntries(Object.entries(records).reverse())
    expect(await recordsHash(reversed)).toBe(VECTOR_SHA)
  })

  it('changes when one value changes', async () => {
    const tampered = JSON.parse(VECTOR_TEXT.replace('"hours":1.5', '"hours":2')) as unknown
    expect(await recordsHash(tampered)).not.toBe(VECTOR_SHA)
  })

  it('matches the sha256 of the shared example ledger file', async () => {
    const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { records: unknown; sha256: string }
    expect(await recordsHash(file.records)).toBe(file.sha256)
  })
})
