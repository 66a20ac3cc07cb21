// What the first page's JS is made of: builds the app with source maps into node_modules/.tmp/dist-js,
// loads #/ in Chromium like the bench (so the list is exactly what a cold start fetches), and attributes
// each loaded chunk's gzip bytes to its sources (npm package or src/ folder) in proportion to the
// generated code each source produced. Usage: node tests/bench/js-breakdown.mjs  (a profiling aid).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, PHONE } from './driver/browser.mjs'

const OUT = 'node_modules/.tmp/dist-js'
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Generated characters per source index, from a v3 source map's mappings. */
function bytesPerSource(map, code) {
  const lines = code.split('\n')
  const out = new Map()
  let src = 0
  map.mappings.split(';').forEach((line, li) => {
    let col = 0
    const segs = line ? line.split(',') : []
    const starts = []
    for (const seg of segs) {
      const vals = []
      let v = 0
      let shift = 0
      for (const ch of seg) {
        const d = B64.indexOf(ch)
        v += (d & 31) << shift
        if (d & 32) shift += 5
        else {
          vals.push(v & 1 ? -(v >> 1) : v >> 1)
          v = 0
          shift = 0
        }
      }
      col += vals[0]
      if (vals.length > 1) src += vals[1]
      starts.push([col, vals.length > 1 ? src : -1])
    }
    const len = (lines[li] ?? '').length
    starts.forEach(([c, s], i) => {
      const end = i + 1 < starts.length ? starts[i + 1][0] : len
      if (s >= 0) out.set(s, (out.get(s) ?? 0) + Math.max(0, end - c))
    })
  })
  return out
}

function groupOf(source) {
  const s = source.replace(/^(\.\.\/)+/, '').replace(/\\/g, '/')
  const nm = s.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = s.slice(nm + 13).split('/')
    const pkg = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
    return pkg === 'vant' ? `vant/${rest[2] ?? ''}` : pkg
  }
  const parts = s.split('/')
  const i = parts.indexOf('src')
  return i >= 0 ? parts.slice(i, i + 2).join('/') + (parts.length > i + 2 ? `/${parts[i + 2]}` : '') : s
}

await build({ logLevel: 'warn', build: { outDir: OUT, emptyOutDir: true, sourcemap: true } })
const server = await preview({ build: { outDir: OUT }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' })
const { port } = server.httpServer.address()
const url = `http://127.0.0.1:${port}/`
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
const page = await (await browser.newContext({ ...PHONE, serviceWorkers: 'block' })).newPage()
// A ledger first (the demo), so that #/ is the home screen; then a fresh load of #/ is what is counted.
await page.goto(url)
await page.getByTestId('welcome-demo').click()
await page.getByTestId('quick-log').waitFor({ timeout: 60000 })
await page.goto('about:blank')
await page.goto(url)
await page.getByTestId('quick-log').waitFor({ timeout: 30000 })
await page.waitForTimeout(1000)
const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.js')))
await browser.close()
await new Promise((r) => server.httpServer.close(r))

const byGroup = new Map()
let total = 0
for (const u of urls) {
  const file = join(OUT, new URL(u).pathname)
  const code = readFileSync(file, 'utf8')
  const gz = gzipSync(code, { level: 9 }).length
  total += gz
  let map
  try {
    map = JSON.parse(readFileSync(`${file}.map`, 'utf8'))
  } catch {
    byGroup.set('(no map)', (byGroup.get('(no map)') ?? 0) + gz)
    continue
  }
  const per = bytesPerSource(map, code)
  const sum = [...per.values()].reduce((a, b) => a + b, 0) || 1
  for (const [s, n] of per) {
    const g = groupOf(map.sources[s])
    byGroup.set(g, (byGroup.get(g) ?? 0) + (gz * n) / sum)
  }
}
const joined = gzipSync(urls.map((u) => readFileSync(join(OUT, new URL(u).pathname), 'utf8')).join('\n'), { level: 9 }).length
console.log(`${urls.length} scripts, ${(total / 1024).toFixed(1)} KB gzip (level 9); as one file ${(joined / 1024).toFixed(1)} KB`)
for (const u of urls) console.log(`  ${new URL(u).pathname}`)
console.log('by source (KB, approximate):')
for (const [g, b] of [...byGroup].sort((a, b) => b[1] - a[1])) if (b >= Number(process.env.MIN_BYTES ?? 300)) console.log(`${(b / 1024).toFixed(1).padStart(7)}  ${g}`)
