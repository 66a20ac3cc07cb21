// The service sends the app's own CSP (index.html's <meta>) as a header, with frame-ancestors added.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { APP_CSP, HEADER_CSP } from '../../server/src/csp'
import { configFromEnv } from '../../server/src/config'
import { failureLimiter } from '../../server/src/limiter'

describe('service settings', () => {
  it('keeps the CSP of index.html', () => {
    const html = readFileSync('index.html', 'utf8')
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]
    expect(meta).toBe(APP_CSP)
    expect(HEADER_CSP).toBe(`${APP_CSP}; frame-ancestors 'none'`)
  })

  it('reads HOST, PORT, DATA_DIR, DATABASE_URL and XUEFA_SETUP_CODE with their defaults', () => {
    const d = configFromEnv({}, '/srv/x')
    expect(d).toMatchObject({ host: '127.0.0.1', port: 4173, dataDir: '/srv/x/data', databaseUrl: null, setupCode: null })
    const e = configFromEnv({ HOST: '0.0.0.0', PORT: '8080', DATA_DIR: '/var/xuefa', DATABASE_URL: 'postgres://u@h/db', XUEFA_SETUP_CODE: 'ABCD' }, '/srv/x')
    expect(e).toMatchObject({ host: '0.0.0.0', port: 8080, dataDir: '/var/xuefa', databaseUrl: 'postgres://u@h/db', setupCode: 'ABCD' })
    expect(() => configFromEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/)
    expect(() => configFromEnv({ PORT: 'abc' })).toThrow(/PORT/)
  })

  it('locks an address out after the allowed wrong codes, until the window passes', () => {
    const l = failureLimiter(2, 1000)
    l.fail('a', 0)
    expect(l.isLocked('a', 10)).toBe(false)
    l.fail('a', 20)
    expect(l.isLocked('a', 30)).toBe(true)
    expect(l.isLocked('b', 30)).toBe(false)
    expect(l.isLocked('a', 1001)).toBe(false)
  })
})
