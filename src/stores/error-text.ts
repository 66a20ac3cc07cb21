import { describeStorageError, isStorageError } from '@/db/storage-errors'
import { InputError } from '@/domain/input/input-error'

/**
 * The zh-CN text to show for any failure: an InputError as is, a storage failure (full disk, closed
 * connection, abort) as a sentence that says the form was kept and what to do, anything else prefixed.
 */
export function errorText(e: unknown, prefix = '保存失败'): string {
  if (e instanceof InputError) return e.message
  if (isStorageError(e)) return describeStorageError(e)
  const detail = e instanceof Error ? e.message : String(e)
  return `${prefix}：${detail}，请重试`
}
