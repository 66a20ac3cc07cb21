/**
 * What a roster paste would do, row by row, before anything is saved (issue #16): add a person, fill
 * in what an existing one lacks (执法证号, 职务, 股室, 身份), or leave the row out — and why. The
 * preview shows exactly this; the store computes it again inside its transaction and writes it.
 */
import { ROLES, type IsoDate, type Person, type Role, type Section } from '../model/types'
import { nextPersonOrder } from '../model/order'
import { CERT_NO_MAX, NAME_MAX, SECTION_NAME_MAX, TITLE_MAX, nameKey } from './roster-input'
import type { PastedPerson } from './roster-paste'

export type PasteAction = 'add' | 'update' | 'none'

export interface PlannedRow {
  /** Index in the paste (the key of the keeper's tick). */
  index: number
  person: PastedPerson
  action: PasteAction
  /** The person the row updates. */
  existingId: string | null
  /** Section of the row: an existing id, or a name to be created (`newSection`). */
  sectionId: string | null
  newSection: string | null
  roles: Role[]
  /** What an update changes, in words ("执法证号", "职务"). */
  changes: string[]
  /** Why the row cannot be saved; null when it can. */
  problem: string | null
  /** Worth a look, not blocking; a flagged row starts unticked (`isSuggested` false). */
  flag: string | null
  notes: string[]
  isSuggested: boolean
}

export interface PasteDefaults {
  /** For rows without a 股室. */
  sectionId: string | null
  /** Added to every new person. */
  roles: Role[]
  activeFrom: IsoDate
}

interface Roster {
  persons: readonly Person[]
  sections: readonly Section[]
}

const union = (...lists: (readonly Role[] | null)[]) => ROLES.filter((r) => lists.some((l) => l?.includes(r)))

function fieldProblem(p: PastedPerson): string | null {
  if ([...p.name].length > NAME_MAX) return `姓名过长（超过 ${NAME_MAX} 个字）`
  if (p.section !== null && [...p.section].length > SECTION_NAME_MAX) return `股室名称过长（超过 ${SECTION_NAME_MAX} 个字）`
  if (p.title !== null && [...p.title].length > TITLE_MAX) return `职务过长（超过 ${TITLE_MAX} 个字）`
  if (p.certNo !== null && p.certNo.length > CERT_NO_MAX) return `执法证号过长（超过 ${CERT_NO_MAX} 个字符）`
  return null
}

function changesOf(p: PastedPerson, existing: Person, sectionId: string | null, roles: Role[]): string[] {
  const out: string[] = []
  if (p.certNo !== null && p.certNo !== existing.certNo) out.push('执法证号')
  if (p.title !== null && p.title !== existing.title) out.push('职务')
  if (p.section !== null && sectionId !== existing.sectionId) out.push('股室')
  if (roles.length !== existing.roles.length) out.push('身份')
  return out
}

