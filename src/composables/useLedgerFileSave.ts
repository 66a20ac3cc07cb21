/**
 * Handing a ledger file to the user: a download (works everywhere, offline),
 * or the system share sheet (Web Share API with files) where the phone has it,
 * so it can go straight into a chat or a mail.
 */
import { downloadFile } from './useDownload'

export const LEDGER_MIME = 'application/json'

export interface LedgerFileLike {
  text: string
  fileName: string
}

function asFile(f: LedgerFileLike): File {
  return new File([f.text], f.fileName, { type: LEDGER_MIME })
}

/** True when this browser can share this file through the system share sheet. */
export function canShareLedgerFile(f: LedgerFileLike): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function' || typeof navigator.share !== 'function') {
    return false
  }
  try {
    return navigator.canShare({ files: [asFile(f)] })
  } catch {
    return false
  }
}

export function downloadLedgerFile(f: LedgerFileLike): void {
  downloadFile(f.text, f.fileName, LEDGER_MIME)
}

/** Opens the share sheet; 'cancelled' when the user closed it. */
export async function shareLedgerFile(f: LedgerFileLike): Promise<'shared' | 'cancelled' | 'failed'> {
  try {
    await navigator.share({ files: [asFile(f)], title: f.fileName })
    return 'shared'
  } catch (e) {
    return (e as Error)?.name === 'AbortError' ? 'cancelled' : 'failed'
  }
}

/**
 * Hands the file over the shortest way: the share sheet where the phone has one (straight into WeChat), else a
 * download. 'cancelled' when the user closed the share sheet (nothing was sent).
 */
export async function handOverLedgerFile(f: LedgerFileLike): Promise<'shared' | 'downloaded' | 'cancelled'> {
  if (canShareLedgerFile(f)) {
    const outcome = await shareLedgerFile(f)
    if (outcome !== 'failed') return outcome
  }
  downloadLedgerFile(f)
  return 'downloaded'
}

export function useLedgerFileSave() {
  return { canShare: canShareLedgerFile, download: downloadLedgerFile, share: shareLedgerFile, handOver: handOverLedgerFile }
}
