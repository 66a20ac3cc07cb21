/**
 * 考核指标: the year's target set, following the database, and the keeper's
 * writes (save, copy from last year, defaults). Every write is validated and
 * is one commitChanges transaction.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { getDb, listTargetSets, randomId } from '@/db'
import { commitChanges } from '@/db/writes'
import { localIsoDate, yearOf } from '@/domain/model/dates'
import { targetSetFor } from '@/domain/measures/target-rules'
import { validateRules } from '@/domain/input/target-input'
import { copyTargetSet, defaultTargetSet } from '@/domain/measures/targets-default'
import type { CountingRules, TargetRule, TargetSet } from '@/domain/model/types'
import { liveData } from './live'
import { InputError } from '@/domain/input/input-error'

/** A save refused by validation; `message` is the first zh-CN problem. */
export class TargetValidationError extends InputError {
  constructor(readonly messages: string[]) {
    super(messages[0] ?? '考核指标有误')
    this.name = 'TargetValidationError'
  }
}

export const MIN_YEAR = 2000
export const MAX_YEAR = 2100

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new TargetValidationError([`年度应为 ${MIN_YEAR}–${MAX_YEAR} 之间的整数`])
  }
}

export const useTargetsStore = defineStore('targets', () => {
  const year = ref(yearOf(localIsoDate(new Date())))
  const sets = liveData<TargetSet[]>(() => listTargetSets(getDb()), [])

  const targetSet = computed(() => targetSetFor(sets.data.value, year.value))
  const lastYearSet = computed(() => targetSetFor(sets.data.value, year.value - 1))
  /** Years that have a target set, newest first. */
  const years = computed(() => [...new Set(sets.data.value.map((s) => s.year))].sort((a, b) => b - a))

  /**
   * Writes the year's set, keeping the id of the set it replaces (merges as one record) and its counting rules
   * unless new ones are given.
   */
  async function writeSet(forYear: number, rules: TargetRule[], counting?: CountingRules | null): Promise<void> {
    const errors = validateRules(rules)
    if (errors.length > 0) {
      throw new TargetValidationError(errors.map((e) => `第 ${e.index + 1} 条规则：${e.message}`))
    }
    const current = targetSetFor(sets.data.value, forYear) ?? targetSetFor(await listTargetSets(getDb()), forYear)
    const kept = counting === undefined ? current?.counting : counting
    const set: Omit<TargetSet, 'updatedAt'> = { id: current?.id ?? randomId('t'), year: forYear, rules, ...(kept ? { counting: kept } : {}) }
    await commitChanges(getDb(), [{ table: 'targetSets', put: [set] }])
  }

  /** The keeper's counting rules for a year; the year needs its targets first. */
  async function saveCounting(forYear: number, counting: CountingRules): Promise<void> {
    checkYear(forYear)
    const h = counting.dailyConfirmHours
    if (!(h > 0 && h <= 24 && Number.isInteger(h * 2))) throw new TargetValidationError(['单日学时提醒线应为 0.5 至 24 之间、0.5 的整数倍'])
    const current = targetSetFor(await listTargetSets(getDb()), forYear)
    if (current === null) throw new TargetValidationError([`${forYear} 年度还没有考核指标，请先在“考核指标”中设置`])
    await writeSet(forYear, structuredClone(current.rules), { ...counting })
  }

  /** Save the year's rules; rejects with TargetValidationError before writing anything. */
  async function saveTargetSet(rules: TargetRule[], forYear = year.value): Promise<void> {
    checkYear(forYear)
    await writeSet(forYear, structuredClone(rules))
  }

  /** The previous year's rules under new ids; rejects when that year has no set. */
  async function copyFromLastYear(forYear = year.value): Promise<void> {
    checkYear(forYear)
    const from = targetSetFor(await listTargetSets(getDb()), forYear - 1)
    if (from === null) throw new TargetValidationError([`${forYear - 1} 年度还没有考核指标，无法复制`])
    await writeSet(forYear, copyTargetSet(from, forYear, () => randomId('r'), '').rules, from.counting ?? null)
  }

  /** The default rules (docs/spec/report-figures.md, "Targets") for a year (replaces that year's rules). */
  async function createDefaults(forYear = year.value): Promise<void> {
    checkYear(forYear)
    await writeSet(forYear, defaultTargetSet(forYear, () => randomId('r'), '').rules)
  }

  /** An id for a rule the editor adds (saved with the set). */
  function newRuleId(): string {
    return randomId('r')
  }

  return {
    year,
    sets: sets.data,
    isLoaded: sets.isLoaded,
    error: sets.error,
    targetSet,
    lastYearSet,
    years,
    saveTargetSet,
    copyFromLastYear,
    createDefaults,
    saveCounting,
    newRuleId,
  }
})
