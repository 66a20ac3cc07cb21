/**
 * The device's side of live sync: the outbox of changes the service has not confirmed, the records a pull
 * brings (merged by the merge rule, one transaction per page, with the cursor), and the connection rows.
 * Nothing here talks to the network (src/sync/engine.ts does).
 */
import type { LedgerDB, OutboxRow } from './database'
import { getMeta, setMeta } from './meta'
import type { MergeSummary } from './merge-records'
import { mergePulledPage } from './pulled-page'
import { outboxRows } from './writes'
import { admitWrite, coversPerson, isVisible, scopeContext, type Scope } from '../domain/access/scope'
import { addHeldScope } from '../domain/access/held-scopes'
import { INITIAL_SYNC_STATE, type SyncConnection, type SyncState } from '../domain/sync/state'
import type { PullResponse, RecordBatch, RejectedRecord } from '../domain/sync/protocol'
import { TABLE_NAMES, type Activity, type ExamResult, type LedgerRecords, type StoredRecord, type TableName } from '../domain/model/types'

type Rec = StoredRecord<object> & { id: string; updatedAt: string }

function recordTables(db: LedgerDB) {
  return TABLE_NAMES.map((t) => db.table(t))
}

export async function readSyncRows(db: LedgerDB): Promise<{ connection: SyncConnection | null; state: SyncState }> {
  const [connection, state] = await Promise.all([getMeta(db, 'syncConnection'), getMeta(db, 'syncState')])
  return { connection: connection ?? null, state: { ...INITIAL_SYNC_STATE, ...(state ?? {}) } }
}

export function pendingCount(db: LedgerDB): Promise<number> {
  return db.outbox.count()
}

export interface OutboxBatch {
  rows: OutboxRow[]
  records: RecordBatch
  /** Rows whose record this device's scope may not write: never sent. */
  refused: OutboxRow[]
}

/** Roster tables go first: a section head must never be sent a record before the person it belongs to. */
const ROSTER_FIRST = ['sections/', 'persons/']

async function nextOutboxRows(db: LedgerDB, limit: number): Promise<OutboxRow[]> {
  const rows: OutboxRow[] = []
  for (const prefix of ROSTER_FIRST) {
    if (rows.length < limit) rows.push(...(await db.outbox.where('key').startsWith(prefix).limit(limit - rows.length).toArray()))
  }
  if (rows.length < limit) {
    const taken = new Set(rows.map((r) => r.key))
    const rest = await db.outbox.limit(limit).toArray()
    rows.push(...rest.filter((r) => !taken.has(r.key)).slice(0, limit - rows.length))
  }
  return rows
}

/**
 * The next records to push (the roster first), read in one transaction; records the scope may not write are
 * set aside.
 */
export async function readOutboxBatch(db: LedgerDB, scope: Scope, limit: number): Promise<OutboxBatch> {
  return db.transaction('r', [...recordTables(db), db.outbox], async () => {
    const rows = await nextOutboxRows(db, limit)
    const byTable = new Map<TableName, OutboxRow[]>()
    for (const r of rows) {
      const list = byTable.get(r.table)
      if (list) list.push(r)
      else byTable.set(r.table, [r])
    }
    const records: RecordBatch = {}
    const sent: OutboxRow[] = []
    const refused: OutboxRow[] = []
    for (const table of TABLE_NAMES) {
      const list = byTable.get(table)
      if (!list) continue
      const recs = (await db.table(table).bulkGet(list.map((r) => r.id))) as (Rec | undefined)[]
      list.forEach((row, i) => {
        const rec = recs[i]
        if (!rec) return refused.push(row)
        if (!admitWrite(scope, table, rec, rec).ok) return refused.push(row)
        ;((records[table] ??= []) as Rec[]).push(rec)
        sent.push(row)
      })
    }
    return { rows: sent, records, refused }
  })
}

/**
 * After the service confirmed a push: drops the rows still at the stamp that was sent (a record edited during
 * the push stays queued), keeps the service's form of records it adjusted (an official's record arrives as 自报,
 * same stamp), and sets aside rows the service will never take.
 */
export async function confirmPushed(db: LedgerDB, sent: OutboxRow[], adjusted: RecordBatch, refused: OutboxRow[] = []): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.outbox, db.meta], async () => {
    const current = await db.outbox.bulkGet(sent.map((r) => r.key))
    const done = sent.filter((r, i) => current[i]?.updatedAt === r.updatedAt).map((r) => r.key)
    await db.outbox.bulkDelete([...done, ...refused.map((r) => r.key)])
    for (const table of TABLE_NAMES) {
      const list = (adjusted[table] ?? []) as Rec[]
      if (!list.length) continue
      const locals = (await db.table(table).bulkGet(list.map((r) => r.id))) as (Rec | undefined)[]
      const same = list.filter((r, i) => locals[i]?.updatedAt === r.updatedAt)
      if (same.length) await db.table(table).bulkPut(same)
    }
    if (refused.length) {
      const state = { ...INITIAL_SYNC_STATE, ...((await getMeta(db, 'syncState')) ?? {}) }
      await setMeta(db, 'syncState', { ...state, refused: state.refused + refused.length })
    }
  })
}

/** Rows named by the service as outside the scope (a 403 with `rejected`): no longer queued. */
export async function setAsideRejected(db: LedgerDB, rejected: RejectedRecord[]): Promise<void> {
  const keys = rejected.map((r) => `${r.table}/${r.id}`)
  const rows = (await db.outbox.bulkGet(keys)).filter((r): r is OutboxRow => r !== undefined)
  await confirmPushed(db, [], {}, rows)
}

