// Build, serve and drive: the production app and the harness in dist-bench/, served by Vite's preview()
// on 127.0.0.1, driven in Debian's Chromium (persistent profile: IndexedDB on disk) with the flags of scripts/chromium-flags.json
// (scripts/chromium-flags.json).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
import CHROMIUM_FLAGS from '../../../scripts/chromium-flags.json' with { type: 'json' }
import PHONE_CONTEXT from '../../../scripts/phone-context.json' with { type: 'json' }

export const OUT_DIR = 'dist-bench'

export const CHROMIUM_ARGS = [
  ...CHROMIUM_FLAGS,
  // Lets the harness collect garbage before each timed step (does not change how fast code runs).
  '--js-flags=--expose-gc',
]

/** The phone every browser test uses (390×844, zh-CN, China time), shared with the e2e tests. */
export const PHONE = PHONE_CONTEXT

/** Production app into dist-bench/ (never dist/), then the harness into dist-bench/bench/. */
export async function buildAll() {
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } })
  await build({ configFile: 'tests/bench/vite.bench.config.ts', logLevel: 'warn' })
}

export async function serve(port = 0) {
  const server = await preview({
    build: { outDir: OUT_DIR },
    preview: { host: '127.0.0.1', port, strictPort: port !== 0 },
    logLevel: 'warn',
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  }
}

export async function launch() {
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-bench-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    ...PHONE,
  })
  return {
    context,
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** 4× CPU slowdown of the page's renderer (CDP), as on an old phone. */
export async function throttle(context, page, rate = 4) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
  return cdp
}

/** Chromium pitfall (docs/CONTRIBUTING.md): `ready` can resolve while the worker is still activating; reload once if not controlled. */
export async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready
    const sw = reg.active
    if (sw && sw.state !== 'activated') {
      await new Promise((resolve) => sw.addEventListener('statechange', () => sw.state === 'activated' && resolve()))
    }
  })
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload()
    await page.waitForFunction(() => !!navigator.serviceWorker.controller)
  }
}
