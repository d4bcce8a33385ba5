// J12 in-process (W-83 … W-85, W-100, W-117): a lead provider added on the page, its token shown
// once, used by the v3 API at once, and revoked (401 from the next request).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { titleFor } from '../../support/web.ts'
import { signedInAdmin, NOT_FOUND_TITLE } from './support.ts'

const t = await setupTestApp()
const admin = await signedInAdmin(t.app)

describe('lead providers and tokens', () => {
  it('W-83: a blank, long or duplicate name is refused with the web texts, the duplicate verbatim (422)', async () => {
    const blank = await admin.submit('/admin/lead-providers/new', { name: '   ' })
    expect([blank.status, blank.title, blank.summary, blank.inline]).toEqual([422, titleFor('Add a lead provider', true), [{ text: 'Enter a name', href: '#name' }], { name: 'Enter a name' }])
    const long = await admin.submit('/admin/lead-providers/new', { name: 'x'.repeat(256) })
    expect(long.inline).toEqual({ name: 'Name must be 255 characters or fewer' })
    expect(long.text).toContain('x'.repeat(256))
    expect((await admin.submit('/admin/lead-providers/new', { name: 'Dup Learning' })).status).toBe(303)
    const duplicate = await admin.submit('/admin/lead-providers/new', { name: ' dup   learning ' })
    expect([duplicate.status, duplicate.inline]).toEqual([422, { name: 'A lead provider with this name already exists.' }])
  })

  it('W-83, W-84, W-85, W-100: the token created on the page authenticates v3 at once, is never shown again, and once revoked gets 401', async () => {
    const created = await admin.submit('/admin/lead-providers/new', { name: '  Ambition   Institute ' })
    expect(created.status).toBe(303)
    const lpPath = created.location!
    const lpId = lpPath.split('/').at(-1)!
    const lpPage = await admin.follow(created)
    expect([lpPage.h1, lpPage.title]).toEqual(['Ambition Institute', titleFor('Ambition Institute')])
    expect(lpPage.text).toContain('Lead provider added')
    expect(lpPage.text).toContain('Ambition Institute has no live API tokens.')
    // The operator API sees the same lead provider (P-13).
    const listed = await t.admin('GET', '/lead-providers')
    expect(listed.body.data.map((lp: { id: string; name: string }) => [lp.id, lp.name])).toContainEqual([lpId, 'Ambition Institute'])

    const form = await admin.page(`${lpPath}/tokens/new`)
    expect(form.h1).toBe('Create an API token for Ambition Institute')
    const issued = await admin.submit(`${lpPath}/tokens/new`, { description: 'Production integration' })
    expect([issued.status, issued.h1]).toEqual([200, 'Token created'])
    expect(issued.text).toContain('Copy this token now. You will not be able to see it again.')
    const token = /<code id="token">([A-Za-z0-9]{40})<\/code>/.exec(issued.text)![1]!
    // W-85: the plaintext is in no session.
    const sessions = await t.db.selectFrom('web_sessions').select('data').execute()
    expect(JSON.stringify(sessions)).not.toContain(token)

    const v3 = await t.request('GET', '/api/v3/delivery-partners', { token })
    expect([v3.status, v3.body]).toEqual([200, { data: [] }])

    const shown = await admin.page(lpPath)
    expect(shown.text).toContain('Production integration')
    expect(shown.text).not.toContain(token)
    const tokenId = /href="\/admin\/tokens\/([0-9a-f-]{36})\/revoke"/.exec(shown.text)![1]!
    const confirm = await admin.page(`/admin/tokens/${tokenId}/revoke`)
    expect([confirm.status, confirm.h1]).toEqual([200, 'Revoke this token?'])
    expect(confirm.text).toContain('Ambition Institute&#39;s systems using it will stop working at once')
    const revoked = await admin.submit(`/admin/tokens/${tokenId}/revoke`)
    expect([revoked.status, revoked.location]).toEqual([303, lpPath])
    expect((await admin.follow(revoked)).text).toContain('Token revoked')
    expect((await t.request('GET', '/api/v3/delivery-partners', { token })).status).toBe(401)
    // An unknown or revoked token has no revoke page.
    expect((await admin.page(`/admin/tokens/${tokenId}/revoke`)).title).toBe(NOT_FOUND_TITLE)
    expect((await admin.post(`/admin/tokens/${tokenId}/revoke`, {})).status).toBe(404)
  })

  it('W-85: resubmitting creates another token; a long description is refused', async () => {
    const lp = (await t.admin('POST', '/lead-providers', { name: 'Resubmit Learning' })).body.data
    const first = await admin.submit(`/admin/lead-providers/${lp.id}/tokens/new`, {})
    const second = await admin.post(`/admin/lead-providers/${lp.id}/tokens/new`, {})
    expect([first.status, second.status]).toEqual([200, 200])
    expect((await t.admin('GET', '/lead-providers')).body.data.find((x: { id: string }) => x.id === lp.id).tokens).toHaveLength(2)
    const long = await admin.submit(`/admin/lead-providers/${lp.id}/tokens/new`, { description: 'd'.repeat(256) })
    expect([long.status, long.inline]).toEqual([422, { description: 'Description must be 255 characters or fewer' }])
  })

  it('W-83: the list shows live tokens and paired cohorts; W-14: malformed or unknown ids are the 404 page', async () => {
    const list = await admin.page('/admin/lead-providers')
    expect(list.h1).toBe('Lead providers')
    expect(list.text).toContain('Resubmit Learning')
    for (const url of ['/admin/lead-providers/nope', '/admin/lead-providers/00000000-0000-4000-8000-000000000000', '/admin/lead-providers/00000000-0000-4000-8000-000000000000/tokens/new', '/admin/tokens/x/revoke', '/admin/lead-providers?page=0']) {
      const page = await admin.page(url)
      expect([url, page.status, page.title]).toEqual([url, 404, NOT_FOUND_TITLE])
    }
  })

  it('W-16: events of a page action record author operator and the admin actor', async () => {
    const created = await admin.submit('/admin/lead-providers/new', { name: 'Actor Learning' })
    const id = created.location!.split('/').at(-1)!
    const events = await t.db.selectFrom('events').select(['author', 'actor', 'action']).where('subject_id', '=', id).execute()
    expect(events).toEqual([{ author: 'operator', actor: 'sandbox:admin', action: 'lead_provider.created' }])
  })
})
