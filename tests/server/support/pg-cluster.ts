/**
 * A private PostgreSQL cluster for the tests: Debian's `postgresql` binaries, a temporary folder, a free port on
 * 127.0.0.1. PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'

export interface Cluster {
  url: string
  dir: string
  bin: string
  port: number
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

function findBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  versions.sort((a, b) => Number(b) - Number(a))
  if (!versions[0]) {
    throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb): apt-get install -y postgresql (.ci/run does it)')
  }
  return join(root, versions[0], 'bin')
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

function asPostgres(bin: string, tool: string, args: string[]): void {
  const cmd = isRoot ? 'runuser' : join(bin, tool)
  const full = isRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args
  const r = spawnSync(cmd, full, { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr || r.stdout}`)
}

export async function startCluster(): Promise<Cluster> {
  const bin = findBin()
  const dir = mkdtempSync(join(tmpdir(), 'xuefa-pg-'))
  chmodSync(dir, 0o755)
  if (isRoot) execFileSync('chown', ['postgres', dir])
  const port = await freePort()
  asPostgres(bin, 'initdb', ['-D', join(dir, 'd'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'])
  const cluster = { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, bin, port }
  pgCtl(cluster, 'start')
  // A run stopped before its teardown (Ctrl+C) still stops its cluster.
  process.once('exit', () => {
    if (existsSync(dir)) {
      try {
        removeCluster(cluster)
      } catch {
        /* already stopped */
      }
    }
  })
  return cluster
}

/** pg_ctl start | stop | restart, waiting until done. */
export function pgCtl(c: Cluster, action: 'start' | 'stop' | 'restart'): void {
  const opts = `-p ${c.port} -k ${c.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`
  const args = ['-D', join(c.dir, 'd'), '-w', '-t', '60', '-l', join(c.dir, 'log')]
  if (action === 'stop') asPostgres(c.bin, 'pg_ctl', [...args, '-m', 'fast', 'stop'])
  else asPostgres(c.bin, 'pg_ctl', [...args, '-o', opts, ...(action === 'restart' ? ['-m', 'fast'] : []), action])
}

export function removeCluster(c: Cluster): void {
  try {
    pgCtl(c, 'stop')
  } finally {
    rmSync(c.dir, { recursive: true, force: true })
  }
}
