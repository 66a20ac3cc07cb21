/**
 * 粘贴成绩 (issue #16): exam results pasted from a spreadsheet or a chat, one person a line —
 * "张三 96", "李四 缺考", "王五 免考 病假" (or "免考（病假）") — each line checked on its own with a
 * plain zh-CN reason when it cannot be used. Nothing here writes; the store saves the usable lines
 * of a confirmed preview in one transaction.
 */
import type { Exam, Person } from '../model/types'
import { compactName, normalizePaste, pastedLines } from './paste-text'
import { normalizeResult, validateResult, type ResultInput } from './exam-input'
import { nameKey } from './roster-input'

export interface ScoreLine {
  /** 1-based line of the paste. */
  line: number
  text: string
  name: string
  personId: string | null
  result: ResultInput | null
  /** Why the line cannot be saved; null when it can. */
  error: string | null
  /** Worth knowing, not blocking: "将覆盖原成绩 88 分". */
  note: string | null
}

export interface ScorePasteContext {
  exam: Pick<Exam, 'kind'>
  /** Everyone on the roster (names are looked up here). */
  persons: readonly Person[]
  /** Who may have a result: for an annual exam, the persons on the roster on the exam date. */
  eligibleIds: ReadonlySet<string>
  /** Current results by person, to say what a line replaces. */
  current: ReadonlyMap<string, ResultInput>
}

const HEADINGS = new Set(['序号', '姓名', '名字', '成绩', '分数', '得分', '考试成绩', '参考情况', '备注', '原因', '说明', '股室', '部门'])
const isHeader = (text: string) => text.split(/[\s,]+/).filter(Boolean).every((t) => HEADINGS.has(t))
const SCORE = /^(\d{1,3}(\.\d+)?)\s*分?$/
const REASON_SPLIT = /^[(（:：\s-]*(.*?)[)）]?$/

function describe(r: ResultInput): string {
  if (r.status === 'absent') return '缺考'
  if (r.status === 'exempt') return `免考（${r.reason}）`
  return `${r.score} 分`
}

/** The cells of a line: tabs or commas if any, else spaces; a leading row number is dropped. */
function cellsOf(text: string): string[] {
  const sep = /\t/.test(text) ? /\t/ : /,/.test(text) ? /,/ : /\s+/
  const cells = text.trim().split(sep).map((c) => c.trim()).filter((c, i, all) => c !== '' || i < all.length - 1)
  if (cells.length >= 3 && /^\d{1,4}$/.test(cells[0])) cells.shift()
  return cells.filter((c) => c !== '')
}

/** "张三" + the rest of the line → a result, or the reason it is not one. */
function parseValue(rest: string[]): { result: ResultInput } | { error: string } {
  const [first = '', ...more] = rest
  const joined = rest.join(' ')
  if (first === '') return { error: '缺少成绩：请在姓名后写分数，或“缺考”“免考 原因”' }
  const score = SCORE.exec(first)
  if (score) return { result: { status: 'taken', score: Number(score[1]), reason: null } }
  if (/^缺考/.test(joined)) return { result: { status: 'absent', score: null, reason: null } }
  if (/^免考/.test(joined)) {
    const reason = (REASON_SPLIT.exec(joined.slice(2))?.[1] ?? '').trim()
    if (!reason) return { error: '免考请写明原因，例如“王五 免考 病假”' }
    return { result: { status: 'exempt', score: null, reason } }
  }
  if (/^\d/.test(first)) return { error: `“${first}”不是有效的分数（应为 0–100 的数字）` }
  return { error: `“${[first, ...more].join(' ')}”不是分数，也不是“缺考”或“免考”` }
}

/** Lines of a paste, each matched to a person and checked. Header and blank lines are skipped. */
export function parseScorePaste(text: string, ctx: ScorePasteContext): ScoreLine[] {
  const active = ctx.persons.filter((p) => p.activeTo === null || ctx.eligibleIds.has(p.id))
  const byKey = new Map<string, Person[]>()
  for (const p of active) byKey.set(nameKey(p.name), [...(byKey.get(nameKey(p.name)) ?? []), p])
  const out: ScoreLine[] = []
  for (const { line, text: raw } of pastedLines(normalizePaste(text))) {
    if (isHeader(raw)) continue
    const [rawName = '', ...rest] = cellsOf(raw)
    const name = compactName(rawName)
    const row: ScoreLine = { line, text: raw.trim(), name, personId: null, result: null, error: null, note: null }
    out.push(row)
    const matches = byKey.get(nameKey(name)) ?? []
    const isEligible = matches.length === 1 && (ctx.exam.kind !== 'annual' || ctx.eligibleIds.has(matches[0].id))
    if (isEligible) row.personId = matches[0].id
    const parsed = parseValue(rest)
    if (matches.length === 0) row.error = `名册中没有“${name}”，请核对姓名`
    else if (matches.length > 1) row.error = `名册中有 ${matches.length} 名“${name}”，请在列表中逐个录入`
    else if (!isEligible) row.error = `${name} 考试当日不在册，不在应考范围`
    else if ('error' in parsed) row.error = parsed.error
    else {
      const result = normalizeResult(parsed.result)
      row.error = validateResult(result)
      if (!row.error) row.result = result
    }
  }
  markDuplicates(out)
  for (const row of out) {
    const before = row.personId !== null && row.result !== null ? ctx.current.get(row.personId) : undefined
    if (before && row.result && describe(before) !== describe(row.result)) row.note = `将替换原来的“${describe(before)}”`
  }
  return out
}

/** Two lines for one person: neither is saved (which one is right is for the keeper to say). */
function markDuplicates(lines: ScoreLine[]): void {
  const byPerson = new Map<string, ScoreLine[]>()
  for (const l of lines) if (l.personId) byPerson.set(l.personId, [...(byPerson.get(l.personId) ?? []), l])
  for (const group of byPerson.values()) {
    if (group.length < 2) continue
    const where = group.map((l) => `第 ${l.line} 行`).join('、')
    for (const l of group) {
      l.error ??= `${where}都是${l.name}，请只保留一行`
      l.result = null
    }
  }
}

/** The lines that can be saved. */
export function usableScores(lines: readonly ScoreLine[]): { personId: string; result: ResultInput }[] {
  return lines.flatMap((l) => (l.error === null && l.personId !== null && l.result !== null ? [{ personId: l.personId, result: l.result }] : []))
}
