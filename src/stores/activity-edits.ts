/**
 * 学法活动 changes: saving one record (validated, one transaction), the quick log with its remembered
 * choices, the duplicate warning, deleting (a tombstone) and 撤销 (a new record). Loaded with the pages
 * and sheets that change records, not with 首页's first screen (docs/PERFORMANCE.md).
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import {
  activitiesBetween,
  commitChanges,
  getDb,
  live,
  randomId,
  saveChecked,
} from '@/db'
import {
  findLikelyDuplicates,
  normaliseActivityInput,
  quickLogActivity,
  validateActivity,
  type ActivityInput,
  type QuickLogInput,
} from '@/domain/input/activity-input'
import { localIsoDate } from '@/domain/model/dates'
import { InputError } from '@/domain/input/input-error'
import { isTombstone, type Activity, type Person } from '@/domain/model/types'
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

  /**
   * Validates, then saves one activity (new or edited) in one transaction: the attendees' own rows (not the
   * whole roster) and, for an edit, the stored record are read and checked first. Throws ActivityInputError.
   */
  async function saveActivity(input: ActivityInput, on = today()): Promise<string> {
    const db = getDb()
    const record = normaliseActivityInput(input)
    const id = record.id ?? randomId('a')
    await saveChecked(db, {
      tables: ['activities', 'persons'],
      metaKeys: [],
      read: () => Promise.all([db.persons.bulkGet(record.attendees), record.id === undefined ? undefined : db.activities.get(record.id)]),
      check: ([attendees, old]) => {
        check(record, on, live(attendees.filter((p) => p !== undefined)))
        if (record.id === undefined) return
        if (old === undefined || isTombstone(old)) throw new ActivityInputError('这条记录已被删除，无法修改')
        if (!activities.canEdit(old)) throw new ActivityInputError('只有台账管理员可以修改这条记录')
      },
      plan: () => ({ changes: [{ table: 'activities', put: [{ ...record, id }] }] }),
    })
    return id
  }

  /**
   * Logs self/online study for "me" and remembers the choices, in one transaction that reads my row and
   * writes: one round trip when the meta rows are remembered (the sheet reads them when it opens). The
   * quick log's budget is 50 ms on a slow phone (docs/PERFORMANCE.md).
   */
  async function quickLog(q: QuickLogInput, on = today()): Promise<string> {
    const me = ledger.identity
    if (!me) throw new ActivityInputError('请先在“我的”中选择“我是谁”')
    const record = normaliseActivityInput(quickLogActivity(q, me))
    const db = getDb()
    const id = randomId('a')
    await saveChecked(db, {
      tables: ['activities', 'persons'],
      metaKeys: ['quickLogDefaults'],
      read: () => db.persons.get(me),
      check: (person) => check(record, on, person === undefined ? [] : live([person])),
      plan: ([prev]) => {
        const remembered: QuickLogDefaults = {
          kind: q.kind,
          hours: q.hours,
          platform: q.kind === 'online' ? q.platform : (prev ?? DEFAULT_QUICK_LOG).platform,
          laws: [...q.laws],
        }
        return { changes: [{ table: 'activities', put: [{ ...record, id }] }], meta: { quickLogDefaults: remembered } }
      },
    })
    return id
  }

  /** Deletes a record (a tombstone that travels); keeps a copy for 撤销. */
  async function removeActivity(id: string): Promise<Activity> {
    const db = getDb()
    const found: { row?: Activity } = {}
    await saveChecked(db, {
      tables: ['activities'],
      metaKeys: [],
      read: () => db.activities.get(id),
      check: (row) => {
        if (row === undefined || isTombstone(row)) throw new ActivityInputError('这条记录已被删除')
        if (!activities.canEdit(row)) throw new ActivityInputError('只有台账管理员可以删除这条记录')
        found.row = row
      },
      plan: () => ({ changes: [{ table: 'activities', remove: [id] }] }),
    })
    const removed = found.row as Activity // set by the check, or the save threw
    lastRemoved.value = removed
    return removed
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
