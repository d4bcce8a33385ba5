// W-14: the 500 and 503 pages, over HTTP: an unexpected database error is the "problem with the
// service" page with the request's reference and nothing internal; a database that cannot be
// reached is the "service is unavailable" page.
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.ts'
import { testConfig } from '../../src/config.ts'
import { kyselyOverPostgres } from '../../src/db/connect.ts'
import { setupTestApp } from '../support/app.ts'
import { school } from '../support/factories.ts'
import { webClient } from '../support/web.ts'

const t = await setupTestApp()
const oak = await school(t.db, { urn: '140777', name: 'Oak Error Primary' })

describe('W-14 error pages', () => {
  it('W-14: an unexpected failure is the 500 page with "Reference: <request id>", and no SQL, stack or internal name', async () => {
    const web = webClient(t.app)
    await web.signInAsSchool(oak.urn)
    expect((await web.get('/school')).status).toBe(200)
    await sql`ALTER TABLE at_school_periods RENAME TO periods_hidden_by_test`.execute(t.db)
    try {
      const page = await web.get('/school')
      expect(page.status).toBe(500)
      expect(page.h1).toBe('Sorry, there is a problem with the service')
      const id = page.headers['x-request-id']
      expect(typeof id).toBe('string')
      expect(page.text).toContain(`Reference: ${id}`)
      expect(page.text).not.toMatch(/periods_hidden_by_test|relation|SELECT|\.ts:\d+|at [A-Za-z]+ \(/)
      expect(page.headers['content-type']).toMatch(/^text\/html/)
    } finally {
      await sql`ALTER TABLE periods_hidden_by_test RENAME TO at_school_periods`.execute(t.db)
    }
    expect((await web.get('/school')).status).toBe(200)
  })

  it('W-14, C-68: a database that cannot be reached is the 503 page', async () => {
    // Nothing listens on port 1: every connection is refused.
    const dead = kyselyOverPostgres('postgres://postgres@127.0.0.1:1/rect', 1000)
    const app = await buildApp({ db: dead.db, config: testConfig({ logLevel: 'silent' }) })
    await app.ready()
    afterAll(async () => {
      await app.close()
      await dead.close()
    })
    const page = await webClient(app).get('/sign-in')
    expect(page.status).toBe(503)
    expect(page.h1).toBe('Sorry, the service is unavailable')
    expect(page.text).toContain('Try again later.')
    expect(page.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:1/)
  })
})
