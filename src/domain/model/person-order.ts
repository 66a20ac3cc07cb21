/**
 * The roster order of persons (issue #16): where a list of persons is shown in a fixed order — the
 * roster, the attendee picker, the result entry — it follows each person's `order` (the row of the
 * pasted Excel list, so 局长 stays first), not the alphabet. Persons without an `order` (entered before
 * it existed) come first, leaders first among them, then by name in the zh-CN collation; the id breaks
 * ties, so the order never depends on the order of the array. docs/spec/person-order.md.
 */
import type { Person } from './types'

const ZH = new Intl.Collator('zh-CN')

/** zh-CN (pinyin) order of names; one shared collator, far faster than localeCompare in a sort. */
export function compareZh(a: string, b: string): number {
  return ZH.compare(a, b)
}

type Ordered = Pick<Person, 'id' | 'name' | 'roles' | 'order'>

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
  return compareZh(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** The `order` of the next person added: after everyone, whole numbers (1 for the first). */
export function nextPersonOrder(persons: readonly Pick<Person, 'order'>[]): number {
  let max = 0
  for (const p of persons) if (p.order !== undefined && p.order > max) max = p.order
  return Math.floor(max) + 1
}
