/**
 * The zh-CN words the UI, the exports and the error messages use for the code names of the ledger file
 * (docs/spec/ledger-file.md); the names of tables and record fields are in record-labels.ts.
 */
import type {
  ActivityKind,
  ExamKind,
  FilePurpose,
  ResultStatus,
  ReviewState,
  Role,
  TargetRule,
  TargetScope,
  TargetStatus,
  TrainingCategory,
} from './types'

/** Full kind names, as a report or a form title writes them. */
export const KIND_LABELS: Record<ActivityKind, string> = {
  centerGroup: '理论学习中心组学习',
  collective: '集体学法',
  preMeeting: '会前学法',
  lecture: '法治讲座',
  training: '业务培训',
  warning: '警示教育',
  online: '线上学习',
  self: '自学',
  other: '其他',
}

/** Short kind names for chips, tags and narrow table columns. */
export const KIND_SHORT_LABELS: Record<ActivityKind, string> = {
  centerGroup: '中心组学习',
  collective: '集体学法',
  preMeeting: '会前学法',
  lecture: '讲座',
  training: '培训',
  warning: '警示教育',
  online: '线上',
  self: '自学',
  other: '其他',
}

export const CATEGORY_LABELS: Record<TrainingCategory, string> = {
  publicLaw: '公共法律知识',
  business: '业务知识',
  enforcementSkill: '行政执法技能',
}

export const ROLE_LABELS: Record<Role, string> = {
  leader: '领导班子成员',
  enforcement: '执法证持证人员',
}

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  met: '达标',
  onTrack: '进度正常',
  behind: '进度滞后',
  missed: '未达标',
}

/** Semantic colour names (they match Vant's tag/progress `type`s). */
export type StatusColor = 'success' | 'primary' | 'warning' | 'danger'

export const TARGET_STATUS_COLORS: Record<TargetStatus, StatusColor> = {
  met: 'success',
  onTrack: 'primary',
  behind: 'warning',
  missed: 'danger',
}

export const RESULT_STATUS_LABELS: Record<ResultStatus, string> = {
  taken: '参考',
  absent: '缺考',
  exempt: '免考',
}

/** What a 缺考 calls for, said wherever a 缺考 is shown: a make-up exam or a written explanation. */
export const ABSENT_ADVICE = '需补考或书面说明缺考原因'

export const EXAM_KIND_LABELS: Record<ExamKind, string> = {
  annual: '年度学法考试',
  preAppointment: '任前法律知识考试',
}

/** `review` absent means the keeper entered the record: there is nothing to show. */
export const REVIEW_LABELS: Record<ReviewState, string> = {
  selfReported: '自报',
  verified: '已核实',
  returned: '退回',
}

export const FILE_PURPOSE_LABELS: Record<FilePurpose, string> = {
  backup: '备份',
  publish: '发布',
  section: '股室',
  submit: '提交',
}

export const TARGET_SCOPE_LABELS: Record<TargetScope, string> = {
  all: '全体干部职工',
  enforcement: '执法证持证人员',
  leader: '领导班子成员',
}

export const RULE_TYPE_LABELS: Record<TargetRule['type'], string> = {
  personHours: '年度学时',
  examParticipation: '考试参考率',
  unitActivityCount: '活动次数',
}

/** What a rule's title depends on (a rule record, or the editor's form of one). */
export type TitledRule =
  | Pick<TargetRule & { type: 'personHours' }, 'type' | 'scope'>
  | Pick<TargetRule & { type: 'examParticipation' }, 'type'>
  | Pick<TargetRule & { type: 'unitActivityCount' }, 'type' | 'kind' | 'legalThemeOnly'>

/** A short title of a rule: "执法证持证人员年度学时", "法治专题中心组学习", "法治讲座". */
export function ruleTitle(rule: TitledRule): string {
  switch (rule.type) {
    case 'personHours':
      return `${TARGET_SCOPE_LABELS[rule.scope]}年度学时`
    case 'examParticipation':
      return '年度学法考试参考率'
    case 'unitActivityCount':
      if (rule.kind === 'centerGroup') return rule.legalThemeOnly ? '法治专题中心组学习' : '理论学习中心组学习'
      return rule.legalThemeOnly ? `${KIND_LABELS[rule.kind]}（法治专题）` : KIND_LABELS[rule.kind]
  }
}
