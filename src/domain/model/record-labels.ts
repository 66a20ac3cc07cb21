/**
 * Words that only forms, imports and exports need — the names of the ledger's tables and record fields (for
 * validation messages and form labels) and the online platforms a form offers — kept apart from labels.ts so the
 * first screen does not carry them.
 */
import type { RegisterName, TableName } from './types'
import { CATEGORY_LABELS } from './labels'

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
