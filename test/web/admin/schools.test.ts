// J13 in-process (W-86 … W-89, W-100, W-117): a delivery partner, the school search, adding and
// changing a school, its page, and a partnership added by hand that the lead provider sees at once.
import { beforeAll, describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { titleFor } from '../../support/web.ts'
import { signedInAdmin, NOT_FOUND_TITLE } from './support.ts'

const t = await setupTestApp()
const admin = await signedInAdmin(t.app)
const DATE = '2025-10-01'
let lp: { id: string; token: string }
let dpId: string

beforeAll(async () => {
  await t.admin('POST', '/cohorts', { year: '2024' })
  await t.admin('POST', '/cohorts', { year: '2025' })
  const created = (await t.admin('POST', '/lead-providers', { name: 'School Learning' })).body.data
  lp = { id: created.id, token: (await t.admin('POST', `/lead-providers/${created.id}/tokens`, {})).body.data.token }
  const south = (await t.admin('POST', '/delivery-partners', { name: 'Southern Stars' })).body.data
  await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: lp.id, delivery_partner_id: south.id, cohort: '2025' })
  await t.admin('POST', '/schools', { urn: '330001', name: 'Oakfield Primary School', local_authority: 'Leeds' })
  await t.admin('POST', '/schools', { urn: '330002', name: 'Oak Hill Academy' })
  const registered = await t.admin('POST', '/schools/330001/ects', {
    trn: '3300001', first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: 'amira@example.com',
    started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: lp.id,
  }, { date: DATE })
  expect(registered.status).toBe(201)
})

