// J11 in-process (W-81, W-82, W-86, W-100, W-117): cohorts added, changed, opened and closed on the
// pages; pairings added from a cohort and from a delivery partner; the standard statements; each
// seen at once by the operator API and /api/v3.
import { beforeAll, describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { titleFor } from '../../support/web.ts'
import { signedInAdmin, NOT_FOUND_TITLE } from './support.ts'

const t = await setupTestApp()
const admin = await signedInAdmin(t.app)
const DATE = '2026-11-23'
let lp: { id: string; token: string }
let dp: { id: string }
let other: { id: string }

beforeAll(async () => {
  await t.admin('POST', '/cohorts', { year: '2025' })
  const created = (await t.admin('POST', '/lead-providers', { name: 'Cohort Learning' })).body.data
  lp = { id: created.id, token: (await t.admin('POST', `/lead-providers/${created.id}/tokens`, {})).body.data.token }
  dp = (await t.admin('POST', '/delivery-partners', { name: 'Northern Lights' })).body.data
  other = (await t.admin('POST', '/delivery-partners', { name: 'East Bay' })).body.data
})

describe('cohorts and pairings', () => {
  it('W-81: the cohort form refuses with web texts: blank, not 4 digits, out of range, W-8 dates, end before start, overlap verbatim', async () => {
    const blank = await admin.submit('/admin/cohorts/new', { partnerships_open: 'yes' })
    expect([blank.status, blank.title, blank.summary]).toEqual([422, titleFor('Add a cohort', true), [{ text: 'Enter a year', href: '#year' }]])
    expect((await admin.submit('/admin/cohorts/new', { year: '20x7' })).inline).toEqual({ year: 'Year must be 4 digits, like 2027' })
    expect((await admin.submit('/admin/cohorts/new', { year: '2150' })).inline).toEqual({ year: 'Year must be between 2020 and 2099' })
    const dates = await admin.submit('/admin/cohorts/new', { year: '2027', 'starts_on-day': '31', 'starts_on-month': '2', 'starts_on-year': '2027', 'ends_on-day': '1', 'ends_on-month': '', 'ends_on-year': '2028' })
    expect(dates.summary).toEqual([
      { text: 'Start date must be a real date', href: '#starts_on-day' },
      { text: 'End date must include a month', href: '#ends_on-month' },
    ])
    const order = await admin.submit('/admin/cohorts/new', { year: '2027', 'starts_on-day': '1', 'starts_on-month': 'June', 'starts_on-year': '2027', 'ends_on-day': '1', 'ends_on-month': 'jan', 'ends_on-year': '2027' })
    expect(order.inline).toEqual({ ends_on: 'End date must be after the start date' })
    const overlap = await admin.submit('/admin/cohorts/new', { year: '2026', 'starts_on-day': '1', 'starts_on-month': '1', 'starts_on-year': '2026' })
    expect(overlap.inline).toEqual({ starts_on: 'The dates overlap the 2025 cohort.' })
    const duplicate = await admin.submit('/admin/cohorts/new', { year: '2025' })
    expect(duplicate.inline).toEqual({ year: 'A cohort for this year already exists.' })
  })

  it('W-81, W-82, W-100: a cohort added on the page is the operator API\'s, and /api/v3/schools answers for it at once', async () => {
    const added = await admin.submit('/admin/cohorts/new', { year: '2026', partnerships_open: 'yes', mentor_funding_enabled: 'true', detailed_evidence_types_enabled: 'true' })
    expect([added.status, added.location]).toEqual([303, '/admin/cohorts/2026'])
    const page = await admin.follow(added)
    expect([page.h1, page.title]).toEqual(['Cohort 2026', titleFor('Cohort 2026')])
    expect(page.text).toContain('Cohort 2026 added')
    const cohort = (await t.admin('GET', '/cohorts')).body.data.find((c: { year: string }) => c.year === '2026')
    expect(cohort).toMatchObject({ starts_on: '2026-06-01', ends_on: '2027-06-01', partnerships_open: true, payments_frozen_on: null, mentor_funding_enabled: true, detailed_evidence_types_enabled: true, uplift_fees_enabled: false })
    expect((await t.request('GET', '/api/v3/schools?filter[cohort]=2026', { token: lp.token, date: DATE })).status).toBe(200)
    const list = await admin.page('/admin/cohorts')
    expect(list.text).toContain('href="/admin/cohorts/2026"')
  })

  it('W-82, W-86, W-100: pairings from the cohort page and the delivery partner page; the duplicate verbatim; the lead provider sees the delivery partner at once', async () => {
    const empty = await admin.submit('/admin/cohorts/2026/pairings/new', {})
    expect([empty.status, empty.summary]).toEqual([422, [{ text: 'Select a lead provider', href: '#lead_provider_id' }, { text: 'Select a delivery partner', href: '#delivery_partner_id' }]])
    const paired = await admin.submit('/admin/cohorts/2026/pairings/new', { lead_provider_id: lp.id, delivery_partner_id: dp.id })
    expect([paired.status, paired.location]).toEqual([303, '/admin/cohorts/2026'])
    const cohortPage = await admin.follow(paired)
    expect(cohortPage.text).toContain('Pairing added')
    expect(cohortPage.text).toMatch(/Cohort Learning<\/a><\/td>\s*<td class="govuk-table__cell"><a class="govuk-link" href="\/admin\/delivery-partners\/[0-9a-f-]+">Northern Lights/)
    const again = await admin.submit('/admin/cohorts/2026/pairings/new', { lead_provider_id: lp.id, delivery_partner_id: dp.id })
    expect([again.status, again.inline]).toEqual([422, { delivery_partner_id: 'This delivery partner is already paired with this lead provider for the cohort.' }])
    const fromPartner = await admin.submit(`/admin/delivery-partners/${other.id}/pairings/new`, { lead_provider_id: lp.id, cohort: '2025' })
    expect([fromPartner.status, fromPartner.location]).toEqual([303, `/admin/delivery-partners/${other.id}`])
    const seen = await t.request('GET', '/api/v3/delivery-partners', { token: lp.token, date: DATE })
    expect(seen.body.data.map((d: { id: string; attributes: { cohort: string[] } }) => [d.id, d.attributes.cohort])).toEqual(
      expect.arrayContaining([[dp.id, ['2026']], [other.id, ['2025']]]),
    )
  })

  it('W-82, W-100 (P-12): closing the cohort refuses a lead provider\'s partnership at once (row 6); opening it again', async () => {
    const school = (await t.admin('POST', '/schools', { urn: '320001', name: 'Closing School' })).body.data
    const closed = await admin.submit('/admin/cohorts/2026/partnerships', { partnerships_open: 'false' })
    expect([closed.status, (await admin.follow(closed)).text.includes('Cohort 2026 is closed to new partnerships')]).toEqual([303, true])
    const body = { data: { type: 'partnership', attributes: { cohort: '2026', school_id: school.id, delivery_partner_id: dp.id } } }
    const refused = await t.request('POST', '/api/v3/partnerships', { token: lp.token, date: DATE, body })
    expect(refused.body.errors).toContainEqual({ title: 'cohort', detail: 'You cannot create this partnership as the cohort is closed.' })
    const opened = await admin.submit('/admin/cohorts/2026/partnerships', { partnerships_open: 'true' })
    expect((await admin.follow(opened)).text).toContain('Close to new partnerships')
    expect((await t.admin('GET', '/cohorts')).body.data.find((c: { year: string }) => c.year === '2026').partnerships_open).toBe(true)
  })

  it('W-82 (P-11): changing the dates, payments frozen on and flags; W-8 errors on the edit page', async () => {
    const form = await admin.page('/admin/cohorts/2026/edit')
    expect(form.h1).toBe('Change cohort 2026')
    const bad = await admin.submit('/admin/cohorts/2026/edit', { 'starts_on-day': '1', 'starts_on-month': '6', 'starts_on-year': '2026', 'ends_on-day': '1', 'ends_on-month': '6', 'ends_on-year': '2027', payments_frozen: 'date' })
    expect([bad.status, bad.inline]).toEqual([422, { payments_frozen_on: 'Enter the date payments are frozen from' }])
    const saved = await admin.submit('/admin/cohorts/2026/edit', {
      'starts_on-day': '1', 'starts_on-month': '6', 'starts_on-year': '2026', 'ends_on-day': '1', 'ends_on-month': '6', 'ends_on-year': '2027',
      payments_frozen: 'date', 'payments_frozen_on-day': '31', 'payments_frozen_on-month': '7', 'payments_frozen_on-year': '2030', uplift_fees_enabled: 'true',
    })
    expect([saved.status, saved.location]).toEqual([303, '/admin/cohorts/2026'])
    const cohort = (await t.admin('GET', '/cohorts')).body.data.find((c: { year: string }) => c.year === '2026')
    expect(cohort).toMatchObject({ payments_frozen_on: '2030-07-31', mentor_funding_enabled: false, detailed_evidence_types_enabled: false, uplift_fees_enabled: true })
    const cleared = await admin.submit('/admin/cohorts/2026/edit', { 'starts_on-day': '1', 'starts_on-month': '6', 'starts_on-year': '2026', 'ends_on-day': '1', 'ends_on-month': '6', 'ends_on-year': '2027', payments_frozen: 'none', mentor_funding_enabled: 'true', detailed_evidence_types_enabled: 'true' })
    expect(cleared.status).toBe(303)
    expect((await t.admin('GET', '/cohorts')).body.data.find((c: { year: string }) => c.year === '2026').payments_frozen_on).toBeNull()
  })

  it('W-82 (D-83): the standard statements, then the banner counts those added and those that existed', async () => {
    const first = await admin.follow(await admin.submit('/admin/cohorts/2026/statements'))
    expect(first.text).toContain('16 statements added, 0 already existed')
    const second = await admin.follow(await admin.submit('/admin/cohorts/2026/statements'))
    expect(second.text).toContain('0 statements added, 16 already existed')
    expect((await t.request('GET', '/api/v3/statements?filter[cohort]=2026', { token: lp.token, date: DATE })).body.data).toHaveLength(16)
  })

  it('W-14: an unknown or malformed year is the 404 page', async () => {
    for (const url of ['/admin/cohorts/2099', '/admin/cohorts/20x6', '/admin/cohorts/2099/edit', '/admin/cohorts/99999/pairings/new']) {
      expect([url, (await admin.page(url)).title]).toEqual([url, NOT_FOUND_TITLE])
    }
  })
})
