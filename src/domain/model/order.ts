/**
 * The orders lists are shown in, one of each: names in the zh-CN (pinyin) collation; persons in the roster order
 * (each person's `order` — the row of the pasted Excel list, so 局长 stays first — see docs/spec/person-order.md);
 * and persons by section (the roster's section order) then in the roster order. Every list of persons sorts with
 * these.
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

type Ordered = Pick<Person, 'id' | 'name' | 'roles' | 'order'>

/**
 * The roster order of persons: by `order`; persons without one (entered before it existed) come first, leaders
 * first among them, then by name; the id breaks ties, so the order never depends on the order of the array.
 */
export function comparePersons(a: Ordered, b: Ordered): number {
  const ha = a.order !== undefined
  const hb = b.order !== undefined
  if (ha !== hb) return ha ? 1 : -1
  if (ha && hb && a.order !== b.order) return (a.order as number) - (b.order as number)
  if (!ha) {
    const la = a.roles.includes('leader') ? 0 : 1
    const lb = b.roles.includes('leader') ? 0 : 1
    if (la !== lb) return la - lb
  }
  return byName(a, b)
}

/** The `order` of the next person added: after everyone, whole numbers (1 for the first). */
export function nextPersonOrder(persons: readonly Pick<Person, 'order'>[]): number {
  let max = 0
  for (const p of persons) if (p.order !== undefined && p.order > max) max = p.order
  return Math.floor(max) + 1
}

/** Persons by their section's order (no or an unknown section last), then in the roster order. */
export function rosterOrder(sections: readonly Section[]): (a: Person, b: Person) => number {
  const rank = new Map(sections.map((s) => [s.id, s.order]))
  const rankOf = (p: Person) => (p.sectionId !== null ? (rank.get(p.sectionId) ?? Infinity) : Infinity)
  return (a, b) => rankOf(a) - rankOf(b) || comparePersons(a, b)
}
