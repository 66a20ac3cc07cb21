import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import type { Plugin } from 'vite'

/**
 * Vant's icon CSS names a remote woff fallback after its inline woff2. Offline it is useless, and it
 * violates the CSP (font-src 'self' data:), so the remote source is removed at build time.
 *
 * The inline woff2 itself (≈ 25 KiB of base64) is moved into a file of its own: the CSS every page waits
 * for before its first paint shrinks by a third, and the font (precached by the service worker like every
 * woff2) is fetched only when an icon is drawn.
 */
export function stripRemoteFonts(): Plugin {
  const remote = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com\/[^)]*\)\s*format\(["']?woff["']?\)/g
  const inline = /url\(["']?data:font\/woff2;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)["']?\)/g
  let fontDir = ''
  return {
    name: 'xuefa:strip-remote-fonts',
    enforce: 'pre',
    configResolved(config) {
      fontDir = join(config.cacheDir, 'xuefa-fonts')
    },
    transform(code, id) {
      if (!id.includes('vant') || !id.endsWith('.css')) return null
      let out = code.replace(remote, '')
      out = out.replace(inline, (_m, base64: string) => {
        const bytes = Buffer.from(base64, 'base64')
        const file = join(fontDir, `vant-icon-${createHash('sha256').update(bytes).digest('hex').slice(0, 8)}.woff2`)
        mkdirSync(fontDir, { recursive: true })
        writeFileSync(file, bytes)
        return `url("${relative(dirname(id.split('?')[0]), file).split('\\').join('/')}")`
      })
      return out === code ? null : { code: out, map: null }
    },
  }
}
