/**
 * zh-CN words of the annual report page and its exports that are not figures (headings, table headers, sheet
 * names). Glossary words come from model/labels.ts; every figure's label, unit and group is in registry.ts.
 */
import { CATEGORY_LABELS } from '../model/labels'
import { TRAINING_CATEGORIES } from '../model/types'

export const REPORT_TEXT = {
  reportTitle: '学法用法工作情况',
  asOfPrefix: '截至',
  previousFull: '上年',
  previousSamePeriod: '上年同期',
  lawsStudied: '学习法律法规',
  timesSuffix: '次',
  draft: '报告段落草稿',
  perPerson: '人员明细',
  targetResults: '考核指标完成情况',
  joined: '调入',
  left: '调出',
  onRoll: '在册',
  leftInYear: '年内调出',
  notYetJoined: '尚未调入',
  offRollHours: '不在册人员的学时计入学习培训总学时，不计入人均学时',
  notTaken: '未参考',
  summarySheet: '汇总',
  perPersonSheet: '人员明细',
  activitiesSheet: '学法活动',
  cardSheetPrefix: '登记卡',
  cardTitle: '执法人员业务培训登记卡',
  figureGroup: '分组',
  figure: '指标',
  value: '数值',
  delta: '同比变化',
  total: '合计',
  target: '年度目标学时',
  runningTotal: '累计学时',
  status: '达标情况',
  headingSituation: '一、学法用法工作开展情况',
  headingFigures: '二、主要数据',
  headingFiguresTable: '（一）指标数据',
  headingTargets: '（二）考核指标完成情况',
  headingLaws: '三、学习法律法规情况',
  attendeeCount: '参加人数',
  index: '序号',
  content: '培训内容',
} as const

/** Per-person table headers (xlsx 人员明细, CSV and the page table use the same). */
export const PERSON_TABLE_HEADERS: readonly string[] = [
  '序号',
  '姓名',
  '股室',
  '总学时',
  ...TRAINING_CATEGORIES.map((c) => CATEGORY_LABELS[c]),
  '目标学时',
  '达标情况',
  '考试情况',
  '考试成绩',
  '身份',
  '执法证号',
  '备注',
]

/** Columns of the 学法活动 sheet. */
export const ACTIVITY_SHEET_HEADERS = [
  '序号',
  '日期',
  '结束日期',
  '类型',
  '标题',
  '法治专题',
  '学习内容（法律法规）',
  '培训类别',
  '组织单位',
  '主讲人',
  '学时',
  '参加人数',
  '审核状态',
] as const

/** Columns of one 登记卡 (training card) entry table. */
export const CARD_HEADERS = ['序号', '日期', '类型', '培训内容', '培训类别', '组织单位', '学时', '累计学时'] as const

export const YES = '是'
export const NO = '否'
