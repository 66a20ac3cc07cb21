/**
 * How a year's hours are counted: the keeper's explicit choice, kept with the year's targets (TargetSet.counting)
 * so that every device counts alike. (首页 loads this module with the first screen: keep it small; the unverified
 * hours beside the figures are unverified.ts.)
 */
import type { CountingRules, TargetSet } from '../model/types'

/** Without an explicit choice: unverified 自报 hours do not count; a day over 8 学时 asks to confirm. */
export const DEFAULT_COUNTING: Readonly<CountingRules> = { countSelfReported: false, dailyConfirmHours: 8 }

/** Whether unverified 自报 hours count in year Y (the part of the rules 首页 needs, kept small for the first screen). */
export function countsSelfReported(sets: readonly TargetSet[], year: number): boolean {
  return sets.find((s) => s.year === year)?.counting?.countSelfReported === true
}

/** The counting rules of year Y (its target set's, else the defaults), and whether the keeper chose them. */
export function countingRulesFor(sets: readonly TargetSet[], year: number): CountingRules & { isChosen: boolean } {
  const chosen = sets.find((s) => s.year === year)?.counting ?? null
  return chosen ? { ...chosen, isChosen: true } : { ...DEFAULT_COUNTING, isChosen: false }
}
