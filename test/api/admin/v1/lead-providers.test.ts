import { describe, expect, it } from 'vitest'
import { notAnObject, eventsAbout, invalid, itNeedsTheAdminToken, itPagesLikeV3 } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import { onPostgres } from '../../../support/db.ts'

const t = await setupTestApp()

describe('POST /api/admin/v1/lead-providers', () => {
  itNeedsTheAdminToken(t, 'POST', '/lead-providers', { name: 'Nobody' })

  it('P-14: creates a lead provider with no tokens, stamped by the request clock', async () => {
    const res = await t.admin('POST', '/lead-providers', { name: 'Ambition Institute' }, { date: '2025-05-02T10:01:00Z' })
    expect(res.status).toBe(201)
    expect(res.text).toBe(
      JSON.stringify({ data: { id: res.body.data.id, name: 'Ambition Institute', tokens: [], created_at: '2025-05-02T10:01:00Z', updated_at: '2025-05-02T10:01:00Z' } }),
    )
    expect((await eventsAbout(t, res.body.data.id)).map((e) => [e.author, e.action])).toEqual([['operator', 'lead_provider.created']])
  })

  it('P-14: the name is trimmed and inner whitespace collapsed', async () => {
    const res = await t.admin('POST', '/lead-providers', { name: '  Teach \t  First\n' })
    expect(res.status).toBe(201)
    expect(res.body.data.name).toBe('Teach First')
  })

  it('P-14: a name already taken, ignoring case and spacing, is a 422', async () => {
    const res = await t.admin('POST', '/lead-providers', { name: ' ambition   INSTITUTE' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['name', 'A lead provider with this name already exists.']))
  })

  it('C-77: name required, a string, at most 255 characters; other fields not recognised', async () => {
    const cases: [unknown, string][] = [
      [{}, "Enter a '#/name'."],
      [{ name: null }, "Enter a '#/name'."],
      [{ name: '   ' }, "Enter a '#/name'."],
      [{ name: 42 }, "The '#/name' must be a string."],
      [{ name: ['x'] }, "The '#/name' must be a string."],
      [{ name: 'x'.repeat(256) }, "The '#/name' must be 255 characters or fewer."],
    ]
    for (const [body, detail] of cases) {
      const res = await t.admin('POST', '/lead-providers', body)
      expect(res.status).toBe(422)
      expect(res.body).toEqual(invalid(['name', detail]))
    }
    const extra = await t.admin('POST', '/lead-providers', { tokens: [], name: 'Ambition Institute' })
    expect(extra.body).toEqual(invalid(['name', 'A lead provider with this name already exists.'], ['tokens', "The '#/tokens' is not a recognised field."]))
    const longest = await t.admin('POST', '/lead-providers', { name: `${'y'.repeat(255)}  ` })
    expect(longest.status).toBe(201)
  })

  it('C-73: a body that is not an object is the 400', async () => {
    const res = await t.admin('POST', '/lead-providers', ['Ambition Institute'])
    expect(res.status).toBe(400)
    expect(res.body).toEqual(notAnObject('an array'))
  })

  it.runIf(onPostgres)('Q-10: concurrent creations of one name give one 201 and 422s', async () => {
    const names = ['Race Provider', 'race provider', 'RACE  PROVIDER', ' Race Provider ', 'race Provider']
    const answers = await Promise.all(names.map((name) => t.admin('POST', '/lead-providers', { name })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422])
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body).toEqual(invalid(['name', 'A lead provider with this name already exists.']))
  })
})

describe('GET /api/admin/v1/lead-providers', () => {
  itNeedsTheAdminToken(t, 'GET', '/lead-providers')
  itPagesLikeV3(t, '/lead-providers')

  it('P-13: ordered by name ignoring case; live tokens oldest first, without their values', async () => {
    const best = await t.admin('POST', '/lead-providers', { name: 'best Practice Network' }, { date: '2025-05-02T10:02:00Z' })
    const ambition = (await t.admin('GET', '/lead-providers')).body.data.find((p: { name: string }) => p.name === 'Ambition Institute')
    const first = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, { description: 'Ambition production integration' }, { date: '2025-05-02T10:05:00Z' })
    const second = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, {}, { date: '2025-05-03T10:05:00Z' })
    const revoked = await t.admin('POST', `/lead-providers/${ambition.id}/tokens`, {}, { date: '2025-05-01T10:05:00Z' })
    expect((await t.admin('DELETE', `/tokens/${revoked.body.data.id}`)).status).toBe(204)
    const used = await t.request('GET', '/api/v3/delivery-partners', { token: first.body.data.token, date: '2025-06-20T09:14:03.900Z' })
    expect(used.status).toBe(200)

    const res = await t.admin('GET', '/lead-providers')
    expect(res.status).toBe(200)
    const names = res.body.data.map((p: { name: string }) => p.name)
    expect(names.filter((n: string) => ['Ambition Institute', 'best Practice Network', 'Teach First'].includes(n))).toEqual([
      'Ambition Institute',
      'best Practice Network',
      'Teach First',
    ])
    expect(names).toEqual([...names].sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)))
    expect(JSON.stringify(res.body.data.find((p: { id: string }) => p.id === ambition.id))).toBe(
      JSON.stringify({
        id: ambition.id,
        name: 'Ambition Institute',
        tokens: [
          { id: first.body.data.id, description: 'Ambition production integration', created_at: '2025-05-02T10:05:00Z', last_used_at: '2025-06-20T09:14:03Z' },
          { id: second.body.data.id, description: null, created_at: '2025-05-03T10:05:00Z', last_used_at: null },
        ],
        created_at: '2025-05-02T10:01:00Z',
        updated_at: '2025-05-02T10:01:00Z',
      }),
    )
    expect(res.text).not.toContain(first.body.data.token)
    expect(res.body.data.find((p: { id: string }) => p.id === best.body.data.id).tokens).toEqual([])
  })

  it('C-80: pages through the list in its order', async () => {
    const all = (await t.admin('GET', '/lead-providers')).body.data.map((p: { id: string }) => p.id)
    const second = await t.admin('GET', '/lead-providers?page[per_page]=2&page[page]=2')
    expect(second.body.data.map((p: { id: string }) => p.id)).toEqual(all.slice(2, 4))
  })
})
