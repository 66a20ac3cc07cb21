// A training card that adds up, for every enforcement officer of the demo ledger and of the worked example: its
// category rows sum to its total, which is what the 60-学时 rule counts, and so do its rows; the official's home
// tiles and the per-person table's category columns follow the same classification (model/categories.ts).
import { describe, expect, it } from 'vitest'
import { buildTrainingCards } from '../../../../src/domain/measures/training-cards'
import { computePersonHours } from '../../../../src/domain/measures/person-hours'
import { computeReportFigures } from '../../../../src/domain/report/figures'
import { personProgress } from '../../../../src/domain/views/person-progress'
import { categoryOf } from '../../../../src/domain/model/categories'
import { TRAINING_CATEGORIES, type TrainingCategory } from '../../../../src/domain/model/types'
import { LEDGER_CASES } from '../sample-ledgers'

const total = (byCategory: Record<TrainingCategory, number>) => TRAINING_CATEGORIES.reduce((s, c) => s + byCategory[c], 0)

describe.each(LEDGER_CASES)('$name', ({ data, year, asOf }) => {
  const figures = computeReportFigures(data, year, asOf)
  const cards = buildTrainingCards(data, figures.perPerson, year, asOf)

  it('has a card for every enforcement officer, and study that is not 业务培训 on them', () => {
    expect(cards.length).toBe(figures.perPerson.filter((r) => r.person.roles.includes('enforcement')).length)
    expect(cards.length).toBeGreaterThan(1)
    expect(cards.some(({ card }) => card.others.length > 0)).toBe(true)
  })

  it('adds up on every card: category rows = total = the rule\'s hours = the rows\' hours = the last running total', () => {
    for (const { card } of cards) {
      const who = card.person.name
      const rows = [...card.trainings, ...card.others]
      expect(total(card.byCategory), who).toBeCloseTo(card.result.hours, 9)
      expect(rows.reduce((s, r) => s + r.activity.hours, 0), who).toBeCloseTo(card.result.hours, 9)
      expect(rows.length === 0 ? 0 : rows[rows.length - 1].running, who).toBeCloseTo(card.result.hours, 9)
      for (const c of TRAINING_CATEGORIES) {
        const ofRows = rows.filter((r) => r.category === c).reduce((s, r) => s + r.activity.hours, 0)
        expect(ofRows, `${who} ${c}`).toBeCloseTo(card.byCategory[c], 9)
      }
      for (const r of rows) expect(r.category).toBe(categoryOf(r.activity))
    }
  })

  it('gives each officer the same total on the card, in the report\'s enforcement figures and on the home tiles', () => {
    const hours = computePersonHours(data.activities, year, asOf)
    for (const { card } of cards) {
      const me = personProgress(data, card.person.id, year, asOf, { hours })!
      const rule = me.rules.find((r) => r.ruleId === card.rule.id)
      if (rule === undefined) continue // not active in the period
      expect(rule.hours, card.person.name).toBeCloseTo(card.result.hours, 9)
      expect(rule.categoryHours, card.person.name).toEqual(card.byCategory)
      // The tiles follow the binding rule, and add up to the hours its ring shows.
      expect(total(me.categoryHours), card.person.name).toBeCloseTo(me.rule!.hours, 9)
    }
  })

  it('fills the per-person table\'s category columns so that they add up to each person\'s 总学时', () => {
    for (const r of figures.perPerson) expect(total(r.categoryHours), r.person.name).toBeCloseTo(r.totalHours, 9)
  })
})
