/**
 * The orders lists are shown in, one of each: names in the zh-CN (pinyin) collation, persons by name, and persons by
 * section (the roster's section order) then name. Every list of persons sorts with these.
 */
import type { Person, Section } from './types'

const ZH = new Intl.Collator('zh-CN')

/** zh-CN (pinyin) order of names; one shared collator, far faster than localeCompare in a sort. */
export function compareZh(a: string, b: string): number {
  return ZH.compare(a, b)
}

/** Persons by name (zh-CN), the id keeping namesakes in one order. */
export function byName(a: Pick<Person, 'name' | 'id'>, b: Pick<Person, 'name' | 'id'>): number {
  return compareZh(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Persons by their section's order (no or an unknown section last), then by name. */
export function rosterOrder(sections: readonly Section[]): (a: Person, b: Person) => number {
  const rank = new Map(sections.map((s) => [s.id, s.order]))
  const rankOf = (p: Person) => (p.sectionId !== null ? (rank.get(p.sectionId) ?? Infinity) : Infinity)
  return (a, b) => rankOf(a) - rankOf(b) || byName(a, b)
}
