/** Random secrets (device tokens, invitation codes, the setup code) and their stored hashes. */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** 256 random bits, URL-safe: a device token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** 144 random bits, URL-safe: an invitation code (it travels in a link or a QR code). */
export function newInvitationCode(): string {
  return randomBytes(18).toString('base64url')
}

/** A short random id for rows. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`
}

/** Only the hash of a token or code is stored: a copy of the database lets no one in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Without ambiguous characters (0/O, 1/I/L): the administrator may read it out or type it on a phone. */
const SETUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** "ABCD-EFGH-JKMN-PQRS": 16 characters from 31, about 79 bits. */
export function newSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => SETUP_ALPHABET[randomInt(SETUP_ALPHABET.length)])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

/** Upper-case without spaces or dashes, so that "abcd efgh…" typed on a phone still matches. */
export function normaliseSetupCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}

export function sameSetupCode(given: string, expected: string): boolean {
  const a = Buffer.from(hashSecret(normaliseSetupCode(given)))
  const b = Buffer.from(hashSecret(normaliseSetupCode(expected)))
  return timingSafeEqual(a, b)
}

export const SETUP_CODE_FILE = 'setup-code.txt'

/**
 * The setup code: XUEFA_SETUP_CODE when set, else DATA_DIR/setup-code.txt, else a new one written there
 * (readable by the service's user only). `isNew` tells the start-up to print it.
 */
export function loadSetupCode(dataDir: string, fromEnv: string | null): { code: string; isNew: boolean; file: string | null } {
  if (fromEnv) return { code: fromEnv, isNew: false, file: null }
  const file = join(dataDir, SETUP_CODE_FILE)
  if (existsSync(file)) {
    const code = readFileSync(file, 'utf8').trim()
    if (code) return { code, isNew: false, file }
  }
  mkdirSync(dataDir, { recursive: true })
  const code = newSetupCode()
  writeFileSync(file, `${code}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return { code, isNew: true, file }
}
