/**
 * Whether a completion view built on this device's data is complete, in words: "数据截至…（来自…）" and, when
 * it is not, what is missing (domain/access/held-scopes.ts). For pages that compute their own person lists (the
 * report); the 统计 pages take it from stores/progress.ts.
 */
import { ref } from 'vue'
import { coverage, deviceHeldScopes, asOfWords, missingWords, type CompletionView, type Coverage } from '@/domain/access/held-scopes'
import { scopeContext } from '@/domain/access/scope'
import type { Person } from '@/domain/model/types'
import { useLedgerStore } from '@/stores/ledger'

export interface CoverageNotice {
  asOf: string
  /** null when the view is complete. */
  missing: string | null
}

/** The notice of a view from its coverage. */
export function noticeOf(view: CompletionView, cov: Coverage): CoverageNotice {
  return { asOf: asOfWords(cov), missing: cov.isComplete ? null : missingWords(view, cov) }
}

export function useCoverage() {
  const ledger = useLedgerStore()
  const now = ref(new Date().toISOString())
  function notice(view: CompletionView, persons: readonly Person[], personIds: Iterable<string>): CoverageNotice {
    const held = deviceHeldScopes(ledger.heldScopes, ledger.identity, now.value)
    return noticeOf(view, coverage(held, personIds, scopeContext([...persons]), now.value))
  }
  return { notice, refresh: () => (now.value = new Date().toISOString()) }
}
