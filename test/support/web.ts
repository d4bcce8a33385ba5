// A browser-like client for the web interface over app.inject (W-117): it carries the session
// cookie from response to response, remembers the last page's CSRF token and sends it with each
// form, and reads a page's title, h1, error summary and inline errors.
import type { App } from '../../src/app.ts'

export type Page = {
  status: number
  text: string
  headers: Record<string, string | string[] | undefined>
  /** Location of a redirect, or null. */
  location: string | null
  /** `<title>` text. */
  title: string
  /** The `<h1>`'s text, whitespace collapsed. */
  h1: string
  /** The error summary's links: text and href, in order. */
  summary: { text: string; href: string }[]
  /** Inline error messages by the id of their field (`<id>-error`), without "Error:". */
  inline: Record<string, string>
}

export type FormFields = Record<string, string | string[]>

export type PostOptions = {
  /** The CSRF token to send: default the last page's; false sends none. */
  csrf?: string | false
  headers?: Record<string, string>
  /** A raw body (with `headers['content-type']`), instead of the form. */
  payload?: string | Buffer
}

export type WebClient = {
  get: (url: string, headers?: Record<string, string>) => Promise<Page>
  post: (url: string, fields?: FormFields, options?: PostOptions) => Promise<Page>
  /** GETs redirects until a page, from a response (max 10). */
  follow: (page: Page) => Promise<Page>
  /** W-21: signs in as the induction tutor of the school with this URN (sandbox personas). */
  signInAsSchool: (urn: string) => Promise<Page>
  /** W-21: signs in as the DfE admin persona. */
  signInAsAdmin: () => Promise<Page>
  /** The session cookie's value, or null. */
  readonly sessionCookie: string | null
  /** Replaces the cookie jar (null: no cookie). */
  setSessionCookie: (value: string | null) => void
  /** The last CSRF token seen on a page. */
  readonly csrf: string | null
}

export function webClient(app: App): WebClient {
  let cookie: string | null = null
  let csrf: string | null = null

  const send = async (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: string | Buffer) => {
    const res = await app.inject({
      method,
      url,
      headers: { accept: 'text/html', ...(cookie ? { cookie: `rect_session=${cookie}` } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    })
    for (const set of [res.headers['set-cookie'] ?? []].flat()) {
      const m = /^rect_session=([^;]*)/.exec(set)
      if (!m) continue
      const expired = /Expires=Thu, 01 Jan 1970/i.test(set) || /Max-Age=0/i.test(set) || m[1] === ''
      cookie = expired ? null : m[1]!
    }
    const page = readPage(res.statusCode, res.body, res.headers as Page['headers'])
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) csrf = token[1]!
    return page
  }

  const client: WebClient = {
    get: (url, headers = {}) => send('GET', url, headers),
    post: (url, fields = {}, options = {}) => {
      const token = options.csrf === undefined ? csrf : options.csrf
      const body = new URLSearchParams()
      for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
      if (token) body.append('_csrf', token)
      const headers = { 'content-type': 'application/x-www-form-urlencoded', ...(options.headers ?? {}) }
      return send('POST', url, headers, options.payload ?? body.toString())
    },
    follow: async (page) => {
      let current = page
      for (let i = 0; i < 10 && current.location !== null; i++) current = await client.get(current.location)
      return current
    },
    signInAsSchool: async (urn) => {
      await client.get('/sign-in')
      return client.post('/sign-in/persona', { persona: 'school', urn })
    },
    signInAsAdmin: async () => {
      await client.get('/sign-in')
      return client.post('/sign-in/persona', { persona: 'admin' })
    },
    get sessionCookie() {
      return cookie
    },
    setSessionCookie: (value) => {
      cookie = value
    },
    get csrf() {
      return csrf
    },
  }
  return client
}

export function readPage(status: number, text: string, headers: Page['headers']): Page {
  const location = typeof headers.location === 'string' ? headers.location : null
  const summary: Page['summary'] = []
  const block = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(text)?.[0] ?? ''
  for (const m of block.matchAll(/<a href="([^"]*)">([\s\S]*?)<\/a>/g)) summary.push({ href: decode(m[1]!), text: clean(m[2]!) })
  const inline: Record<string, string> = {}
  for (const m of text.matchAll(/<p id="([^"]+)-error" class="govuk-error-message">([\s\S]*?)<\/p>/g)) {
    inline[m[1]!] = clean(m[2]!).replace(/^Error:\s*/, '')
  }
  return {
    status,
    text,
    headers,
    location,
    title: clean(/<title[^>]*>([\s\S]*?)<\/title>/.exec(text)?.[1] ?? ''),
    h1: clean(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(text)?.[1] ?? ''),
    summary,
    inline,
  }
}

/** The body rows of a page's first table (or of the table whose caption is `caption`), each as its cells' text. */
export function tableRows(html: string, caption?: string): string[][] {
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0])
  const table = caption === undefined ? tables[0] : tables.find((x) => clean(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(x)?.[1] ?? '') === caption)
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table ?? '')?.[1] ?? ''
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => clean(cell[1]!)))
}

/** Text content: tags dropped, entities decoded, whitespace collapsed. */
export function clean(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim()
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

/** W-5: the title of a page whose h1 is `h1`. */
export function titleFor(h1: string, error = false): string {
  return `${error ? 'Error: ' : ''}${h1} – Register early career teachers – GOV.UK`
}
