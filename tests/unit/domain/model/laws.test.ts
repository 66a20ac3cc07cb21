import { describe, expect, it } from 'vitest'
import {
  LAW_GROUPS,
  allLaws,
  displayLawName,
  findLaw,
  isKnownLaw,
  normaliseLawName,
  officialLawTitle,
  searchLaws,
} from '../../../../src/domain/model/laws'

const REQUIRED = [
  '中华人民共和国宪法',
  '中华人民共和国民法典',
  '中华人民共和国行政处罚法',
  '中华人民共和国行政许可法',
  '中华人民共和国行政强制法',
  '中华人民共和国行政复议法',
  '中华人民共和国行政诉讼法',
  '中华人民共和国国家赔偿法',
  '中华人民共和国政府信息公开条例',
  '优化营商环境条例',
  '中华人民共和国安全生产法',
  '中华人民共和国保守国家秘密法',
  '中华人民共和国国家安全法',
  '习近平法治思想学习纲要',
]

describe('law catalogue', () => {
  it('contains the laws units study most, with exact official titles', () => {
    for (const title of REQUIRED) expect(isKnownLaw(title), title).toBe(true)
  })

  it('has unique titles and short names, without book-title marks', () => {
    const laws = allLaws()
    expect(laws.length).toBeGreaterThan(50)
    expect(new Set(laws.map((l) => l.title)).size).toBe(laws.length)
    expect(new Set(laws.map((l) => l.short)).size).toBe(laws.length)
    for (const l of laws) {
      expect(l.title).not.toMatch(/[《》\s]/)
      expect(l.short.length).toBeGreaterThan(0)
      expect(LAW_GROUPS.some((g) => g.group === l.group)).toBe(true)
    }
  })

  it('hands out copies', () => {
    const a = allLaws()
    a[0].title = 'changed'
    expect(allLaws()[0].title).toBe('中华人民共和国宪法')
  })
})

describe('searchLaws', () => {
  it('finds by short name first', () => {
    expect(searchLaws('宪法')[0].title).toBe('中华人民共和国宪法')
    expect(searchLaws('民法典')[0].title).toBe('中华人民共和国民法典')
    expect(searchLaws('保密法')[0].title).toBe('中华人民共和国保守国家秘密法')
  })

  it('ignores 《》 and white space', () => {
    expect(searchLaws('《行政复议法》')[0].title).toBe('中华人民共和国行政复议法')
    expect(searchLaws(' 行政 复议 ')[0].title).toBe('中华人民共和国行政复议法')
    expect(searchLaws('《中华人民共和国宪法》')[0].title).toBe('中华人民共和国宪法')
  })

  it('ranks prefix matches before matches in the middle', () => {
    const titles = searchLaws('行政').map((l) => l.title)
    expect(titles.slice(0, 3)).toEqual([
      '中华人民共和国行政处罚法',
      '中华人民共和国行政许可法',
      '中华人民共和国行政强制法',
    ])
    // 重大行政决策程序暂行条例 only contains 行政 in the middle: after every prefix match.
    const middle = titles.indexOf('重大行政决策程序暂行条例')
    expect(middle).toBeGreaterThan(titles.indexOf('中华人民共和国行政诉讼法'))
  })

  it('ranks the exact short name first even when others start with it', () => {
    const titles = searchLaws('行政复议法').map((l) => l.title)
    expect(titles[0]).toBe('中华人民共和国行政复议法')
    expect(titles[1]).toBe('中华人民共和国行政复议法实施条例')
  })

  it('matches any part of the title', () => {
    expect(searchLaws('营商').map((l) => l.title)).toContain('优化营商环境条例')
    expect(searchLaws('法治思想').map((l) => l.title)).toContain('习近平法治思想学习纲要')
    expect(searchLaws('秘密').map((l) => l.title)).toEqual(['中华人民共和国保守国家秘密法'])
  })

  it('limits results and lists the catalogue for an empty query', () => {
    expect(searchLaws('法', 5)).toHaveLength(5)
    expect(searchLaws('', 3).map((l) => l.short)).toEqual(['宪法', '立法法', '监察法'])
    expect(searchLaws('没有这部法律')).toEqual([])
  })
})

describe('names', () => {
  it('shows the short name of a known law, else the title as given', () => {
    expect(displayLawName('中华人民共和国宪法')).toBe('宪法')
    expect(displayLawName('《中华人民共和国民法典》')).toBe('民法典')
    expect(displayLawName('优化营商环境条例')).toBe('优化营商环境条例')
    expect(displayLawName('某省某某条例')).toBe('某省某某条例')
  })

  it('knows titles, not short names, as known laws', () => {
    expect(isKnownLaw('《中华人民共和国行政处罚法》')).toBe(true)
    expect(isKnownLaw('行政处罚法')).toBe(false)
    expect(isKnownLaw('某省某某条例')).toBe(false)
  })

  it('resolves a short name or title to the catalogue entry', () => {
    expect(findLaw('宪法')?.title).toBe('中华人民共和国宪法')
    expect(findLaw('中华人民共和国宪法')?.short).toBe('宪法')
    expect(findLaw('宪')).toBeNull()
    expect(officialLawTitle('《保密法》')).toBe('中华人民共和国保守国家秘密法')
    expect(officialLawTitle(' 《某省某某条例》 ')).toBe('某省某某条例')
  })

  it('normalises book-title marks and white space', () => {
    expect(normaliseLawName(' 《中华人民共和国　宪法》 ')).toBe('中华人民共和国宪法')
  })
})
