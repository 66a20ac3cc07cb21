/**
 * 批量添加 from Excel (issue #16): which pasted column is 姓名, 股室, 职务, 执法证号 or 身份 — by the
 * header row when there is one, else by what the cells look like — and the persons it describes, in
 * the pasted order. A column that does not look like names never becomes persons: when no column
 * does, there are no rows and the reason says what to do.
 */
import { ROLES, type Role } from '../model/types'
import { parseNameList } from './roster-input'
import { compactName, normalizePaste, pastedLines, separatorOf, splitCells, type PastedLine } from './paste-text'

export const ROSTER_COLUMNS = ['name', 'section', 'title', 'certNo', 'roles', 'ignore'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]

export const ROSTER_COLUMN_LABELS: Record<RosterColumn, string> = {
  name: '姓名',
  section: '股室',
  title: '职务',
  certNo: '执法证号',
  roles: '身份',
  ignore: '不导入',
}

/** One person as the paste describes them; null = the paste has no such column (or the cell is empty). */
export interface PastedPerson {
  line: number
  name: string
  section: string | null
  title: string | null
  certNo: string | null
  roles: Role[] | null
  looksLikeName: boolean
}

export interface RosterPaste {
  /** 'table': one person per row; 'list': names only (a column, a row, or a chat message). */
  mode: 'table' | 'list'
  /** Header cells when the first row named the columns. */
  header: string[] | null
  /** What each column holds (table mode). */
  columns: RosterColumn[]
  /** Example cells of each column (table mode), for the column picker. */
  samples: string[][]
  persons: PastedPerson[]
  /** Why nothing can be added, in words; null when `persons` is usable. */
  problem: string | null
}

const HEADERS: [RosterColumn | 'index', RegExp][] = [
  // Headings of columns the roster does not keep (序号, 性别, 备注 …): known, so the row is a header, and not imported.
  ['index', /^(序号|序|编号|No\.?|备注|说明|性别|民族|年龄|籍贯|学历|学位|政治面貌|出生年月|出生日期|联系电话|电话|手机|手机号码?|身份证号?码?|工号|参加工作时间|入职时间|调入日期|工作时间)$/i],
  ['certNo', /执法证|证号|证件号|证书编号/],
  ['name', /姓名|^名字$|^人员$|^名单$/],
  ['section', /股室|科室|部门|处室|内设机构|所在单位|^单位$|^股$|^科$/],
  ['title', /职务|职级|职位|职称/],
  ['roles', /身份|类别|类型|角色/],
]

const SECTION_TAIL = /(股|室|科|队|办|局|所|站|中心|处|部|委|院|馆|领导|班子)$/u
const TITLE = /(^副?[局科股队处所站院馆组部]长$|主任$|书记$|科员$|办事员$|执法员$|队员$|干部$|职员$|调研员$|干事$|专员$|委员$|负责人$|^副?主任科员$)/u
const ROLE_WORDS = /领导班子成员|领导班子|班子成员|领导|执法证持证人员|执法人员|持证人员|执法|持证|一般干部|干部职工|职工|[是否无\-—、,/\s和及]/gu
const HAN_NAME = /^\p{Script=Han}{2,5}$/u
const DOTTED_NAME = /^\p{Script=Han}{1,8}[·•.]\p{Script=Han}{1,8}([·•.]\p{Script=Han}{1,8})?$/u
const LATIN_NAME = /^[A-Za-z][A-Za-z .'-]{1,39}$/
const HEADING_WORDS = new Set(['姓名', '名字', '序号', '人员', '名单', '人员名单'])

const isIndex = (s: string) => /^\d{1,4}$/.test(s)
/** 44010012345, 粤A0123456, GD-2021-0042 — not a date. */
export function looksLikeCertNo(s: string): boolean {
  if (/^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2})?日?$/.test(s)) return false
  return /^[\p{Script=Han}A-Za-z]{0,4}[0-9A-Za-z()\-]{4,29}$/u.test(s) && (s.match(/\d/g)?.length ?? 0) >= 4
}
const looksLikeRoles = (s: string) => /领导|班子|执法|持证/.test(s) && s.replace(ROLE_WORDS, '') === ''
const looksLikeTitle = (s: string) => TITLE.test(s)

