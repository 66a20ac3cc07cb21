/**
 * The HTTP service: the built app (dist/) and the API under /api/, on one origin so the app's CSP keeps
 * `connect-src 'self'`. Structured logs are Fastify's pino.
 */
import { existsSync } from 'node:fs'
import Fastify, { type FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import type pg from 'pg'
import { installErrorHandler } from './errors'
import { registerRoutes } from './routes'
import { failureLimiter } from './limiter'
import { HEADER_CSP } from './csp'
import { ChangeNotices } from './changes'
import { CountyFigures, type CountyCacheOptions } from './county-cache'
import type { StorageKind } from './storage'
import { MAX_BODY_BYTES } from '../../src/domain/sync/protocol'

export interface AppOptions {
  db: pg.Pool
  storage: StorageKind
  setupCode: string
  /** The built app; not served when absent (API-only tests). */
  distDir?: string | null
  logger?: boolean | { level: string }
  now?: () => number
  /** Wrong setup or invitation codes per address before a 15-minute lockout. */
  maxWrongCodes?: number
  /** Enrollment calls per address and minute (default 30; the load bench raises it). */
  enrollPerMinute?: number
  version?: string
  /** The county figures' background computation (tests shorten its delays). */
  county?: Partial<Omit<CountyCacheOptions, 'db'>>
}

declare module 'fastify' {
  interface FastifyInstance {
    countyFigures: CountyFigures
  }
}

function serveApp(app: FastifyInstance, distDir: string): void {
  app.register(fastifyStatic, {
    root: distDir,
    index: 'index.html',
    setHeaders(res, path) {
      // The page, the service worker and the manifest are revalidated; hashed assets are immutable.
      if (/(index\.html|sw\.js|manifest\.webmanifest|registerSW\.js)$/.test(path)) res.header('Cache-Control', 'no-cache')
      else if (/[\\/]assets[\\/]/.test(path)) res.header('Cache-Control', 'public, max-age=31536000, immutable')
    },
  })
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: MAX_BODY_BYTES,
    // Behind a reverse proxy the client address comes from X-Forwarded-For (docs/DEPLOY.md).
    trustProxy: process.env.XUEFA_TRUST_PROXY === '1',
  })
  installErrorHandler(app)
  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    hsts: false,
  })
  let isClosing = false
  app.addHook('onSend', async (_req, reply, payload) => {
    // Answers sent while shutting down close their connection, so no kept-alive socket holds the exit.
    if (isClosing) reply.header('Connection', 'close')
    reply.header('Content-Security-Policy', HEADER_CSP)
    reply.header('Referrer-Policy', 'no-referrer')
    if (_req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store')
    return payload
  })
  await app.register(rateLimit, { global: false })
  const now = opts.now ?? (() => Date.now())
  const changes = new ChangeNotices()
  const countyFigures = new CountyFigures({
    db: opts.db,
    concurrency: opts.storage === 'embedded' ? 1 : 2,
    onError: (e, unitId) => app.log.error({ err: e, unit: unitId || undefined }, 'county figures not computed'),
    ...opts.county,
  })
  app.decorate('countyFigures', countyFigures)
  app.addHook('onReady', async () => countyFigures.start())
  app.addHook('onClose', async () => countyFigures.close())
  // Long polls are answered before the server waits for open requests to end.
  app.addHook('preClose', async () => {
    isClosing = true
    changes.releaseAll()
  })
  registerRoutes(app, {
    changes,
    countyFigures,
    enrollPerMinute: opts.enrollPerMinute ?? 30,
    db: opts.db,
    storage: opts.storage,
    setupCode: opts.setupCode,
    limiter: failureLimiter(opts.maxWrongCodes ?? 5, 15 * 60_000),
    now,
    version: opts.version ?? '0',
  })
  if (opts.distDir && existsSync(opts.distDir)) serveApp(app, opts.distDir)
  return app
}
