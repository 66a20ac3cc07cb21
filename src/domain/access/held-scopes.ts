/**
 * What a device holds, and whether a view built on it is complete (docs/spec/scopes.md).
 *
 * A device holds scopes (scope.ts), each as of an instant and from a source: the keeper's own ledger ('local'), a
 * file ('file:发布', 'file:股室', 'file:备份'), or the sync service ('sync'). Every scope but an official's own
 * records carries the unit's common data (roster, group sessions, exams, targets). A view covers some persons; it is
 * complete when every one of them is covered by a held scope, and its data is as of the oldest of the newest data it
 * uses. Local data is live: as of now.
 */
import { coversPerson, type Scope, type ScopeContext } from './scope'

export interface HeldScope {
  scope: Scope
  /** ISO instant the data is complete as of (for 'local': when it was declared; it is live). */
  asOf: string
  source: string
}

/** The meta row is written by db/; these words name its sources. */
const SOURCE_WORDS: Record<string, string> = {
  local: '本机台账',
  'file:发布': '发布文件',
  'file:股室': '股室文件',
  'file:备份': '备份文件',
  'file:提交': '提交文件',
  sync: '同步',
}

export function sourceWords(source: string): string {
  return SOURCE_WORDS[source] ?? source.replace(/^file:/, '') + '文件'
}

export function sameScope(a: Scope, b: Scope): boolean {
  if (a.role !== b.role) return false
  if (a.role === 'official' && b.role === 'official') return a.personId === b.personId
  if (a.role === 'sectionHead' && b.role === 'sectionHead') {
    const x = [...a.sectionIds].sort().join('\n')
    const y = [...b.sectionIds].sort().join('\n')
    return x === y && a.personId === b.personId
  }
  return true
}

/** The list with `entry` added: it replaces an entry of the same scope and source unless that one is newer. */
export function addHeldScope(list: readonly HeldScope[], entry: HeldScope): HeldScope[] {
  const same = (h: HeldScope) => h.source === entry.source && sameScope(h.scope, entry.scope)
  const prev = list.find(same)
  if (prev && prev.asOf >= entry.asOf) return [...list]
  return [...list.filter((h) => !same(h)), entry]
}

/** An official's own records on her own phone: live, but without the unit's common data. */
function isOwnRecordsOnly(h: HeldScope): boolean {
  return h.source === 'local' && h.scope.role === 'official'
}

/** The scopes a device holds: the stored ones, and the records of the person it belongs to (made on it). */
export function deviceHeldScopes(stored: readonly HeldScope[] | undefined, identity: string | null, declaredAt: string): HeldScope[] {
  const list = [...(stored ?? [])]
  if (identity === null) return list
  return addHeldScope(list, { scope: { role: 'official', personId: identity }, asOf: declaredAt, source: 'local' })
}

export interface Coverage {
  isComplete: boolean
  /** ISO instant: the oldest of the newest data the view uses; null when the device holds nothing. */
  asOf: string | null
  /** Where the data comes from, in words (发布文件, 本机台账…). */
  sources: string[]
  /** Persons whose records the device does not hold. */
  missing: string[]
}

const asOfOf = (h: HeldScope, now: string): string => (h.source === 'local' ? now : h.asOf)

function newest(list: readonly HeldScope[], now: string): HeldScope | null {
  let best: HeldScope | null = null
  for (const h of list) if (best === null || asOfOf(h, now) > asOfOf(best, now)) best = h
  return best
}

/** Whether the held scopes cover every person of a view, and as of when (`now`: an ISO instant). */
export function coverage(held: readonly HeldScope[], personIds: Iterable<string>, ctx: ScopeContext, now: string): Coverage {
  const used = new Set<HeldScope>()
  const missing: string[] = []
  const common = newest(held.filter((h) => !isOwnRecordsOnly(h)), now)
  let asOf = common === null ? null : asOfOf(common, now)
  if (common) used.add(common)
  for (const id of personIds) {
    const best = newest(held.filter((h) => coversPerson(h.scope, id, ctx)), now)
    if (best === null) {
      missing.push(id)
      continue
    }
    used.add(best)
    const at = asOfOf(best, now)
    if (asOf === null || at < asOf) asOf = at
  }
  const sources = [...new Set([...used].map((h) => (isOwnRecordsOnly(h) ? '本机记录' : sourceWords(h.source))))]
  return { isComplete: missing.length === 0 && common !== null, asOf, sources, missing }
}

/** "12月3日 14:05" in the device's time zone. */
export function localTimeWords(iso: string): string {
  const d = new Date(iso)
  const hh = String(d.getHours()).padStart(2, '0')
  const mm = String(d.getMinutes()).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm}`
}

/** "数据截至 12月3日 14:05（来自发布文件、本机台账）". */
export function asOfWords(cov: Coverage): string {
  if (cov.asOf === null) return '本机还没有台账数据'
  return `数据截至 ${localTimeWords(cov.asOf)}（来自${cov.sources.join('、')}）`
}

export type CompletionView = 'mine' | 'section' | 'unit' | 'report'

/** What the device lacks for a view, and what to do about it. */
export function missingWords(view: CompletionView, cov: Coverage): string {
  switch (view) {
    case 'section':
      return '本机缺少本股室人员的自学记录：请向管理员索取股室文件'
    case 'unit':
      return `本机缺少 ${cov.missing.length} 人的自学记录和考试成绩：各股室的达标情况请以台账管理员的数据为准`
    case 'report':
      return `本机缺少 ${cov.missing.length} 人的自学记录和考试成绩，以下数字不完整，不能用于年度报告：请在台账管理员的设备上生成年度报告`
    case 'mine':
      return '管理员处有本机没有的您的记录（如管理员代为登记的、在其他手机上记的），本机显示的学时和进度可能偏少：请向管理员核对'
  }
}
