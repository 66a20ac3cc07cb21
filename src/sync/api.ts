/**
 * The sync service's HTTP API as plain functions over fetch (docs/spec/sync-api.md). No database here: the
 * engine (engine.ts) decides what to send and where to keep what comes back. Every failure is a SyncError with
 * the service's zh-CN sentence, or a sentence of our own when the network or the service is unreachable.
 */
import type {
  CountyTable,
  DeviceInfo,
  Enrollment,
  InvitationInfo,
  InvitedRole,
  PullResponse,
  PushRequest,
  PushResponse,
  RejectedRecord,
} from '../domain/sync/protocol'
import type { Unit } from '../domain/model/types'

export class SyncError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the service could not be reached. */
    readonly status: number,
    readonly rejected: RejectedRecord[] = [],
  ) {
    super(message)
    this.name = 'SyncError'
  }

  get isOffline(): boolean {
    return this.status === 0
  }
}

export const OFFLINE_MESSAGE = '无法连接同步服务（可能没有网络，或服务未开启）。记录已保存在本机，联网后会自动同步。'

export interface ApiOptions {
  /** The service's origin with a trailing slash, e.g. "https://xuefa.example.gov.cn/" ('' = this page's origin). */
  base?: string
  token?: string | null
  fetch?: typeof fetch
  signal?: AbortSignal
}

async function call<T>(method: string, path: string, opts: ApiOptions, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`
  let res: Response
  try {
    res = await (opts.fetch ?? fetch)(`${opts.base ?? ''}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: opts.signal,
      cache: 'no-store',
    })
  } catch {
    throw new SyncError(OFFLINE_MESSAGE, 0)
  }
  if (res.status === 204) return undefined as T
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    data = null
  }
  if (!res.ok) {
    const d = (data ?? {}) as { error?: unknown; rejected?: RejectedRecord[] }
    const message = typeof d.error === 'string' ? d.error : `同步服务返回了错误（${res.status}），请稍后重试。`
    throw new SyncError(message, res.status, Array.isArray(d.rejected) ? d.rejected : [])
  }
  if (data === null) throw new SyncError('同步服务的回答无法读取，请稍后重试。', res.status)
  return data as T
}

export const syncApi = {
  health: (o: ApiOptions) => call<{ ok: boolean; storage: string }>('GET', 'api/health', o),
  enrollWithSetupCode: (o: ApiOptions, body: { setupCode: string; unit?: Unit; county?: boolean; countyName?: string; label?: string }) =>
    call<Enrollment>('POST', 'api/enroll/setup', o, body),
  join: (o: ApiOptions, body: { code: string; label?: string }) => call<Enrollment>('POST', 'api/enroll/join', o, body),
  push: (o: ApiOptions, body: PushRequest) => call<PushResponse>('POST', 'api/sync/push', o, body),
  wait: (o: ApiOptions, since: string, timeoutSeconds = 25) =>
    call<{ changed: boolean }>('GET', `api/sync/wait?since=${encodeURIComponent(since)}&timeout=${timeoutSeconds}`, o),
  pull: (o: ApiOptions, since: string, limit?: number) =>
    call<PullResponse>('GET', `api/sync/pull?since=${encodeURIComponent(since)}${limit ? `&limit=${limit}` : ''}`, o),
  invite: (o: ApiOptions, body: { personId: string; role: InvitedRole; sectionIds?: string[]; hours?: number }) =>
    call<InvitationInfo & { code: string }>('POST', 'api/invitations', o, body),
  invitations: (o: ApiOptions) => call<{ invitations: InvitationInfo[] }>('GET', 'api/invitations', o),
  cancelInvitation: (o: ApiOptions, id: string) => call<void>('DELETE', `api/invitations/${encodeURIComponent(id)}`, o),
  devices: (o: ApiOptions) => call<{ devices: DeviceInfo[] }>('GET', 'api/devices', o),
  revoke: (o: ApiOptions, id: string) => call<DeviceInfo>('POST', `api/devices/${encodeURIComponent(id)}/revoke`, o),
  county: (o: ApiOptions, year: number, asOf: string) => call<CountyTable>('GET', `api/county/units?year=${year}&asOf=${asOf}`, o),
  countyUnit: (o: ApiOptions, unitId: string, year: number, asOf: string) =>
    call<CountyTable['units'][number] & { draft: string; lawsStudied: { title: string; count: number }[]; year: number; asOf: string }>(
      'GET',
      `api/county/units/${encodeURIComponent(unitId)}?year=${year}&asOf=${asOf}`,
      o,
    ),
}
