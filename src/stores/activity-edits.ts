/**
 * 学法活动 changes: saving one record (validated, one transaction), the quick log with its remembered
 * choices, the duplicate warning, deleting (a tombstone) and 撤销 (a new record). Loaded with the pages
 * and sheets that change records, not with 首页's first screen (docs/PERFORMANCE.md).
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import {
  activitiesBetween,
  CLOCK_KEYS,
  commitChanges,
  getDb,
  getMetas,
  inSaveTransaction,
  live,
  randomId,
  writeStamped,
} from '@/db'
import {
  findLikelyDuplicates,
  normaliseActivityInput,
  quickLogActivity,
  validateActivity,
  type ActivityInput,
  type QuickLogInput,
} from '@/domain/activity-input'
import { localIsoDate } from '@/domain/dates'
import { InputError } from '@/domain/input-error'
import { isTombstone, type Activity, type Person } from '@/domain/types'
import { DEFAULT_QUICK_LOG, useActivitiesStore, type QuickLogDefaults } from './activities'
import { useLedgerStore } from './ledger'

/** A bad input: `message` is the zh-CN sentence to show; nothing was written. */
export class ActivityInputError extends InputError {
  override name = 'ActivityInputError'
}

const today = (): string => localIsoDate(new Date())

export const useActivityEditsStore = defineStore('activity-edits', () => {
  const ledger = useLedgerStore()
  const activities = useActivitiesStore()
  /** The record deleted last, for 撤销. */
  const lastRemoved = shallowRef<Activity | null>(null)

  /** Records that look like the same study already entered (same person, date, kind, hours). */
  async function findDuplicates(input: ActivityInput): Promise<Activity[]> {
    const record = normaliseActivityInput(input)
    // My own study: my records are already in memory; no need to read the whole unit's day.
    if (activities.mine.isLoaded && record.attendees.length === 1 && record.attendees[0] === ledger.identity) {
      return findLikelyDuplicates(record, activities.mine.data.filter((a) => a.date === record.date))
    }
    const sameDay = live(await activitiesBetween(getDb(), input.date, input.date))
    return findLikelyDuplicates(record, sameDay)
  }

  /** Throws ActivityInputError unless this device may write the record and it passes every check. */
  function check(record: ActivityInput, on: string, attendees: Person[]): void {
    if (!activities.canEdit(record)) throw new ActivityInputError('只有台账管理员可以登记或修改集体学习记录')
    const message = validateActivity(record, { today: on, persons: attendees })
    if (message !== null) throw new ActivityInputError(message)
  }

  /** Validates against the roster and writes inside the caller's transaction; returns the record id. */
  async function checkedPut(input: ActivityInput, on: string): Promise<string> {
    const db = getDb()
    const record = normaliseActivityInput(input)
    // Only the attendees' own rows are needed to validate them (not the whole roster).
    check(record, on, live((await db.persons.bulkGet(record.attendees)).filter((p) => p !== undefined)))
    const id = record.id ?? randomId('a')
    if (record.id !== undefined) {
      const old = await db.activities.get(record.id)
      if (old === undefined || isTombstone(old)) throw new ActivityInputError('这条记录已被删除，无法修改')
      if (!activities.canEdit(old)) throw new ActivityInputError('只有台账管理员可以修改这条记录')
    }
    await commitChanges(db, [{ table: 'activities', put: [{ ...record, id }] }])
    return id
  }

  /**
   * Validates, then saves one activity (new or edited) in one transaction. Throws ActivityInputError.
   * The async wrapper matters: Dexie keeps its transaction zone across awaits of async functions only.
   */
  async function saveActivity(input: ActivityInput, on = today()): Promise<string> {
    const db = getDb()
    return db.transaction('rw', [db.activities, db.persons, db.meta], async () => await checkedPut(input, on))
  }

  /**
   * Logs self/online study for "me" and remembers the choices, in one transaction of two round trips
   * (my row with the meta rows it needs; every write): the quick log's budget is 50 ms on a slow phone
   * (docs/PERFORMANCE.md).
   */
  async function quickLog(q: QuickLogInput, on = today()): Promise<string> {
    const me = ledger.identity
    if (!me) throw new ActivityInputError('请先在“我的”中选择“我是谁”')
    const record = normaliseActivityInput(quickLogActivity(q, me))
    const db = getDb()
    return inSaveTransaction(db, ['activities', 'persons'], async () => {
      const [person, [prev, ...clock]] = await Promise.all([
        db.persons.get(me),
        getMetas(db, ['quickLogDefaults', ...CLOCK_KEYS] as const),
      ])
      check(record, on, person === undefined ? [] : live([person]))
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

  /** Deletes a record (a tombstone that travels); keeps a copy for 撤销. */
  async function removeActivity(id: string): Promise<Activity> {
    const db = getDb()
    const row = await db.activities.get(id)
    if (row === undefined || isTombstone(row)) throw new ActivityInputError('这条记录已被删除')
    if (!activities.canEdit(row)) throw new ActivityInputError('只有台账管理员可以删除这条记录')
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

  return { lastRemoved, findDuplicates, saveActivity, quickLog, removeActivity, restoreAsNew }
})
