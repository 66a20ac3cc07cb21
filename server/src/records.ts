/**
 * Push and pull on the record model (docs/spec/sync-api.md). Per unit, every stored version takes the next
 * value of the unit's counter `units.seq`, assigned while the push holds that unit row's lock (SELECT … FOR
 * UPDATE) and committed with it. So a version with seq n is visible only after every version with a smaller seq
 * of that unit committed: a pull that asks "seq > cursor" never skips a row committed out of order.
 */
import type pg from 'pg'
import { ApiError } from './errors'
import { inTransaction } from './storage'
import type { Device } from './devices'
import { movedPersons, ownersOf, renumberOwned, toPgArray } from './owners'
import { admitWrite, isVisible, scopeContext, type ScopeContext } from '../../src/domain/access/scope'
import { wins } from '../../src/domain/ledger/merge'
import { parseStamp } from '../../src/domain/ledger/hlc'
import { validateTable, type TableWording } from '../../src/domain/ledger/record-schemas'
import { findForbiddenKey } from '../../src/domain/ledger/schema'
import {
  MAX_BATCH_RECORDS,
  MAX_CLOCK_AHEAD_MS,
  MAX_PULL_RECORDS,
  type PullResponse,
  type PushResponse,
  type RecordBatch,
  type RejectedRecord,
} from '../../src/domain/sync/protocol'
import { TABLE_NAMES, isTombstone, type Activity, type Exam, type Person, type StoredRecord, type TableName } from '../../src/domain/model/types'

type Rec = StoredRecord<object> & { id: string; updatedAt: string }

const WORDING: TableWording = { source: '上传的数据中', advice: '本次同步未保存任何记录。请更新应用后重试。' }

/** Checks a push body: known tables, every record valid under the ledger schema, stamps not from the future. */
export function readPushBody(body: unknown, nowMs: number): Map<TableName, Rec[]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, '上传的数据格式不正确。')
  const records = (body as { records?: unknown }).records
  if (typeof records !== 'object' || records === null || Array.isArray(records)) throw new ApiError(400, '上传的数据中缺少记录。')
  const forbidden = findForbiddenKey(records)
  if (forbidden) throw new ApiError(400, '上传的数据中含有不允许的字段名，已拒绝。')
  const out = new Map<TableName, Rec[]>()
  let count = 0
  for (const [table, list] of Object.entries(records)) {
    if (!(TABLE_NAMES as readonly string[]).includes(table)) throw new ApiError(400, `上传的数据中含有无法识别的数据表「${table.slice(0, 40)}」。请更新应用后重试。`)
    const problem = validateTable(table as TableName, list, WORDING)
    if (problem) throw new ApiError(400, problem)
    count += (list as Rec[]).length
    out.set(table as TableName, list as Rec[])
  }
  if (count > MAX_BATCH_RECORDS) throw new ApiError(413, `一次最多上传 ${MAX_BATCH_RECORDS} 条记录，本次有 ${count} 条。请更新应用后重试。`)
  for (const list of out.values()) for (const r of list) checkClock(r, nowMs)
  return out
}

function checkClock(r: Rec, nowMs: number): void {
  const wall = parseStamp(r.updatedAt)?.wallMs ?? 0
  if (wall - nowMs > MAX_CLOCK_AHEAD_MS) {
    const days = Math.round((wall - nowMs) / 86_400_000)
    throw new ApiError(
      400,
      `记录的修改时间比同步服务的时间晚了约 ${days} 天，手机的日期可能设置错了。请把手机设为自动设置日期和时间后再同步；记录仍保存在本机，不会丢失。`,
    )
  }
}

/** The year a record is read under for the county figures (activities: their first day; exams: their year). */
function yearOf(table: TableName, r: Rec): number | null {
  if (isTombstone(r)) return null
  if (table === 'activities') return Number((r as unknown as Activity).date.slice(0, 4))
  if (table === 'exams') return (r as unknown as Exam).year
  return null
}

async function readExisting(c: pg.PoolClient, unitId: string, table: TableName, ids: string[]): Promise<Map<string, Rec>> {
  const { rows } = await c.query<{ body: string }>('SELECT body FROM records WHERE unit_id = $1 AND tbl = $2 AND id = ANY($3::text[])', [unitId, table, ids])
  return new Map(rows.map((r) => { const rec = JSON.parse(r.body) as Rec; return [rec.id, rec] }))
}

interface Winner {
  table: TableName
  record: Rec
}

/** Admission (the scope rule) and the merge rule against what the unit holds; nothing written yet. */
async function decide(c: pg.PoolClient, device: Device, unitId: string, batch: Map<TableName, Rec[]>) {
  const winners: Winner[] = []
  const rejected: RejectedRecord[] = []
  const adjusted: RecordBatch = {}
  const moved: string[] = []
  let unchanged = 0
  for (const [table, list] of batch) {
    if (list.length === 0) continue
    const existing = await readExisting(c, unitId, table, list.map((r) => r.id))
    const before = winners.length
    for (const incoming of list) {
      const verdict = admitWrite(device.scope, table, incoming, existing.get(incoming.id))
      if (!verdict.ok) {
        rejected.push({ table, id: incoming.id, reason: verdict.reason })
        continue
      }
      const record = verdict.record as Rec
      const local = existing.get(incoming.id)
      if (local && !wins(local, record)) {
        unchanged++
        continue
      }
      if (JSON.stringify(record) !== JSON.stringify(incoming)) ((adjusted[table] ??= []) as Rec[]).push(record)
      winners.push({ table, record })
    }
    if (table === 'persons') moved.push(...movedPersons(winners.slice(before), existing))
  }
  return { winners, rejected, adjusted, unchanged, moved }
}

