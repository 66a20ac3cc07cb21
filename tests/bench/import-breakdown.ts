/**
 * Where an import's time goes, stage by stage, with the app's own functions (a profiling aid for
 * docs/PERFORMANCE.md; `npm run bench` reports it when BENCH_BREAKDOWN=1).
 */
import { LedgerDB } from '@/db/database'
import { mergeRecords } from '@/db/merge-records'
import { parseLedgerText, validateLedgerFile, verifyFileHash, checkReferences } from '@/domain/ledger/schema'
import { canonicalJson } from '@/domain/ledger/canonical'
import { TABLE_NAMES, type LedgerRecords } from '@/domain/model/types'
import { deleteDatabase } from './raw-idb'

const DB = 'bench-breakdown'

async function stage<T>(out: Record<string, number>, name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now()
  const v = await fn()
  out[name] = Math.round(performance.now() - t0)
  return v
}

/** Parse, validate, hash, references, then three ways to write: mergeRecords, Dexie bulkPut, none. */
export async function importBreakdown(text: string, writes: ('merge' | 'bulkPut')[] = ['merge']): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  const parsed = await stage(out, 'parse', () => parseLedgerText(text, 200 * 1024 * 1024))
  if (!parsed.ok) throw new Error(parsed.error)
  const checked = await stage(out, 'validate', () => validateLedgerFile(parsed.raw, { maxBytes: 200 * 1024 * 1024 }))
  if (!checked.ok) throw new Error(checked.error)
  const records = checked.file.records as LedgerRecords
  await stage(out, 'canonicalJson', () => canonicalJson(records))
  await stage(out, 'hash(total)', () => verifyFileHash({ records, sha256: checked.file.sha256 as string }))
  await stage(out, 'references', () => checkReferences(records))
  for (const w of writes) {
    await deleteDatabase(DB)
    const db = new LedgerDB(DB)
    await db.open()
    if (w === 'merge') await stage(out, 'mergeRecords', () => mergeRecords(db, records))
    else {
      await stage(out, 'dexieBulkPut', () =>
        db.transaction('rw', TABLE_NAMES.map((t) => db.table(t)), async () => {
          for (const t of TABLE_NAMES) await db.table(t).bulkPut(records[t] as unknown[])
        }),
      )
    }
    db.close()
    await deleteDatabase(DB)
  }
  return out
}
