/**
 * The annual report of one year as of one date: reads year Y and year Y−1 (for
 * the comparison) with one read each, computes every figure with the pure
 * domain functions, and keeps the result for the page and its exports.
 *
 * The computation (report-bundle and what it needs, e.g. the zh-CN collator of
 * target-rules) is loaded with a dynamic import while the records are read, and
 * Y, Y−1 and the bundle are computed in separate tasks: the page stays
 * responsive and no single task blocks it for long.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb } from '@/db'
import { loadYearData } from '@/db/year-data'
import type { ReportBundle } from '@/domain/report/bundle'
import { previousAsOf } from '@/domain/report/period'
import { countingRulesFor } from '@/domain/measures/counting'
import type { IsoDate } from '@/domain/model/types'
import type { FigureKey } from '@/domain/report/registry'
import { useLedgerStore } from './ledger'

/** Yield to the browser (paint, input) before the next step of the computation. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const loadComputation = () => import('@/domain/report/bundle')

export const useReportStore = defineStore('report', () => {
  const bundle = shallowRef<ReportBundle | null>(null)
  const isLoading = ref(false)
  const error = ref<string | null>(null)
  /** Milliseconds the last load took (read + compute), for the page's footnote and tests. */
  const lastLoadMs = ref(0)
  /** Optional sentences the keeper switched on for the draft (off by default; kept while the app is open). */
  const draftOptional = ref<FigureKey[]>([])
  let requestSeq = 0

  /** Load and compute; a newer call supersedes an older one still running. */
  async function load(year: number, asOf: IsoDate): Promise<void> {
    const ledger = useLedgerStore()
    const seq = ++requestSeq
    const stale = () => seq !== requestSeq
    const started = performance.now()
    isLoading.value = true
    error.value = null
    try {
      await nextTask() // the page mounts first, in a task of its own
      if (stale()) return
      const computation = loadComputation()
      computation.catch(() => undefined) // reported by the await below, not as unhandled when init fails first
      await nextTask() // the reads start in a task of their own
      if (stale()) return
      if (!ledger.isReady) await ledger.ready()
      const db = getDb()
      const [{ assembleReportBundle, computeReportFigures, previousFigures }, data, previousData] = await Promise.all([
        computation,
        loadYearData(db, year, asOf),
        loadYearData(db, year - 1, previousAsOf(year, asOf)),
      ])
      const input = {
        unitName: ledger.unit?.name ?? '',
        year,
        asOf,
        opts: { countSelfReported: countingRulesFor(data.targetSets, year).countSelfReported },
        data,
        previousData,
      }
      await nextTask()
      if (stale()) return
      const figures = computeReportFigures(data, year, asOf, input.opts)
      await nextTask()
      if (stale()) return
      const previous = previousFigures(input)
      await nextTask()
      if (stale()) return
      bundle.value = assembleReportBundle({ ...input, draft: { optional: draftOptional.value } }, figures, previous)
      lastLoadMs.value = Math.round(performance.now() - started)
    } catch (e) {
      if (!stale()) error.value = `读取台账失败：${e instanceof Error ? e.message : String(e)}`
    } finally {
      if (!stale()) isLoading.value = false
    }
  }

  /** Switch an optional sentence of the draft on or off: the draft (and the exports) follow at once. */
  async function setDraftOptional(key: FigureKey, on: boolean): Promise<void> {
    draftOptional.value = on ? [...new Set([...draftOptional.value, key])] : draftOptional.value.filter((k) => k !== key)
    if (bundle.value === null) return
    const { redraftBundle } = await loadComputation()
    if (bundle.value !== null) bundle.value = redraftBundle(bundle.value, draftOptional.value)
  }

  return { bundle, isLoading, error, lastLoadMs, load, draftOptional, setDraftOptional }
})
