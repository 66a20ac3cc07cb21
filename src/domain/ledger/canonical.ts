/**
 * Canonical JSON and its SHA-256 (docs/spec/ledger-file.md): object keys sorted with
 * JavaScript's default sort at every level, no white space, arrays in order,
 * strings and numbers exactly as JSON.stringify writes them. Keys whose value
 * JSON.stringify would drop (undefined, functions, symbols) are dropped too.
 *
 * Two writers give the same text. The fast one lets the native JSON.stringify
 * do the work, with a replacer that hands it key-sorted copies of the objects
 * whose keys are out of order. It cannot express the order of integer-like
 * keys (JavaScript enumerates those first) and the native recursion has a
 * depth limit, so in those cases the careful writer runs instead: it walks the
 * value with an explicit stack and collects parts in an array, so a 30 MB
 * ledger or a maliciously deep value cannot overflow the call stack.
 */

interface ArrayFrame {
  kind: 'array'
  container: unknown[]
  index: number
}

interface ObjectFrame {
  kind: 'object'
  container: Record<string, unknown>
  keys: string[]
  index: number
}

type Frame = ArrayFrame | ObjectFrame

interface ToJsonable {
  toJSON(key: string): unknown
}

function hasToJson(value: unknown): value is ToJsonable {
  return typeof value === 'object' && value !== null && typeof (value as ToJsonable).toJSON === 'function'
}

/** The value JSON.stringify would serialise for `value` under `key`. */
function resolve(value: unknown, key: string): unknown {
  return hasToJson(value) ? value.toJSON(key) : value
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

/** Writes a primitive, or returns false when `value` is an object or array. */
function writePrimitive(value: unknown, parts: string[]): boolean {
  if (value === null) parts.push('null')
  else if (typeof value === 'string') parts.push(JSON.stringify(value))
  else if (typeof value === 'number') parts.push(Number.isFinite(value) ? JSON.stringify(value) : 'null')
  else if (typeof value === 'boolean') parts.push(value ? 'true' : 'false')
  else if (typeof value === 'bigint') throw new TypeError('canonicalJson: BigInt cannot be serialised')
  else if (isDropped(value)) parts.push('null') // only reached inside arrays, as JSON.stringify does
  else return false
  return true
}

function openFrame(value: object, parts: string[], stack: Frame[], seen: Set<object>): void {
  if (seen.has(value)) throw new TypeError('canonicalJson: circular structure')
  seen.add(value)
  if (Array.isArray(value)) {
    parts.push('[')
    stack.push({ kind: 'array', container: value, index: 0 })
    return
  }
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter((k) => !isDropped(resolve(obj[k], k)))
    .sort()
  parts.push('{')
  stack.push({ kind: 'object', container: obj, keys, index: 0 })
}

/** Advances the top frame by one child; returns the child to write, or closes the frame. */
function nextChild(frame: Frame, parts: string[]): { value: unknown } | null {
  if (frame.kind === 'array') {
    if (frame.index >= frame.container.length) return null
    const i = frame.index++
    if (i > 0) parts.push(',')
    return { value: resolve(frame.container[i], String(i)) }
  }
  if (frame.index >= frame.keys.length) return null
  const key = frame.keys[frame.index++]
  parts.push(frame.index > 1 ? ',' : '', JSON.stringify(key), ':')
  return { value: resolve(frame.container[key], key) }
}

/** Canonical JSON text of a JSON-compatible value. Throws on BigInt, cycles and a top-level undefined. */
export function canonicalJson(value: unknown): string {
  let text: string | undefined
  try {
    text = JSON.stringify(value, sortingReplacer)
  } catch (e) {
    // Integer-like keys, or nesting deeper than the native writer allows.
    if (e === NEEDS_CAREFUL_WRITER || e instanceof RangeError) return carefulCanonicalJson(value)
    throw e
  }
  if (text === undefined) throw new TypeError('canonicalJson: value is not serialisable')
  return text
}

const NEEDS_CAREFUL_WRITER = new Error('canonicalJson: integer-like key')

function isIntegerLike(key: string): boolean {
  const c = key.charCodeAt(0)
  return c >= 48 && c <= 57 && /^\d+$/.test(key)
}

/** JSON.stringify replacer: objects with their own keys in default sort order. */
function sortingReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const keys = Object.keys(value)
  let sorted = true
  for (let i = 0; i < keys.length; i++) {
    if (isIntegerLike(keys[i])) throw NEEDS_CAREFUL_WRITER
    if (i > 0 && keys[i - 1] > keys[i]) sorted = false
  }
  if (sorted) return value
  // A null prototype makes an own "__proto__" key plain data.
  const copy = Object.create(null) as Record<string, unknown>
  for (const k of keys.sort()) copy[k] = (value as Record<string, unknown>)[k]
  return copy
}

/** The stack-based writer (exported for tests: it must agree with canonicalJson). */
export function carefulCanonicalJson(value: unknown): string {
  const parts: string[] = []
  const top = resolve(value, '')
  if (isDropped(top)) throw new TypeError('canonicalJson: value is not serialisable')
  if (writePrimitive(top, parts)) return parts.join('')
  const stack: Frame[] = []
  const seen = new Set<object>()
  openFrame(top as object, parts, stack, seen)
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]
    const child = nextChild(frame, parts)
    if (child === null) {
      stack.pop()
      seen.delete(frame.container)
      parts.push(frame.kind === 'array' ? ']' : '}')
    } else if (!writePrimitive(child.value, parts)) {
      openFrame(child.value as object, parts, stack, seen)
    }
  }
  return parts.join('')
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text` (WebCrypto; browsers and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  const view = new Uint8Array(digest)
  let hex = ''
  for (const b of view) hex += b.toString(16).padStart(2, '0')
  return hex
}

/** The `sha256` of a ledger file: SHA-256 of the canonical JSON of its `records`. */
export function recordsHash(records: unknown): Promise<string> {
  return sha256Hex(canonicalJson(records))
}
