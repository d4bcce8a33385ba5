// Shared checks for operator API endpoints (C-72, C-80) and small helpers for their tests.
import { expect, it } from 'vitest'
import type { TestApp } from './app.ts'
import * as f from './factories.ts'

export const DENIED = '{"error":"HTTP Token: Access denied"}'
export const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
/** C-73, issue 18: the 400 for a body that is not a JSON object names what it is instead. */
export const notAnObject = (kind: string) => ({ errors: [{ title: 'Bad request', detail: `The request body must be a JSON object of fields, not ${kind}.` }] })
export const BROKEN_JSON = { errors: [{ title: 'Bad request', detail: 'The request body is not valid JSON: it ends before the JSON is complete.' }] }
export const BAD_PAGE = {
  errors: [{ title: 'Bad request', detail: "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number" }],
}
export const BAD_FILTER = { errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] }

/** A 422 body from `[field, detail]` pairs, in the order given. */
export function invalid(...pairs: [string, string][]) {
  return { errors: pairs.map(([title, detail]) => ({ title, detail })) }
}

/** C-72: no token, or a lead provider token, is the C-8 401 — before anything else is looked at. */
export function itNeedsTheAdminToken(t: TestApp, method: string, path: string, body?: unknown) {
  it(`C-72: ${method} ${path} answers 401 without a token or with a lead provider token`, async () => {
    const provider = await f.leadProvider(t.db)
    const url = `/api/admin/v1${path}`
    for (const token of [null, provider.token, 'not-a-token']) {
      const res = await t.request(method, url, { token, ...(body !== undefined ? { body } : {}) })
      expect(res.status).toBe(401)
      expect(res.text).toBe(DENIED)
    }
  })
}

/** C-80: the list pages as C-32 … C-35 and checks `filter` as C-37. */
export function itPagesLikeV3(t: TestApp, path: string) {
  it(`C-80: GET ${path} rejects bad page values and a non-object filter`, async () => {
    for (const query of ['page[per_page]=0', 'page[page]=abc', 'page[page]=-1', 'page=2', 'page[page]=0.8']) {
      const res = await t.admin('GET', `${path}?${query}`)
      expect([query, res.status]).toEqual([query, 400])
      expect(res.body).toEqual(BAD_PAGE)
    }
    const filter = await t.admin('GET', `${path}?filter=x`)
    expect(filter.status).toBe(400)
    expect(filter.body).toEqual(BAD_FILTER)
    const past = await t.admin('GET', `${path}?page[page]=100000&page[per_page]=3000`)
    expect(past.status).toBe(200)
    expect(past.text).toBe('{"data":[]}')
  })
}

/** The audit rows (C-81) written about one subject, oldest first. */
export function eventsAbout(t: TestApp, subjectId: string) {
  return t.db
    .selectFrom('events')
    .select(['author', 'action', 'subject_type', 'occurred_at'])
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute()
}
