// npm test: lint, typecheck, unit, the sync service (on a private PostgreSQL and on the embedded engine) and e2e,
// then one closing line `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { countVitestReport } from './test-summary.mjs'

const outDir = 'node_modules/.tmp/test-results'
rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })
let passed = 0
let failed = 0

function run(label, cmd, args) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false })
  return r.status === 0
}

function step(label, cmd, args) {
  if (run(label, cmd, args)) passed++
  else {
    failed++
    console.log(`✗ ${label} failed`)
  }
}

function vitest(project) {
  const file = `${outDir}/${project}.json`
  const ok = run(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${file}`])
  try {
    const counts = countVitestReport(JSON.parse(readFileSync(file, 'utf8')), ok)
    passed += counts.passed
    failed += counts.failed
    for (const name of counts.unloaded) console.log(`✗ ${project}: ${name} did not load, none of its tests ran`)
  } catch {
    failed++
    console.log(`✗ ${project}: no results were written`)
  }
}

step('lint', 'npx', ['eslint', '.'])
step('typecheck', 'npx', ['vue-tsc', '-b'])
vitest('unit')
step('build', 'npx', ['vite', 'build'])
step('build server', 'npx', ['vite', 'build', '--config', 'server/vite.config.ts'])
vitest('server')
vitest('e2e')
console.log(`\ntests: ${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
