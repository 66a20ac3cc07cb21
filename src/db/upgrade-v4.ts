/**
 * Upgrade of a version-1, -2 or -3 database to version 4: the new register tables start empty, and the device
 * learns which scopes it holds (meta `heldScopes`, docs/spec/scopes.md). An older device in the keeper role holds
 * its own ledger ('local'). Any other held what a 发布 of file format 1 gave: what everyone may see, as of the
 * newest record it received from another device (such a 发布 also carried exam scores; the views no longer show
 * them). A device that syncs records the scope the service grants at its next pull. Records are left exactly as
 * they are.
 */
import type { Transaction } from 'dexie'
import type { HeldScope } from '../domain/access/held-scopes'
import { parseStamp } from '../domain/ledger/hlc'
import { TABLE_NAMES } from '../domain/model/types'

async function metaValue(tx: Transaction, key: string): Promise<unknown> {
  return ((await tx.table('meta').get(key)) as { value?: unknown } | undefined)?.value
}

/** The newest stamp in the ledger not made on this device, as an ISO instant (null when there is none). */
async function newestForeignStamp(tx: Transaction, deviceId: string | undefined): Promise<string | null> {
  let newest: number | null = null
  for (const t of TABLE_NAMES) {
    await tx.table(t).each((r: { updatedAt?: unknown }) => {
      const s = parseStamp(r.updatedAt)
      if (s && s.deviceId !== deviceId && (newest === null || s.wallMs > newest)) newest = s.wallMs
    })
  }
  return newest === null ? null : new Date(newest).toISOString()
}

/** The scopes a device of a version before 4 holds. */
export async function heldScopesBeforeV4(tx: Transaction, now: Date): Promise<HeldScope[]> {
  if ((await metaValue(tx, 'unit')) === undefined) return []
  const role = await metaValue(tx, 'deviceRole')
  if (role === 'keeper') return [{ scope: { role: 'keeper' }, asOf: now.toISOString(), source: 'local' }]
  const asOf = await newestForeignStamp(tx, (await metaValue(tx, 'deviceId')) as string | undefined)
  return [{ scope: { role: 'everyone' }, asOf: asOf ?? now.toISOString(), source: 'file:发布' }]
}

export async function upgradeToV4(tx: Transaction): Promise<void> {
  if ((await metaValue(tx, 'heldScopes')) !== undefined) return
  await tx.table('meta').put({ key: 'heldScopes', value: await heldScopesBeforeV4(tx, new Date()) })
}
