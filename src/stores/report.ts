/**
 * The annual report of one year as of one date: reads year Y and year Y−1 (for
 * the comparison) with one indexed range read each, computes every figure with
 * the pure domain function, and keeps the result for the page and its exports.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { getDb } from '@/db'
import { loadYearData } from '@/db/queries'
import { buildReportBundle, previousAsOf, type ReportBundle } from '@/domain/report-bundle'
import type { IsoDate } from '@/domain/types'
import { useLedgerStore } from './ledger'

/** Let the browser paint the loading state before a long synchronous computation. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export const useReportStore = defineStore('report', () => {
  const bundle = shallowRef<ReportBundle | null>(null)
  const isLoading = ref(false)
  const error = ref<string | null>(null)
  /** Milliseconds the last load took (read + compute), for the page's footnote and tests. */
  const lastLoadMs = ref(0)
  let requestSeq = 0

  /** Load and compute; a newer call supersedes an older one still running. */
  async function load(year: number, asOf: IsoDate): Promise<void> {
    const ledger = useLedgerStore()
    const seq = ++requestSeq
    const started = performance.now()
    isLoading.value = true
    error.value = null
    try {
      if (!ledger.isReady) await ledger.init()
      const db = getDb()
      const [data, previousData] = await Promise.all([
        loadYearData(db, year, asOf),
        loadYearData(db, year - 1, previousAsOf(year, asOf)),
      ])
      if (seq !== requestSeq) return
      await nextFrame()
      if (seq !== requestSeq) return
      bundle.value = buildReportBundle({
        unitName: ledger.unit?.name ?? '',
        year,
        asOf,
        opts: { countSelfReported: ledger.settings.countSelfReported },
        data,
        previousData,
      })
      lastLoadMs.value = Math.round(performance.now() - started)
    } catch (e) {
      if (seq === requestSeq) error.value = `读取台账失败：${e instanceof Error ? e.message : String(e)}`
    } finally {
      if (seq === requestSeq) isLoading.value = false
    }
  }

  return { bundle, isLoading, error, lastLoadMs, load }
})
