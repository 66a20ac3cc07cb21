// initialJsKB: gzip size of the JS the first page loads, from the built files (node:zlib, level 9).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { join } from 'node:path'
import { OUT_DIR } from './browser.mjs'

const gz = (file) => gzipSync(readFileSync(join(OUT_DIR, file)), { level: 9 }).length

/** The entry script and its modulepreload links in the built index.html. */
export function staticEntryFiles() {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const files = []
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)) {
    files.push(m[1].replace(/^\.?\//, ''))
  }
  return files
}

/** Sizes of the given built files (paths relative to dist-bench/), in KB gzip. */
export function gzipKB(files) {
  const rows = files.map((f) => ({ file: f, bytes: gz(f) }))
  return { rows, kb: rows.reduce((n, r) => n + r.bytes, 0) / 1024 }
}

/** Script URLs of a page load → built file paths. */
export function filesOf(urls, base) {
  return urls.filter((u) => u.startsWith(base)).map((u) => decodeURIComponent(new URL(u).pathname).replace(/^\//, ''))
}
