// W-30 … W-33: time travel in the browser, in process (W-117); W-118 the web's log lines.
import { Writable } from 'node:stream'
import { Signer } from '@fastify/cookie'
import { describe, expect, it } from 'vitest'
import { parseServerDate } from '../../src/clock.ts'
import { testConfig } from '../../src/config.ts'
import { setupTestApp } from '../support/app.ts'
import { school } from '../support/factories.ts'
import { htmlProblems } from '../support/html.ts'
import { titleFor, webClient, type WebClient } from '../support/web.ts'
import { formatDate } from '../../src/web/format.ts'
import { londonDate } from '../../src/clock.ts'

const lines: string[] = []
const logStream = new Writable({
  write(chunk, _encoding, callback) {
    lines.push(...String(chunk).split('\n').filter(Boolean))
    callback()
  },
})
const t = await setupTestApp({ logLevel: 'info' }, { logStream })
await school(t.db, { urn: '140001', name: 'Oak Primary School' })
const REAL_TODAY = formatDate(londonDate(new Date()))

async function travel(web: WebClient, fields: Record<string, string>, returnTo?: string) {
  await web.get(`/time-travel${returnTo ? `?return_to=${encodeURIComponent(returnTo)}` : ''}`)
  return web.post('/time-travel', { ...fields, ...(returnTo ? { return_to: returnTo } : {}) })
}

