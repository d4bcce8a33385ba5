// W-20 … W-26 with sandbox personas, in process (W-117). OIDC: test/e2e/j17-oidc.test.ts.
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { testConfig } from '../../src/config.ts'
import { setupTestApp } from '../support/app.ts'
import { school } from '../support/factories.ts'
import { htmlProblems } from '../support/html.ts'
import { titleFor, webClient, type WebClient } from '../support/web.ts'

const t = await setupTestApp({ web: { ...testConfig().web, sessionIdleMinutes: 5 } })
const oak = await school(t.db, { urn: '140001', name: 'Oak Primary School' })
await school(t.db, { urn: '140002', name: 'Ash Academy' })
await school(t.db, { urn: '150001', name: 'Oakfield High' })
for (let i = 0; i < 30; i++) await school(t.db, { urn: String(160000 + i), name: `Bulk School ${i}` })

const idOf = (web: WebClient) => web.sessionCookie!.slice(0, web.sessionCookie!.lastIndexOf('.'))

describe('W-21 sandbox personas', () => {
  it('W-21: the sign-in page: h1, the admin button, the school search, up to 25 schools by URN', async () => {
    const page = await webClient(t.app).get('/sign-in')
    expect(page.status).toBe(200)
    expect(page.title).toBe(titleFor('Sign in to the sandbox'))
    expect(page.text).toContain('Sign in as a DfE admin')
    expect(page.text).toContain('<label class="govuk-label" for="q">\n    School name or URN\n  </label>')
    const urns = [...page.text.matchAll(/name="urn" value="(\d+)"/g)].map((m) => m[1])
    expect(urns).toHaveLength(25)
    expect(urns).toEqual([...urns].sort())
    expect(urns.slice(0, 3)).toEqual(['140001', '140002', '150001'])
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it('W-21: q matches a URN prefix or a name containing it, ignoring case', async () => {
    const web = webClient(t.app)
    const urnsFor = async (q: string) => [...(await web.get(`/sign-in?q=${encodeURIComponent(q)}`)).text.matchAll(/name="urn" value="(\d+)"/g)].map((m) => m[1])
    expect(await urnsFor('1400')).toEqual(['140001', '140002'])
    expect(await urnsFor('OAK')).toEqual(['140001', '150001'])
    expect(await urnsFor('%')).toEqual([])
    expect(await urnsFor('nothing like it')).toEqual([])
  })

  it('W-21: a URN naming no school is the 422 "No school has URN 123456"', async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const page = await web.post('/sign-in/persona', { persona: 'school', urn: '123456' })
    expect(page.status).toBe(422)
    expect(page.title).toBe(titleFor('Sign in to the sandbox', true))
    expect(page.summary).toEqual([{ text: 'No school has URN 123456', href: '#q' }])
    expect(page.inline).toEqual({ q: 'No school has URN 123456' })
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it('W-20, W-21: display names and the session user; signing in again replaces the user and keeps the travelled date', async () => {
    const web = webClient(t.app)
    await web.get('/time-travel')
    await web.post('/time-travel', { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    expect([(await web.signInAsSchool('140001')).location]).toEqual(['/school'])
    let row = await t.db.selectFrom('web_sessions').select('data').where('id', '=', idOf(web)).executeTakeFirstOrThrow()
    expect((row.data as Record<string, unknown>).user).toEqual({ kind: 'school', schoolId: oak.id, urn: '140001', name: 'Induction tutor, Oak Primary School', actor: 'sandbox:school:140001' })
    expect((await web.signInAsAdmin()).location).toBe('/admin')
    row = await t.db.selectFrom('web_sessions').select('data').where('id', '=', idOf(web)).executeTakeFirstOrThrow()
    expect((row.data as Record<string, unknown>).user).toEqual({ kind: 'admin', name: 'DfE admin', actor: 'sandbox:admin' })
    expect((row.data as Record<string, unknown>).travel).toBe('2027-01-10')
    expect((await web.get('/admin')).h1).toBe('DfE admin')
  })
})

describe('W-24 sign-out', () => {
  it('W-24: POST /sign-out deletes the session row and the cookie, then 303 to /signed-out', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    const id = idOf(web)
    await web.get('/school')
    const out = await web.post('/sign-out')
    expect([out.status, out.location]).toEqual([303, '/signed-out'])
    expect(web.sessionCookie).toBeNull()
    expect(await t.db.selectFrom('web_sessions').select('id').where('id', '=', id).executeTakeFirst()).toBeUndefined()
    const page = await web.get('/signed-out')
    expect(page.h1).toBe('You have signed out')
    expect(page.text).toContain('<a class="govuk-link" href="/sign-in">Sign in again</a>')
  })

  it('W-24, W-11: sign-out without the CSRF token is 403 and keeps the session', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    expect((await web.post('/sign-out', {}, { csrf: false })).status).toBe(403)
    expect((await web.get('/school')).status).toBe(200)
  })

  it('W-31: sign-out clears the travelled date', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    await web.get('/time-travel')
    await web.post('/time-travel', { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    await web.get('/school')
    await web.post('/sign-out')
    expect((await web.get('/signed-out')).text).not.toContain('time travel is on')
  })
})

describe('W-25 timeouts', () => {
  it('W-25: after the idle minutes without a request the session has ended: signed out, sign-in says why', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    await t.db.updateTable('web_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', idOf(web)).execute()
    const page = await web.get('/school')
    expect([page.status, page.location]).toEqual([302, '/sign-in?timed_out=1'])
    const signIn = await web.get('/sign-in?timed_out=1')
    expect(signIn.text).toContain('You were signed out because you had not used the service for 5 minutes')
  })

  it('W-25: a request within the idle time moves the deadline on (at most once a minute)', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    await t.db.updateTable('web_sessions').set({ expires_at: new Date(Date.now() + 60_000) }).where('id', '=', idOf(web)).execute()
    expect((await web.get('/school')).status).toBe(200)
    const row = await t.db.selectFrom('web_sessions').select('expires_at').where('id', '=', idOf(web)).executeTakeFirstOrThrow()
    expect(new Date(row.expires_at).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000)
  })

  it('W-25: 12 hours after sign-in the session ends whatever the activity', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    await sql`UPDATE web_sessions SET data = jsonb_set(data, '{signedInAt}', to_jsonb(${Date.now() - 12 * 3600_000 - 1000}::bigint)) WHERE id = ${idOf(web)}`.execute(t.db)
    const page = await web.get('/school')
    expect([page.status, page.location]).toEqual([302, '/sign-in?timed_out=1'])
  })

  it('W-25: a school user whose school no longer exists is signed out the same way', async () => {
    const gone = await school(t.db, { urn: '170001', name: 'Closing School' })
    const web = webClient(t.app)
    await web.signInAsSchool('170001')
    await t.db.deleteFrom('schools').where('id', '=', gone.id).execute()
    const page = await web.get('/school')
    expect([page.status, page.location]).toEqual([302, '/sign-in?timed_out=1'])
    expect(web.sessionCookie).toBeNull()
  })

  it('W-12: expired rows are deleted at start-up', async () => {
    await t.db.insertInto('web_sessions').values({ id: 'expired-row', data: '{}', expires_at: new Date(Date.now() - 1000), created_at: new Date() }).execute()
    const { deleteExpiredSessions } = await import('../../src/web/plugins/session.ts')
    expect(await deleteExpiredSessions(t.db)).toBeGreaterThanOrEqual(1)
    expect(await t.db.selectFrom('web_sessions').select('id').where('id', '=', 'expired-row').executeTakeFirst()).toBeUndefined()
  })
})

describe('W-26 access control', () => {
  it('W-26: signed out, a GET needing a user is 302 to /sign-in, remembering the path for after sign-in', async () => {
    const web = webClient(t.app)
    const page = await web.get('/school?from=test')
    expect([page.status, page.location]).toEqual([302, '/sign-in'])
    expect((await web.signInAsSchool('140001')).location).toBe('/school?from=test')
  })

  it("W-26: a remembered path of the other kind's area is not followed", async () => {
    const web = webClient(t.app)
    await web.get('/admin')
    expect((await web.signInAsSchool('140001')).location).toBe('/school')
  })

  it('W-26: signed out, a POST is 303 to /sign-in', async () => {
    const web = webClient(t.app)
    await web.get('/sign-in')
    const page = await web.post('/school/anything', { a: '1' })
    expect([page.status, page.location]).toEqual([303, '/sign-in'])
  })

  it('W-26: /admin/… for a school user and /school/… for an admin answer the 404 page, never 403', async () => {
    const school = webClient(t.app)
    await school.signInAsSchool('140001')
    for (const url of ['/admin', '/admin/schools', '/admin/sandbox']) {
      const page = await school.get(url)
      expect([url, page.status, page.h1]).toEqual([url, 404, 'Page not found'])
    }
    const admin = webClient(t.app)
    await admin.signInAsAdmin()
    for (const url of ['/school', '/school/ects', '/school/induction-tutor']) {
      const page = await admin.get(url)
      expect([url, page.status, page.h1]).toEqual([url, 404, 'Page not found'])
    }
  })

  it('W-26: GET / goes home when signed in', async () => {
    const school = webClient(t.app)
    await school.signInAsSchool('140001')
    expect((await school.get('/')).location).toBe('/school')
    const admin = webClient(t.app)
    await admin.signInAsAdmin()
    expect((await admin.get('/')).location).toBe('/admin')
  })
})
