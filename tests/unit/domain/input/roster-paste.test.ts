// Issue #16 (Deliver 6): 批量添加 recognises the columns of an Excel paste and never makes persons of non-names.
import { describe, expect, it } from 'vitest'
import { looksLikeName, readRosterPaste } from '../../../../src/domain/input/roster-paste'
import { isPicked, planRosterPaste, rosterPasteRecords, type PasteDefaults } from '../../../../src/domain/input/roster-paste-plan'
import { normalizePaste } from '../../../../src/domain/input/paste-text'
import { person, section } from '../factories'

const names = (text: string, sections: string[] = []) => readRosterPaste(text, sections).persons.map((p) => p.name)

describe('reading the columns', () => {
  it('tab-separated with a header row, as Excel copies it (CRLF, trailing tab, blank lines)', () => {
    const r = readRosterPaste('姓名\t股室\t执法证号\r\n赵一鸣\t办公室\t\r\n\r\n钱二\t执法大队\t44010012345\t\r\n', [])
    expect(r).toMatchObject({ mode: 'table', header: ['姓名', '股室', '执法证号'], columns: ['name', 'section', 'certNo'], problem: null })
    expect(r.persons.map((p) => [p.line, p.name, p.section, p.certNo])).toEqual([
      [2, '赵一鸣', '办公室', null],
      [4, '钱二', '执法大队', '44010012345'],
    ])
  })

  it('without a header, by shape: names, sections (known or by their ending), cert numbers, titles, roles, row numbers', () => {
    const r = readRosterPaste('1\t赵一鸣\t局长\t领导班子成员\t综合股\n2\t钱二\t科员\t执法人员\t执法大队\n3\t孙三\t一级主任科员\t\t办公室\n', ['办公室'])
    expect(r.columns).toEqual(['ignore', 'name', 'title', 'roles', 'section'])
    expect(r.persons.map((p) => [p.name, p.title, p.roles, p.section])).toEqual([
      ['赵一鸣', '局长', ['leader'], '综合股'],
      ['钱二', '科员', ['enforcement'], '执法大队'],
      ['孙三', '一级主任科员', [], '办公室'],
    ])
  })

  it('comma-separated (CSV, full-width commas and digits, quoted cells), header words with notes', () => {
    const r = readRosterPaste('姓名，部门，执法证号（必填），备注\n"赵一鸣"，办公室，４４０１００１２３４５，无\n钱　二，法规股，ＧＤ-2021-0042，\n', [])
    expect(r.columns).toEqual(['name', 'section', 'certNo', 'ignore'])
    expect(r.persons.map((p) => [p.name, p.section, p.certNo])).toEqual([
      ['赵一鸣', '办公室', '44010012345'],
      ['钱二', '法规股', 'GD-2021-0042'],
    ])
  })

  it('columns separated by spaces (copied from a document) when another column shows it is a table', () => {
    const r = readRosterPaste('赵一鸣 办公室 44010012345\n钱二   法规股 44010012346', [])
    expect(r.columns).toEqual(['name', 'section', 'certNo'])
    expect(r.persons.map((p) => p.certNo)).toEqual(['44010012345', '44010012346'])
  })

  it('a list of names stays a list: one column, a row of cells, a chat message', () => {
    expect(names('张三\n李四\n王五\n')).toEqual(['张三', '李四', '王五'])
    expect(names('张三\t李四\n王五 张三\n')).toEqual(['张三', '李四', '王五', '张三'])
    expect(names('张三，李四、王五；赵六')).toEqual(['张三', '李四', '王五', '赵六'])
    expect(names('王  芳\n李　明')).toEqual(['王芳', '李明'])
    expect(readRosterPaste('张三\t男\n李四\t女', []).persons.map((p) => p.name)).toEqual(['张三', '李四'])
  })

  it('姓名 + 股室: the section column never becomes persons (the 执法大队 of the report)', () => {
    const r = readRosterPaste('张三\t执法大队\n李四\t执法大队\n王五\t办公室\n', [])
    expect(r.columns).toEqual(['name', 'section'])
    expect(r.persons.map((p) => p.name)).toEqual(['张三', '李四', '王五'])
  })

  it('a column that does not look like names alone is no persons: flagged, and no name column means no rows', () => {
    const list = readRosterPaste('执法大队\n法规股\n办公室', [])
    expect(list.persons.every((p) => !p.looksLikeName)).toBe(true)
    const noNames = readRosterPaste('执法大队\t44010012345\n法规股\t44010012346', [])
    expect(noNames.persons).toEqual([])
    expect(noNames.problem).toContain('没有找到姓名列')
  })

  it('the keeper can correct a column; a header row with only headings is not a person', () => {
    const text = '甲乙\t44010012345\n丙丁\t44010012346'
    const r = readRosterPaste(text, [], ['name', 'ignore'])
    expect(r.persons.map((p) => [p.name, p.certNo])).toEqual([['甲乙', null], ['丙丁', null]])
    expect(names('姓名\t职务\n张三\t股长')).toEqual(['张三'])
  })

  it('normalizes full-width digits, letters, spaces and commas', () => {
    expect(normalizePaste('Ａ１，２\u3000３\r\n')).toBe('A1,2 3\n')
  })

  it('looksLikeName: people yes; departments, titles, roles, numbers no', () => {
    for (const n of ['张三', '欧阳娜娜', '阿不都·热合曼', 'Tom Lee', '王 芳']) expect(looksLikeName(n)).toBe(true)
    for (const n of ['执法大队', '办公室', '法规股', '局领导', '副局长', '科员', '领导班子成员', '12345', '姓名', '张']) expect(looksLikeName(n)).toBe(false)
  })
})

