/**
 * 学法活动: my records, everyone's records of a year, one record; saving
 * (validated, one transaction), deleting (a tombstone), undo (a new record),
 * and the quick log with its remembered defaults.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import {
  activitiesBetween,
  activitiesOfPerson,
  CLOCK_KEYS,
  commitChanges,
  getDb,
  getMeta,
  getMetas,
  inSaveTransaction,
  listPersons,
  listSections,
  listTargetSets,
  live,
  randomId,
  writeStamped,
  type MetaValues,
} from '@/db'
import type { ActivityInput, QuickLogInput } from '@/domain/activity-input'
import { localIsoDate, yearOf } from '@/domain/dates'
import { isTombstone, PERSONAL_KINDS, type Activity, type Person, type Section, type TargetSet } from '@/domain/types'
import { useLedgerStore } from './ledger'
import { liveDataKeyed } from './live-keyed'
import type { LiveData } from './live'
import { InputError } from '@/domain/input-error'

/** A bad input: `message` is the zh-CN sentence to show; nothing was written. */
export class ActivityInputError extends InputError {
  override name = 'ActivityInputError'
}

/** The checks of an input load with the first save (not with 首页). */
// Loaded before a transaction starts, never inside one (a module load may take a task, and IndexedDB
// commits a transaction that has nothing pending at the end of a task); kept once loaded.
type InputRules = typeof import('@/domain/activity-input')
let loadedRules: InputRules | null = null
async function inputRules(): Promise<InputRules> {
  return (loadedRules ??= await import('@/domain/activity-input'))
}

export type QuickLogDefaults = MetaValues['quickLogDefaults']

export const DEFAULT_QUICK_LOG: QuickLogDefaults = { kind: 'self', hours: 1, platform: '学习强国', laws: [] }

export interface Roster {
  persons: Person[]
  sections: Section[]
}

/** Newest first: date, then the last edit. */
export function byNewest(a: Activity, b: Activity): number {
  return b.date.localeCompare(a.date) || b.updatedAt.localeCompare(a.updatedAt)
}

const today = (): string => localIsoDate(new Date())

