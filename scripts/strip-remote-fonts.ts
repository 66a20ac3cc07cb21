import type { Plugin } from 'vite'

/**
 * Vant's icon CSS names a remote woff fallback after its inline woff2. Offline it is useless, and it
 * violates the CSP (font-src 'self' data:), so the remote source is removed at build time.
 */
export function stripRemoteFonts(): Plugin {
  const remote = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com\/[^)]*\)\s*format\(["']?woff["']?\)/g
  return {
    name: 'xuefa:strip-remote-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('vant') || !id.endsWith('.css')) return null
      return remote.test(code) ? { code: code.replace(remote, ''), map: null } : null
    },
  }
}
