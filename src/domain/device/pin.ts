/**
 * The keeper PIN: a 4–6 digit UI lock for shared phones, stored as the SHA-256
 * hex of its digits. It protects nothing cryptographically (10^6 tries at most).
 */
import { sha256Hex } from '../ledger/canonical'

const PIN_RE = /^\d{4,6}$/

export function validatePin(pin: string, confirm?: string): string | null {
  if (!PIN_RE.test(pin)) return 'PIN 应为 4–6 位数字'
  if (confirm !== undefined && confirm !== pin) return '两次输入的 PIN 不一致，请重新输入'
  return null
}

export function hashPin(pin: string): Promise<string> {
  return sha256Hex(pin)
}