function asRecords(batch: RecordBatch): LedgerRecords {
  const out = {} as Record<TableName, unknown[]>
  for (const t of TABLE_NAMES) out[t] = (batch[t] ?? []) as unknown[]
  return out as unknown as LedgerRecords
}

/**
 * After a page moved persons: drops from this device the personal records and exam results of persons its scope
 * no longer covers (a person who left the head's section, or left the roster). Not a deletion of the ledger: no
 * tombstone, nothing queued, the service and the keeper keep them; the service no longer sends this device their
 * changes, so a copy kept here would go stale. A record with an unsent change of this device stays. Returns the
 * number of rows dropped.
 */
async function dropUncovered(db: LedgerDB, scope: Scope, personIds: string[]): Promise<number> {
  if (scope.role === 'keeper' || personIds.length === 0) return 0
  const ctx = scopeContext(await db.persons.toArray())
  const lost = personIds.filter((id) => !coversPerson(scope, id, ctx))
  if (lost.length === 0) return 0
  const [acts, results] = await Promise.all([
    db.activities.where('attendees').anyOf(lost).toArray() as Promise<Activity[]>,
    db.examResults.where('personId').anyOf(lost).toArray() as Promise<ExamResult[]>,
  ])
  const gone = (table: TableName, list: StoredRecord<object>[]) =>
    [...new Set(list.filter((r) => !isVisible(scope, table, r, ctx)).map((r) => (r as { id: string }).id))]
  const goneActs = gone('activities', acts)
  const goneResults = gone('examResults', results)
  const queued = new Set(
    (await db.outbox.bulkGet([...goneActs.map((id) => `activities/${id}`), ...goneResults.map((id) => `examResults/${id}`)]))
      .filter((r): r is OutboxRow => r !== undefined)
      .map((r) => r.key),
  )
  const dropActs = goneActs.filter((id) => !queued.has(`activities/${id}`))
  const dropResults = goneResults.filter((id) => !queued.has(`examResults/${id}`))
  await Promise.all([db.activities.bulkDelete(dropActs), db.examResults.bulkDelete(dropResults)])
  return dropActs.length + dropResults.length
}

/**
 * Merges one pulled page (`mergePulledPage`: what this device does not hold is added without a read) and stores
 * its cursor, scope and time, in one transaction. When the page moved persons
 * (a section change), records this device's scope no longer covers are dropped (`dropUncovered`). The last page of
 * a pull completes the scope the service granted: the device holds it as of the service's time of that pull (held
 * scope source 'sync', docs/spec/scopes.md), so its views say "数据截至 …（来自同步）".
 */
export async function applyPulled(db: LedgerDB, page: PullResponse, source: string): Promise<MergeSummary> {
  return db.transaction('rw', [...recordTables(db), db.meta, db.outbox], async () => {
    const summary = await mergePulledPage(db, asRecords(page.records))
    await dropUncovered(db, page.scope, (page.records.persons ?? []).map((p) => p.id))
    const state = { ...INITIAL_SYNC_STATE, ...((await getMeta(db, 'syncState')) ?? {}) }
    await setMeta(db, 'syncState', { ...state, cursor: page.cursor, scope: page.scope, asOf: page.asOf, source, lastError: null, lastErrorAt: null })
    if (!page.more && page.scope.role !== 'county') {
      const held = (await getMeta(db, 'heldScopes')) ?? []
      await setMeta(db, 'heldScopes', addHeldScope(held, { scope: page.scope, asOf: page.asOf, source: 'sync' }))
    }
    return summary
  })
}

export async function noteSyncError(db: LedgerDB, message: string | null, nowIso: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const state = { ...INITIAL_SYNC_STATE, ...((await getMeta(db, 'syncState')) ?? {}) }
    await setMeta(db, 'syncState', { ...state, lastError: message, lastErrorAt: message ? nowIso : null })
  })
}

/**
 * Stores a new enrollment. A device with no ledger takes the service's unit and the enrolled person as "我是";
 * the device role follows the service role. Every record this device may write is queued for upload (a keeper's
 * whole ledger; an official's own records), and the cursor starts from the beginning.
 */
export async function saveConnection(db: LedgerDB, c: SyncConnection, scope: Scope): Promise<void> {
  await db.transaction('rw', [...recordTables(db), db.meta, db.outbox], async () => {
    const localUnit = await getMeta(db, 'unit')
    if (localUnit && c.unit && localUnit.id !== c.unit.id) {
      throw new Error(`本机的台账属于「${localUnit.name}」，与同步服务上的「${c.unit.name}」不是同一个单位，未连接。请在没有台账的手机上加入，或先在“数据”页备份后清空本机数据。`)
    }
    if (!localUnit && c.unit) await setMeta(db, 'unit', c.unit)
    if (c.personId) await setMeta(db, 'identity', c.personId)
    if (c.role !== 'county') await setMeta(db, 'deviceRole', c.role === 'keeper' ? 'keeper' : c.role === 'sectionHead' ? 'head' : 'person')
    await setMeta(db, 'syncConnection', c)
    await setMeta(db, 'syncState', { ...INITIAL_SYNC_STATE, source: c.base })
    await db.outbox.clear()
    if (c.role === 'county') return
    for (const table of TABLE_NAMES) {
      const all = (await db.table(table).toArray()) as Rec[]
      const mine = all.filter((r) => admitWrite(scope, table, r, r).ok)
      if (mine.length) await db.outbox.bulkPut(outboxRows(table, mine))
    }
  })
}

/** 断开: forgets the token and the cursor; the ledger on this phone stays as it is. */
export async function forgetConnection(db: LedgerDB): Promise<void> {
  await db.transaction('rw', db.meta, db.outbox, async () => {
    await db.meta.bulkDelete(['syncConnection', 'syncState'])
    await db.outbox.clear()
  })
}
