/** The service's settings, from the environment (docs/DEPLOY.md lists them). */
import { resolve } from 'node:path'

export interface Config {
  host: string
  port: number
  /** Folder of the embedded database and of setup-code.txt. */
  dataDir: string
  /** postgres://… when the service uses a PostgreSQL server; else the embedded engine in dataDir. */
  databaseUrl: string | null
  /** The setup code from XUEFA_SETUP_CODE, else read from or written to dataDir. */
  setupCode: string | null
  /** The built app (dist/). */
  distDir: string
  logLevel: string
}

export function configFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const port = Number(env.PORT ?? 4173)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`)
  const url = env.DATABASE_URL?.trim() || null
  if (url && !/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://')
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    dataDir: resolve(cwd, env.DATA_DIR?.trim() || 'data'),
    databaseUrl: url,
    setupCode: env.XUEFA_SETUP_CODE?.trim() || null,
    distDir: resolve(cwd, env.XUEFA_DIST?.trim() || 'dist'),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  }
}
