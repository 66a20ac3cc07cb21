/**
 * What this device holds, as the completion views need it (docs/spec/scopes.md): the stored held scopes, and the
 * records of the person it belongs to when it holds them all (db/own-records.ts); the "数据截至…" words of a view and,
 * when it is partial, what is missing. Loaded by the pages that show it, not with 首页's first download.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getDb } from '@/db'
import { ownRecordsHeldOn } from '@/db/own-records'
import { asOfWords, coverage, deviceHeldScopes, missingWords, type CompletionView, type Coverage } from '@/domain/access/held-scopes'
import { scopeContext, type ScopeContext } from '@/domain/access/scope'
import { personsInScope } from '@/domain/measures/target-rules'
import type { IsoDate, Person } from '@/domain/model/types'
import { liveDataKeyed } from './live-keyed'
import { useLedgerStore } from './ledger'

export interface CoverageNotice {
  asOf: string
  /** null when the view is complete. */
  missing: string | null
}

/** The notice of a view from its coverage. */
export function noticeOf(view: CompletionView, cov: Coverage): CoverageNotice {
  return { asOf: asOfWords(cov), missing: cov.isComplete ? null : missingWords(view, cov) }
}

export const useCoverageStore = defineStore('coverage', () => {
  const ledger = useLedgerStore()
  /** "Now" for data this device makes itself (live): refreshed when a page opens. */
  const now = ref(new Date().toISOString())
  const own = liveDataKeyed(
    () => (ledger.identity ? `${ledger.identity} ${ledger.deviceId}` : null),
    (k) => (k === null ? Promise.resolve(false) : ownRecordsHeldOn(getDb(), k.split(' ')[0], k.split(' ')[1])),
    true,
  )
  const held = computed(() => (own.data.value ? deviceHeldScopes(ledger.heldScopes, ledger.identity, now.value) : ledger.heldScopes))

  function coverageOf(personIds: Iterable<string>, ctx: ScopeContext): Coverage {
    return coverage(held.value, personIds, ctx, now.value)
  }
  /** The notice of a view over some persons of a roster. */
  function notice(view: CompletionView, persons: readonly Person[], personIds: Iterable<string>): CoverageNotice {
    return noticeOf(view, coverageOf(personIds, scopeContext([...persons])))
  }
  /** The report's notice: every person the report counts in the year up to `asOf`. */
  function reportNotice(persons: readonly Person[], year: number, asOf: IsoDate): CoverageNotice {
    return notice('report', persons, personsInScope(persons, 'all', year, asOf).map((p) => p.id))
  }
  /** My own view (no roster needed: my records are mine wherever I sit). */
  const mine = computed(() => (ledger.identity ? noticeOf('mine', coverageOf([ledger.identity], { sectionOf: () => undefined })) : null))

  function refresh(): void {
    now.value = new Date().toISOString()
  }

  return { held, coverageOf, notice, reportNotice, mine, refresh }
})
