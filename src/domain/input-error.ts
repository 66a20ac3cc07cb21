import { describeStorageError, isStorageError } from './storage-errors'

/**
 * A refused user input. `message` is the plain zh-CN sentence the UI shows as it
 * is (what is wrong and what to do); a store throws it before any write starts.
 */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}


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
