import { describe, expect, it } from 'vitest'
import { DASH, formatCount, formatHours, formatRate, ratio, roundHalfUp1 } from '../../../../src/domain/model/format'

describe('formatHours', () => {
  it('prints at most one decimal, half up, no trailing .0', () => {
    expect(formatHours(35.25)).toBe('35.3')
    expect(formatHours(474)).toBe('474')
    expect(formatHours(0.05)).toBe('0.1')
    expect(formatHours(0.5)).toBe('0.5')
    expect(formatHours(61.5)).toBe('61.5')
    expect(formatHours(25.5)).toBe('25.5')
    expect(formatHours(16)).toBe('16')
    expect(formatHours(0)).toBe('0')
    expect(formatHours(2.96)).toBe('3')
    expect(formatHours(1.15)).toBe('1.2')
    expect(formatHours(1.449)).toBe('1.4')
    expect(formatHours(66 / 4)).toBe('16.5')
    expect(formatHours(10 / 3)).toBe('3.3')
  })

  it('prints a dash for a missing value', () => {
    expect(formatHours(null)).toBe('—')
    expect(formatHours(Number.NaN)).toBe(DASH)
    expect(formatHours(Number.POSITIVE_INFINITY)).toBe(DASH)
  })
})

describe('formatRate', () => {
  it('prints a percentage with at most one decimal', () => {
    expect(formatRate(10 / 11)).toBe('90.9%')
    expect(formatRate(1)).toBe('100%')
    expect(formatRate(2 / 3)).toBe('66.7%')
    expect(formatRate(0.5)).toBe('50%')
    expect(formatRate(0)).toBe('0%')
    expect(formatRate(0.9995)).toBe('100%')
    expect(formatRate(0.00049)).toBe('0%')
    expect(formatRate(26 / 27)).toBe('96.3%')
  })

  it('prints a dash when the denominator was 0', () => {
    expect(formatRate(null)).toBe('—')
    expect(formatRate(ratio(0, 0))).toBe('—')
  })
})

describe('formatCount', () => {
  it('prints integers', () => {
    expect(formatCount(12)).toBe('12')
    expect(formatCount(0)).toBe('0')
    expect(formatCount(4.0)).toBe('4')
    expect(formatCount(1200)).toBe('1200')
    expect(formatCount(null)).toBe('—')
    expect(formatCount(Number.NaN)).toBe('—')
  })
})

describe('ratio and rounding', () => {
  it('divides, or gives null for a zero denominator', () => {
    expect(ratio(2, 3)).toBeCloseTo(2 / 3, 12)
    expect(ratio(0, 5)).toBe(0)
    expect(ratio(3, 0)).toBeNull()
  })

  it('rounds half up despite binary float noise', () => {
    expect(roundHalfUp1(0.05)).toBe(0.1)
    expect(roundHalfUp1(35.25)).toBe(35.3)
    expect(roundHalfUp1(1.005)).toBe(1)
    expect(roundHalfUp1(2.45)).toBe(2.5)
    expect(roundHalfUp1(-1.25)).toBe(-1.3)
  })
})
