// The .docx builds, in 公文 layout: A4, GB/T 9704 margins, fonts and sizes, exact lines, the draft and the figures.
import { describe, expect, it } from 'vitest'
import { buildReportDocx, GONGWEN_PAGE, mmToTwip } from '../../../src/exports/docx'
import { FIGURE_GROUPS, figure, printWithUnit } from '../../../src/domain/report/registry'
import { buildReportBundle } from '../../../src/domain/report/bundle'
import { EXPECTED, exampleBundle, exampleData, unzip } from './support'

describe('docx', async () => {
  const b = exampleBundle()
  const files = unzip(await buildReportDocx(b))
  const doc = files.get('word/document.xml')!.toString('utf8')
  const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

  it('is an OOXML word document', () => {
    expect(files.has('[Content_Types].xml')).toBe(true)
    expect(doc).toContain('<w:body>')
  })

  it('is A4 with margins 37 / 35 / 28 / 26 mm', () => {
    expect(GONGWEN_PAGE.margin).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 })
    expect(mmToTwip(210)).toBe(11906)
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const mar = /<w:pgMar ([^>]*)\/>/.exec(doc)![1]
    expect(mar).toContain('w:top="2098"')
    expect(mar).toContain('w:bottom="1984"')
    expect(mar).toContain('w:left="1587"')
    expect(mar).toContain('w:right="1474"')
  })

  it('sets the title in 方正小标宋简体 2号 and the body in 仿宋_GB2312 3号 with a two-character indent and exact lines', () => {
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/)
    expect(doc).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/)
    expect(doc).toMatch(/w:eastAsia="黑体"/)
    expect(doc).toMatch(/w:eastAsia="楷体"/)
    expect(doc).toMatch(/<w:spacing [^>]*w:line="580" w:lineRule="exact"/)
    expect(doc).toMatch(/<w:ind [^>]*w:firstLineChars="200"/)
  })

  it('names 宋体 and 仿宋 as fallbacks in the font table', () => {
    const fonts = files.get('word/fontTable.xml')!.toString('utf8')
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>')
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>')
  })

  it('holds the title, the headings, the draft paragraph and every printed figure', () => {
    expect(text).toContain('示例单位2023年度学法用法工作情况')
    expect(text).toContain('一、学法用法工作开展情况')
    expect(text).toContain('（一）指标数据')
    expect(text).toContain(b.draft)
    for (const v of Object.values(EXPECTED.figures)) expect(text).toContain(v)
    expect(text).toContain('参考率')
  })

  it('lays the figures table out from the registry: each group, then each figure\'s label and value with its unit', () => {
    const table = text.slice(text.indexOf('（一）指标数据'))
    let at = 0
    for (const g of FIGURE_GROUPS) {
      at = table.indexOf(g.title, at)
      expect(at, g.title).toBeGreaterThan(0)
      for (const k of g.keys) {
        const row = `${figure(k).label}${printWithUnit(k, b.figures.printed[k])}`
        const next = table.indexOf(row, at)
        expect(next, row).toBeGreaterThan(at)
        at = next
      }
    }
  })

  it('lists the laws with 《宪法》 first and no per-law counts; states 截至 once, in the subtitle', () => {
    const laws = text.slice(text.indexOf('三、学习法律法规情况'))
    expect(laws).toContain('2023年度共学习法律法规3部：《宪法》《民法典》《行政处罚法》。')
    expect(laws).not.toMatch(/》\d+次/)
    expect(text.match(/截至/g)).toHaveLength(1)
    expect(text).toContain('（截至2023年12月31日）')
    expect(b.draft.startsWith('2023年，')).toBe(true)
  })

  it('says 达标 or 未达标 only, once the year is over', () => {
    expect(text).not.toMatch(/进度滞后|进度正常/)
    expect(text).toMatch(/未达标/)
  })
})

describe('docx before the year is over', async () => {
  // As of 2023-11-30 the exam (2023-11-15 in the example) is over: its rule is 未达标 (66.7% < 100%), not 进度滞后.
  const b = buildReportBundle({ unitName: '示例单位', year: 2023, asOf: '2023-11-30', data: exampleData(), previousData: null })
  const doc = unzip(await buildReportDocx(b)).get('word/document.xml')!.toString('utf8')
  const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')

  it('judges a rule whose period is over as 达标 or 未达标', () => {
    const exam = b.figures.targets.results.find((r) => r.rule.type === 'examParticipation')!
    expect(exam.status).toBe('missed')
    expect(text).toMatch(/参考率66\.7%（要求100%），未达标/)
    expect(b.draft.startsWith('2023年以来，')).toBe(true)
  })
})
