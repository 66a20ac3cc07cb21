/** The built service (dist-server/main.js) as a child process, for the kill and restart tests. */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { freePort } from './pg-cluster'
export const SETUP_CODE = 'TEST-SETUP-CODE-0001'

export const SERVER_ENTRY = 'dist-server/main.js'

export interface ServiceProcess {
  url: string
  child: ChildProcess
  output: () => string
  kill(signal?: NodeJS.Signals): Promise<number | null>
}

export async function spawnService(env: { DATA_DIR: string; DATABASE_URL?: string; XUEFA_DIST?: string }, port?: number): Promise<ServiceProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build:server\` first`)
  const p = port ?? (await freePort())
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: { ...process.env, XUEFA_DIST: '/nonexistent', ...env, HOST: '127.0.0.1', PORT: String(p), XUEFA_SETUP_CODE: SETUP_CODE, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const url = `http://127.0.0.1:${p}/`
  // PGlite's start (WASM) is slow on a loaded machine: wait up to two minutes, bounded in time.
  const until = Date.now() + 120_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited: ${out}`)
    try {
      if ((await fetch(`${url}api/health`)).ok) break
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`service did not start: ${out}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    child,
    output: () => out,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null) child.kill(signal)
      return exited
    },
  }
}
