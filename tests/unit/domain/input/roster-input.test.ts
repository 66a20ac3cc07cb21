import { describe, expect, it } from 'vitest'
import {
  normalizePerson,
  parseNameList,
  personWarnings,
  validateLeaveDate,
  validatePerson,
  validateSectionName,
  type PersonInput,
} from '../../../../src/domain/input/roster-input'
import { person, section } from '../factories'

describe('parseNameList', () => {
  it('splits a column copied from Excel (CRLF, trailing blank line)', () => {
    expect(parseNameList('张三\r\n李四\r\n王五\r\n\r\n')).toEqual(['张三', '李四', '王五'])
  })

  it('splits on tabs, commas (both widths), 、, ；', () => {
    expect(parseNameList('张三\t李四,王五，赵六、钱七；孙八')).toEqual(['张三', '李四', '王五', '赵六', '钱七', '孙八'])
  })

  it('splits on spaces (incl. the full-width one) between Chinese names', () => {
    expect(parseNameList('张三 李四　王五  欧阳娜娜')).toEqual(['张三', '李四', '王五', '欧阳娜娜'])
  })

  it('keeps a two-character name padded with spaces as one name', () => {
    expect(parseNameList('王  芳\n李　明\n欧阳修')).toEqual(['王芳', '李明', '欧阳修'])
  })

  it('keeps spaces inside a Latin name and a middle dot', () => {
    expect(parseNameList('Tom Lee\n阿不都·热合曼')).toEqual(['Tom Lee', '阿不都·热合曼'])
  })

  it('drops row numbers, a 姓名 heading, quotes and empty pieces', () => {
    expect(parseNameList('序号\t姓名\n1\t张三\n2\t李四\n3. 王五\n“赵六”\n ,, \n')).toEqual(['张三', '李四', '王五', '赵六'])
  })

  it('returns nothing for blank text', () => {
    expect(parseNameList('  \n\t ,、 ')).toEqual([])
  })
})

describe('validateSectionName', () => {
  const sections = [section({ id: 's1', name: '办公室' }), section({ id: 's2', name: '法规股' })]
  it('refuses empty, overlong and duplicate names', () => {
    expect(validateSectionName('  ', sections)).toBe('请填写股室名称')
    expect(validateSectionName('股'.repeat(31), sections)).toContain('不能超过 30 个字')
    expect(validateSectionName(' 办公室 ', sections)).toBe('已有名为“办公室”的股室，请换一个名称')
  })
  it('lets a section keep its own name on rename', () => {
    expect(validateSectionName('办公室', sections, 's1')).toBeNull()
    expect(validateSectionName('执法一队', sections)).toBeNull()
  })
})

describe('validatePerson', () => {
  const sections = [section({ id: 's1' })]
  const base: PersonInput = {
    id: null, name: '张三', sectionId: 's1', title: '股长', roles: ['enforcement'], certNo: '44001',
    activeFrom: '2020-03-01', activeTo: null,
  }
  const today = '2024-11-22'

  it('accepts a complete person', () => {
    expect(validatePerson(base, sections, today)).toBeNull()
  })

  it.each([
    [{ name: ' ' }, '请填写姓名'],
    [{ sectionId: null }, '请选择所属股室'],
    [{ sectionId: 'gone' }, '所选股室已不存在，请重新选择'],
    [{ activeFrom: '2023-02-29' }, '请选择有效的调入日期'],
    [{ activeFrom: '2024-11-23' }, '调入日期不能晚于今天（2024-11-22）'],
    [{ activeTo: '2020-02-29' }, '调出日期不能早于调入日期（2020-03-01）'],
    [{ activeTo: '2024-12-01' }, '调出日期不能晚于今天（2024-11-22），请在当天或之后再办理调出'],
    [{ title: '职'.repeat(31) }, '职务不能超过 30 个字'],
    [{ roles: ['boss'] }, '身份只能是领导班子成员或执法证持证人员'],
  ])('refuses %o', (over, message) => {
    expect(validatePerson({ ...base, ...over } as PersonInput, sections, today)).toBe(message)
  })

  it('allows no section when the unit has none', () => {
    expect(validatePerson({ ...base, sectionId: null }, [], today)).toBeNull()
  })

  it('normalizes text fields and role order', () => {
    expect(normalizePerson({ ...base, name: ' 张三 ', title: ' ', certNo: '', roles: ['enforcement', 'leader', 'leader'] })).toMatchObject({
      name: '张三', title: null, certNo: null, roles: ['leader', 'enforcement'],
    })
  })

  it('warns about a missing certificate number and a namesake', () => {
    const others = [person({ id: 'p9', name: '张三' })]
    expect(personWarnings({ ...base, certNo: null }, others)).toEqual([
      '执法证持证人员尚未填写执法证号（可以稍后补充）',
      '名册中已有同名人员“张三”，请确认不是重复添加',
    ])
    expect(personWarnings({ ...base, id: 'p9' }, others)).toEqual([])
  })
})

describe('validateLeaveDate', () => {
  it('accepts the join day and today, refuses before joining', () => {
    expect(validateLeaveDate('2020-03-01', '2020-03-01', '2024-11-22')).toBeNull()
    expect(validateLeaveDate('2024-11-22', '2020-03-01', '2024-11-22')).toBeNull()
    expect(validateLeaveDate('', '2020-03-01', '2024-11-22')).toBe('请选择有效的调出日期')
  })
})
