// W-1 … W-16: the web interface's conventions, in process (W-117).
import { describe, expect, it } from 'vitest'
import { clockAt } from '../../src/clock.ts'
import { setInductionTutor } from '../../src/domain/participants/set-induction-tutor.ts'
import { asUser } from '../../src/web/plugins/user.ts'
import { setupTestApp } from '../support/app.ts'
import { school } from '../support/factories.ts'
import { htmlProblems } from '../support/html.ts'
import { titleFor, webClient } from '../support/web.ts'

const t = await setupTestApp()
const oak = await school(t.db, { urn: '140001', name: 'Oak Primary School' })
const HTML = { accept: 'text/html' }
const JSON_404 = JSON.stringify({ errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] })

describe('W-1 URL space', () => {
  it('W-1, W-26: GET / signed out is the start page with a Sign in button', async () => {
    const page = await webClient(t.app).get('/')
    expect(page.status).toBe(200)
    expect(page.h1).toBe('Register early career teachers')
    expect(page.text).toMatch(/<a href="\/sign-in" role="button"[^>]*class="govuk-button govuk-button--start"/)
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it('W-1, W-14: an unknown path answers the HTML 404 page when Accept names text/html', async () => {
    const page = await webClient(t.app).get('/no-such-page')
    expect(page.status).toBe(404)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.title).toBe(titleFor('Page not found'))
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it("W-1 (decided): without text/html it is C-29's JSON; under /api/ and /healthcheck always JSON", async () => {
    expect((await t.request('GET', '/no-such-page')).text).toBe(JSON_404)
    for (const url of ['/api/v3/nothing', '/api/nothing', '/healthcheck/nothing', '/api']) {
      const res = await t.request('GET', url, { headers: HTML })
      expect([url, res.status, res.text]).toEqual([url, 404, JSON_404])
    }
  })

  it('W-1, W-14: an unknown path under /school or /admin is the 404 page in the template, signed in', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    const page = await web.get('/school/no-such-page')
    expect(page.status).toBe(404)
    expect(page.h1).toBe('Page not found')
    expect(page.text).toContain('Sign out')
    // Signed out, the area's access check comes first (W-26).
    expect((await t.request('GET', '/school/no-such-page', { headers: HTML })).headers.location).toBe('/sign-in')
  })
})

describe('W-3 assets', () => {
  it.each([
    ['/assets/govuk-frontend.min.css', 'text/css; charset=utf-8'],
    ['/assets/govuk-frontend.min.js', 'application/javascript; charset=utf-8'],
    ['/assets/app.js', 'application/javascript; charset=utf-8'],
    ['/assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/manifest.json', 'application/json; charset=utf-8'],
    ['/assets/images/favicon.svg', 'image/svg+xml'],
    ['/assets/fonts/bold-b542beb274-v2.woff2', 'font/woff2'],
  ])('W-3: %s is served without sign-in, cached for a day', async (url, type) => {
    const res = await t.request('GET', url)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe(type)
    expect(res.headers['cache-control']).toBe('public, max-age=86400')
  })

  it("W-3: nothing else of the package is served; the compiled CSS's font and image paths resolve", async () => {
    for (const url of ['/assets/template.njk', '/assets/components/button/template.njk', '/assets/../package.json', '/assets/index.scss']) {
      expect((await t.request('GET', url)).status, url).toBe(404)
    }
    const css = (await t.request('GET', '/assets/govuk-frontend.min.css')).text
    const paths = [...new Set([...css.matchAll(/url\(["']?([^"')]+)["']?\)/g)].map((m) => m[1]!))].filter((p) => !p.startsWith('data:'))
    expect(paths.length).toBeGreaterThan(0)
    for (const path of paths) expect((await t.request('GET', path)).status, path).toBe(200)
  })

  it('W-3: no page loads anything from another origin', async () => {
    const web = webClient(t.app)
    for (const url of ['/', '/sign-in', '/accessibility', '/cookies']) {
      const { text } = await web.get(url)
      const loads = [...text.matchAll(/<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
      expect(loads.filter((u) => !u.startsWith('/')), url).toEqual([])
    }
  })
})

describe('W-4, W-5 page template', () => {
  it('W-4: a school page: lang, skip link, service name to home, the school navigation with the current link active, Sign out form, phase banner, footer', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    const page = await web.get('/school')
    expect(page.text).toContain('<html lang="en" class="govuk-template">')
    expect(page.text).toMatch(/<a href="#main-content" class="govuk-skip-link"/)
    expect(page.text).toMatch(/<a href="\/school" class="govuk-service-navigation__link">\s*Register early career teachers\s*<\/a>/)
    const nav = [...page.text.matchAll(/<li class="govuk-service-navigation__item( govuk-service-navigation__item--active)?">\s*<a class="govuk-service-navigation__link" href="([^"]+)"/g)]
    expect(nav.map((m) => [m[2], m[1] !== undefined])).toEqual([
      ['/school', true],
      ['/school/ects', false],
      ['/school/mentors', false],
      ['/school/induction-tutor', false],
    ])
    expect(page.text).toMatch(/<form method="post" action="\/sign-out"[^>]*>\s*<input type="hidden" name="_csrf" value="[^"]+">\s*<button type="submit"[^>]*>Sign out<\/button>/)
    expect(page.text).toContain('<main class="govuk-main-wrapper" id="main-content">')
    for (const href of ['/accessibility', '/cookies', '/api/docs']) expect(page.text).toContain(`href="${href}"`)
    expect(page.title).toBe(titleFor('Oak Primary School'))
    expect(page.text.match(/<h1/g)).toHaveLength(1)
  })

  it('W-4: the admin navigation, Sandbox included in sandbox mode', async () => {
    const web = webClient(t.app)
    await web.signInAsAdmin()
    const page = await web.get('/admin')
    const hrefs = [...page.text.matchAll(/<a class="govuk-service-navigation__link" href="([^"]+)"/g)].map((m) => m[1])
    expect(hrefs).toEqual(['/admin/schools', '/admin/teachers', '/admin/cohorts', '/admin/lead-providers', '/admin/delivery-partners', '/admin/statements', '/admin/sandbox'])
  })

  it('W-4: signed out there are no navigation links and the service name links to /', async () => {
    const page = await webClient(t.app).get('/cookies')
    expect(page.text).not.toContain('govuk-service-navigation__list')
    expect(page.text).toMatch(/<a href="\/" class="govuk-service-navigation__link">/)
    expect(page.h1).toBe('Cookies')
    expect(page.text).toContain('rect_session')
  })
})

describe('W-6, W-11 forms and CSRF', () => {
  it('W-11: a POST without the _csrf field, or with a wrong one, is the 403 "This form has expired" page and changes nothing', async () => {
    const web = webClient(t.app)
    await web.get('/time-travel')
    for (const csrf of [false, 'wrong-token'] as const) {
      const page = await web.post('/time-travel', { 'date-day': '1', 'date-month': '1', 'date-year': '2030' }, { csrf })
      expect(page.status).toBe(403)
      expect(page.h1).toBe('This form has expired')
      expect(page.title).toBe(titleFor('This form has expired'))
    }
    expect((await web.get('/time-travel')).text).not.toContain('value="2030"')
  })

  it('W-11: a POST from a browser with no session at all is 403 too', async () => {
    const page = await webClient(t.app).post('/sign-in/persona', { persona: 'admin' }, { csrf: false })
    expect(page.status).toBe(403)
  })

  it('W-6: a body that is not application/x-www-form-urlencoded is the 400 page', async () => {
    const web = webClient(t.app)
    await web.get('/time-travel')
    const page = await web.post('/time-travel', {}, { payload: JSON.stringify({ _csrf: web.csrf }), headers: { 'content-type': 'application/json' } })
    expect(page.status).toBe(400)
    expect(page.h1).toBe('Sorry, there is a problem with the service')
  })

  it('W-6: a body over 100 KB is the 413 page', async () => {
    const web = webClient(t.app)
    await web.get('/time-travel')
    const page = await web.post('/time-travel', { big: 'x'.repeat(110_000) })
    expect(page.status).toBe(413)
    expect(page.h1).toBe('Sorry, there is a problem with the service')
  })

  it('W-6: a repeated field counts by its last value; success is 303 (POST-redirect-GET)', async () => {
    const web = webClient(t.app)
    await web.get('/time-travel')
    const page = await web.post('/time-travel', { 'date-day': ['5', '6'], 'date-month': '7', 'date-year': '2027', return_to: '/cookies' })
    expect([page.status, page.location]).toEqual([303, '/cookies'])
    expect((await web.get('/cookies')).text).toContain('Today is 6 July 2027 (time travel is on).')
  })
})

describe('W-12 sessions', () => {
  it('W-12: a page that stores nothing sets no cookie and creates no session row', async () => {
    const before = await sessionCount()
    const res = await t.request('GET', '/', { headers: HTML })
    expect(res.headers['set-cookie']).toBeUndefined()
    expect(await sessionCount()).toBe(before)
  })

  it('W-12: one cookie rect_session, HttpOnly, SameSite=Lax, Path=/, holding only the signed id; the data is in web_sessions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/sign-in', headers: HTML })
    const cookies = [res.headers['set-cookie'] ?? []].flat()
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatch(/^rect_session=[\w-]+\.[\w%+/-]+; Path=\/; HttpOnly; SameSite=Lax$/)
    const id = /^rect_session=([\w-]+)\./.exec(cookies[0]!)![1]!
    const row = await t.db.selectFrom('web_sessions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(Object.keys(row.data as object)).toEqual(['_csrf'])
  })

  it('W-12: the session id is regenerated at sign-in; the old id no longer works', async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const before = web.sessionCookie
    await web.signInAsSchool('140001')
    expect(web.sessionCookie).not.toBe(before)
    const attacker = webClient(t.app)
    attacker.setSessionCookie(before)
    expect((await attacker.get('/school')).status).toBe(302)
    expect((await web.get('/school')).status).toBe(200)
  })
})