/** Every row of a paste against the roster as it is now. */
export function planRosterPaste(persons: readonly PastedPerson[], roster: Roster, defaults: PasteDefaults): PlannedRow[] {
  const sectionByKey = new Map(roster.sections.map((s) => [nameKey(s.name), s]))
  const active = roster.persons.filter((p) => p.activeTo === null)
  const certOwner = new Map(roster.persons.flatMap((p) => (p.certNo ? [[p.certNo, p] as const] : [])))
  const seenNames = new Map<string, number>()
  const seenCerts = new Map<string, number>()
  return persons.map((p, index) => {
    const key = nameKey(p.name)
    const named = active.filter((x) => nameKey(x.name) === key)
    const section = p.section === null ? null : (sectionByKey.get(nameKey(p.section)) ?? null)
    const sectionId = p.section === null ? (named[0]?.sectionId ?? defaults.sectionId) : (section?.id ?? null)
    const newSection = p.section !== null && section === null ? p.section : null
    const certRole: Role[] | null = p.certNo ? ['enforcement'] : null
    const row: PlannedRow = {
      index, person: p, action: 'add', existingId: null, sectionId, newSection, roles: union(defaults.roles, p.roles, certRole),
      changes: [], problem: fieldProblem(p), flag: null, notes: [], isSuggested: true,
    }
    const firstSeen = seenNames.get(key)
    if (!row.problem && named.length > 1) row.problem = `名册中有 ${named.length} 名“${p.name}”，请在人员信息中逐个修改`
    else if (named.length === 1) {
      const existing = named[0]
      row.existingId = existing.id
      row.roles = union(existing.roles, p.roles, certRole)
      if (p.section === null) row.sectionId = existing.sectionId
      row.changes = changesOf(p, existing, row.sectionId, row.roles)
      row.action = row.changes.length ? 'update' : 'none'
      if (row.action === 'none') row.notes.push('名册中已有，没有需要更新的内容')
    }
    if (firstSeen !== undefined) row.flag = `与第 ${firstSeen + 1} 条重复`
    else if (!p.looksLikeName) row.flag = '不像姓名'
    if (named.length === 0 && roster.persons.some((x) => x.activeTo !== null && nameKey(x.name) === key)) {
      row.notes.push('名册中有同名的已调出人员，将作为新人员添加')
    }
    const twin = p.certNo ? certOwner.get(p.certNo) : undefined
    const pastedTwin = p.certNo ? seenCerts.get(p.certNo) : undefined
    if (twin && twin.id !== row.existingId) row.notes.push(`执法证号与名册中的“${twin.name}”相同，请核对`)
    else if (pastedTwin !== undefined) row.notes.push(`执法证号与第 ${pastedTwin + 1} 条相同，请核对`)
    if (firstSeen === undefined) seenNames.set(key, index)
    if (p.certNo && pastedTwin === undefined) seenCerts.set(p.certNo, index)
    row.isSuggested = row.problem === null && row.flag === null && row.action !== 'none'
    return row
  })
}

/** Whether a row will be saved, with the keeper's ticks (`picked`, by index) over the suggestion. */
export function isPicked(row: PlannedRow, picked: Readonly<Record<number, boolean>>): boolean {
  if (row.problem !== null || row.action === 'none') return false
  return picked[row.index] ?? row.isSuggested
}

export type NewSection = Omit<Section, 'updatedAt'>
export type NewPerson = Omit<Person, 'updatedAt'>

/** The records a paste writes: new sections (after the others), new persons (in pasted order, after everyone), updates. */
export function rosterPasteRecords(
  rows: readonly PlannedRow[],
  picked: Readonly<Record<number, boolean>>,
  roster: Roster,
  defaults: PasteDefaults,
  makeId: (prefix: 's' | 'p') => string,
): { sections: NewSection[]; persons: NewPerson[] } {
  const sections: NewSection[] = []
  const idOfNew = new Map<string, string>()
  let sectionOrder = roster.sections.reduce((m, s) => Math.max(m, s.order), 0)
  let order = nextPersonOrder(roster.persons)
  const byId = new Map(roster.persons.map((p) => [p.id, p]))
  const persons: NewPerson[] = []
  for (const row of rows) {
    if (!isPicked(row, picked)) continue
    let sectionId = row.sectionId
    if (row.newSection !== null) {
      const key = nameKey(row.newSection)
      if (!idOfNew.has(key)) {
        idOfNew.set(key, makeId('s'))
        sections.push({ id: idOfNew.get(key) as string, name: row.newSection.trim(), order: (sectionOrder += 1) })
      }
      sectionId = idOfNew.get(key) as string
    }
    const p = row.person
    const existing = row.existingId ? byId.get(row.existingId) : undefined
    if (existing) {
      const { updatedAt: _u, ...rest } = existing
      persons.push({ ...rest, sectionId, roles: row.roles, certNo: p.certNo ?? rest.certNo, title: p.title ?? rest.title })
    } else {
      persons.push({
        id: makeId('p'), name: p.name, sectionId, title: p.title, roles: row.roles, certNo: p.certNo,
        activeFrom: defaults.activeFrom, activeTo: null, order: order++,
      })
    }
  }
  return { sections, persons }
}
