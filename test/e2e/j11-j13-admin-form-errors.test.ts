// W-111, W-114 for the admin forms the journeys fill in correctly first time: each one submitted
// with its field left empty (or cleared) in real Chromium, and its error state checked by axe and
// html-validate, with a screenshot (W-112). The journeys' own error states are in their files.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsAdmin, useBrowser } from '../support/browser.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
await t.admin('POST', '/cohorts', { year: '2025' })
const lp = (await t.admin('POST', '/lead-providers', { name: 'Form Error Learning' })).body.data as { id: string; name: string }
const dp = (await t.admin('POST', '/delivery-partners', { name: 'Form Error Partners' })).body.data as { id: string; name: string }
await t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: '2025' })
const URN = '350777'
await t.admin('POST', '/schools', { urn: URN, name: 'Form Error Primary School', local_authority: 'Leeds' })

const JOURNEY = 'admin-form-errors'

async function expectErrors(page: Page, name: string, summary: string): Promise<void> {
  expect(await page.locator('.govuk-error-summary').innerText(), name).toContain(summary)
  await checkPage(page, JOURNEY, name)
}

describe('admin forms in their error state', () => {
  it('W-111, W-114: the delivery partner, pairing, cohort, school and partnership forms with an empty field: axe and html-validate find nothing', async () => {
    const page = await newPage(await b.context({ javaScript: true }))
    await signInAsAdmin(page)

    await page.goto('/admin/delivery-partners/new')
    await page.getByRole('button', { name: 'Save' }).click()
    await expectErrors(page, 'add-delivery-partner-errors', 'Enter a name')

    await page.goto(`/admin/delivery-partners/${dp.id}/pairings/new`)
    await page.getByRole('button', { name: 'Add pairing' }).click()
    await expectErrors(page, 'add-pairing-from-delivery-partner-errors', 'Select')

    await page.goto('/admin/cohorts/2025/edit')
    await page.locator('#starts_on-day').fill('')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectErrors(page, 'change-cohort-errors', 'tart date')

    await page.goto(`/admin/schools/${URN}/edit`)
    await page.getByLabel('Name', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expectErrors(page, 'change-school-errors', 'name')

    await page.goto(`/admin/schools/${URN}/partnerships/new`)
    await page.waitForURL(/\/cohort$/)
    await page.getByLabel('2025').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/lead-provider$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectErrors(page, 'partnership-lead-provider-errors', 'lead provider')
    await page.getByLabel(lp.name).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(/\/delivery-partner$/)
    await page.getByRole('button', { name: 'Continue' }).click()
    await expectErrors(page, 'partnership-delivery-partner-errors', 'delivery partner')
  }, 120_000)
})
