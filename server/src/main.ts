/**
 * `node dist-server/main.js` (npm start builds it): the service on HOST:PORT with the embedded database in
 * DATA_DIR, or PostgreSQL at DATABASE_URL. Migrations run first; SIGTERM / SIGINT stop taking requests, let
 * the running ones finish, close the database and exit.
 */
import { configFromEnv } from './config'
import { openStorage } from './storage'
import { migrate } from './migrate'
import { fillMissingOwners } from './owners'
import { buildApp } from './app'
import { loadSetupCode } from './secrets'

async function main(): Promise<void> {
  const cfg = configFromEnv(process.env)
  const storage = await openStorage({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir })
  const applied = await migrate(storage.pool)
  const ownersFilled = await fillMissingOwners(storage.pool)
  const setup = loadSetupCode(cfg.dataDir, cfg.setupCode)
  const app = await buildApp({
    db: storage.pool,
    storage: storage.kind,
    setupCode: setup.code,
    distDir: cfg.distDir,
    logger: { level: cfg.logLevel },
    version: process.env.npm_package_version ?? '0',
  })
  app.log.info({ storage: storage.kind, migrationsApplied: applied, ownersFilled }, 'database ready')
  await app.listen({ host: cfg.host, port: cfg.port })
  const where = setup.file ? `（也保存在 ${setup.file}）` : '（来自环境变量 XUEFA_SETUP_CODE）'
  console.log(`\n  学法台账已启动: http://${cfg.host}:${cfg.port}/`)
  console.log(`  同步服务设置码: ${setup.code} ${where}`)
  console.log(`  数据库: ${storage.kind === 'embedded' ? `内置（${cfg.dataDir}）` : 'PostgreSQL'}   Ctrl+C 停止\n`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    try {
      await app.close()
      await storage.close()
      process.exit(0)
    } catch (e) {
      app.log.error({ err: e }, 'shutdown failed')
      process.exit(1)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

main().catch((e) => {
  console.error(`学法台账同步服务无法启动：${(e as Error).message}`)
  process.exit(1)
})
