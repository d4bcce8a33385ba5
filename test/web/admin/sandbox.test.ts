// J16 in-process (W-92, W-93, W-100, W-117): resetting the sandbox after a confirmation, with the
// session's clock, and adding a named scenario.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { titleFor } from '../../support/web.ts'
import { signedInAdmin } from './support.ts'

const t = await setupTestApp()
const admin = await signedInAdmin(t.app)

describe('sandbox tools', () => {
  it('W-92: a seed that is not a whole number from 0 to 2147483647 is refused with the web text', async () => {
    for (const seed of ['-1', 'abc', '2147483648', '1.5']) {
      const page = await admin.submit('/admin/sandbox/reset', { seed })
      expect([seed, page.status, page.title, page.summary]).toEqual([seed, 422, titleFor('Sandbox tools', true), [{ text: 'Seed must be a whole number from 0 to 2147483647', href: '#seed' }]])
    }
  })

  it('W-92, W-32, W-100: reset asks for confirmation, runs with the session\'s clock, shows the counts and seeded tokens, and the tokens work', async () => {
    await admin.submit('/time-travel', { 'date-day': '23', 'date-month': '11', 'date-year': '2026' })
    const asked = await admin.submit('/admin/sandbox/reset', { seed: '1' })
    expect([asked.status, asked.location]).toEqual([303, '/admin/sandbox/reset/confirm?seed=1&empty=false'])
    const confirm = await admin.follow(asked)
    expect([confirm.h1, confirm.text.includes('This deletes all data and every lead provider token')]).toEqual(['Reset the sandbox?', true])
    const done = await admin.submit('/admin/sandbox/reset/confirm', { seed: '1', empty: 'false' })
    expect([done.status, done.location]).toEqual([303, '/admin/sandbox/reset/done'])
    const result = await admin.follow(done)
    expect(result.h1).toBe('Sandbox reset')
    expect(result.text).toContain('23 November 2026')
    const token = /<code>(sbx_[^<]+)<\/code>/.exec(result.text)![1]!
    expect((await t.request('GET', '/api/v3/statements', { token })).status).toBe(200)
    const settings = await t.db.selectFrom('settings').select(['seed_number', 'seeding_date']).executeTakeFirstOrThrow()
    expect(settings).toEqual({ seed_number: 1, seeding_date: '2026-11-23' })
    // The result is shown once.
    expect((await admin.page('/admin/sandbox/reset/done')).location).toBe('/admin/sandbox')
  }, 240_000)

  it('W-93, W-100: a scenario added from the page lists what it created; the lead provider sees its partnership', async () => {
    const blank = await admin.submit('/admin/sandbox/scenarios', { lead_provider_id: 'default', other_lead_provider_id: 'default' })
    expect([blank.status, blank.inline]).toEqual([422, { scenario: 'Select a scenario' }])
    const added = await admin.submit('/admin/sandbox/scenarios', { scenario: 'partnered-school-with-participants', lead_provider_id: 'default', other_lead_provider_id: 'default' })
    expect([added.status, added.location]).toEqual([303, '/admin/sandbox/scenarios/result'])
    const result = await admin.follow(added)
    expect(result.h1).toBe('Scenario partnered-school-with-participants')
    const urn = /href="\/admin\/schools\/(\d{6})"/.exec(result.text)![1]!
    expect(result.text).toContain("Sign in as this school's induction tutor")
    expect([...result.text.matchAll(/href="\/admin\/teachers\/[0-9a-f-]{36}"/g)]).toHaveLength(3)
    const report = await t.db.selectFrom('partnerships as p').innerJoin('schools as s', 's.id', 'p.school_id').select(['p.lead_provider_id']).where('s.urn', '=', urn).executeTakeFirstOrThrow()
    const token = (await t.admin('POST', `/lead-providers/${report.lead_provider_id}/tokens`, {})).body.data.token
    const partnerships = await t.request('GET', `/api/v3/partnerships?filter[cohort]=2026`, { token, date: '2026-11-23' })
    expect(partnerships.body.data.filter((p: { attributes: { urn: string } }) => p.attributes.urn === urn).map((p: { attributes: { participants_currently_training: number } }) => p.attributes.participants_currently_training)).toEqual([3])
  }, 120_000)
})
