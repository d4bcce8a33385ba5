import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'

const t = await setupTestApp()

describe('health and unknown routes', () => {
  it('C-67: GET /healthcheck answers 200 when the database answers', async () => {
    const res = await t.request('GET', '/healthcheck')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ status: 'ok', database: 'ok' })
  })

  it('C-29: an unknown path answers the 404 body whatever the token', async () => {
    const res = await t.request('GET', '/api/v3/nothing-here')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] })
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
  })

  it('C-83: every response carries X-Request-Id, the client value when valid', async () => {
    const res = await t.request('GET', '/healthcheck', { headers: { 'x-request-id': 'abc-123' } })
    expect(res.headers['x-request-id']).toBe('abc-123')
    const other = await t.request('GET', '/healthcheck', { headers: { 'x-request-id': 'has space' } })
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })
})
