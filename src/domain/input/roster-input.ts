/**
 * Pure checks and parsing for the roster forms (issue #3): the 批量添加 name
 * list (a paste of a table: roster-paste.ts), section names, a person's fields and the 调出 date.
 * Every check returns a zh-CN sentence for the user, or null when the input is fine.
 */
import { isIsoDate } from '../model/dates'
import { ROLES, type IsoDate, type Person, type Role, type Section } from '../model/types'

export const NAME_MAX = 30
export const SECTION_NAME_MAX = 30
export const TITLE_MAX = 30
export const CERT_NO_MAX = 50

const SEGMENT_SPLIT = /[\r\n\t,，、;；|]+/
const HAN = /\p{Script=Han}/u
const HAS_LETTER = /\p{L}/u
const LEADING_NUMBER = /^\d+\s*[.．)）]\s*/
const QUOTES = /^["'“”‘’《〈「『]+|["'“”‘’》〉」』]+$/g
/** Column headings that come along when a column is copied with its header cell. */
const HEADINGS = new Set(['姓名', '名字', '序号', '编号', '人员', '人员名单', '名单'])

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch)
}

/** Whitespace-separated tokens → names: split only where Chinese meets Chinese ("张三 李四"), keep "Tom Lee". */
function splitTokens(tokens: string[]): string[] {
  // "王  芳": a two-character name padded to line up with three-character ones in a spreadsheet.
  if (tokens.length >= 2 && tokens.length <= 3 && tokens.every((t) => [...t].length === 1 && isHan(t))) {
    return [tokens.join('')]
  }
  const out: string[] = []
  let current = ''
  for (const token of tokens) {
    if (current === '') current = token
    else if (isHan([...current].pop()) && isHan([...token][0])) {
      out.push(current)
      current = token
    } else current = `${current} ${token}`
  }
  if (current) out.push(current)
  return out
}

function cleanSegment(segment: string): string {
  return segment.trim().replace(LEADING_NUMBER, '').replace(QUOTES, '').trim()
}

/**
 * The names in a pasted text (a column copied from Excel, a list from a chat):
 * split on new lines, tabs, commas, 、 and ；, and on spaces between Chinese
 * names; trimmed; empty pieces, bare numbers (row numbers) and a 姓名 heading
 * dropped. Repeats are kept (flagDuplicates marks them), in the pasted order.
 */
export function parseNameList(text: string): string[] {
  const names: string[] = []
  for (const raw of text.split(SEGMENT_SPLIT)) {
    const segment = cleanSegment(raw)
    if (!segment) continue
    for (const name of splitTokens(segment.split(/\s+/u).filter(Boolean))) {
      const cleaned = cleanSegment(name)
      if (!cleaned || !HAS_LETTER.test(cleaned) || HEADINGS.has(cleaned)) continue
      names.push(cleaned)
    }
  }
  return names
}

/** The comparison key of a name: no white space, letters in lower case. */
export function nameKey(name: string): string {
  return name.replace(/\s+/gu, '').toLowerCase()
}

export function validateSectionName(name: string, sections: readonly Section[], exceptId: string | null = null): string | null {
  const trimmed = name.trim()
  if (!trimmed) return '请填写股室名称'
  if ([...trimmed].length > SECTION_NAME_MAX) return `股室名称不能超过 ${SECTION_NAME_MAX} 个字`
  const clash = sections.find((s) => s.id !== exceptId && nameKey(s.name) === nameKey(trimmed))
  if (clash) return `已有名为“${clash.name}”的股室，请换一个名称`
  return null
}

/** What the person form edits (everything but the stamp). */
export type PersonInput = Omit<Person, 'updatedAt' | 'id'> & { id: string | null }

export function validatePersonName(name: string): string | null {
  const trimmed = name.trim()
  if (!trimmed) return '请填写姓名'
  if ([...trimmed].length > NAME_MAX) return `姓名不能超过 ${NAME_MAX} 个字`
  return null
}

export function validateJoinDate(activeFrom: string, today: IsoDate): string | null {
  if (!isIsoDate(activeFrom)) return '请选择有效的调入日期'
  if (activeFrom > today) return `调入日期不能晚于今天（${today}）`
  return null
}

/** The 调出/退休 date of a person who joined on activeFrom. */
export function validateLeaveDate(activeTo: string, activeFrom: IsoDate, today: IsoDate): string | null {
  if (!isIsoDate(activeTo)) return '请选择有效的调出日期'
  if (activeTo < activeFrom) return `调出日期不能早于调入日期（${activeFrom}）`
  if (activeTo > today) return `调出日期不能晚于今天（${today}），请在当天或之后再办理调出`
  return null
}

function validateSectionRef(sectionId: string | null, sections: readonly Section[]): string | null {
  if (sectionId === null) return sections.length ? '请选择所属股室' : null
  if (!sections.some((s) => s.id === sectionId)) return '所选股室已不存在，请重新选择'
  return null
}

function validateRoles(roles: readonly string[]): string | null {
  return roles.every((r) => (ROLES as readonly string[]).includes(r)) ? null : '身份只能是领导班子成员或执法证持证人员'
}

/** Every field of the person form; the first problem found, or null. */
export function validatePerson(input: PersonInput, sections: readonly Section[], today: IsoDate): string | null {
  return (
    validatePersonName(input.name) ??
    validateSectionRef(input.sectionId, sections) ??
    ((input.title ?? '').trim().length > TITLE_MAX ? `职务不能超过 ${TITLE_MAX} 个字` : null) ??
    validateRoles(input.roles) ??
    ((input.certNo ?? '').trim().length > CERT_NO_MAX ? `执法证号不能超过 ${CERT_NO_MAX} 个字符` : null) ??
    validateJoinDate(input.activeFrom, today) ??
    (input.activeTo === null ? null : validateLeaveDate(input.activeTo, input.activeFrom, today))
  )
}

/** Trimmed fields, empty optional text as null, roles in glossary order without repeats. */
export function normalizePerson(input: PersonInput): PersonInput {
  const text = (s: string | null) => (s && s.trim() ? s.trim() : null)
  return {
    ...input,
    name: input.name.trim(),
    title: text(input.title),
    certNo: text(input.certNo),
    roles: ROLES.filter((r) => input.roles.includes(r)) as Role[],
  }
}

/** Things worth a second look that do not block saving. */
export function personWarnings(input: PersonInput, persons: readonly Person[]): string[] {
  const out: string[] = []
  if (input.roles.includes('enforcement') && !(input.certNo ?? '').trim()) {
    out.push('执法证持证人员尚未填写执法证号（可以稍后补充）')
  }
  const key = nameKey(input.name)
  const twin = key ? persons.find((p) => p.id !== input.id && nameKey(p.name) === key) : undefined
  if (twin) out.push(`名册中已有同名人员“${twin.name}”，请确认不是重复添加`)
  return out
}
