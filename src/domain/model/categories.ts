/**
 * The 登记卡 category every activity's hours count in (docs/decisions/0007-card-categories.md): its own
 * `category` when it has one (a 业务培训 always has; the keeper may set one on any group session), else the
 * default of its kind. So every counted hour lies in exactly one of the three categories, and the card's category
 * rows, the per-person table's category columns and the official's home tiles add up to the hours counted.
 */
import type { Activity, ActivityKind, TrainingCategory } from './types'

/**
 * The category of an activity that carries none: 业务知识 for a 业务培训 (an older or imported one without its
 * category), 公共法律知识 for every other kind (中心组学习, 集体学法, 会前学法, 讲座, 警示教育, 线上学习, 自学, 其他).
 */
export function defaultCategory(kind: ActivityKind): TrainingCategory {
  return kind === 'training' ? 'business' : 'publicLaw'
}

/** The category an activity's hours count in. */
export function categoryOf(a: Pick<Activity, 'kind' | 'category'>): TrainingCategory {
  return a.category ?? defaultCategory(a.kind)
}