/** A section name: one the roster has, or a unit's department word (办公室, 法规股, 执法大队). */
function looksLikeSection(s: string, sections: ReadonlySet<string>): boolean {
  return sections.has(s) || ([...s].length >= 3 && SECTION_TAIL.test(s))
}

/** Whether a cell can be a person's name: not a department, a title, a role word, a number. */
export function looksLikeName(s: string, sections: ReadonlySet<string> = new Set()): boolean {
  const t = compactName(s)
  if (!(HAN_NAME.test(t) || DOTTED_NAME.test(t) || LATIN_NAME.test(t)) || HEADING_WORDS.has(t)) return false
  return !looksLikeSection(t, sections) && !looksLikeTitle(t) && !looksLikeRoles(t)
}

/** 领导 / 班子 → leader, 执法 / 持证 → enforcement; "否" or "无" → none. */
export function parseRoles(cell: string): Role[] {
  const out: Role[] = []
  if (/领导|班子/.test(cell)) out.push('leader')
  if (/执法|持证/.test(cell)) out.push('enforcement')
  return ROLES.filter((r) => out.includes(r))
}

function headerColumn(cell: string): RosterColumn | 'index' | null {
  const t = cell.replace(/[\s*：:]/g, '')
  if (!t) return null
  return HEADERS.find(([, re]) => re.test(t))?.[0] ?? null
}

/** The column a set of cells looks like (60 % of the non-empty ones), or null. */
function shapeOf(cells: readonly string[], sections: ReadonlySet<string>): RosterColumn | 'index' | null {
  const filled = cells.filter((c) => c !== '')
  if (!filled.length) return null
  const share = (test: (s: string) => boolean) => filled.filter(test).length / filled.length
  const tests: [RosterColumn | 'index', (s: string) => boolean][] = [
    ['index', isIndex],
    ['certNo', looksLikeCertNo],
    ['roles', looksLikeRoles],
    ['section', (s) => looksLikeSection(s, sections)],
    ['title', looksLikeTitle],
    ['name', (s) => looksLikeName(s, sections)],
  ]
  let best: [RosterColumn | 'index' | null, number] = [null, 0.6 - 1e-9]
  for (const [kind, test] of tests) {
    const s = share(test)
    if (s > best[1]) best = [kind, s]
  }
  return best[0]
}

/** A first row that names its columns: it has 姓名, or mostly headings and no name or number of a person. */
function isHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '')
  const kinds = filled.map(headerColumn)
  if (kinds.includes('name')) return true
  const named = kinds.filter((k) => k !== null).length
  const isData = filled.some((c, i) => kinds[i] === null && (looksLikeName(c) || looksLikeCertNo(c)))
  return named > 0 && named * 2 >= filled.length && !isData
}

interface Grid {
  header: string[] | null
  rows: { line: number; cells: string[] }[]
  width: number
}

function gridOf(lines: readonly PastedLine[]): Grid {
  const separator = separatorOf(lines)
  const all = lines.map((l) => ({ line: l.line, cells: splitCells(l.text, separator) }))
  const header = all.length > 0 && isHeaderRow(all[0].cells) ? all[0].cells : null
  const rows = header ? all.slice(1) : all
  const width = Math.max(header?.length ?? 0, ...rows.map((r) => r.cells.length))
  return { header, rows, width }
}

type Kind = RosterColumn | 'index' | null

/** What each column looks like: its header when it names one, else its cells' shape (null: nothing known). */
function rawKinds(grid: Grid, sections: ReadonlySet<string>): Kind[] {
  return Array.from({ length: grid.width }, (_, c) => {
    const head = grid.header?.[c] ?? ''
    if (head) return headerColumn(head)
    return shapeOf(grid.rows.map((r) => r.cells[c] ?? ''), sections)
  })
}

