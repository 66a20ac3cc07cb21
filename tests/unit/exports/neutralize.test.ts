// OWASP CSV injection: text that a spreadsheet would run as a formula stays text.
import { describe, expect, it } from 'vitest'
import { needsNeutralising, neutralize } from '../../../src/exports/neutralize'

describe('neutralize', () => {
  it.each(['=1+1', '+86 123', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('prefixes %j with a quote', (s) => {
    expect(needsNeutralising(s)).toBe(true)
    expect(neutralize(s)).toBe(`'${s}`)
  })

  it.each(['张三', '', '—', '12', '96.3%', "'=already", ' =space first', '《宪法》', '１＝１'])('leaves %j as it is', (s) => {
    expect(needsNeutralising(s)).toBe(false)
    expect(neutralize(s)).toBe(s)
  })
})
