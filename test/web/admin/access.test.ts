// W-26, W-116: a school user gets the 404 page on every admin path, GET or POST, and changes
// nothing; signed out, an admin path goes to sign-in. W-92: the sandbox tools are the 404 page in
// production.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { school } from '../../support/factories.ts'
import { webClient } from '../../support/web.ts'
import { NOT_FOUND_TITLE, signedInAdmin } from './support.ts'

const t = await setupTestApp()
const ID = '00000000-0000-4000-8000-000000000000'
const { id: lpId } = (await t.admin('POST', '/lead-providers', { name: 'Access Learning' })).body.data
await t.admin('POST', '/cohorts', { year: '2025' })
await school(t.db, { urn: '340001', name: 'Access School' })

const GETS = [
  '/admin', '/admin/cohorts', '/admin/cohorts/new', '/admin/cohorts/2025', '/admin/cohorts/2025/edit', '/admin/cohorts/2025/pairings/new',
  '/admin/lead-providers', '/admin/lead-providers/new', `/admin/lead-providers/${lpId}`, `/admin/lead-providers/${lpId}/tokens/new`, `/admin/tokens/${ID}/revoke`,
  '/admin/delivery-partners', '/admin/delivery-partners/new', `/admin/delivery-partners/${ID}`, `/admin/delivery-partners/${ID}/pairings/new`,
  '/admin/schools', '/admin/schools?q=340001', '/admin/schools/new', '/admin/schools/340001', '/admin/schools/340001/edit',
  '/admin/schools/340001/partnerships/new', '/admin/schools/340001/partnerships/new/cohort', '/admin/schools/340001/partnerships/new/check-answers',
  '/admin/statements', `/admin/statements/${ID}`, '/admin/teachers', '/admin/teachers?trn=1234567', `/admin/teachers/${ID}`,
  '/admin/sandbox', '/admin/sandbox/reset/confirm', '/admin/sandbox/reset/done', '/admin/sandbox/scenarios/result', '/admin/nothing-here',
]
const POSTS: [string, Record<string, string>][] = [
  ['/admin/cohorts/new', { year: '2031' }], ['/admin/cohorts/2025/partnerships', { partnerships_open: 'false' }], ['/admin/cohorts/2025/edit', {}],
  ['/admin/cohorts/2025/statements', {}], ['/admin/cohorts/2025/pairings/new', {}], ['/admin/lead-providers/new', { name: 'Sneaky' }],
  [`/admin/lead-providers/${lpId}/tokens/new`, {}], [`/admin/tokens/${ID}/revoke`, {}], ['/admin/delivery-partners/new', { name: 'Sneaky' }],
  ['/admin/schools/new', { urn: '340002', name: 'Sneaky' }], ['/admin/schools/340001/edit', { name: 'Sneaky' }],
  ['/admin/schools/340001/partnerships/new/check-answers', {}], [`/admin/statements/${ID}/mark-paid`, {}],
  ['/admin/sandbox/reset', {}], ['/admin/sandbox/reset/confirm', { empty: 'true' }], ['/admin/sandbox/scenarios', { scenario: 'eoi-school' }],
]

describe('access to the admin pages', () => {
  it('W-26, W-116: a school user gets the 404 page on every admin path and changes nothing', async () => {
    const web = webClient(t.app)
    await web.follow(await web.signInAsSchool('340001'))
    const events = async () => (await t.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n
    const before = await events()
    for (const url of GETS) {
      const page = await web.get(url)
      expect([url, page.status, page.title]).toEqual([url, 404, NOT_FOUND_TITLE])
    }
    await web.get('/school')
    for (const [url, fields] of POSTS) {
      const page = await web.post(url, fields)
      expect([url, page.status, page.title]).toEqual([url, 404, NOT_FOUND_TITLE])
    }
    expect(await events()).toBe(before)
    expect((await t.admin('GET', '/cohorts')).body.data[0].partnerships_open).toBe(true)
  })

  it('W-26: signed out, an admin page goes to sign-in and a form post to sign-in with 303', async () => {
    const web = webClient(t.app)
    const get = await web.get('/admin/schools/340001')
    expect([get.status, get.location]).toEqual([302, '/sign-in'])
    const post = await web.post('/admin/lead-providers/new', { name: 'x' }, { csrf: false })
    expect(post.status === 303 || post.status === 403).toBe(true)
  })

  it('W-11: an admin form without its CSRF token changes nothing (403)', async () => {
    const admin = await signedInAdmin(t.app)
    const page = await admin.post('/admin/lead-providers/new', { name: 'No Token Learning' }, { csrf: false })
    expect(page.status).toBe(403)
    expect((await t.admin('GET', '/lead-providers')).body.data.map((lp: { name: string }) => lp.name)).not.toContain('No Token Learning')
  })
})

const p = await setupTestApp({ mode: 'production' })

describe('production', () => {
  it('W-92: the sandbox tools exist only in the sandbox (in production their paths are the admin area\'s 404 page)', async () => {
    for (const url of ['/admin/sandbox', '/admin/sandbox/reset/confirm', '/admin/sandbox/scenarios/result']) {
      expect([url, p.app.hasRoute({ method: 'GET', url }), t.app.hasRoute({ method: 'GET', url })]).toEqual([url, false, true])
    }
    for (const url of ['/admin/sandbox/reset', '/admin/sandbox/reset/confirm', '/admin/sandbox/scenarios']) {
      expect([url, p.app.hasRoute({ method: 'POST', url }), t.app.hasRoute({ method: 'POST', url })]).toEqual([url, false, true])
    }
  })
})
