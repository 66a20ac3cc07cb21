/**
 * 学法活动 as the screens read them: my records, one person's, one record, the roster for pickers,
 * who may edit what, and the quick log's remembered choices. Changes are stores/activity-edits.ts.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { activitiesOfPerson, activityForView, getDb, listPersons, listSections, listTargetSets, type MetaValues } from '@/db'
import { newestFirst } from '@/domain/views/activity-list'
import { localIsoDate, yearOf } from '@/domain/model/dates'
import { isTombstone, PERSONAL_KINDS, type Activity, type Person, type Section, type TargetSet } from '@/domain/model/types'
import { useLedgerStore } from './ledger'
import { liveDataKeyed } from './live-keyed'
import type { LiveData } from './live'

export type QuickLogDefaults = MetaValues['quickLogDefaults']

export const DEFAULT_QUICK_LOG: QuickLogDefaults = { kind: 'self', hours: 1, platform: '学习强国', laws: [] }

export interface Roster {
  persons: Person[]
  sections: Section[]
}


const today = (): string => localIsoDate(new Date())

export const useActivitiesStore = defineStore('activities', () => {
  const ledger = useLedgerStore()
  const mine = liveDataKeyed(
    () => ledger.identity,
    async (id) => (id ? (await activitiesOfPerson(getDb(), id)).sort(newestFirst) : []),
    [] as Activity[],
  )
  const isKeeper = computed(() => ledger.isKeeper)

  /** One person's records (every year), newest first. */
  function livePerson(personId: () => string | null): LiveData<Activity[]> {
    return liveDataKeyed(personId, async (id) => (id ? (await activitiesOfPerson(getDb(), id)).sort(newestFirst) : []), [])
  }

  /** One live record as the views show it (with the keeper's review outcome); null when missing or deleted. */
  function liveActivity(id: () => string): LiveData<Activity | null> {
    return liveDataKeyed(id, (k) => activityForView(getDb(), k), null)
  }

  /** Persons and sections, for pickers and names. */
  function liveRoster(): LiveData<Roster> {
    return liveDataKeyed(() => 0, async () => {
      const db = getDb()
      const [persons, sections] = await Promise.all([listPersons(db), listSections(db)])
      return { persons, sections }
    }, { persons: [], sections: [] })
  }

  function liveTargetSets(): LiveData<TargetSet[]> {
    return liveDataKeyed(() => 0, () => listTargetSets(getDb()), [])
  }

  /** The earliest year that holds a record (this year when there is none). */
  async function earliestYear(): Promise<number> {
    const first = await getDb().activities.orderBy('date').first()
    const date = first && !isTombstone(first) ? first.date : today()
    return Math.min(yearOf(date), yearOf(today()))
  }

  /** Whether this device may change the record: the keeper any, others their own self/online study. */
  function canEdit(a: Pick<Activity, 'kind' | 'attendees'>): boolean {
    if (ledger.isKeeper) return true
    return PERSONAL_KINDS.includes(a.kind) && a.attendees.length === 1 && a.attendees[0] === ledger.identity
  }

  /**
   * The sheet's remembered choices; the save's meta rows are read with them (its save is then one round trip). The
   * write code loads with the sheet (its 记一笔 pointerdown fetches both), not with 首页.
   */
  async function loadQuickLogDefaults(): Promise<QuickLogDefaults> {
    const { readForSave } = await import('@/db/writes')
    const [remembered] = await readForSave(getDb(), ['quickLogDefaults'])
    return { ...DEFAULT_QUICK_LOG, ...(remembered ?? {}) }
  }

  return {
    mine,
    isKeeper,
    livePerson,
    liveActivity,
    liveRoster,
    liveTargetSets,
    earliestYear,
    canEdit,
    loadQuickLogDefaults,
  }
})
