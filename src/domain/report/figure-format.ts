/**
 * How each report figure prints (PRODUCT.md "Printing"): counts as integers,
 * hours and averages to one decimal, rates as percentages, "—" for no value.
 */
import { formatCount, formatHours, formatRate } from '../model/format'
import type { FigureKey } from '../model/labels'

export type FigureFormat = 'count' | 'hours' | 'rate'

/** How each figure prints: counts as integers, hours and averages to one decimal, rates as percentages. */
export const FIGURE_FORMATS: Record<FigureKey, FigureFormat> = {
  staffCount: 'count', enforcementCount: 'count', leaderCount: 'count',
  centerGroupSessions: 'count', centerGroupLegalSessions: 'count', collectiveSessions: 'count',
  lectureCount: 'count', trainingSessions: 'count', warningSessions: 'count', preMeetingSessions: 'count',
  totalHours: 'hours', avgHours: 'hours', studyParticipationRate: 'rate',
  enforcementAvgHours: 'hours', enforcementMinHours: 'hours', enforcementMetCount: 'count', enforcementMetRate: 'rate',
  examEligible: 'count', examTaken: 'count', examParticipationRate: 'rate', examPassRate: 'rate', examExcellentRate: 'rate',
  preAppointmentExamCount: 'count', preAppointmentPassRate: 'rate',
  lawsStudiedCount: 'count', targetsMet: 'count', targetsTotal: 'count',
}

export function printFigure(key: FigureKey, value: number | null): string {
  const f = FIGURE_FORMATS[key]
  return f === 'count' ? formatCount(value) : f === 'hours' ? formatHours(value) : formatRate(value)
}
