/**
 * The field types of ledger-file records (docs/spec/ledger-file.md) as Valibot schemas, each with its zh-CN failure
 * wording; record-schemas.ts builds the records from them.
 */
import * as v from 'valibot'
import { ACTIVITY_KINDS } from '../model/types'
import { isIsoDate } from '../model/dates'
import { parseStamp } from './hlc'

export const picked = (what: string) => (issue: v.BaseIssue<unknown>) => `取值 ${issue.received} 不是可识别的${what}`
export const id = v.pipe(v.string('应为文字'), v.minLength(1, '不能为空'), v.maxLength(200, '过长（不能超过 200 个字符）'))
export const stamp = v.pipe(
  v.string('应为文字'),
  v.check((s) => parseStamp(s) !== null, '不是有效的修改时间戳（应为“时间_计数_设备”的形式）'),
)
export const date = v.pipe(v.string('应为日期'), v.check((s: string) => isIsoDate(s), '不是有效的日期（应为 YYYY-MM-DD 格式的真实日期）'))
export const text = (max: number) => v.pipe(v.string('应为文字'), v.maxLength(max, `过长（不能超过 ${max} 个字符）`))
export const named = (max: number) => v.pipe(text(max), v.minLength(1, '不能为空'))
export const bool = v.boolean('应为 true 或 false')
export const num = v.number('应为数字')
export const nonNegative = v.pipe(num, v.minValue(0, '不能小于 0'), v.maxValue(100_000, '数值过大'))
export const score = v.pipe(num, v.minValue(0, '不能小于 0 分'), v.maxValue(100, '不能大于 100 分'))
export const year = v.pipe(num, v.integer('应为整数年份'), v.minValue(1900, '年份无效'), v.maxValue(2999, '年份无效'))
export const hours = v.pipe(
  num,
  v.check((h) => h > 0, '必须大于 0'),
  v.check((h) => Number.isInteger(h * 2), '必须是 0.5 的整数倍'),
)
export const kind = v.picklist(ACTIVITY_KINDS, picked('学习类型'))
export const record = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries, '应为一条记录（对象）')
