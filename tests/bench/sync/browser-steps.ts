/**
 * The sync bench's steps that run in Chromium, in the bench harness page (tests/bench/harness.ts puts them on
 * `window.bench`) served by the sync service itself, so the app's own sync client (src/sync/engine.ts over
 * src/db) talks to the service on the page's origin, as the installed app does. Timing is performance.now() in
 * the page.
 */
import { LedgerDB } from '@/db/database'
import { readAllRecords } from '@/db/ledger-read'
import { recordsHash } from '@/domain/ledger/canonical'
import { joinWithInvitation, syncOnce } from '@/sync/engine'
import { applyPulled, readSyncRows } from '@/db/sync-store'
import { MAX_PULL_RECORDS, type PullResponse } from '@/domain/sync/protocol'

/** SHA-256 of the canonical JSON of the whole ledger: two devices hold the same ledger when theirs are equal. */
const ledgerHash = async (db: LedgerDB): Promise<string> => recordsHash(await readAllRecords(db))

interface Wire {
  requests: number
  /**
   * Request sent → whole body received (the service's work and the transfer), summed over the requests. The
   * engine asks for the next page while it merges one, so most of it overlaps the merges.
   */
  waitMs: number
  bytes: number
}

/** A fetch that reads each answer whole and counts the time each one took. */
function countingFetch(wire: Wire): typeof fetch {
  return async (input, init) => {
    const t0 = performance.now()
    const res = await fetch(input, init)
    const body = await res.text()
    wire.waitMs += performance.now() - t0
    wire.requests++
    wire.bytes += body.length
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers })
  }
}

async function deleteDb(name: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = () => resolve()
    req.onerror = () => reject(req.error)
  })
}

/**
 * A new keeper device's first full sync: join with the invitation code, then one sync (every page after cursor
 * 0, each merged with its cursor in one transaction), into an empty database `name`.
 */
async function fullSync(code: string, name: string): Promise<{ ms: number; pulled: number; wire: Wire }> {
  await deleteDb(name)
  const db = new LedgerDB(name)
  await db.open()
  const wire: Wire = { requests: 0, waitMs: 0, bytes: 0 }
  const f = countingFetch(wire)
  ;(globalThis as { gc?: () => void }).gc?.()
  const t0 = performance.now()
  // The service's origin: the harness page lives under /bench/, the API under /api/.
  await joinWithInvitation(db, { base: `${location.origin}/`, label: 'bench', nowIso: new Date().toISOString(), code, fetch: f })
  const out = await syncOnce(db, { fetch: f })
  const ms = performance.now() - t0
  db.close()
  return { ms, pulled: out.pulled, wire }
}

/** The ledger hash of two databases (records only): the synced copy must equal the imported one. */
async function sameLedger(a: string, b: string): Promise<{ same: boolean; hash: string }> {
  const [da, dbb] = [new LedgerDB(a), new LedgerDB(b)]
  try {
    const [ha, hb] = [await ledgerHash(da), await ledgerHash(dbb)]
    return { same: ha === hb, hash: ha }
  } finally {
    da.close()
    dbb.close()
  }
}

/**
 * Where a full sync's time goes, with the app's own functions and pages of the app's size, one step after the
 * other (no request overlaps a merge here): the requests (service and transfer), the JSON parse, and applyPulled
 * (each page's merge transaction with its cursor).
 */
async function fullSyncBreakdown(code: string, name: string): Promise<Record<string, number>> {
  await deleteDb(name)
  const db = new LedgerDB(name)
  await db.open()
  const out: Record<string, number> = { pages: 0, fetchMs: 0, parseMs: 0, applyMs: 0, readStateMs: 0 }
  const t0 = performance.now()
  const c = await joinWithInvitation(db, { base: `${location.origin}/`, label: 'bench', nowIso: new Date().toISOString(), code })
  out.joinMs = performance.now() - t0
  for (;;) {
    let t = performance.now()
    const { state } = await readSyncRows(db)
    out.readStateMs += performance.now() - t
    t = performance.now()
    const res = await fetch(`${location.origin}/api/sync/pull?since=${state.cursor}&limit=${MAX_PULL_RECORDS}`, { headers: { Authorization: `Bearer ${c.token}` } })
    const text = await res.text()
    out.fetchMs += performance.now() - t
    t = performance.now()
    const page = JSON.parse(text) as PullResponse
    out.parseMs += performance.now() - t
    t = performance.now()
    await applyPulled(db, page, c.base)
    out.applyMs += performance.now() - t
    out.pages++
    if (!page.more) break
  }
  out.totalMs = performance.now() - t0
  // Probes on the full ledger: what a merge's reads would cost on tables this size (count() walks the store).
  const ids = (await db.activities.limit(2000).primaryKeys()) as string[]
  const probe = async (k: string, fn: () => Promise<unknown>) => {
    const t = performance.now()
    await fn()
    out[k] = performance.now() - t
  }
  await probe('probeCountActivities', () => db.activities.count())
  await probe('probeFirstKey', () => db.activities.limit(1).primaryKeys())
  await probe('probeBulkGetMissing2000', () => db.activities.bulkGet(ids.map((id) => `${id}-x`)))
  await probe('probeBulkGetExisting2000', () => db.activities.bulkGet(ids))
  await probe('probeEmptyRwCommit', () => db.transaction('rw', db.meta, () => db.meta.put({ key: 'probe', value: 1 })))
  db.close()
  for (const k of Object.keys(out)) out[k] = Math.round(out[k])
  return out
}

export const syncSteps = { fullSync, fullSyncBreakdown, sameLedger, deleteDb }
