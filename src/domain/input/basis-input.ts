/**
 * The 依据 fields of the targets editor (issue #16): the basis text, the years it applies (as typed) and
 * the year the keeper confirmed it applies outside them; converted to the optional record fields
 * (absent when not given, so records that never use them stay as before) and checked.
 */
import type { RuleBasis } from '../model/types'

/** The 依据 part of every rule form: text, its years (empty = not stated), the year confirmed outside them. */
export interface BasisForm {
  basis: string
  basisFrom: string
  basisTo: string
  basisConfirmedFor: number | null
}

export function basisToForm(rule: RuleBasis): BasisForm {
  const year = (y: number | null | undefined) => (y === null || y === undefined ? '' : String(y))
  return { basis: rule.basis ?? '', basisFrom: year(rule.basisFrom), basisTo: year(rule.basisTo), basisConfirmedFor: rule.basisConfirmedFor ?? null }
}

export const NO_BASIS: BasisForm = { basis: '', basisFrom: '', basisTo: '', basisConfirmedFor: null }

const isYear = (y: number | null | undefined) => y === null || y === undefined || (Number.isInteger(y) && y >= 1949 && y <= 2100)

export function checkBasisYears(rule: RuleBasis, push: (field: string, message: string) => void): void {
  if (!isYear(rule.basisFrom)) push('basisFrom', '有效期起始年份应为四位数年份（如 2023）')
  else if (!isYear(rule.basisTo)) push('basisTo', '有效期结束年份应为四位数年份（如 2025）')
  else if (rule.basisFrom != null && rule.basisTo != null && rule.basisTo < rule.basisFrom) {
    push('basisTo', `有效期结束年份不能早于起始年份（${rule.basisFrom}）`)
  }
}

/** The basis fields of a record: text or null; years and confirmation only when given (optional fields). */
export function basisFromForm(f: BasisForm): RuleBasis {
  const year = (t: string) => (t.trim() === '' ? null : /^\d+$/.test(t.trim()) ? Number(t.trim()) : Number.NaN)
  const from = year(f.basisFrom)
  const to = year(f.basisTo)
  return {
    basis: f.basis.trim() === '' ? null : f.basis.trim(),
    ...(from !== null ? { basisFrom: from } : {}),
    ...(to !== null ? { basisTo: to } : {}),
    ...(f.basisConfirmedFor !== null ? { basisConfirmedFor: f.basisConfirmedFor } : {}),
  }
}
