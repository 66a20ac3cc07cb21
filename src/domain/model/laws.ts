/**
 * The law catalogue: laws, regulations and study texts that units commonly
 * study, with official titles and the short names people search by. An
 * activity's `laws` holds official titles; a name outside the catalogue is
 * allowed (the form offers the catalogue first).
 */
import catalogue from './laws-catalogue.json'

export interface LawEntry {
  /** Official title, without 《》. */
  title: string
  /** The short name people say and search by (宪法, 民法典…). */
  short: string
  /** The catalogue group (宪法及宪法相关法, 行政法…). */
  group: string
}

export interface LawGroup {
  group: string
  items: readonly { title: string; short: string }[]
}

export const LAW_GROUPS: readonly LawGroup[] = catalogue.groups

const ALL_LAWS: readonly LawEntry[] = LAW_GROUPS.flatMap((g) =>
  g.items.map((item) => ({ title: item.title, short: item.short, group: g.group })),
)

const BY_TITLE = new Map(ALL_LAWS.map((law) => [law.title, law]))
const BY_SHORT = new Map(ALL_LAWS.map((law) => [law.short, law]))

const PRC_PREFIX = '中华人民共和国'

/** Removes book-title marks, angle brackets and white space (incl. full-width). */
export function normaliseLawName(name: string): string {
  return name.replace(/[《》〈〉<>\s\u3000]/g, '')
}

/** Every catalogue entry, in catalogue order. */
export function allLaws(): LawEntry[] {
  return ALL_LAWS.map((law) => ({ ...law }))
}

/** 0 is the best match; null when the entry does not match at all. */
function rank(law: LawEntry, q: string): number | null {
  if (law.short === q || law.title === q) return 0
  if (law.short.startsWith(q)) return 1
  const bare = law.title.startsWith(PRC_PREFIX) ? law.title.slice(PRC_PREFIX.length) : law.title
  if (law.title.startsWith(q) || bare.startsWith(q)) return 2
  if (law.short.includes(q)) return 3
  if (law.title.includes(q)) return 4
  return null
}

/**
 * Catalogue entries whose title or short name contains the query (《》 and
 * white space ignored). Exact and prefix matches of the short name come
 * first, then title prefixes, then other matches; catalogue order breaks ties.
 * An empty query lists the catalogue from the start.
 */
export function searchLaws(query: string, limit = 20): LawEntry[] {
  const q = normaliseLawName(query)
  if (q === '') return allLaws().slice(0, limit)
  const hits: { law: LawEntry; rank: number; index: number }[] = []
  ALL_LAWS.forEach((law, index) => {
    const r = rank(law, q)
    if (r !== null) hits.push({ law, rank: r, index })
  })
  hits.sort((a, b) => a.rank - b.rank || a.index - b.index)
  return hits.slice(0, limit).map((h) => ({ ...h.law }))
}

/** The catalogue entry for an official title or a short name, or null. */
export function findLaw(name: string): LawEntry | null {
  const n = normaliseLawName(name)
  const law = BY_TITLE.get(n) ?? BY_SHORT.get(n)
  return law ? { ...law } : null
}

/** True when `title` (with or without 《》) is an official title in the catalogue. */
export function isKnownLaw(title: string): boolean {
  return BY_TITLE.has(normaliseLawName(title))
}

/** The short name of a known law ("宪法"), else the title as given. */
export function displayLawName(title: string): string {
  return BY_TITLE.get(normaliseLawName(title))?.short ?? title
}

/** The official title for a title or short name from the catalogue, else the input without 《》. */
export function officialLawTitle(name: string): string {
  const n = normaliseLawName(name)
  return (BY_TITLE.get(n) ?? BY_SHORT.get(n))?.title ?? name.replace(/[《》]/g, '').trim()
}

/** The official title of the Constitution: lists of studied laws name it first, as official documents do. */
export const CONSTITUTION_TITLE = officialLawTitle('宪法')
