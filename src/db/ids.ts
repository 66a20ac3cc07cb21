/** Random ids for records and devices (crypto.getRandomValues works outside secure contexts too). */
export function randomId(prefix = ''): string {
  const bytes = new Uint8Array(10)
  globalThis.crypto.getRandomValues(bytes)
  let s = ''
  for (const b of bytes) s += b.toString(36).padStart(2, '0').slice(-2)
  return prefix ? `${prefix}-${s}` : s
}
