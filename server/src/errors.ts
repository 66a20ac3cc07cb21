/**
 * Every error the API answers is `{"error":"<zh-CN sentence>"}` with a fitting status (docs/spec/sync-api.md):
 * 400 malformed, 401 no valid device token, 403 outside the token's scope, 404, 409, 410, 413 too large,
 * 429 too many tries. Unexpected failures answer 500 with a plain sentence and are logged.
 */
import type { FastifyError, FastifyInstance } from 'fastify'

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const MSG = {
  noToken: '本设备未连接同步服务，或同步授权已失效。请在“同步”页重新连接。',
  revoked: '本设备的同步授权已被台账管理员撤销。如需继续同步，请向台账管理员索取新的邀请。',
  notKeeper: '只有本单位的台账管理员可以进行此操作。',
  notCounty: '只有县（区）级汇总账号可以查看各单位汇总。',
  countyNoRecords: '汇总账号只能查看各单位的报告数字，不能上传或下载人员记录。',
  tooLarge: '一次提交的数据过大，已拒绝。应用会自动分批上传；如仍出现此提示，请更新应用后重试。',
  malformed: '提交的数据格式不正确，无法读取。请更新应用后重试。',
  tooManyTries: '设置码或邀请码错误次数过多，请 15 分钟后再试。',
  tooManyRequests: '请求过于频繁，请稍后再试。',
  wrongSetupCode: '设置码不正确。请向同步服务的管理员核对设置码（字母不区分大小写）。',
  badInvitation: '邀请码无效：可能输错、已被使用、已过期或已被取消。请向台账管理员索取新的邀请。',
  notFound: '没有这个接口。',
  internal: '同步服务内部出错，本次操作未完成，数据未改动。请稍后重试。',
  unavailable: '同步服务暂时无法访问数据库，本次操作未完成。请稍后重试。',
} as const

/** Maps Fastify's own errors (body limit, JSON, rate limit) and ours to `{error}`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    if (err instanceof ApiError) return reply.status(err.status).send({ error: err.message, ...err.extra })
    const status = (err as FastifyError).statusCode ?? 500
    if (status === 413) return reply.status(413).send({ error: MSG.tooLarge })
    if (status === 429) return reply.status(429).send({ error: MSG.tooManyRequests })
    if (status >= 400 && status < 500) return reply.status(400).send({ error: MSG.malformed })
    const dbDown = /ECONNREFUSED|Connection terminated|terminating connection|ECONNRESET|shutting down/i.test(err.message ?? '')
    req.log.error({ err }, 'request failed')
    return reply.status(dbDown ? 503 : 500).send({ error: dbDown ? MSG.unavailable : MSG.internal })
  })
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.status(404).send({ error: MSG.notFound })
    return reply.status(404).type('text/plain; charset=utf-8').send('404')
  })
}
