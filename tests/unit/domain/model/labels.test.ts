import { describe, expect, it } from 'vitest'
import {
  ACTIVITY_KINDS,
  EXAM_KINDS,
  RESULT_STATUSES,
  REVIEW_STATES,
  ROLES,
  TABLE_NAMES,
  TARGET_STATUSES,
  TRAINING_CATEGORIES,
} from '../../../../src/domain/model/types'
import { CATEGORY_LABELS, EXAM_KIND_LABELS, KIND_LABELS, KIND_SHORT_LABELS, RESULT_STATUS_LABELS, REVIEW_LABELS, ROLE_LABELS, TARGET_STATUS_COLORS, TARGET_STATUS_LABELS } from '../../../../src/domain/model/labels'
import { ONLINE_PLATFORMS, TABLE_LABELS, fieldLabel } from '../../../../src/domain/model/record-labels'

const HAN = /[\u4e00-\u9fff]/

function expectComplete(labels: Record<string, string>, codes: readonly string[]) {
  expect(Object.keys(labels).sort()).toEqual([...codes].sort())
  for (const code of codes) expect(labels[code], code).toMatch(HAN)
}

describe('labels', () => {
  it('label every code name of every enum', () => {
    expectComplete(KIND_LABELS, ACTIVITY_KINDS)
    expectComplete(KIND_SHORT_LABELS, ACTIVITY_KINDS)
    expectComplete(CATEGORY_LABELS, TRAINING_CATEGORIES)
    expectComplete(ROLE_LABELS, ROLES)
    expectComplete(TARGET_STATUS_LABELS, TARGET_STATUSES)
    expectComplete(RESULT_STATUS_LABELS, RESULT_STATUSES)
    expectComplete(EXAM_KIND_LABELS, EXAM_KINDS)
    expectComplete(REVIEW_LABELS, REVIEW_STATES)
    expectComplete(TABLE_LABELS, TABLE_NAMES)
  })

  it('use the glossary words', () => {
    expect(KIND_LABELS).toEqual({
      centerGroup: '理论学习中心组学习',
      collective: '集体学法',
      preMeeting: '会前学法',
      lecture: '法治讲座',
      training: '业务培训',
      warning: '警示教育',
      online: '线上学习',
      self: '自学',
      other: '其他',
    })
    expect(KIND_SHORT_LABELS.centerGroup).toBe('中心组学习')
    expect(CATEGORY_LABELS).toEqual({ publicLaw: '公共法律知识', business: '业务知识', enforcementSkill: '行政执法技能' })
    expect(ROLE_LABELS).toEqual({ leader: '领导班子成员', enforcement: '执法证持证人员' })
    expect(TARGET_STATUS_LABELS).toEqual({ met: '达标', onTrack: '进度正常', behind: '进度滞后', missed: '未达标' })
    expect(RESULT_STATUS_LABELS).toEqual({ taken: '参考', absent: '缺考', exempt: '免考' })
    expect(EXAM_KIND_LABELS).toEqual({ annual: '年度学法考试', preAppointment: '任前法律知识考试' })
    expect(REVIEW_LABELS).toEqual({ selfReported: '自报', verified: '已核实', returned: '退回' })
    expect(TABLE_LABELS).toEqual({
      sections: '股室',
      persons: '人员',
      activities: '学习记录',
      exams: '考试',
      examResults: '考试成绩',
      targetSets: '考核指标',
    })
  })

  it('give each status a distinct colour', () => {
    expect(Object.keys(TARGET_STATUS_COLORS).sort()).toEqual([...TARGET_STATUSES].sort())
    expect(new Set(Object.values(TARGET_STATUS_COLORS)).size).toBe(TARGET_STATUSES.length)
    expect(TARGET_STATUS_COLORS.met).toBe('success')
    expect(TARGET_STATUS_COLORS.missed).toBe('danger')
  })

  it('offer the common online platforms, the best-known first', () => {
    expect(ONLINE_PLATFORMS.slice(0, 3)).toEqual(['学习强国', '法宣在线', '中国普法网'])
    expect(new Set(ONLINE_PLATFORMS).size).toBe(ONLINE_PLATFORMS.length)
  })

  it('name record fields in Chinese, per table where it differs', () => {
    expect(fieldLabel('activities', 'hours')).toBe('学时')
    expect(fieldLabel('persons', 'name')).toBe('姓名')
    expect(fieldLabel('sections', 'name')).toBe('名称')
    expect(fieldLabel('persons', 'title')).toBe('职务')
    expect(fieldLabel(null, 'certNo')).toBe('执法证号')
    expect(fieldLabel(null, 'whatever')).toBe('whatever')
    expect(fieldLabel(null, 'toString')).toBe('toString')
  })
})
