// J17 (W-28): OpenID Connect sign-in against a real oidc-provider started here, its login page
// driven in Chromium; W-22 … W-26 with OIDC on.
import { afterAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { testConfig } from '../../src/config.ts'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, useBrowser } from '../support/browser.ts'
import { school } from '../support/factories.ts'
import { CLIENT_ID, CLIENT_SECRET, startProvider } from '../support/oidc-provider.ts'
import { webClient } from '../support/web.ts'

const PORT = 31411
const RECT = `http://127.0.0.1:${PORT}`
const provider = await startProvider(RECT, {
  'admin-by-email': { email: 'ann.admin@education.gov.uk', email_verified: true, name: 'Ann Admin' },
  'admin-by-claim': { email: 'rob@example.com', email_verified: true, name: 'Rob Roles', roles: ['reader', 'rect-admin'] },
  'school-user': { email: 'sam@oak.example.com', email_verified: true, name: 'Sam Tutor', organisation: { urn: '140001' } },
  'unknown-urn': { email: 'una@elsewhere.example.com', email_verified: true, organisation: { urn: 999999 } },
  'no-mapping': { email: 'nobody@example.com', email_verified: true, name: 'No Body' },
})
afterAll(() => provider.close())

const oidc = {
  issuer: provider.issuer,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  scopes: 'openid email profile organisation roles',
  urnClaim: 'organisation.urn',
  adminEmailDomains: ['education.gov.uk'],
  adminClaim: { path: 'roles', value: 'rect-admin' },
}
const t = await setupTestApp({ web: { ...testConfig().web, oidc, publicUrl: RECT } })
const b = useBrowser(t.app, { port: PORT })
await school(t.db, { urn: '140001', name: 'Oak Primary School' })

/** The machine is offline: only the two local servers answer. */
async function offlinePage(javaScript = true): Promise<Page> {
  const context = await b.context({ javaScript })
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => route.abort())
  return newPage(context)
}

/** rect's "Sign in", then the provider's login page. */
async function signInAs(page: Page, account: string, journey?: string): Promise<void> {
  if (!page.url().endsWith('/sign-in')) await page.goto('/sign-in')
  if (journey) await checkPage(page, journey, 'sign-in')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.port !== String(PORT), { waitUntil: 'load' })
  // The provider's page may still be settling after its own redirects: its form first, then the picture.
  await page.locator('input[name="login"]').waitFor()
  if (journey) await page.screenshot({ path: `test-results/screenshots/${journey}/provider-login.png`, fullPage: true })
  await page.locator('input[name="login"]').fill(account)
  await page.locator('input[name="password"]').fill('any password')
  await page.getByRole('button', { name: 'Sign-in' }).click()
  // Back at rect: the page the callback redirected to, or the callback's own 403 page.
  await page.waitForURL((url) => url.port === String(PORT), { waitUntil: 'domcontentloaded' })
}

describe('J17 OIDC sign-in', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J17' : 'J17-nojs'
    it(`W-22, W-23 (2), W-24, W-26, W-28${javaScript ? '' : ', W-113'}: a school user signs in through the provider's login page, lands on the path they asked for, and signs out at the issuer too`, async () => {
      const page = await offlinePage(javaScript)
      await page.goto('/school?from=bookmark')
      await page.waitForURL(/\/sign-in$/)
      await signInAs(page, 'school-user', journey)
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/school?from=bookmark')
      expect(await page.locator('h1').innerText()).toBe('Oak Primary School')
      await checkPage(page, journey, 'school-home')
      // W-16: the session's user acts as oidc:<sub>.
      const rows = await t.db.selectFrom('web_sessions').select('data').execute()
      expect(rows.map((r) => (r.data as { user?: { actor: string } }).user?.actor)).toContain('oidc:school-user')
      // W-26: with OIDC, /sign-in when signed in goes home.
      await page.goto('/sign-in')
      await page.waitForURL(/\/school$/)
      // W-24: the issuer's end-session endpoint, then back to /signed-out.
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL((url) => url.port !== String(PORT), { waitUntil: 'domcontentloaded' })
      await page.getByRole('button', { name: 'Yes, sign me out' }).click()
      await page.waitForURL(`${RECT}/signed-out`)
      expect(await page.locator('h1').innerText()).toBe('You have signed out')
      await checkPage(page, journey, 'signed-out')
      await page.goto('/school')
      await page.waitForURL(/\/sign-in$/)
    })
  }

  it.each([
    ['admin-by-email', 'W-23 (1): a verified email in an admin domain'],
    ['admin-by-claim', 'W-23 (1): the admin claim'],
  ])('W-22, W-28, %s: %s makes an admin', async (account) => {
    const page = await offlinePage()
    await signInAs(page, account)
    expect(new URL(page.url()).pathname).toBe('/admin')
    expect(await page.locator('h1').innerText()).toBe('DfE admin')
  })

  it('W-23 (3), W-28: a URN naming no school is the 403 "You cannot use this service" with the URN, and a sign-out button', async () => {
    const page = await offlinePage()
    const response = page.waitForResponse((r) => r.url().includes('/auth/callback'))
    await signInAs(page, 'unknown-urn')
    expect((await response).status()).toBe(403)
    expect(await page.locator('h1').innerText()).toBe('You cannot use this service')
    expect(await page.locator('main').innerText()).toContain('Your organisation (URN 999999) is not registered in this service')
    await checkPage(page, 'J17', 'cannot-use-unknown-urn')
    await page.goto('/school')
    await page.waitForURL(/\/sign-in$/)
  })

  it('W-23 (3), W-28: no mapping at all is the 403 without a URN', async () => {
    const page = await offlinePage()
    await signInAs(page, 'no-mapping')
    expect(await page.locator('h1').innerText()).toBe('You cannot use this service')
    expect(await page.locator('main').innerText()).not.toContain('URN')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((url) => url.port !== String(PORT), { waitUntil: 'domcontentloaded' })
  })
})

