/**
 * The roster (人员名册): sections and persons, following the database live.
 * Every action validates first (InputError with a zh-CN message, nothing
 * written) and writes in one transaction. 调出 only sets `activeTo`: a person's
 * activities and exam results are never touched.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { getDb, listPersons, listSections, randomId } from '@/db'
import { commitChanges, type TableChange } from '@/db/writes'
import { countPersonReferences, findLivePerson, type PersonReferences } from '@/db/person-references'
import { localIsoDate } from '@/domain/model/dates'
import { nextPersonOrder } from '@/domain/model/order'
import { InputError } from '@/domain/input/input-error'
import { planRosterPaste, rosterPasteRecords, type PasteDefaults } from '@/domain/input/roster-paste-plan'
import type { PastedPerson } from '@/domain/input/roster-paste'
import {
  normalizePerson,
  validateJoinDate,
  validateLeaveDate,
  validatePerson,
  validatePersonName,
  validateSectionName,
  type PersonInput,
} from '@/domain/input/roster-input'
import type { IsoDate, Person, Section } from '@/domain/model/types'
import { liveData } from './live'

type NewSection = Omit<Section, 'updatedAt'>
type NewPerson = Omit<Person, 'updatedAt'>

/** What a paste wrote. */
export interface PasteOutcome {
  added: number
  updated: number
  sections: number
  /** The persons written, in the pasted order. */
  ids: string[]
}

const today = () => localIsoDate(new Date())

const putSections = (put: NewSection[]): TableChange => ({ table: 'sections', put })
const putPersons = (put: NewPerson[]): TableChange => ({ table: 'persons', put })

function refuse(message: string | null): void {
  if (message) throw new InputError(message)
}

/** Run `fn` in one rw transaction over the roster tables (reads inside see a consistent roster). */
function inRosterTransaction<T>(fn: () => Promise<T>): Promise<T> {
  const db = getDb()
  return db.transaction('rw', [db.sections, db.persons, db.meta, db.outbox], fn)
}

function withoutStamp<T extends { updatedAt: string }>(record: T): Omit<T, 'updatedAt'> {
  const { updatedAt: _u, ...rest } = record
  return rest
}

async function findPerson(personId: string): Promise<Person> {
  const person = await findLivePerson(getDb(), personId)
  if (!person) throw new InputError('找不到这名人员，可能已被删除，请返回名册刷新')
  return person
}

async function findSection(sectionId: string): Promise<{ section: Section; sections: Section[] }> {
  const sections = await listSections(getDb())
  const section = sections.find((s) => s.id === sectionId)
  if (!section) throw new InputError('找不到这个股室，可能已被删除')
  return { section, sections }
}