/** One column per kind (the first); 序号 and unknown columns are not imported. */
function toColumns(kinds: readonly Kind[]): RosterColumn[] {
  const out: RosterColumn[] = []
  for (const k of kinds) out.push(k === null || k === 'index' || out.includes(k) ? 'ignore' : k)
  return out
}

function rowPerson(line: number, cells: readonly string[], columns: readonly RosterColumn[], sections: ReadonlySet<string>): PastedPerson | null {
  const cell = (kind: RosterColumn) => {
    const i = columns.indexOf(kind)
    const v = i < 0 ? '' : (cells[i] ?? '').trim()
    return v === '' || /^[无—\-/]$/.test(v) ? null : v
  }
  const rawName = cell('name')
  if (rawName === null) return null
  const roles = cell('roles')
  return {
    line,
    name: compactName(rawName),
    section: cell('section'),
    title: cell('title'),
    certNo: cell('certNo')?.replace(/\s+/g, '') ?? null,
    roles: columns.includes('roles') ? (roles === null ? [] : parseRoles(roles)) : null,
    looksLikeName: looksLikeName(rawName, sections),
  }
}

function listPaste(text: string, lines: readonly PastedLine[], sections: ReadonlySet<string>): RosterPaste {
  const persons = parseNameList(text).map((name) => ({
    line: lines.find((l) => l.text.replace(/\s+/g, '').includes(name.replace(/\s+/g, '')))?.line ?? 0,
    name, section: null, title: null, certNo: null, roles: null, looksLikeName: looksLikeName(name, sections),
  }))
  return { mode: 'list', header: null, columns: [], samples: [], persons, problem: persons.length ? null : '请粘贴姓名：每行一个，或从 Excel 复制含“姓名”列的表格' }
}

/**
 * Reads a paste. `sectionNames` are the roster's sections (a column of them is 股室). `columns`
 * overrides what was detected (the keeper's choice in the preview), one entry per column.
 */
export function readRosterPaste(text: string, sectionNames: readonly string[], columns?: readonly RosterColumn[]): RosterPaste {
  const sections = new Set(sectionNames)
  const normal = normalizePaste(text)
  const lines = pastedLines(normal)
  const grid = gridOf(lines)
  const kinds = rawKinds(grid, sections)
  const others = kinds.filter((k) => k !== null && k !== 'index' && k !== 'name').length
  // Without a header or other known columns it is a list of names (a column, a row of cells, a chat
  // message) — unless one column is names and the rest hold no names at all (张三 | 男).
  const holdsNames = (c: number) => grid.rows.some((r) => parseNameList(r.cells[c] ?? '').some((n) => looksLikeName(n, sections)))
  const isNamesPlusJunk = kinds.filter((k) => k === 'name').length === 1 && kinds.every((k, c) => k === 'name' || !holdsNames(c))
  const isList = !columns && (grid.width <= 1 || (grid.header === null && others === 0 && !isNamesPlusJunk))
  if (isList) return listPaste(normal, lines, sections)
  const detected = columns ? [...columns] : toColumns(kinds)
  const samples = detected.map((_, c) => grid.rows.map((r) => r.cells[c] ?? '').filter(Boolean).slice(0, 3))
  const base = { mode: 'table' as const, header: grid.header, columns: detected, samples }
  if (!detected.includes('name')) {
    return { ...base, persons: [], problem: '没有找到姓名列：请在表格第一行写上“姓名”等列名，或在下方把姓名所在的列设为“姓名”' }
  }
  const persons = grid.rows.flatMap((r) => rowPerson(r.line, r.cells, detected, sections) ?? [])
  return { ...base, persons, problem: persons.length ? null : '姓名列是空的，请检查粘贴的内容' }
}