describe('W-22 the flow, in process', () => {
  it('W-22: GET /sign-in shows "Sign in" and a button; POST /sign-in is 303 to the authorization endpoint with code flow, scopes, PKCE S256, state and nonce', async () => {
    const web = webClient(t.app)
    const page = await web.get('/sign-in')
    expect(page.h1).toBe('Sign in')
    expect(page.headers['content-security-policy']).toContain(`form-action 'self' ${provider.issuer};`)
    const res = await web.post('/sign-in')
    expect(res.status).toBe(303)
    const url = new URL(res.location!)
    expect(url.origin).toBe(provider.issuer)
    const params = Object.fromEntries(url.searchParams)
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      scope: 'openid email profile organisation roles',
      redirect_uri: `${RECT}/auth/callback`,
      code_challenge_method: 'S256',
    })
    expect(params.state).toMatch(/^[\w-]{20,}$/)
    expect(params.nonce).toMatch(/^[\w-]{20,}$/)
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/)
  })

  it("W-22: a provider error, a state mismatch or a callback nobody started is 400 \"Sign-in failed\" with \"Try again\"", async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const started = new URL((await web.post('/sign-in')).location!)
    const state = started.searchParams.get('state')!
    const error = await web.get(`/auth/callback?error=access_denied&state=${state}`)
    expect([error.status, error.h1]).toEqual([400, 'Sign-in failed'])
    expect(error.text).toContain('<a class="govuk-link" href="/sign-in">Try again</a>')
    await web.get('/sign-in')
    await web.post('/sign-in')
    const mismatch = await web.get('/auth/callback?code=abc&state=not-the-state')
    expect([mismatch.status, mismatch.h1]).toEqual([400, 'Sign-in failed'])
    const nobody = await webClient(t.app).get(`/auth/callback?code=abc&state=${state}`)
    expect([nobody.status, nobody.h1]).toEqual([400, 'Sign-in failed'])
  })

  it('W-22: a code the issuer refuses is 400', async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const state = new URL((await web.post('/sign-in')).location!).searchParams.get('state')!
    const page = await web.get(`/auth/callback?code=forged-code&state=${state}`)
    expect([page.status, page.h1]).toEqual([400, 'Sign-in failed'])
  })

  it('W-21: personas are off when the issuer is set', async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const page = await web.post('/sign-in/persona', { persona: 'admin' })
    expect(page.status).toBe(503)
  })
})

describe('W-22 an unreachable issuer', async () => {
  const down = await setupTestApp({ web: { ...testConfig().web, oidc: { ...oidc, issuer: 'http://127.0.0.1:9' }, publicUrl: RECT } })
  it('W-22: POST /sign-in is the 503 page when the issuer cannot be reached', async () => {
    const web = webClient(down.app)
    await web.get('/sign-in')
    const page = await web.post('/sign-in')
    expect([page.status, page.h1]).toEqual([503, 'Sorry, the service is unavailable'])
  })
})
