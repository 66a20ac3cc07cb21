/**
 * The one zh-CN labels module: every Chinese word the UI, the exports and the
 * error messages use for a code name of the ledger file (docs/spec/ledger-file.md).
 */
import type {
  ActivityKind,
  ExamKind,
  FilePurpose,
  RegisterName,
  ResultStatus,
  ReviewState,
  Role,
  TableName,
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

export const TABLE_LABELS: Record<TableName, string> = {
  sections: '股室',
  persons: '人员',
  activities: '学习记录',
  exams: '考试',
  examResults: '考试成绩',
  targetSets: '考核指标',
}

/** The registers a file may carry beside the record tables (formatVersion 2). */
export const REGISTER_LABELS: Record<RegisterName, string> = {
  reviewOutcomes: '审核结果',
  examStatuses: '参考情况',
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

/**
 * Online study platforms offered for `organizer` of an `online` activity. The
 * first three are the ones units name most (学习强国、法宣在线、普法网).
 */
export const ONLINE_PLATFORMS = [
  '学习强国',
  '法宣在线',
  '中国普法网',
  '国家法官学院网络学院',
  '中国干部网络学院',
  '全国党员教育平台（共产党员网）',
  '省级干部网络学院',
] as const

/** zh-CN names of record fields, for validation messages and form labels. */
export const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  name: '名称',
  order: '排序',
  updatedAt: '修改时间',
  deletedAt: '删除时间',
  sectionId: '所属股室',
  title: '标题',
  roles: '身份',
  certNo: '执法证号',
  activeFrom: '调入日期',
  activeTo: '调出日期',
  kind: '类型',
  date: '日期',
  endDate: '结束日期',
  hours: '学时',
  legalTheme: '法治专题',
  laws: '学习内容（法律法规）',
  category: '培训类别',
  organizer: '组织单位',
  lecturer: '主讲人',
  attendees: '参加人员',
  note: '备注',
  review: '审核状态',
  reviewNote: '退回说明',
  year: '年度',
  passScore: '合格分数线',
  excellentScore: '优秀分数线',
  examId: '所属考试',
  personId: '人员',
  status: '参考情况',
  score: '成绩',
  reason: '免考原因',
  rules: '指标规则',
  type: '规则类型',
  scope: '适用范围',
  minHours: '最低学时',
  kinds: '计入的学习类型',
  proRate: '按在岗天数折算',
  categoryMinHours: '分类别最低学时',
  basis: '依据',
  basisFrom: '依据有效期起始年份',
  basisTo: '依据有效期结束年份',
  basisConfirmedFor: '依据确认适用年度',
  minRate: '最低参考率',
  legalThemeOnly: '仅计法治专题',
  min: '最少次数',
  counting: '计入规则',
  countSelfReported: '计入未核实的自报学时',
  dailyConfirmHours: '单日学时提醒线',
  publicLaw: CATEGORY_LABELS.publicLaw,
  business: CATEGORY_LABELS.business,
  enforcementSkill: CATEGORY_LABELS.enforcementSkill,
}

/** The zh-CN name of a field of a table's records (a person's `name` is 姓名, a person's `title` is 职务). */
export function fieldLabel(table: TableName | null, field: string): string {
  if (table === 'persons' && field === 'name') return '姓名'
  if (table === 'persons' && field === 'title') return '职务'
  return Object.prototype.hasOwnProperty.call(FIELD_LABELS, field) ? FIELD_LABELS[field] : field
}