export const useRosterStore = defineStore('roster', () => {
  const sectionsLive = liveData(() => listSections(getDb()), [] as Section[])
  const personsLive = liveData(() => listPersons(getDb()), [] as Person[])
  const sections = sectionsLive.data
  const persons = personsLive.data
  const isLoaded = computed(() => sectionsLive.isLoaded.value && personsLive.isLoaded.value)
  const error = computed(() => sectionsLive.error.value ?? personsLive.error.value)
  const personById = computed(() => new Map(persons.value.map((p) => [p.id, p])))
  const sectionById = computed(() => new Map(sections.value.map((s) => [s.id, s])))

  async function addSection(name: string): Promise<string> {
    const id = randomId('s')
    await inRosterTransaction(async () => {
      const existing = await listSections(getDb())
      refuse(validateSectionName(name, existing))
      const order = existing.reduce((m, s) => Math.max(m, s.order), 0) + 1
      await commitChanges(getDb(), [putSections([{ id, name: name.trim(), order }])])
    })
    return id
  }

  async function renameSection(sectionId: string, name: string): Promise<void> {
    await inRosterTransaction(async () => {
      const { section, sections: all } = await findSection(sectionId)
      refuse(validateSectionName(name, all, sectionId))
      await commitChanges(getDb(), [putSections([{ ...withoutStamp(section), name: name.trim() }])])
    })
  }

  /** Move a section one place up (-1) or down (+1); orders are renumbered 1…n. */
  async function moveSection(sectionId: string, delta: -1 | 1): Promise<void> {
    await inRosterTransaction(async () => {
      const { sections: all } = await findSection(sectionId)
      const from = all.findIndex((s) => s.id === sectionId)
      const to = from + delta
      if (to < 0 || to >= all.length) return
      const next = [...all]
      ;[next[from], next[to]] = [next[to], next[from]]
      const changed = next.flatMap((s, i) => (s.order === i + 1 ? [] : [{ ...withoutStamp(s), order: i + 1 }]))
      if (changed.length) await commitChanges(getDb(), [putSections(changed)])
    })
  }

  /** Refused while anyone (a leaver too: their records name the section) belongs to it. */
  async function removeSection(sectionId: string): Promise<void> {
    await inRosterTransaction(async () => {
      const { section } = await findSection(sectionId)
      const members = (await listPersons(getDb())).filter((p) => p.sectionId === sectionId)
      if (members.length) {
        const leavers = members.filter((p) => p.activeTo !== null).length
        const note = leavers ? `（其中已调出 ${leavers} 人）` : ''
        throw new InputError(`“${section.name}”还有 ${members.length} 名人员${note}，请先把他们调整到其他股室，再删除此股室`)
      }
      await commitChanges(getDb(), [{ table: 'sections', remove: [sectionId] }])
    })
  }

  /** Add (id null: placed after everyone) or update a person (keeping their place); returns the id. */
  async function savePerson(input: PersonInput, on: IsoDate = today()): Promise<string> {
    const { order: _ignored, ...person } = normalizePerson(input)
    const id = person.id ?? randomId('p')
    await inRosterTransaction(async () => {
      refuse(validatePerson(person, await listSections(getDb()), on))
      const order = person.id !== null ? (await findPerson(person.id)).order : nextPersonOrder(await listPersons(getDb()))
      await commitChanges(getDb(), [putPersons([{ ...person, id, ...(order === undefined ? {} : { order }) }])])
    })
    return id
  }

  /**
   * 批量添加 from a paste: new sections, new persons (in the pasted order, after everyone) and the
   * updates of existing ones, planned again against the roster as it is inside one transaction.
   * `picked` are the keeper's ticks by row index. Refused (nothing written) when a row fails a check.
   */
  async function pasteRoster(
    pasted: readonly PastedPerson[],
    picked: Readonly<Record<number, boolean>>,
    defaults: PasteDefaults,
    on: IsoDate = today(),
  ): Promise<PasteOutcome> {
    return inRosterTransaction(async () => {
      const roster = { sections: await listSections(getDb()), persons: await listPersons(getDb()) }
      const rows = planRosterPaste(pasted, roster, defaults)
      const records = rosterPasteRecords(rows, picked, roster, defaults, (prefix) => randomId(prefix))
      if (!records.persons.length) throw new InputError('没有勾选要添加或更新的人员')
      refuse(validateJoinDate(defaults.activeFrom, on))
      const allSections = [...roster.sections, ...records.sections.map((s) => ({ ...s, updatedAt: '' }))]
      for (const s of records.sections) refuse(validateSectionName(s.name, roster.sections))
      for (const r of records.persons) {
        const problem = validatePersonName(r.name) ?? validatePerson({ ...r, id: null, activeTo: null }, allSections, on)
        if (problem) throw new InputError(`“${r.name}”：${problem}`)
      }
      await commitChanges(getDb(), [putSections(records.sections), putPersons(records.persons)])
      const known = new Set(roster.persons.map((p) => p.id))
      const added = records.persons.filter((p) => !known.has(p.id)).length
      return { added, updated: records.persons.length - added, sections: records.sections.length, ids: records.persons.map((p) => p.id) }
    })
  }

  /** 调出/退休 on `date`: the person stays on file with every record; only `activeTo` changes. */
  async function setLeaving(personId: string, date: IsoDate, on: IsoDate = today()): Promise<void> {
    await inRosterTransaction(async () => {
      const person = await findPerson(personId)
      refuse(validateLeaveDate(date, person.activeFrom, on))
      await commitChanges(getDb(), [putPersons([{ ...withoutStamp(person), activeTo: date }])])
    })
  }

  /** 恢复在册: clears `activeTo`. */
  async function reinstate(personId: string): Promise<void> {
    await inRosterTransaction(async () => {
      const person = await findPerson(personId)
      if (person.activeTo === null) return
      await commitChanges(getDb(), [putPersons([{ ...withoutStamp(person), activeTo: null }])])
    })
  }

  function referencesOf(personId: string): Promise<PersonReferences> {
    return countPersonReferences(getDb(), personId)
  }

  /** Only for a person entered by mistake: refused once any record names them (use 调出 instead). */
  async function removePerson(personId: string): Promise<void> {
    const db = getDb()
    await db.transaction('rw', [db.persons, db.activities, db.examResults, db.meta, db.outbox], async () => {
      const person = await findPerson(personId)
      const refs = await countPersonReferences(db, personId)
      if (refs.activities || refs.examResults) {
        throw new InputError(`${person.name} 已有 ${refs.activities} 条学习记录、${refs.examResults} 条考试成绩，不能删除；如已离开本单位，请使用“调出/退休”`)
      }
      await commitChanges(db, [{ table: 'persons', remove: [personId] }])
    })
  }

  return {
    sections, persons, isLoaded, error, personById, sectionById,
    addSection, renameSection, moveSection, removeSection,
    savePerson, pasteRoster, setLeaving, reinstate, referencesOf, removePerson,
  }
})
