/** Storage failures (IndexedDB / Dexie errors, recognised by name) in words an official understands. */

function nameOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'name' in e ? String((e as { name: unknown }).name) : ''
}

/** QuotaExceededError, directly or as the inner error of a Dexie AbortError / BulkError. */
export function isQuotaError(e: unknown): boolean {
  let cur: unknown = e
  for (let depth = 0; cur && depth < 5; depth++) {
    if (nameOf(cur) === 'QuotaExceededError') return true
    const next = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause
    cur = next
  }
  return false
}

const STORAGE_ERROR_NAMES = new Set(['DatabaseClosedError', 'VersionChangeError', 'AbortError', 'TransactionInactiveError'])

/** True for failures of the storage itself rather than of the input. */
export function isStorageError(e: unknown): boolean {
  return isQuotaError(e) || STORAGE_ERROR_NAMES.has(nameOf(e))
}

/** A zh-CN sentence for a failed write: what happened and what to do. */
export function describeStorageError(e: unknown): string {
  if (isQuotaError(e)) {
    return '手机存储空间已满，本次内容未保存（已填写的内容仍保留在表单中）。请清理手机空间，或先导出备份后再试。'
  }
  const n = nameOf(e)
  if (n === 'DatabaseClosedError' || n === 'VersionChangeError') {
    return '数据库连接已断开（可能在其他标签页中更新了应用）。请刷新页面后重试，已填写的内容未保存。'
  }
  if (n === 'AbortError' || n === 'TransactionInactiveError') {
    return '保存被中断，本次内容未保存，请重试。'
  }
  return `保存失败：${e instanceof Error ? e.message : String(e)}。本次内容未保存，请重试。`
}