describe('planning a paste against the roster', () => {
  const office = section({ id: 'S1', name: '办公室', order: 1 })
  const defaults: PasteDefaults = { sectionId: 'S1', roles: [], activeFrom: '2024-01-01' }
  const roster = {
    sections: [office],
    persons: [
      person({ id: 'L', name: '老李', sectionId: 'S1', certNo: null, order: 1 }),
      person({ id: 'W1', name: '王伟', sectionId: 'S1' }),
      person({ id: 'W2', name: '王伟', sectionId: 'S1' }),
      person({ id: 'G', name: '旧人', activeTo: '2023-06-30', certNo: '44010000001' }),
    ],
  }
  const plan = (text: string) => planRosterPaste(readRosterPaste(text, ['办公室']).persons, roster, defaults)

  it('adds, fills in an existing person, and explains every row left out', () => {
    const rows = plan('姓名\t股室\t执法证号\n新人\t执法大队\t44010012345\n老李\t\t44010099999\n王伟\t\t\n新人\t\t\n执法大队\t\t\n旧人\t\t44010000001\n')
    expect(rows.map((r) => [r.person.name, r.action, r.changes, r.problem, r.flag, r.isSuggested])).toEqual([
      ['新人', 'add', [], null, null, true],
      ['老李', 'update', ['执法证号', '身份'], null, null, true], // a cert number makes an enforcement officer
      ['王伟', 'add', [], '名册中有 2 名“王伟”，请在人员信息中逐个修改', null, false],
      ['新人', 'add', [], null, '与第 1 条重复', false],
      ['执法大队', 'add', [], null, '不像姓名', false],
      ['旧人', 'add', [], null, null, true],
    ])
    expect(rows[0]).toMatchObject({ newSection: '执法大队', sectionId: null, roles: ['enforcement'] })
    expect(rows[5].notes).toEqual(['名册中有同名的已调出人员，将作为新人员添加', '执法证号与名册中的“旧人”相同，请核对'])
  })

  it('a row already on the roster with nothing new is left alone', () => {
    const [row] = plan('老李')
    expect(row).toMatchObject({ action: 'none', isSuggested: false, notes: ['名册中已有，没有需要更新的内容'] })
    expect(isPicked(row, { 0: true })).toBe(false)
  })

  it('the records: one new section, new persons after everyone in the pasted order, ticks honoured', () => {
    const rows = plan('甲某\t执法大队\n乙某\t执法大队\n执法大队\t\n丙某\t办公室\n')
    let n = 0
    const out = rosterPasteRecords(rows, { 2: true, 3: false }, roster, defaults, (p) => `${p}${++n}`)
    expect(out.sections).toEqual([{ id: 's1', name: '执法大队', order: 2 }])
    expect(out.persons.map((p) => [p.name, p.sectionId, p.order, p.activeFrom])).toEqual([
      ['甲某', 's1', 2, '2024-01-01'],
      ['乙某', 's1', 3, '2024-01-01'],
      ['执法大队', 'S1', 4, '2024-01-01'], // ticked by the keeper despite the flag
    ])
  })

  it('forty rows keep their order', () => {
    const rows40 = Array.from({ length: 40 }, (_, i) => `人员${String.fromCharCode(0x4e00 + i)}\t办公室\t4401${String(i).padStart(6, '0')}`)
    const rows = plan(rows40.join('\n'))
    const out = rosterPasteRecords(rows, {}, roster, defaults, () => `id${Math.random()}`)
    expect(out.persons.map((p) => p.certNo)).toEqual(rows40.map((r) => r.split('\t')[2]))
    expect(out.persons.map((p) => p.order)).toEqual(Array.from({ length: 40 }, (_, i) => i + 2))
  })
})
