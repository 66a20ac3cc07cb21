/**
 * Every enforcement officer's 业务培训登记卡 for the report's workbook: the same
 * card as the 登记卡 screen (training-card.ts), built for all officers at once
 * from one pass over the year's activities (no per-person scan of all of them).
 */
import { buildTrainingCard, type TrainingCard } from './training-card'
import type { CountOptions } from './person-hours'
import type { Activity, IsoDate, LedgerData, Person } from '../model/types'

export interface OfficerCard {
  card: TrainingCard
  sectionName: string | null
}

/** Cards of the officers among `rows` (in their order); `data.activities` may be just the year's. */
export function buildTrainingCards(
  data: Pick<LedgerData, 'activities' | 'targetSets'>,
  rows: readonly { person: Person; sectionName: string | null }[],
  year: number,
  asOf: IsoDate,
  opts: CountOptions = {},
): OfficerCard[] {
  const officers = rows.filter((r) => r.person.roles.includes('enforcement'))
  const ids = new Set(officers.map((r) => r.person.id))
  const byPerson = new Map<string, Activity[]>()
  for (const a of data.activities) {
    for (const id of new Set(a.attendees)) {
      if (!ids.has(id)) continue
      const list = byPerson.get(id)
      if (list === undefined) byPerson.set(id, [a])
      else list.push(a)
    }
  }
  return officers.map(({ person, sectionName }) => ({
    card: buildTrainingCard(person, byPerson.get(person.id) ?? [], data.targetSets, year, asOf, opts),
    sectionName,
  }))
}