describe('delivery partners, schools and partnerships', () => {
  it('W-86: a delivery partner added on the page; its name checks; its pairing page', async () => {
    const blank = await admin.submit('/admin/delivery-partners/new', { name: '' })
    expect([blank.status, blank.inline]).toEqual([422, { name: 'Enter a name' }])
    const added = await admin.submit('/admin/delivery-partners/new', { name: 'Northern Lights' })
    dpId = added.location!.split('/').at(-1)!
    const page = await admin.follow(added)
    expect([page.h1, page.text.includes('Delivery partner added'), page.text.includes('Northern Lights is not paired with any lead provider.')]).toEqual(['Northern Lights', true, true])
    const duplicate = await admin.submit('/admin/delivery-partners/new', { name: 'northern lights' })
    expect(duplicate.inline).toEqual({ name: 'A delivery partner with this name already exists.' })
    await admin.submit(`/admin/delivery-partners/${dpId}/pairings/new`, { cohort: '2025', lead_provider_id: lp.id })
    const list = await admin.page('/admin/delivery-partners')
    expect(list.text).toMatch(/Northern Lights<\/a><\/td>\s*<td class="govuk-table__cell">2025</)
  })

  it('W-87: a 6-digit q goes to that school; other text matches names ignoring case; none lists every school by URN', async () => {
    const exact = await admin.page('/admin/schools?q=330002')
    expect([exact.status, exact.location]).toEqual([302, '/admin/schools/330002'])
    const oak = await admin.page('/admin/schools?q=oak')
    expect([oak.status, oak.h1]).toEqual([200, 'Schools'])
    expect(oak.text).toContain('2 schools matching “oak”, by URN')
    expect(oak.text.indexOf('330001')).toBeLessThan(oak.text.indexOf('330002'))
    const none = await admin.page('/admin/schools?q=999999')
    expect(none.text).toContain('No school matches “999999”.')
    const all = await admin.page('/admin/schools')
    expect(all.text).toMatch(/Oakfield Primary School<\/a><\/td>\s*<td class="govuk-table__cell">330001<\/td>\s*<td class="govuk-table__cell">Leeds<\/td>\s*<td class="govuk-table__cell">Yes<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">1</)
  })

  it('W-87, W-100 (P-21, P-43): a school added on the page; the form\'s errors; the school enters /api/v3/schools', async () => {
    const bad = await admin.submit('/admin/schools/new', { urn: '12', name: '', eligible: 'yes', contact_email: 'nope', establishment_status: 'open' })
    expect([bad.status, bad.summary]).toEqual([422, [
      { text: 'URN must be 6 digits', href: '#urn' },
      { text: 'Enter a name', href: '#name' },
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#contact_email' },
    ]])
    const duplicate = await admin.submit('/admin/schools/new', { urn: '330001', name: 'Again', eligible: 'yes', establishment_status: 'open' })
    expect(duplicate.inline).toEqual({ urn: 'A school with this URN already exists.' })
    const added = await admin.submit('/admin/schools/new', { urn: '330003', name: 'Birchwood School', local_authority: 'York', eligible: 'yes', establishment_status: 'open', sparsity_uplift: 'true' })
    expect([added.status, added.location]).toEqual([303, '/admin/schools/330003'])
    expect((await t.admin('GET', '/schools?filter[urn]=330003')).body.data[0]).toMatchObject({ name: 'Birchwood School', local_authority: 'York', sparsity_uplift: true, eligible: true })
    const listed = await t.request('GET', '/api/v3/schools?filter[cohort]=2025&filter[urn]=330003', { token: lp.token, date: DATE })
    expect(listed.body.data.map((s: { attributes: { urn: string } }) => s.attributes.urn)).toEqual(['330003'])
    const changed = await admin.submit('/admin/schools/330003/edit', { name: 'Birchwood School', eligible: 'no', establishment_status: 'open' })
    expect([changed.status, changed.location]).toEqual([303, '/admin/schools/330003'])
    const unlisted = await t.request('GET', '/api/v3/schools?filter[cohort]=2025&filter[urn]=330003', { token: lp.token, date: DATE })
    expect(unlisted.body.data).toEqual([])
  })

  it('W-88: the school page shows its details, ECTs with W-41 and W-42, and the expression of interest without a partnership', async () => {
    await admin.submit('/time-travel', { 'date-day': '1', 'date-month': '10', 'date-year': '2025' })
    const page = await admin.page('/admin/schools/330001')
    expect([page.h1, page.title]).toEqual(['Oakfield Primary School', titleFor('Oakfield Primary School')])
    expect(page.text).toContain('Amira Khan')
    expect(page.text).toContain('Mentor required')
    expect(page.text).toContain('Awaiting confirmation by School Learning')
    expect(page.text).toMatch(/Expressions of interest without a partnership[\s\S]*School Learning<\/td>\s*<td class="govuk-table__cell">2025<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">1</)
  })

  it('W-89, W-10, W-100 (P-24, P-33): the partnership wizard; steps ask for earlier answers; the lead provider sees the partnership and its participant at once', async () => {
    const start = await admin.page('/admin/schools/330001/partnerships/new')
    expect([start.status, start.location]).toEqual([302, '/admin/schools/330001/partnerships/new/cohort'])
    expect((await admin.page('/admin/schools/330001/partnerships/new/check-answers')).location).toBe('/admin/schools/330001/partnerships/new/cohort')
    const cohort = await admin.page('/admin/schools/330001/partnerships/new/cohort')
    expect(cohort.h1).toBe('Which cohort is the partnership for?')
    expect(cohort.text.indexOf('value="2025"')).toBeLessThan(cohort.text.indexOf('value="2024"'))
    const blank = await admin.submit('/admin/schools/330001/partnerships/new/cohort', {})
    expect([blank.status, blank.inline]).toEqual([422, { cohort: 'Select a cohort' }])
    expect((await admin.submit('/admin/schools/330001/partnerships/new/cohort', { cohort: '2025' })).location).toBe('/admin/schools/330001/partnerships/new/lead-provider')
    const lpStep = await admin.page('/admin/schools/330001/partnerships/new/lead-provider')
    expect(lpStep.text).toContain('School Learning')
    expect((await admin.submit('/admin/schools/330001/partnerships/new/lead-provider', { lead_provider_id: 'x' })).inline).toEqual({ lead_provider_id: 'Select a lead provider' })
    expect((await admin.submit('/admin/schools/330001/partnerships/new/lead-provider', { lead_provider_id: lp.id })).location).toBe('/admin/schools/330001/partnerships/new/delivery-partner')
    expect((await admin.submit('/admin/schools/330001/partnerships/new/delivery-partner', { delivery_partner_id: dpId })).location).toBe('/admin/schools/330001/partnerships/new/check-answers')
    const check = await admin.page('/admin/schools/330001/partnerships/new/check-answers')
    expect(check.h1).toBe('Check your answers before adding the partnership')
    expect(check.text).toContain('Northern Lights')
    const added = await admin.submit('/admin/schools/330001/partnerships/new/check-answers')
    expect([added.status, added.location]).toEqual([303, '/admin/schools/330001'])
    const school = await admin.follow(added)
    expect(school.text).toContain('Partnership added')
    expect(school.text).toContain('Confirmed by School Learning')
    const partnerships = await t.request('GET', '/api/v3/partnerships', { token: lp.token, date: DATE })
    expect(partnerships.body.data.map((p: { attributes: { urn: string; delivery_partner_id: string; participants_currently_training: number } }) => [p.attributes.urn, p.attributes.delivery_partner_id, p.attributes.participants_currently_training])).toEqual([['330001', dpId, 1]])
    const participants = await t.request('GET', '/api/v3/participants', { token: lp.token, date: DATE })
    expect(participants.body.data).toHaveLength(1)
    // P-24's duplicate, verbatim on the delivery partner step.
    await admin.page('/admin/schools/330001/partnerships/new')
    await admin.submit('/admin/schools/330001/partnerships/new/cohort', { cohort: '2025' })
    await admin.submit('/admin/schools/330001/partnerships/new/lead-provider', { lead_provider_id: lp.id })
    const again = await admin.submit('/admin/schools/330001/partnerships/new/delivery-partner', { delivery_partner_id: dpId })
    expect([again.status, again.inline]).toEqual([422, { delivery_partner_id: 'This school already has a partnership with this lead provider and delivery partner for the cohort.' }])
  })

  it('W-14: unknown or malformed URNs and steps are the 404 page', async () => {
    for (const url of ['/admin/schools/999999', '/admin/schools/12345', '/admin/schools/330001/partnerships/new/nope', '/admin/schools/330001x/edit', '/admin/schools?page=abc']) {
      expect([url, (await admin.page(url)).title]).toEqual([url, NOT_FOUND_TITLE])
    }
  })
})
