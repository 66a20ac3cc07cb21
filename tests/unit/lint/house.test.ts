// House rules a reviewer would otherwise have to remember: the project stands alone (nothing in src/, tests/,
// scripts/ or docs/ points at a file outside the repository), files stay small, and every radio or tab group is one
// of the two shared widgets.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(new URL('../../../', import.meta.url).pathname)
const SKIP = new Set(['node_modules', 'fixtures', 'screenshots', 'dist'])

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return []
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const TEXT = /\.(ts|vue|js|mjs|json|md|html|css)$/
const FILES = ['src', 'tests', 'scripts', 'docs'].flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => TEXT.test(f))
const rel = (f: string) => relative(ROOT, f)
/** Every file name of the repository (docs are named by their file name alone, e.g. "ARCHITECTURE.md"). */
const NAMES = new Set(['README.md', 'CHANGELOG.md', ...FILES.map((f) => f.split('/').pop() as string)])

/** What a file says that points outside the repository, one line each. */
function outsideReferences(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  text.split('\n').forEach((line, i) => {
    const at = `${rel(file)}:${i + 1}`
    if (/\/work\/|(^|[^.\w])shared\/(design|fixtures|seeds)|\.\.\/shared\b/.test(line)) out.push(`${at} names a folder outside the project`)
    // A relative path that climbs out of the repository from where it is written.
    for (const m of line.matchAll(/['"`(]((?:\.\.\/)+[\w.@/-]*)/g)) {
      if (!resolve(dirname(file), m[1]).startsWith(ROOT)) out.push(`${at} ${m[1]} leaves the repository`)
    }
    // A document named by its file name must be one of ours (the design notes it was built from are not).
    for (const m of line.matchAll(/\b([A-Z][A-Z0-9_-]+\.md)\b/g)) {
      if (!NAMES.has(m[1])) out.push(`${at} names ${m[1]}, which is not in the repository`)
    }
  })
  return out
}

describe('the house', () => {
  it('points at nothing outside the repository from src/, tests/, scripts/ or docs/', () => {
    expect(FILES.length).toBeGreaterThan(200)
    expect(FILES.flatMap(outsideReferences)).toEqual([])
  })

  it('would notice such a reference', () => {
    expect(NAMES.has(['PRODUCT', 'md'].join('.'))).toBe(false)
    expect(existsSync(join(ROOT, 'docs/spec/ledger-file.md'))).toBe(true)
  })

  it('keeps every code file of src/ (ts, vue, css) under 250 lines', () => {
    const long = FILES.filter((f) => rel(f).startsWith('src/') && /\.(ts|vue|css)$/.test(f))
      .map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length - 1] as const)
      .filter(([, n]) => n > 250)
    expect(long).toEqual([])
  })

  it('draws every radio group with ChoiceChips and every tab group with SegmentedTabs', () => {
    const widgets = ['src/components/common/ChoiceChips.vue', 'src/components/shell/SegmentedTabs.vue']
    const handMade = FILES.filter((f) => f.endsWith('.vue') && !widgets.includes(rel(f))).flatMap((f) => {
      const text = readFileSync(f, 'utf8')
      return /role="(radio|radiogroup|tab|tablist)"|<van-radio|<van-tabs?\b/.test(text) ? [rel(f)] : []
    })
    expect(handMade).toEqual([])
  })
})
