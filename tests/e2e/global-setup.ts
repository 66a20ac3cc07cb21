// Serve the production build (dist/, built by `npm test` / `npm run test:e2e`) on 127.0.0.1.
import { existsSync } from 'node:fs'
import { preview, type PreviewServer } from 'vite'
import type { TestProject } from 'vitest/node'

let server: PreviewServer | undefined

export async function setup(project: TestProject): Promise<void> {
  // XF_DIST lets parallel work build into its own folder (vite build --outDir dist-x).
  const outDir = process.env.XF_DIST ?? 'dist'
  if (!existsSync(`${outDir}/index.html`)) throw new Error(`${outDir}/ is missing: run \`vite build\` before the e2e tests`)
  server = await preview({ build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`)
}

export async function teardown(): Promise<void> {
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()) ?? resolve())
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}
