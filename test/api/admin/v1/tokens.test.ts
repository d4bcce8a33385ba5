import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { notAnObject, DENIED, eventsAbout, invalid, itNeedsTheAdminToken, NOT_FOUND } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import * as f from '../../../support/factories.ts'

const t = await setupTestApp()
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const unknownId = '00000000-0000-4000-8000-000000000000'
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('POST /api/admin/v1/lead-providers/{id}/tokens', () => {
  itNeedsTheAdminToken(t, 'POST', `/lead-providers/${ambition.id}/tokens`, {})

  it('P-15: 201 with the plaintext once; only its SHA-256 digest is stored', async () => {
    const res = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: 'Ambition production integration' }, { date: '2025-05-02T10:05:00Z' })
    expect(res.status).toBe(201)
    const { id, token } = res.body.data
    expect(token).toMatch(/^[A-Za-z0-9]{40}$/)
    expect(res.text).toBe(
      JSON.stringify({ data: { id, lead_provider_id: ambition.id, description: 'Ambition production integration', token, created_at: '2025-05-02T10:05:00Z' } }),
    )
    const row = await t.db.selectFrom('lead_provider_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.digest).toBe(sha256(token))
    expect(JSON.stringify(row)).not.toContain(token)
    const events = await t.db.selectFrom('events').select(['author', 'action', 'data']).where('subject_id', '=', id).execute()
    expect(events).toEqual([{ author: 'operator', action: 'lead_provider_token.created', data: { description: 'Ambition production integration', seeded: false } }])
  })

  it('P-15: the new token authenticates on the lead provider API', async () => {
    const { body } = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`)
    expect(body.data.description).toBeNull()
    const res = await t.request('GET', '/api/v3/delivery-partners', { token: body.data.token })
    expect(res.status).toBe(200)
    expect(res.text).toBe('{"data":[]}')
  })

  it('P-15: description is optional, null, or a string of at most 255 characters', async () => {
    const nulled = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: null })
    expect(nulled.status).toBe(201)
    expect(nulled.body.data.description).toBeNull()
    const long = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: 'd'.repeat(256), token: 'mine' })
    expect(long.status).toBe(422)
    expect(long.body).toEqual(invalid(['description', "The '#/description' must be 255 characters or fewer."], ['token', "The '#/token' is not a recognised field."]))
    const number = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: 7 })
    expect(number.body).toEqual(invalid(['description', "The '#/description' must be a string."]))
  })

  it('C-78: an unknown or malformed lead provider id is a 404 before the body is read', async () => {
    for (const path of [`/lead-providers/${unknownId}/tokens`, '/lead-providers/nope/tokens']) {
      for (const body of [[1], { description: 7 }]) {
        const res = await t.admin('POST', path, body)
        expect(res.status).toBe(404)
        expect(res.body).toEqual(NOT_FOUND)
      }
    }
    const found = await t.admin('POST', `/lead-providers/${ambition.id.toUpperCase()}/tokens`, [1])
    expect(found.status).toBe(400)
    expect(found.body).toEqual(notAnObject('an array'))
  })
})

describe('DELETE /api/admin/v1/tokens/{token_id}', () => {
  itNeedsTheAdminToken(t, 'DELETE', `/tokens/${ambition.tokenId}`)

  it('P-16, C-5: 204, and the token answers 401 on the very next request', async () => {
    const { body } = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: 'to revoke' })
    const { id, token } = body.data
    expect((await t.request('GET', '/api/v3/delivery-partners', { token })).status).toBe(200)
    const res = await t.admin('DELETE', `/tokens/${id}`, undefined, { date: '2025-07-01T08:00:00Z' })
    expect(res.status).toBe(204)
    expect(res.text).toBe('')
    const next = await t.request('GET', '/api/v3/delivery-partners', { token })
    expect(next.status).toBe(401)
    expect(next.text).toBe(DENIED)
    // Kept, with the revocation time, for audit; no longer listed.
    const row = await t.db.selectFrom('lead_provider_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.revoked_at).toEqual(new Date('2025-07-01T08:00:00Z'))
    expect((await eventsAbout(t, id)).map((e) => e.action)).toEqual(['lead_provider_token.created', 'lead_provider_token.revoked'])
    const listed = (await t.admin('GET', '/lead-providers')).body.data.find((p: { id: string }) => p.id === ambition.id)
    expect(listed.tokens.map((x: { id: string }) => x.id)).not.toContain(id)
  })

  it('P-16: an unknown, malformed or already revoked token is a 404', async () => {
    const { body } = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`)
    expect((await t.admin('DELETE', `/tokens/${body.data.id}`)).status).toBe(204)
    for (const path of [`/tokens/${body.data.id}`, `/tokens/${unknownId}`, '/tokens/123']) {
      const res = await t.admin('DELETE', path)
      expect(res.status).toBe(404)
      expect(res.body).toEqual(NOT_FOUND)
    }
  })

  it('P-16: revoking one token leaves the provider\'s others working', async () => {
    const a = (await t.admin('POST', `/lead-providers/${ambition.id}/tokens`)).body.data
    const b = (await t.admin('POST', `/lead-providers/${ambition.id}/tokens`)).body.data
    await t.admin('DELETE', `/tokens/${a.id}`)
    expect((await t.request('GET', '/api/v3/delivery-partners', { token: b.token })).status).toBe(200)
  })
})