async function store(c: pg.PoolClient, unitId: string, firstSeq: number, winners: Winner[]): Promise<void> {
  for (let i = 0; i < winners.length; i += 500) {
    const part = winners.slice(i, i + 500)
    await c.query(
      `INSERT INTO records (unit_id, tbl, id, updated_at, deleted, seq, body, yr, owners)
       SELECT $1, tbl, id, updated_at, deleted, seq, body, yr, owners::text[]
         FROM unnest($2::text[], $3::text[], $4::text[], $5::boolean[], $6::bigint[], $7::text[], $8::integer[], $9::text[])
           AS t(tbl, id, updated_at, deleted, seq, body, yr, owners)
       ON CONFLICT (unit_id, tbl, id) DO UPDATE SET updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted,
         seq = EXCLUDED.seq, body = EXCLUDED.body, yr = EXCLUDED.yr, owners = EXCLUDED.owners`,
      [
        unitId,
        part.map((w) => w.table),
        part.map((w) => w.record.id),
        part.map((w) => w.record.updatedAt),
        part.map((w) => isTombstone(w.record)),
        part.map((_, j) => String(firstSeq + i + j)),
        part.map((w) => JSON.stringify(w.record)),
        part.map((w) => yearOf(w.table, w.record)),
        part.map((w) => toPgArray(ownersOf(w.table, w.record))),
      ],
    )
  }
}

/**
 * One push, all or nothing: a record outside the device's scope refuses the whole batch (403). When a person's
 * section changes (or she is added or restored), her personal records and exam results are numbered again after
 * the winners, so every device whose scope now covers her pulls them on its next pull.
 */
export async function pushRecords(db: pg.Pool, device: Device, unitId: string, batch: Map<TableName, Rec[]>): Promise<PushResponse> {
  return inTransaction(db, async (c) => {
    const lock = await c.query<{ seq: string }>('SELECT seq FROM units WHERE id = $1 FOR UPDATE', [unitId])
    if (!lock.rows[0]) throw new ApiError(403, '同步服务上没有本单位，请重新连接。')
    const { winners, rejected, adjusted, unchanged, moved } = await decide(c, device, unitId, batch)
    if (rejected.length) {
      throw new ApiError(403, `有 ${rejected.length} 条记录超出本设备的权限，本次同步未保存任何记录：${rejected[0].reason}`, { rejected })
    }
    if (winners.length) {
      const first = Number(lock.rows[0].seq) + 1
      await store(c, unitId, first, winners)
      const renumbered = await renumberOwned(c, unitId, moved, first + winners.length)
      await c.query('UPDATE units SET seq = $2, changed_at = now() WHERE id = $1', [unitId, first + winners.length + renumbered - 1])
    }
    return { stored: winners.length, unchanged, adjusted }
  })
}

/** The live persons of a unit (the roster the scope rule reads sections from). */
export async function readPersons(db: pg.Pool | pg.PoolClient, unitId: string): Promise<Person[]> {
  const { rows } = await db.query<{ body: string }>("SELECT body FROM records WHERE unit_id = $1 AND tbl = 'persons' AND NOT deleted", [unitId])
  return rows.map((r) => JSON.parse(r.body) as Person)
}

const CURSOR = /^\d{1,15}$/

/** A pull's `limit`: 1 to MAX_PULL_RECORDS, MAX_BATCH_RECORDS when absent. */
export function readPullLimit(raw: unknown): number {
  if (raw === undefined || raw === '') return MAX_BATCH_RECORDS
  const n = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : NaN
  if (!(n >= 1 && n <= MAX_PULL_RECORDS)) throw new ApiError(400, `每页记录数无效，应为 1–${MAX_PULL_RECORDS} 之间的整数。请更新应用后重试。`)
  return n
}

/** One page of what changed after `since`, cut to the device's scope. */
export async function pullRecords(db: pg.Pool, device: Device, unitId: string, since: string, limit = MAX_BATCH_RECORDS): Promise<PullResponse> {
  if (!CURSOR.test(since)) throw new ApiError(400, '同步位置无效，请在“同步”页点“立即同步”重试。')
  const unit = await db.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE id = $1', [unitId])
  if (!unit.rows[0]) throw new ApiError(403, '同步服务上没有本单位，请重新连接。')
  const { rows } = await db.query<{ tbl: TableName; body: string; seq: string }>(
    'SELECT tbl, body, seq FROM records WHERE unit_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [unitId, since, limit],
  )
  let ctx: ScopeContext | null = null
  if (device.scope.role === 'sectionHead') ctx = scopeContext(await readPersons(db, unitId))
  const none: ScopeContext = { sectionOf: () => undefined }
  const records: RecordBatch = {}
  for (const row of rows) {
    const rec = JSON.parse(row.body) as Rec
    if (device.scope.role !== 'keeper' && !isVisible(device.scope, row.tbl, rec, ctx ?? none)) continue
    ;((records[row.tbl] ??= []) as Rec[]).push(rec)
  }
  return {
    records,
    cursor: rows.length ? rows[rows.length - 1].seq : since,
    more: rows.length === limit,
    scope: device.scope,
    asOf: new Date().toISOString(),
    unit: unit.rows[0],
  }
}
