/**
 * The 登记卡 category every activity's hours count in (docs/decisions/0007-card-categories.md): its own
 * `category` when it has one (a 业务培训 always has; the keeper may set one on any group session), else the
 * default of its kind. So every counted hour lies in exactly one of the three categories, and the card's category
 * rows, the per-person table's category columns and the official's home tiles add up to the hours counted.
 */
import type { Activity, ActivityKind, TrainingCategory } from './types'

/** The category of an activity that carries none, by kind. */
export const DEFAULT_CATEGORY: Readonly<Record<ActivityKind, TrainingCategory>> = {
  centerGroup: 'publicLaw',
  collective: 'publicLaw',
  preMeeting: 'publicLaw',
  lecture: 'publicLaw',
  // A training is entered with its category; one without (an older or imported record) counts as 业务知识.
  training: 'business',
  warning: 'publicLaw',
  online: 'publicLaw',
  self: 'publicLaw',
  other: 'publicLaw',
}

/** The category an activity's hours count in. */
export function categoryOf(a: Pick<Activity, 'kind' | 'category'>): TrainingCategory {
  return a.category ?? DEFAULT_CATEGORY[a.kind] ?? 'publicLaw'
}
