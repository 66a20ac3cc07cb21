/**
 * Completion (统计, 首页 card): the year's data for a year and as-of date,
 * following the database, evaluated against the year's targets — for me,
 * per section and for the unit.
 */
import { newestFirst } from '@/domain/views/activity-list'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getDb } from '@/db'
import { loadYearData } from '@/db/year-data'
import { localIsoDate, yearOf } from '@/domain/model/dates'
import { computePersonHours } from '@/domain/measures/person-hours'
import { personProgress } from '@/domain/views/person-progress'
import {
  hoursByCategory,
  hoursByMonth,
  personStatusRows,
  ruleLines,
  rowsOfSection,
  sectionSummaries,
  NO_SECTION_NAME,
} from '@/domain/views/progress-views'
import { buildReminder } from '@/domain/views/remind'
import { evaluateTargets, summarizeStatuses } from '@/domain/measures/target-rules'
import { countingRulesFor } from '@/domain/measures/counting'
import { unverifiedHours } from '@/domain/measures/unverified'
import type { Coverage } from '@/domain/access/held-scopes'
import { scopeContext } from '@/domain/access/scope'
import { useCoverageStore } from './coverage'
import type { Activity, LedgerData, TargetStatus } from '@/domain/model/types'
import { liveDataKeyed } from './live-keyed'
import { useLedgerStore } from './ledger'

const EMPTY: LedgerData = { sections: [], persons: [], activities: [], exams: [], examResults: [], targetSets: [] }

export const useProgressStore = defineStore('progress', () => {
  const ledger = useLedgerStore()
  const today = localIsoDate(new Date())
  const year = ref(yearOf(today))
  const asOf = ref(today)

  /**
   * The whole year is read only while a page uses it (acquire/release): at county scale it is a large
   * read, and a live subscription would repeat it after every write anywhere in the app.
   */
  const users = ref(0)
  const live = liveDataKeyed(
    () => (users.value > 0 ? { year: year.value, asOf: asOf.value } : null),
    (k) => (k === null ? Promise.resolve(EMPTY) : loadYearData(getDb(), k.year, k.asOf)),
    EMPTY,
  )

  /** Start following the year's data; call the returned function when the page goes away. */
  function acquire(): () => void {
    users.value++
    let released = false
    return () => {
      if (!released) users.value--
      released = true
    }
  }
  const yearData = live.data
  /** False while the data of the current year and as-of date is loading. */
  const isLoaded = live.isLoaded
  const error = live.error

  /** The year's counting rules (the keeper's choice, travelling with the targets). */
  const counting = computed(() => countingRulesFor(yearData.value.targetSets, year.value))
  const opts = computed(() => ({ countSelfReported: counting.value.countSelfReported }))
  const unverified = computed(() => unverifiedHours(yearData.value.activities, year.value, asOf.value))
  const hours = computed(() => computePersonHours(yearData.value.activities, year.value, asOf.value, opts.value))
  const evaluation = computed(() =>
    evaluateTargets(yearData.value, year.value, asOf.value, { ...opts.value, hours: hours.value }),
  )
  const hasTargets = computed(() => evaluation.value.targetSet !== null)
  const sections = computed(() => yearData.value.sections)
  const rows = computed(() => personStatusRows(yearData.value, evaluation.value, hours.value, year.value, asOf.value, opts.value))
  const summaries = computed(() => sectionSummaries(rows.value, sections.value))
  const unitRuleLines = computed(() => ruleLines(evaluation.value.results))
  const statusCounts = computed(() =>
    summarizeStatuses(rows.value.filter((r) => r.status !== null) as { status: TargetStatus }[]),
  )
  const monthHours = computed(() => hoursByMonth(yearData.value.activities, year.value, asOf.value, opts.value))
  const categoryHours = computed(() => hoursByCategory(yearData.value.activities, year.value, asOf.value, opts.value))

  const myPerson = computed(() => yearData.value.persons.find((p) => p.id === ledger.identity) ?? null)
  const myProgress = computed(() =>
    ledger.identity === null
      ? null
      : personProgress(yearData.value, ledger.identity, year.value, asOf.value, { ...opts.value, hours: hours.value }),
  )
  const mySectionId = computed(() => myPerson.value?.sectionId ?? null)
  const mySectionName = computed(() => sectionName(mySectionId.value))
  /** My activities in Y up to D, newest first. */
  const myActivities = computed<Activity[]>(() => {
    const me = ledger.identity
    if (me === null) return []
    return yearData.value.activities
      .filter((a) => a.attendees.includes(me))
      .sort(newestFirst)
  })

  const held = useCoverageStore()
  const ctx = computed(() => scopeContext(yearData.value.persons))
  function coverageOf(personIds: Iterable<string>): Coverage {
    return held.coverageOf(personIds, ctx.value)
  }
  const unitCoverage = computed(() => coverageOf(rows.value.map((r) => r.person.id)))
  const myCoverage = computed(() => coverageOf(ledger.identity ? [ledger.identity] : []))
  function sectionCoverage(sectionId: string | null): Coverage {
    return coverageOf(sectionRows(sectionId).map((r) => r.person.id))
  }
  /** Sections (null: 未分配股室) whose persons' records this device holds. */
  const completeSectionIds = computed(() =>
    summaries.value.map((x) => x.section?.id ?? null).filter((id) => sectionCoverage(id).isComplete),
  )
  function refreshNow(): void {
    held.refresh()
  }

  function sectionName(sectionId: string | null): string {
    if (sectionId === null) return NO_SECTION_NAME
    return sections.value.find((s) => s.id === sectionId)?.name ?? NO_SECTION_NAME
  }

  /** Persons of one section (null = 未分配股室), behind-first. */
  function sectionRows(sectionId: string | null) {
    return rowsOfSection(rows.value, sectionId, sections.value)
  }

  /** The ready-to-send reminder for one section; null when this device lacks the section's records (it would name people wrongly). */
  function reminderFor(sectionId: string | null): string | null {
    if (!sectionCoverage(sectionId).isComplete) return null
    const results = sectionRows(sectionId).flatMap((r) => (r.rule ? [r.rule] : []))
    return buildReminder(results, { sectionName: sectionName(sectionId), year: year.value, asOf: asOf.value })
  }

  function setPeriod(nextYear: number, nextAsOf = asOf.value): void {
    year.value = nextYear
    asOf.value = nextAsOf
  }

  return {
    year,
    asOf,
    yearData,
    isLoaded,
    error,
    evaluation,
    hasTargets,
    sections,
    rows,
    summaries,
    unitRuleLines,
    statusCounts,
    monthHours,
    categoryHours,
    myPerson,
    myProgress,
    mySectionId,
    mySectionName,
    myActivities,
    sectionName,
    sectionRows,
    reminderFor,
    setPeriod,
    acquire,
    counting,
    unverified,
    unitCoverage,
    myCoverage,
    sectionCoverage,
    completeSectionIds,
    refreshNow,
  }
})
