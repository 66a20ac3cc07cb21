/**
 * 学法活动 changes: saving one record (validated, one transaction), the quick log with its remembered
 * choices, the duplicate warning, deleting (a tombstone) and 撤销 (a new record). Loaded with the pages
 * and sheets that change records, not with 首页's first screen (docs/PERFORMANCE.md).
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { getDb, listTargetSets, live, randomId } from '@/db'
import { commitChanges, saveChecked } from '@/db/writes'
import { activitiesBetween } from '@/db/year-data'
import {
  findLikelyDuplicates,
  normaliseActivityInput,
  quickLogActivity,
  validateActivity,
  type ActivityInput,
  type QuickLogInput,
} from '@/domain/input/activity-input'
import { addDays, localIsoDate, yearOf } from '@/domain/model/dates'
import { InputError } from '@/domain/input/input-error'
import { checkDailyHours, type DailyVerdict } from '@/domain/input/daily-hours'
import { countingRulesFor } from '@/domain/measures/counting'
import { isTombstone, type Activity, type Person, type TargetSet } from '@/domain/model/types'
import { DEFAULT_QUICK_LOG, useActivitiesStore, type QuickLogDefaults } from './activities'
import { useLedgerStore } from './ledger'

/** A bad input: `message` is the zh-CN sentence to show; nothing was written. */
export class ActivityInputError extends InputError {
  override name = 'ActivityInputError'
}

const today = (): string => localIsoDate(new Date())

/** Records that may share a day with an activity of [from, to]: a multi-day one starts at most this many days before. */
const DAY_LOOKBACK = 92

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

  /**
   * A record saved on a device that is not the keeper's is 自报: it waits for the keeper's review, and an edit of a
   * record the keeper verified or returned sends it back (access/scope.ts admitWrite).
   */
  function asWritten(record: ActivityInput): ActivityInput {
    return ledger.isKeeper ? record : { ...record, review: 'selfReported', reviewNote: null }
  }

  /** The other records that may share a day with the record (one's own are in memory; others' are read). */
  async function neighbours(record: ActivityInput): Promise<Activity[]> {
    const isMine = record.attendees.length === 1 && record.attendees[0] === ledger.identity && activities.mine.isLoaded
    if (isMine) return activities.mine.data
    return activitiesBetween(getDb(), addDays(record.date, -DAY_LOOKBACK), record.endDate ?? record.date)
  }

  /**
   * The day check of a record about to be saved: over 24 学时 in one day for anyone is refused, over the year's
   * confirm line (计入规则, default 8) asks first. `targetSets` when the caller has them (the quick log).
   */
  async function checkDay(input: ActivityInput, names: ReadonlyMap<string, string> = new Map(), targetSets?: TargetSet[]): Promise<DailyVerdict> {
    const record = normaliseActivityInput(input)
    const sets = targetSets ?? (await listTargetSets(getDb()))
    const confirmAbove = countingRulesFor(sets, yearOf(record.date)).dailyConfirmHours
    const nameOf = (id: string) => (id === ledger.identity ? '您' : (names.get(id) ?? '有人'))
    return checkDailyHours(record, await neighbours(record), confirmAbove, nameOf)
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
    const record = asWritten(normaliseActivityInput(input))
    const id = record.id ?? randomId('a')
    const from = addDays(record.date, -DAY_LOOKBACK)
    await saveChecked(db, {
      tables: ['activities', 'persons'],
      metaKeys: [],
      read: () =>
        Promise.all([
          db.persons.bulkGet(record.attendees),
          record.id === undefined ? undefined : db.activities.get(record.id),
          activitiesBetween(db, from, record.endDate ?? record.date),
        ]),
      check: ([attendees, old, sameDays]) => {
        const persons = live(attendees.filter((p) => p !== undefined))
        check(record, on, persons)
        const day = checkDailyHours(record, sameDays, 24, (pid) => persons.find((p) => p.id === pid)?.name ?? '有人')
        if (day.kind === 'refuse') throw new ActivityInputError(day.message)
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
    const record = asWritten(normaliseActivityInput(quickLogActivity(q, me)))
    const day = checkDailyHours(record, activities.mine.data, 24, () => '您')
    if (day.kind === 'refuse') throw new ActivityInputError(day.message)
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

  return { lastRemoved, findDuplicates, checkDay, saveActivity, quickLog, removeActivity, restoreAsNew }
})
