/**
 * Persistent storage: after the first real save, ask the browser not to evict the ledger
 * (navigator.storage.persist). The answer and the usage are shown on 我的 → 数据安全.
 */

export interface StorageStatus {
  /** null when the browser has no StorageManager. */
  isPersisted: boolean | null
  usageBytes: number | null
  quotaBytes: number | null
}

let asked = false

/** Ask once per page life; never throws, never blocks a save. */
export function requestPersistenceOnce(): void {
  if (asked || typeof navigator === 'undefined' || !navigator.storage?.persist) return
  asked = true
  void navigator.storage
    .persisted()
    .then((already) => (already ? true : navigator.storage.persist()))
    .catch(() => false)
}

export async function readStorageStatus(): Promise<StorageStatus> {
  const sm = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!sm?.persisted) return { isPersisted: null, usageBytes: null, quotaBytes: null }
  const [isPersisted, estimate] = await Promise.all([
    sm.persisted().catch(() => null),
    sm.estimate ? sm.estimate().catch(() => null) : Promise.resolve(null),
  ])
  return { isPersisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null }
}

/** Ask now (the 数据安全 page's button); resolves with the browser's answer. */
export async function requestPersistenceNow(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null
  return navigator.storage.persist().catch(() => false)
}
