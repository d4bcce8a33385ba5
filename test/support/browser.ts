// W-111 … W-113: browser tests in real Chromium, Debian's /usr/bin/chromium driven by
// playwright-core (never a downloaded browser). One browser per test file; each journey gets a
// JavaScript-on and a JavaScript-off context (W-113). `checkPage` saves a full-page screenshot
// under test-results/screenshots/<journey>/ (W-112), runs axe-core on it (W-111) and html-validate
// on the HTML the server sent (W-114).
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core'
import { afterAll, beforeAll, expect, vi } from 'vitest'
import type { App } from '../../src/app.ts'
import { htmlProblems } from './html.ts'

export const CHROMIUM = '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

let axeSource: string | null = null
function axe(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  return axeSource
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with \`apt-get install -y chromium\``)
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
}

export type BrowserHandle = {
  readonly browser: Browser
  /** The app's base URL (it listens on 127.0.0.1, a free port). */
  readonly baseUrl: string
  /** A fresh context (its own cookies): JavaScript on, or off (W-113). */
  context: (options?: { javaScript?: boolean }) => Promise<BrowserContext>
}

/**
 * Starts one Chromium for the file and makes the app listen; both stop after the file's tests.
 * Call at the top level of a test file, after setupTestApp. `port`: a fixed port (from the range
 * the file owns) when the app must know its own URL before it starts (RECT_PUBLIC_URL, W-28).
 */
export function useBrowser(app: App, options: { port?: number } = {}): BrowserHandle {
  let browser: Browser | null = null
  let baseUrl = ''
  const contexts: BrowserContext[] = []
  // A journey is many page loads, each checked; on a busy machine that takes a while.
  vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 })
  beforeAll(async () => {
    browser = await launchChromium()
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' })
    const address = app.server.address()
    if (address === null || typeof address === 'string') throw new Error('the app is not listening on a port')
    baseUrl = `http://127.0.0.1:${address.port}`
  }, 60_000)
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
  })
  return {
    get browser() {
      return browser!
    },
    get baseUrl() {
      return baseUrl
    },
    context: async ({ javaScript = true } = {}) => {
      const context = await browser!.newContext({ baseURL: baseUrl, javaScriptEnabled: javaScript, viewport: { width: 1024, height: 768 } })
      context.setDefaultTimeout(60_000)
      context.setDefaultNavigationTimeout(60_000)
      if (!javaScript) withoutJavaScript.add(context)
      contexts.push(context)
      return context
    },
  }
}

const lastDocument = new WeakMap<Page, Response>()
/** Chromium cannot evaluate scripts in these, so axe runs in the JavaScript-on run of the journey. */
const withoutJavaScript = new WeakSet<BrowserContext>()

/** A page that remembers the last HTML document it received (for html-validate). */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  page.on('response', (response) => {
    const request = response.request()
    const status = response.status()
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && (status < 300 || status >= 400)) {
      lastDocument.set(page, response)
    }
  })
  return page
}

/** Numbering of screenshots per journey and JavaScript mode: 01-…, 02-… */
const counters = new Map<string, number>()

export type CheckOptions = {
  /** Skip the axe run (never for a page state the journey has not checked yet). */
  axe?: boolean
}

/**
 * W-111, W-112, W-114: screenshot `test-results/screenshots/<journey>/<nn>-<name>.png`, zero axe
 * violations, and valid HTML. `journey` is like `J1` or `J1-nojs`.
 */
export async function checkPage(page: Page, journey: string, name: string, options: CheckOptions = {}): Promise<void> {
  const n = (counters.get(journey) ?? 0) + 1
  counters.set(journey, n)
  const dir = join(SCREENSHOTS, journey)
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true })
  if (options.axe !== false && !withoutJavaScript.has(page.context())) {
    const violations = await axeViolations(page)
    expect(violations, `axe on ${journey} ${name} (${page.url()})`).toEqual([])
  }
  const response = lastDocument.get(page)
  if (response) {
    const problems = await htmlProblems(await response.text())
    expect(problems, `html-validate on ${journey} ${name} (${page.url()})`).toEqual([])
  }
}

/** W-111: axe-core's violations on the page (rule id, impact, the first nodes' targets). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; targets: string[] }[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (W-13) does not block it.
  const loaded = await page.evaluate('typeof window.axe !== "undefined"')
  if (!loaded) await page.evaluate(axe())
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[]
  }
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
}

/** W-21 in the browser: the persona sign-in page, then the school's "Sign in" button. */
export async function signInAsSchool(page: Page, urn: string): Promise<void> {
  await page.goto(`/sign-in?q=${urn}`)
  await page.getByRole('button', { name: new RegExp(`^Sign in as the induction tutor of`) }).first().click()
  await page.waitForURL(/\/school/)
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/sign-in')
  await page.getByRole('button', { name: 'Sign in as a DfE admin' }).click()
  await page.waitForURL(/\/admin/)
}
