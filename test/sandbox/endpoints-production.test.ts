// S-5: in production the sandbox routes do not exist: the unknown-route 404 before authentication,
// and the admin OpenAPI does not list them.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'

const t = await setupTestApp({ mode: 'production' })

describe('S-5 sandbox endpoints in production', () => {
  it('S-5: 404 as an unknown path, with or without a token', async () => {
    const unknown = await t.request('POST', '/api/admin/v1/no-such-thing')
    for (const path of ['/api/admin/v1/sandbox/seed', '/api/admin/v1/sandbox/reset']) {
      const anonymous = await t.request('POST', path)
      expect(anonymous.status).toBe(404)
      expect(anonymous.body).toEqual(unknown.body)
      expect((await t.admin('POST', path.replace('/api/admin/v1', ''), {})).status).toBe(404)
    }
  })

  it('S-5, C-70: absent from the admin OpenAPI', async () => {
    const docs = await t.request('GET', '/api/admin/v1/openapi.json')
    expect(docs.status).toBe(200)
    expect(Object.keys(docs.body.paths).some((p) => p.includes('sandbox'))).toBe(false)
  })
})
