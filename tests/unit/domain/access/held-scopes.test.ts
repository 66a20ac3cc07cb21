// Which scopes a device holds, and whether a view on it is complete, in words.
import { describe, expect, it } from 'vitest'
import {
  addHeldScope,
  asOfWords,
  coverage,
  deviceHeldScopes,
  localTimeWords,
  missingWords,
  type HeldScope,
} from '../../../../src/domain/access/held-scopes'
import { scopeContext } from '../../../../src/domain/access/scope'
import { person } from '../factories'

const ann = person({ id: 'ann', sectionId: 's1' })
const bo = person({ id: 'bo', sectionId: 's1' })
const cy = person({ id: 'cy', sectionId: 's2' })
const ctx = scopeContext([ann, bo, cy])
const NOW = '2024-12-03T06:05:00.000Z'
const T1 = '2024-12-01T01:00:00.000Z'
const T2 = '2024-12-02T02:00:00.000Z'
const publish: HeldScope = { scope: { role: 'everyone' }, asOf: T2, source: 'file:发布' }
const sectionFile: HeldScope = { scope: { role: 'sectionHead', personId: null, sectionIds: ['s1'] }, asOf: T1, source: 'file:股室' }
const keeper: HeldScope = { scope: { role: 'keeper' }, asOf: T1, source: 'local' }

describe('coverage of a view', () => {
  it('is complete on the keeper\'s own ledger, as of now', () => {
    const cov = coverage([keeper], ['ann', 'bo', 'cy'], ctx, NOW)
    expect(cov).toEqual({ isComplete: true, asOf: NOW, sources: ['本机台账'], missing: [] })
  })

  it('is partial for a section on a phone that has only the 发布 file', () => {
    const cov = coverage([publish], ['ann', 'bo'], ctx, NOW)
    expect(cov.isComplete).toBe(false)
    expect(cov.missing).toEqual(['ann', 'bo'])
    expect(missingWords('section', cov)).toBe('本机缺少本股室人员的自学记录：请向管理员索取股室文件')
  })

  it('is complete for the section of a 股室文件, as of the older of the files it uses', () => {
    const held = [publish, sectionFile]
    const cov = coverage(held, ['ann', 'bo'], ctx, NOW)
    expect(cov).toEqual({ isComplete: true, asOf: T1, sources: ['发布文件', '股室文件'], missing: [] })
    expect(coverage(held, ['ann', 'cy'], ctx, NOW).missing).toEqual(['cy'])
  })

  it('covers an official\'s own view with the records made on her phone and the 发布 file', () => {
    const held = deviceHeldScopes([publish], 'cy', NOW)
    const cov = coverage(held, ['cy'], ctx, NOW)
    expect(cov).toMatchObject({ isComplete: true, asOf: T2, missing: [] })
    expect(cov.sources).toEqual(['发布文件', '本机记录'])
    // Her own records carry no roster: without a file she holds no common data.
    expect(coverage(deviceHeldScopes([], 'cy', NOW), ['cy'], ctx, NOW).isComplete).toBe(false)
  })

  it('is not complete when the device holds nothing', () => {
    expect(coverage([], [], ctx, NOW)).toEqual({ isComplete: false, asOf: null, sources: [], missing: [] })
    expect(asOfWords(coverage([], [], ctx, NOW))).toBe('本机还没有台账数据')
  })

  it('follows a person who moved into the section', () => {
    const moved = scopeContext([ann, bo, { ...cy, sectionId: 's1' }])
    expect(coverage([publish, sectionFile], ['cy'], moved, NOW).isComplete).toBe(true)
  })
})

describe('held scopes over time', () => {
  it('keeps the newest of one scope from one source, and scopes side by side', () => {
    const older = { ...publish, asOf: T1 }
    expect(addHeldScope([older], publish)).toEqual([publish])
    expect(addHeldScope([publish], older)).toEqual([publish])
    expect(addHeldScope([publish], sectionFile)).toEqual([publish, sectionFile])
    const other = { ...sectionFile, scope: { role: 'sectionHead' as const, personId: null, sectionIds: ['s2'] } }
    expect(addHeldScope([sectionFile], other)).toHaveLength(2)
  })
})

describe('words', () => {
  it('says "数据截至 X月X日 HH:mm（来自…）" in local time', () => {
    const d = new Date(T2)
    const hh = String(d.getHours()).padStart(2, '0')
    const mm = String(d.getMinutes()).padStart(2, '0')
    expect(localTimeWords(T2)).toBe(`${d.getMonth() + 1}月${d.getDate()}日 ${hh}:${mm}`)
    expect(asOfWords(coverage([publish], [], ctx, NOW))).toBe(`数据截至 ${localTimeWords(T2)}（来自发布文件）`)
  })

  it('names what is missing for the unit and the report', () => {
    const cov = coverage([publish], ['ann', 'bo', 'cy'], ctx, NOW)
    expect(missingWords('unit', cov)).toMatch(/^本机缺少 3 人的自学记录和考试成绩/)
    expect(missingWords('report', cov)).toMatch(/不能用于年度报告/)
  })
})
