/**
 * The scopes a ledger file states (formatVersion 2 `scopes`, or what its purpose meant in version 1), how an
 * import is cut to them, and which scopes a backup of a device states (docs/spec/scopes.md).
 */
import type { FilePurpose, FileScope, LedgerRecords, StoredRecord, TableName } from '../model/types'
import { TABLE_NAMES } from '../model/types'
import { addHeldScope, type HeldScope } from './held-scopes'
import { isVisible, scopeContext, type Scope } from './scope'

const isText = (x: unknown): x is string => typeof x === 'string' && x.length > 0 && x.length <= 200

/** A scope read from a file, or null when it is not one a file may state (a county scope never is). */
export function asScope(raw: unknown): Scope | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  switch (r.role) {
    case 'keeper':
    case 'everyone':
      return { role: r.role }
    case 'official':
      return isText(r.personId) ? { role: 'official', personId: r.personId } : null
    case 'sectionHead': {
      const ids = r.sectionIds
      if (!Array.isArray(ids) || ids.length === 0 || !ids.every(isText)) return null
      if (r.personId !== null && !isText(r.personId)) return null
      return { role: 'sectionHead', personId: r.personId as string | null, sectionIds: [...ids] }
    }
    default:
      return null
  }
}

/** The 'file:…' source of a purpose. */
export function fileSource(purpose: FilePurpose): string {
  return { backup: 'file:备份', publish: 'file:发布', section: 'file:股室', submit: 'file:提交' }[purpose]
}

export interface ScopedHeader {
  formatVersion: number
  purpose: FilePurpose
  exportedAt: string
  scopes?: readonly FileScope[]
}

/**
 * The scopes a file holds complete. Version 1 files state none: a 备份 held the whole unit, a 发布 what everyone
 * may see (its exam results are cut away on import), a 提交 one person's records, which complete no scope.
 */
export function scopesOfFile(header: ScopedHeader): HeldScope[] {
  const source = fileSource(header.purpose)
  if (header.formatVersion < 2 || header.scopes === undefined) {
    if (header.purpose === 'backup') return [{ scope: { role: 'keeper' }, asOf: header.exportedAt, source }]
    if (header.purpose === 'publish') return [{ scope: { role: 'everyone' }, asOf: header.exportedAt, source }]
    return []
  }
  let out: HeldScope[] = []
  for (const fs of header.scopes) {
    const scope = asScope(fs.scope)
    if (scope) out = addHeldScope(out, { scope, asOf: fs.asOf, source })
  }
  return out
}

/** True when one of the scopes is the whole unit. */
export function holdsWholeUnit(held: readonly { scope: Scope }[]): boolean {
  return held.some((h) => h.scope.role === 'keeper')
}

/** The records any of the scopes may see: what an import of a file keeps (nothing wider than the file states). */
export function cutToScopes(records: LedgerRecords, scopes: readonly Scope[]): LedgerRecords {
  if (scopes.some((s) => s.role === 'keeper')) return records
  const ctx = scopeContext(records.persons)
  const out = {} as Record<TableName, StoredRecord<object>[]>
  for (const t of TABLE_NAMES) {
    out[t] = (records[t] as StoredRecord<object>[]).filter((r) => scopes.some((s) => isVisible(s, t, r, ctx)))
  }
  return out as unknown as LedgerRecords
}

/**
 * What a backup of this device states: each held scope, a live ('local') one as of the export; the whole unit alone
 * when the device holds it (it includes every other scope).
 */
export function fileScopesFor(held: readonly HeldScope[], exportedAt: string): FileScope[] {
  const whole = held.filter((h) => h.scope.role === 'keeper')
  let resolved: HeldScope[] = []
  for (const h of whole.length ? whole : held) resolved = addHeldScope(resolved, { ...h, source: '', asOf: h.source === 'local' ? exportedAt : h.asOf })
  return resolved.map((h) => ({ scope: { ...h.scope } as FileScope['scope'], asOf: h.asOf }))
}