describe('W-13 headers', () => {
  it("W-13: a web page's headers, the CSP nonce on the template's inline script", async () => {
    const page = await webClient(t.app).get('/')
    const csp = page.headers['content-security-policy'] as string
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!
    expect(csp).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`,
    )
    expect(page.text).toContain(`<script nonce="${nonce}">document.body.className`)
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['referrer-policy']).toBe('same-origin')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.headers['strict-transport-security']).toBeUndefined()
    expect(page.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    const other = await webClient(t.app).get('/')
    expect(other.headers['content-security-policy']).not.toBe(csp)
  })

  it('W-13: the 404 page outside the areas has them too; the APIs never do', async () => {
    const page = await webClient(t.app).get('/nowhere')
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'self'; script-src 'self' 'nonce-/)
    expect(page.headers['x-frame-options']).toBe('DENY')
    for (const url of ['/api/v3/partnerships', '/healthcheck', '/api/nothing']) {
      const res = await t.request('GET', url, { headers: HTML })
      expect(res.headers['content-security-policy'], url).toBeUndefined()
      expect(res.headers['x-frame-options'], url).toBeUndefined()
    }
  })
})

describe('W-16 audit author and actor', () => {
  it("W-16: a web action's events record author school and the persona's actor; the operator API keeps operator and null", async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    const request = { webUser: { kind: 'school', schoolId: oak.id, urn: '140001', name: 'x', actor: 'sandbox:school:140001' } }
    const clock = clockAt(new Date('2026-01-05T10:00:00Z'))
    await asUser(t.db, request as never, (tx) => setInductionTutor(tx, clock, oak.id, { name: 'Ann Tutor', email: 'ann@example.com' }))
    const admin = { webUser: { kind: 'admin', name: 'DfE admin', actor: 'sandbox:admin' } }
    await asUser(t.db, admin as never, (tx) => setInductionTutor(tx, clock, oak.id, { name: 'Bo Tutor', email: 'bo@example.com' }))
    const res = await t.admin('PUT', `/schools/140001/induction-tutor`, { name: 'Cy Tutor', email: 'cy@example.com' })
    expect(res.status).toBe(200)
    const events = await t.db
      .selectFrom('events')
      .select(['author', 'actor'])
      .where('action', '=', 'school.induction_tutor_set')
      .where('subject_id', '=', oak.id)
      .orderBy('id')
      .execute()
    expect(events).toEqual([
      { author: 'school', actor: 'sandbox:school:140001' },
      { author: 'operator', actor: 'sandbox:admin' },
      { author: 'operator', actor: null },
    ])
  })
})

async function sessionCount(): Promise<number> {
  const row = await t.db.selectFrom('web_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}