describe('W-30 the control', () => {
  it('W-30: every page has the Sandbox banner with the real date and a link to change it for this path', async () => {
    const page = await webClient(t.app).get('/cookies?x=1')
    expect(page.text).toContain('<strong class="govuk-tag govuk-phase-banner__content__tag">\n      Sandbox\n    </strong>')
    expect(page.text).toContain(`This is a sandbox. Today is ${REAL_TODAY}. <a class="govuk-link" href="/time-travel?return_to=%2Fcookies%3Fx%3D1">Change date</a>`)
  })

  it('W-30: with a travelled date the banner says so', async () => {
    const web = webClient(t.app)
    await travel(web, { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    expect((await web.get('/cookies')).text).toContain('This is a sandbox. Today is 10 January 2027 (time travel is on). <a class="govuk-link" href="/time-travel?return_to=%2Fcookies">Change date</a>')
  })
})

describe('W-31 setting it', () => {
  it('W-31: the page: h1, a date input, an optional time, "Set date" and a separate "Go back to today\'s real date" form', async () => {
    const page = await webClient(t.app).get('/time-travel?return_to=/school')
    expect(page.status).toBe(200)
    expect(page.title).toBe(titleFor('Change the date in this sandbox'))
    expect(page.h1).toBe('Change the date in this sandbox')
    for (const name of ['date-day', 'date-month', 'date-year', 'time', 'return_to']) expect(page.text).toContain(`name="${name}"`)
    expect(page.text).toContain('24-hour clock, like 14:30')
    expect(page.text).toMatch(/<form method="post" action="\/time-travel\/clear"/)
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it.each([
    [{}, 'Enter a date', '#date-day'],
    [{ 'date-day': '10', 'date-year': '2027' }, 'Date must include a month', '#date-month'],
    [{ 'date-day': '10', 'date-month': '1', 'date-year': '27' }, 'Year must include 4 numbers', '#date-year'],
    [{ 'date-day': '30', 'date-month': '2', 'date-year': '2027' }, 'Date must be a real date', '#date-day'],
    [{ 'date-day': '31', 'date-month': '12', 'date-year': '1999' }, 'Date must be between 1 January 2000 and 31 December 2099', '#date-day'],
    [{ 'date-day': '1', 'date-month': '1', 'date-year': '2100' }, 'Date must be between 1 January 2000 and 31 December 2099', '#date-day'],
  ])('W-31: %j → 422 "%s"', async (fields, text, href) => {
    const web = webClient(t.app)
    const page = await travel(web, fields as Record<string, string>)
    expect(page.status).toBe(422)
    expect(page.title).toBe(titleFor('Change the date in this sandbox', true))
    expect(page.summary).toEqual([{ text, href }])
    expect(page.inline).toEqual({ date: text })
    expect(await htmlProblems(page.text)).toEqual([])
  })

  it('W-31: a bad time → "Enter a time like 14:30", with the date error too when both are wrong', async () => {
    const web = webClient(t.app)
    for (const time of ['24:00', '14:60', '2pm', '1430']) {
      const page = await travel(web, { 'date-day': '10', 'date-month': '1', 'date-year': '2027', time })
      expect([time, page.status, page.inline]).toEqual([time, 422, { time: 'Enter a time like 14:30' }])
    }
    const both = await travel(web, { time: 'x' })
    expect(both.summary).toEqual([
      { text: 'Enter a date', href: '#date-day' },
      { text: 'Enter a time like 14:30', href: '#time' },
    ])
  })

  it('W-31: success stores YYYY-MM-DD or YYYY-MM-DDTHH:MM:00 and answers 303 to return_to (local only) or /', async () => {
    const web = webClient(t.app)
    expect((await travel(web, { 'date-day': '10', 'date-month': 'jan', 'date-year': '2027' }, '/school')).location).toBe('/school')
    expect((await travel(web, { 'date-day': '1', 'date-month': '7', 'date-year': '2027', time: '9:05' })).location).toBe('/')
    expect((await web.get('/time-travel')).text).toContain('name="time" type="text" value="09:05"')
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      expect((await travel(web, { 'date-day': '1', 'date-month': '7', 'date-year': '2027' }, bad)).location, bad).toBe('/')
    }
  })

  it('W-31: "Go back to today\'s real date" clears it; it works signed out and survives sign-in', async () => {
    const web = webClient(t.app)
    await travel(web, { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    await web.signInAsSchool('140001')
    expect((await web.get('/school')).text).toContain('Today is 10 January 2027 (time travel is on)')
    await web.get('/time-travel')
    const cleared = await web.post('/time-travel/clear', { return_to: '/school' })
    expect([cleared.status, cleared.location]).toEqual([303, '/school'])
    expect((await web.get('/school')).text).toContain(`This is a sandbox. Today is ${REAL_TODAY}.`)
  })
})

describe('W-32, W-33 applying it', () => {
  it('W-32: the request clock is built by the function that reads X-With-Server-Date: a date alone is 00:00 London, a time is London local', async () => {
    const web = webClient(t.app)
    for (const [fields, value] of [
      [{ 'date-day': '10', 'date-month': '1', 'date-year': '2027' }, '2027-01-10'],
      [{ 'date-day': '1', 'date-month': '7', 'date-year': '2027', time: '14:30' }, '2027-07-01T14:30:00'],
    ] as const) {
      await travel(web, fields)
      lines.length = 0
      await web.get('/cookies', { 'x-request-id': `tt-${value}` })
      const line = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.reqId === `tt-${value}`)
      expect(line?.server_date).toBe(parseServerDate(value)!.toISOString())
    }
  })

  it('W-32, C-52: web requests never read the X-With-Server-Date header', async () => {
    const page = await webClient(t.app).get('/cookies', { 'x-with-server-date': '2030-01-01' })
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Today is ${REAL_TODAY}.`)
  })

  it('W-32, C-54: the value applies to that browser session only', async () => {
    const one = webClient(t.app)
    await travel(one, { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    const [a, b] = await Promise.all([one.get('/cookies'), webClient(t.app).get('/cookies')])
    expect(a.text).toContain('Today is 10 January 2027')
    expect(b.text).toContain(`Today is ${REAL_TODAY}.`)
  })
})

describe('W-30, W-32 in production', async () => {
  const prod = await setupTestApp({ mode: 'production', web: { ...testConfig().web } })
  it('W-30: no sandbox text, the Beta banner, and /time-travel is the 404 page', async () => {
    const web = webClient(prod.app)
    const page = await web.get('/cookies')
    expect(page.text).not.toContain('sandbox')
    expect(page.text).toContain('Beta')
    expect(page.text).toContain('This is a new service.')
    expect((await web.get('/time-travel')).status).toBe(404)
    // A POST meets the CSRF check first (W-11).
    expect((await web.post('/time-travel/clear', {}, { csrf: false })).status).toBe(403)
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
  })

  it('W-32: a stored value is never read in production', async () => {
    const id = 'production-session-with-travel'
    await prod.db.insertInto('web_sessions').values({ id, data: JSON.stringify({ travel: '2030-01-01' }), expires_at: new Date(Date.now() + 600_000), created_at: new Date() }).execute()
    const cookie = new Signer(prod.config.web.sessionSecret).sign(id)
    lines.length = 0
    const res = await prod.app.inject({ method: 'GET', url: '/cookies', headers: { accept: 'text/html', cookie: `rect_session=${cookie}` } })
    expect(res.statusCode).toBe(200)
    expect(res.body).not.toContain('2030')
  })

  it('W-27: production without an issuer: /sign-in answers 503', async () => {
    const page = await webClient(prod.app).get('/sign-in')
    expect([page.status, page.h1]).toEqual([503, 'Sorry, the service is unavailable'])
  })
})

describe('W-118 logs', () => {
  it('W-118: web log lines carry the user kind and school URN, never the session id, cookie or CSRF token', async () => {
    lines.length = 0
    const web = webClient(t.app)
    await web.signInAsSchool('140001')
    const cookie = web.sessionCookie!
    const csrf = web.csrf!
    await web.get('/school', { 'x-request-id': 'w118-home' })
    await travel(web, { 'date-day': '10', 'date-month': '1', 'date-year': '2027' })
    await web.post('/time-travel', {}, { csrf: 'not-the-token' })
    await web.post('/sign-out')
    const all = lines.join('\n')
    expect(all).not.toContain(cookie)
    expect(all).not.toContain(cookie.slice(0, cookie.lastIndexOf('.')))
    expect(all).not.toContain(csrf)
    expect(all).not.toContain('rect_session')
    expect(all).not.toContain('_csrf')
    const home = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.reqId === 'w118-home')
    expect(home).toMatchObject({ msg: 'request', method: 'GET', path: '/school', status: 200, web_user: 'school', urn: '140001' })
  })
})
