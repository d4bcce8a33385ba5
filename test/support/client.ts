// Requests through app.inject, shared by setupTestApp (test/support/app.ts) and the reliability
// checks' standalone client (test/reliability/harness.ts, also run by `npm run faults` outside
// vitest, so this module imports nothing from vitest).
import type { App } from '../../src/app.ts'

export type Response = { status: number; body: any; text: string; headers: Record<string, string | string[] | undefined> }

export type RequestOptions = {
  token?: string | null
  body?: unknown
  /** A raw payload, sent as is (for malformed JSON and other content types). */
  payload?: string | Buffer
  headers?: Record<string, string>
  /** X-With-Server-Date for this request. */
  date?: string
}

export function injector(app: App, adminToken: string) {
  const request = async (method: string, url: string, options: RequestOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    if (options.date) headers['x-with-server-date'] = options.date
    let payload: string | Buffer | undefined = options.payload
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body)
      headers['content-type'] ??= 'application/json'
    }
    const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) })
    let body: unknown
    try {
      body = res.body === '' ? undefined : JSON.parse(res.body)
    } catch {
      body = undefined
    }
    return { status: res.statusCode, body, text: res.body, headers: res.headers as Response['headers'] }
  }
  /** An operator API request with the admin token. */
  const admin = (method: string, path: string, body?: unknown, options: RequestOptions = {}) =>
    request(method, `/api/admin/v1${path}`, { token: adminToken, ...(body !== undefined ? { body } : {}), ...options })
  return { request, admin }
}