export const useActivitiesStore = defineStore('activities', () => {
  const ledger = useLedgerStore()
  /** The record deleted last, for 撤销. */
  const lastRemoved = shallowRef<Activity | null>(null)

  const mine = liveDataKeyed(
    () => ledger.identity,
    async (id) => (id ? (await activitiesOfPerson(getDb(), id)).sort(byNewest) : []),
    [] as Activity[],
  )
  const isKeeper = computed(() => ledger.isKeeper)

  /** One person's records (every year), newest first. */
  function livePerson(personId: () => string | null): LiveData<Activity[]> {
    return liveDataKeyed(personId, async (id) => (id ? (await activitiesOfPerson(getDb(), id)).sort(byNewest) : []), [])
  }

  /** One live record; null when it does not exist or was deleted. */
  function liveActivity(id: () => string): LiveData<Activity | null> {
    return liveDataKeyed(id, async (k) => {
      const row = await getDb().activities.get(k)
      return row === undefined || isTombstone(row) ? null : row
    }, null)
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

  /** Records that look like the same study already entered (same person, date, kind, hours). */
  async function findDuplicates(input: ActivityInput): Promise<Activity[]> {
    const { findLikelyDuplicates, normaliseActivityInput } = await inputRules()
    const record = normaliseActivityInput(input)
    // My own study: my records are already in memory; no need to read the whole unit's day.
    if (mine.isLoaded.value && record.attendees.length === 1 && record.attendees[0] === ledger.identity) {
      return findLikelyDuplicates(record, mine.data.value.filter((a) => a.date === record.date))
    }
    const sameDay = live(await activitiesBetween(getDb(), input.date, input.date))
    return findLikelyDuplicates(record, sameDay)
  }

  /** Throws ActivityInputError unless this device may write the record and it passes every check. */
  function check(rules: InputRules, record: ActivityInput, on: string, attendees: Person[]): void {
    if (!canEdit(record)) throw new ActivityInputError('只有台账管理员可以登记或修改集体学习记录')
    const message = rules.validateActivity(record, { today: on, persons: attendees })
    if (message !== null) throw new ActivityInputError(message)
  }

  /** Validates against the roster and writes inside the caller's transaction; returns the record id. */
  async function checkedPut(rules: InputRules, input: ActivityInput, on: string): Promise<string> {
    const db = getDb()
    const record = rules.normaliseActivityInput(input)
    // Only the attendees' own rows are needed to validate them (not the whole roster).
    check(rules, record, on, live((await db.persons.bulkGet(record.attendees)).filter((p) => p !== undefined)))
    const id = record.id ?? randomId('a')
    if (record.id !== undefined) {
      const old = await db.activities.get(record.id)
      if (old === undefined || isTombstone(old)) throw new ActivityInputError('这条记录已被删除，无法修改')
      if (!canEdit(old)) throw new ActivityInputError('只有台账管理员可以修改这条记录')
    }
    await commitChanges(db, [{ table: 'activities', put: [{ ...record, id }] }])
    return id
  }

  /**
   * Validates, then saves one activity (new or edited) in one transaction. Throws ActivityInputError.
   * The async wrapper matters: Dexie keeps its transaction zone across awaits of async functions only.
   */
  async function saveActivity(input: ActivityInput, on = today()): Promise<string> {
    const rules = await inputRules()
    const db = getDb()
    return db.transaction('rw', [db.activities, db.persons, db.meta], async () => await checkedPut(rules, input, on))
  }

  /**
   * Logs self/online study for "me" and remembers the choices, in one transaction of two round trips
   * (my row with the meta rows it needs; every write): the quick log's budget is 50 ms on a slow phone
   * (docs/PERFORMANCE.md).
   */
  async function quickLog(q: QuickLogInput, on = today()): Promise<string> {
    const me = ledger.identity
    if (!me) throw new ActivityInputError('请先在“我的”中选择“我是谁”')
    const rules = await inputRules()
    const record = rules.normaliseActivityInput(rules.quickLogActivity(q, me))
    const db = getDb()
    return inSaveTransaction(db, ['activities', 'persons'], async () => {
      const [person, [prev, ...clock]] = await Promise.all([
        db.persons.get(me),
        getMetas(db, ['quickLogDefaults', ...CLOCK_KEYS] as const),
      ])
      check(rules, record, on, person === undefined ? [] : live([person]))
      const id = randomId('a')
      const remembered: QuickLogDefaults = {
        kind: q.kind,
        hours: q.hours,
        platform: q.kind === 'online' ? q.platform : (prev ?? DEFAULT_QUICK_LOG).platform,
        laws: [...q.laws],
      }
      await writeStamped(db, [{ table: 'activities', put: [{ ...record, id }] }], clock, { quickLogDefaults: remembered })
      return id
    })
  }

  async function loadQuickLogDefaults(): Promise<QuickLogDefaults> {
    return { ...DEFAULT_QUICK_LOG, ...((await getMeta(getDb(), 'quickLogDefaults')) ?? {}) }
  }

  /** Deletes a record (a tombstone that travels); keeps a copy for 撤销. */
  async function removeActivity(id: string): Promise<Activity> {
    const db = getDb()
    const row = await db.activities.get(id)
    if (row === undefined || isTombstone(row)) throw new ActivityInputError('这条记录已被删除')
    if (!canEdit(row)) throw new ActivityInputError('只有台账管理员可以删除这条记录')
    await commitChanges(db, [{ table: 'activities', remove: [id] }])
    lastRemoved.value = row
    return row
  }

  /** 撤销: the deleted record comes back under a new id (a tombstone stays a tombstone). */
  async function restoreAsNew(activity: Activity): Promise<string> {
    const { updatedAt: _u, id: _old, ...rest } = activity
    const id = randomId('a')
    await commitChanges(getDb(), [{ table: 'activities', put: [{ ...rest, id }] }])
    if (lastRemoved.value?.id === activity.id) lastRemoved.value = null
    return id
  }

  return {
    mine,
    isKeeper,
    lastRemoved,
    livePerson,
    liveActivity,
    liveRoster,
    liveTargetSets,
    earliestYear,
    canEdit,
    findDuplicates,
    saveActivity,
    quickLog,
    loadQuickLogDefaults,
    removeActivity,
    restoreAsNew,
  }
})
