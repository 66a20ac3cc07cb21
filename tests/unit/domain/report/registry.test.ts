// The figure registry is the one definition of every report figure: the stable keys, groups, labels, formats and
// draft wording, and docs/spec/report-figures.md is checked against it (UPDATE_SPEC=1 rewrites its table).
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FIGURE_GROUPS, FIGURE_KEYS, FIGURES, figure, printFigure, printWithUnit } from '../../../../src/domain/report/registry'

/** The keys other devices, exports and acceptance tests rely on (docs/spec/routes.md: `[data-figure="KEY"]`). */
const STABLE_KEYS = [
  'staffCount', 'enforcementCount', 'leaderCount', 'centerGroupSessions', 'centerGroupLegalSessions', 'collectiveSessions',
  'lectureCount', 'trainingSessions', 'warningSessions', 'totalHours', 'avgHours', 'studyParticipationRate',
  'enforcementAvgHours', 'enforcementMinHours', 'enforcementMetCount', 'enforcementMetRate', 'examEligible', 'examTaken',
  'examParticipationRate', 'examPassRate', 'examExcellentRate', 'preMeetingSessions', 'preAppointmentExamCount',
  'preAppointmentPassRate', 'lawsStudiedCount', 'targetsMet', 'targetsTotal',
]
/** Added so that every total states its parts and every ratio its numerator (issue #16): additive, never renamed. */
const ADDED_KEYS = ['activeHours', 'leaverHours', 'studyParticipants', 'enforcementHours', 'examPassed', 'examExcellent', 'preAppointmentPassed']

const SPEC = new URL('../../../../docs/spec/report-figures.md', import.meta.url)
const START = '<!-- figures:start (generated from src/domain/report/registry.ts by tests/unit/domain/report/registry.test.ts) -->'
const END = '<!-- figures:end -->'

const cell = (s: string) => s.replace(/\|/g, '\\|')
/** The table of docs/spec/report-figures.md, written from the registry. */
function specTable(): string {
  const rows = FIGURE_KEYS.map((k) => {
    const f = figure(k)
    const draft = f.draft === null ? '—' : f.draft.text('N', { we: '我局', lawNames: ['《宪法》', '《民法典》'] })
    const group = FIGURE_GROUPS.find((g) => g.id === f.group)?.title ?? ''
    const check = f.ratio ? `\`${f.ratio.numerator}\` ÷ \`${f.ratio.denominator}\`` : f.sumOf ? f.sumOf.map((p) => `\`${p}\``).join(' + ') : '—'
    const optional = f.draft?.optional ? ' (optional, off by default)' : ''
    return `| \`${k}\` | ${f.label} | ${f.unit ?? '—'} | ${f.format} | ${group} | ${cell(f.population)} | ${cell(f.definition)} | ${check} | ${draft}${optional} |`
  })
  const head = '| key | zh-CN label | unit | printed as | group | population | definition | recomputed from | the draft says |'
  return [head, '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n')
}

describe('the figure registry', () => {
  it('holds exactly the stable keys, each once', () => {
    expect([...FIGURE_KEYS].sort()).toEqual([...STABLE_KEYS, ...ADDED_KEYS].sort())
    expect(new Set(FIGURE_KEYS.map((k) => figure(k).label)).size).toBe(FIGURE_KEYS.length)
  })

  it('lists each group together, in the order of the groups, and every key in exactly one group', () => {
    expect(FIGURE_GROUPS.map((g) => g.title)).toEqual(['人员', '学法活动', '学时', '考试', '指标完成'])
    expect(FIGURE_GROUPS.flatMap((g) => g.keys)).toEqual(FIGURE_KEYS)
    for (const g of FIGURE_GROUPS) expect(g.keys.every((k) => figure(k).group === g.id), g.id).toBe(true)
  })

  it('keeps the labels and units the page has always shown', () => {
    expect(FIGURES.examParticipationRate.label).toBe('参考率')
    expect(FIGURES.lectureCount.label).toBe('法治讲座（场）')
    expect(printWithUnit('totalHours', '66')).toBe('66学时')
    expect(printWithUnit('examEligible', '3')).toBe('3人')
    expect(printWithUnit('examPassRate', '100%')).toBe('100%')
    expect(printWithUnit('avgHours', '—')).toBe('—')
  })

  it('prints by each figure\'s format: counts, hours and rates', () => {
    for (const k of FIGURE_KEYS) {
      const f = figure(k)
      const expected = f.format === 'count' ? '3' : f.format === 'hours' ? '2.5' : '25%'
      expect(printFigure(k, f.format === 'rate' ? 0.25 : f.format === 'hours' ? 2.45 : 3), k).toBe(expected)
      expect(printFigure(k, null), k).toBe('—')
    }
  })

  it('names only real figures in `requires`, in the same sentence of the draft', () => {
    for (const k of FIGURE_KEYS) {
      const d = figure(k).draft
      if (d?.requires === undefined) continue
      expect(FIGURE_KEYS, k).toContain(d.requires)
      expect(figure(d.requires as typeof k).draft?.sentence, k).toBe(d.sentence)
    }
  })

  it('names, for every rate and average, the printed figures it divides, and for the hour total its parts', () => {
    for (const k of FIGURE_KEYS) {
      const f = figure(k)
      const isAverage = f.format === 'hours' && f.label.includes('人均')
      expect(f.ratio !== undefined, k).toBe(f.format === 'rate' || isAverage)
      for (const part of [f.ratio?.numerator, f.ratio?.denominator, ...(f.sumOf ?? [])].filter((p) => p !== undefined)) {
        expect(FIGURE_KEYS, `${k} → ${part}`).toContain(part)
      }
    }
    expect(figure('totalHours').sumOf).toEqual(['activeHours', 'leaverHours'])
  })

  it('is what docs/spec/report-figures.md says', () => {
    const doc = readFileSync(SPEC, 'utf8')
    const [head, rest] = doc.split(START)
    expect(rest, 'the spec has the figures markers').toBeDefined()
    const tail = rest.slice(rest.indexOf(END))
    const wanted = `${head}${START}\n${specTable()}\n${tail}`
    if (process.env.UPDATE_SPEC === '1') writeFileSync(SPEC, wanted)
    expect(doc, 'run UPDATE_SPEC=1 npx vitest run --project unit tests/unit/domain/report/registry.test.ts').toBe(wanted)
  })
})
