// docs/spec/routes.md stays in step with the code: every route of the router is listed, the promised hooks that are
// built exist in src/, and its last section lists every data-testid hook of src/ (UPDATE_SPEC=1 rewrites it).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = new URL('../../../', import.meta.url).pathname
const ROUTES_MD = join(ROOT, 'docs/spec/routes.md')
const START = '<!-- hooks:start (generated from src/ by tests/unit/docs/spec-docs.test.ts) -->'
const END = '<!-- hooks:end -->'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

const SOURCES = filesUnder(join(ROOT, 'src'))
  .filter((f) => /\.(vue|ts)$/.test(f))
  .sort()

/** The hooks a source file sets: literal test ids, and template ones with `*` for their run-time parts. */
function hooksOf(text: string): string[] {
  const found = new Set<string>()
  const patterns = [
    /(?<!:)data-testid="([^"`]+)"/g,
    /:data-testid="`([^`]+)`"/g,
    /(?<![-:])\btestid(?:-prefix)?="([^"`]+)"/g,
    /\btest[iI]d:\s*'([^']+)'/g,
    /\btest[iI]d:\s*`([^`]+)`/g,
  ]
  for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1].replace(/\$\{[^}]+\}/g, '*'))
  // A bound testid prop (`:data-testid="testid"`) is not a hook of its own.
  return [...found].filter((h) => /^[a-z*][a-z0-9*-]*$/.test(h)).sort()
}

function hooksSection(): string {
  const lines: string[] = []
  for (const file of SOURCES) {
    const hooks = hooksOf(readFileSync(file, 'utf8'))
    if (hooks.length > 0) lines.push(`- \`${relative(ROOT, file)}\`: ${hooks.map((h) => `\`${h}\``).join(', ')}`)
  }
  return lines.join('\n')
}

describe('docs/spec/routes.md', () => {
  const doc = readFileSync(ROUTES_MD, 'utf8')

  it('lists every route of the router', () => {
    const routeFiles = [join(ROOT, 'src/app/router.ts'), ...filesUnder(join(ROOT, 'src/app/routes'))]
    const paths = routeFiles.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/path: '([^']+)'/g)].map((m) => m[1]))
    const listed = paths.filter((p) => !p.includes('pathMatch')).map((p) => p.replace(/:[a-zA-Z]+/g, 'X'))
    expect(listed.length).toBeGreaterThanOrEqual(17)
    const table = doc.replace(/`#(\/[^`?\s]*)/g, (_, p: string) => `\`#${p.replace(/\b[A-Z_]+\b/g, 'X')}`)
    for (const p of listed) expect(table, p).toContain(`\`#${p}`)
  })

  it('promises only hooks that are built, or says they are planned', () => {
    const promised = doc.slice(doc.indexOf('## Promised hooks'), doc.indexOf('## Every hook in the code'))
    const all = SOURCES.flatMap((f) => hooksOf(readFileSync(f, 'utf8')))
    const matches = (h: string) => all.some((x) => new RegExp(`^${x.replace(/[-]/g, '\\-').replace(/\*/g, '.+')}$`).test(h))
    for (const row of promised.split('\n').filter((l) => l.startsWith('| `#'))) {
      const built = row.split('planned:')[0]
      for (const [, hook] of built.matchAll(/data-testid="([^"]+)"/g)) {
        const concrete = hook.replace(/KIND$/, 'self').replace(/-N$/, '-1')
        expect(matches(concrete), hook).toBe(true)
      }
    }
  })

  it('lists every hook of the code', () => {
    const [head, rest] = doc.split(START)
    expect(rest, 'routes.md has the hooks markers').toBeDefined()
    const wanted = `${head}${START}\n${hooksSection()}\n${rest.slice(rest.indexOf(END))}`
    if (process.env.UPDATE_SPEC === '1') writeFileSync(ROUTES_MD, wanted)
    expect(doc, 'run UPDATE_SPEC=1 npx vitest run --project unit tests/unit/docs/spec-docs.test.ts').toBe(wanted)
  })
})
