// The HTTP side of `rect check`: plain fetch against any deployment, one answer per request with
// the path template it was aimed at, so the document's response schema can be found for it.

export type Answer = {
  method: string
  /** The OpenAPI path template, such as `/api/v3/participants/{id}`. */
  template: string
  url: string
  status: number
  contentType: string
  retryAfter: string | null
  text: string
  /** The parsed body, or undefined when it is not JSON. */
  body: any
}

export type Call = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE'
  template: string
  /** Values for the template's `{…}` parts. */
  params?: Record<string, string>
  /** Query string, already in bracket form: `filter[cohort]=2025&page[page]=2`. */
  query?: string
  body?: unknown
  token?: string | null
  headers?: Record<string, string>
}

export type Client = (call: Call) => Promise<Answer>

export function clientFor(baseUrl: string, timeoutMs = 30_000): Client {
  const base = baseUrl.replace(/\/+$/, '')
  return async ({ method = 'GET', template, params = {}, query, body, token, headers = {} }) => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
    const url = `${base}${path}${query ? `?${query}` : ''}`
    const sent: Record<string, string> = { accept: 'application/json', ...headers }
    if (token) sent.authorization = `Bearer ${token}`
    if (body !== undefined) sent['content-type'] = 'application/json'
    const res = await fetch(url, {
      method,
      headers: sent,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    })
    const text = await res.text()
    let parsed: unknown
    try {
      parsed = text === '' ? undefined : JSON.parse(text)
    } catch {
      parsed = undefined
    }
    return {
      method,
      template,
      url,
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      retryAfter: res.headers.get('retry-after'),
      text,
      body: parsed,
    }
  }
}

/** `filter[cohort]=2025&page[per_page]=3` from pairs, each value escaped. */
export function queryOf(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&')
}
