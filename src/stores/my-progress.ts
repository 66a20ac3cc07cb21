/**
 * 首页's "me" card: my hours, target, pace and exam, computed from my own records only (read through
 * the attendees index), so the home screen stays fast whatever the size of the unit.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getDb, loadPersonYearData } from '@/db'
import { localIsoDate, yearOf } from '@/domain/dates'
import { personProgress } from '@/domain/person-progress'
import type { LedgerData } from '@/domain/types'
import { liveDataKeyed } from './live-keyed'
import { useLedgerStore } from './ledger'

const EMPTY: LedgerData = { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }

export const useMyProgressStore = defineStore('my-progress', () => {
  const ledger = useLedgerStore()
  const today = localIsoDate(new Date())
  const year = yearOf(today)

  const live = liveDataKeyed(
    () => ledger.identity,
    (personId) => (personId === null ? Promise.resolve(EMPTY) : loadPersonYearData(getDb(), personId, year, today)),
    EMPTY,
  )
  const progress = computed(() =>
    ledger.identity === null
      ? null
      : personProgress(live.data.value, ledger.identity, year, today, { countSelfReported: ledger.settings.countSelfReported }),
  )

  return { year, asOf: today, progress, isLoaded: live.isLoaded, error: live.error }
})
