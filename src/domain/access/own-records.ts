/**
 * Does an official's phone hold all her own 自学 / 线上 records that the keeper holds? (docs/spec/scopes.md)
 *
 * A phone set up from the 发布 file holds the records made on it, not those the keeper entered for her or that she
 * made on another phone. The 发布 and 股室 files carry, per person, a digest of the ids of her personal records the
 * keeper holds (dated from January 1 of the year before the export), salted with her id and the file's export
 * time: her phone compares it with the ids it knows she holds. When one candidate set matches — what one of her
 * recent 提交 files carried, what the phone holds now, or nothing at all — the keeper holds nothing of hers that the
 * phone lacks; otherwise her own view is partial.
 *
 * What the digest tells anyone else: record ids are random, so nothing, except — to someone who recomputes it —
 * whether the keeper holds no such record of a person at all. The salt keeps equal sets from showing as equal
 * digests, within a file or between two files.
 */
import { PERSONAL_KINDS, isTombstone, type IsoDate, type LedgerRecords, type OwnRecordDigest } from '../model/types'

/** FNV-1a over a string, from an offset basis: 32 bits. */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** What a digest is salted with: the person and the file (its export instant). */
export interface DigestSalt {
  personId: string
  exportedAt: string
}

/** A 64-bit digest of a set of ids (order and repeats do not matter) under a salt. Not a secret. */
export function idsDigest(ids: Iterable<string>, salt: DigestSalt): string {
  const text = [`${salt.personId}\t${salt.exportedAt}`, ...[...new Set(ids)].sort()].join('\n')
  return fnv1a(text, 0x811c9dc5).toString(16).padStart(8, '0') + fnv1a(text, 0x01234567).toString(16).padStart(8, '0')
}

/** Per person on the roster: the digest of her live personal records dated from `from`, as the keeper holds them. */
export function projectOwnDigests(records: LedgerRecords, from: IsoDate, exportedAt: string): OwnRecordDigest[] {
  const ids = new Map<string, string[]>()
  for (const p of records.persons) if (!isTombstone(p)) ids.set(p.id, [])
  for (const a of records.activities) {
    if (isTombstone(a) || !PERSONAL_KINDS.includes(a.kind) || a.date < from) continue
    for (const id of new Set(a.attendees)) ids.get(id)?.push(a.id)
  }
  return [...ids].map(([personId, list]) => ({ id: personId, digest: idsDigest(list, { personId, exportedAt }), from }))
}

/** A live record of hers as her phone knows it: enough to test it against the digest's window. */
export interface OwnRecordRef {
  id: string
  date: IsoDate
}

/** One 提交 file as her phone remembers it: when it went out, and her live records it stood for. */
export interface SubmittedSet {
  at: string
  records: OwnRecordRef[]
}

export interface OwnRecordsCheck {
  personId: string
  /** The digest of her records the keeper published, its window and the file's export time; undefined: none known. */
  published: { digest: string; from: IsoDate; asOf: string } | undefined
  /** Her recent 提交 files, newest first; null when she submitted before the phone kept them (it cannot tell). */
  submitted: SubmittedSet[] | null
  /** Her own live 自学 / 线上 records on the phone now. */
  held: OwnRecordRef[]
  /** Ids the keeper deleted (a deletion this phone received, not one made here). */
  keeperDeleted: ReadonlySet<string>
}

/**
 * True when the phone holds every personal record of hers that the keeper held at the last 发布 / 股室 file it
 * received: a candidate set is exactly what the keeper held. A match is proof whatever the clocks say (each
 * candidate is on the phone, or was deleted there), so no candidate is left out by its time. True too when the phone
 * cannot tell (no digest, or 提交 files sent before this check existed): it then says what it always said.
 */
export function ownRecordsHeld(check: OwnRecordsCheck): boolean {
  const { published, submitted } = check
  if (published === undefined || submitted === null) return true
  const salt = { personId: check.personId, exportedAt: published.asOf }
  const candidates = [...submitted.map((s) => s.records), check.held, []]
  return candidates.some((refs) => {
    const ids = refs.filter((r) => r.date >= published.from && !check.keeperDeleted.has(r.id)).map((r) => r.id)
    return idsDigest(ids, salt) === published.digest
  })
}
