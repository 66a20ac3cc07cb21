/**
 * 首页's "me" card: my hours, target, pace and exam, computed from my own records only (read through
 * the attendees index, shared with 首页's latest records) and my context rows, so the home screen stays
 * fast whatever the size of the unit, and a quick log reads only my records again.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getDb, loadPersonContext } from '@/db'
import { localIsoDate, periodEnd, yearOf, yearStart } from '@/domain/model/dates'
import { personProgress } from '@/domain/views/person-progress'
import { countsSelfReported } from '@/domain/measures/counting'
import type { LedgerData } from '@/domain/model/types'
import { liveDataKeyed } from './live-keyed'
import { useActivitiesStore } from './activities'
import { useLedgerStore } from './ledger'

const EMPTY: Omit<LedgerData, 'activities'> = { sections: [], persons: [], exams: [], examResults: [], targetSets: [] }

export const useMyProgressStore = defineStore('my-progress', () => {
  const ledger = useLedgerStore()
  const activities = useActivitiesStore()
  const today = localIsoDate(new Date())
  const year = yearOf(today)
  const from = yearStart(year)
  const to = periodEnd(year, today)

  const context = liveDataKeyed(
    () => ledger.identity,
    (personId) => (personId === null ? Promise.resolve(EMPTY) : loadPersonContext(getDb(), personId)),
    EMPTY,
  )
  const data = computed<LedgerData>(() => ({
    ...context.data.value,
    activities: activities.mine.data.filter((a) => a.date >= from && a.date <= to),
  }))
  const progress = computed(() =>
    ledger.identity === null
      ? null
      : personProgress(data.value, ledger.identity, year, today, { countSelfReported: countsSelfReported(data.value.targetSets, year) }),
  )
  const isLoaded = computed(() => context.isLoaded.value && activities.mine.isLoaded)
  const error = computed(() => context.error.value)

  /** My roster row and my section (首页 needs no roster of 2,000 persons). */
  const me = computed(() => context.data.value.persons.find((p) => p.id === ledger.identity) ?? null)
  const section = computed(() => context.data.value.sections.find((s) => s.id === me.value?.sectionId) ?? null)

  /** Every year's targets (and counting rules), as the context read them. */
  const targetSets = computed(() => context.data.value.targetSets)

  return { year, asOf: today, progress, me, section, targetSets, isLoaded, error }
})
