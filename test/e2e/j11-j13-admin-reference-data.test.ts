// J11, J12, J13 (W-112): a DfE admin in real Chromium adds a cohort and pairings, a lead provider
// and its token (shown once, used, revoked), a delivery partner, finds a school and adds a
// partnership — with JavaScript on and off (W-113), every page and every form's error state
// checked by axe (W-111) and html-validate (W-114), each journey ending with the v3 API (W-101).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsAdmin, useBrowser } from '../support/browser.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
const DATE = '2025-10-01'
await t.admin('POST', '/cohorts', { year: '2025' })

async function provider(name: string) {
  const lp = (await t.admin('POST', '/lead-providers', { name })).body.data
  return { id: lp.id as string, name, token: (await t.admin('POST', `/lead-providers/${lp.id}/tokens`, {})).body.data.token as string }
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? '' : '-nojs'
  const tag = javaScript ? 'JS' : 'NoJS'

  describe(`admin reference data${javaScript ? '' : ' without JavaScript'}`, () => {
    it(`J12, W-83 … W-85, W-100${javaScript ? '' : ', W-113'}: a lead provider and its token, shown once, used by v3, then revoked`, async () => {
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J12${mode}`
      await signInAsAdmin(page)
      await checkPage(page, journey, 'admin-home')
      await page.getByRole('link', { name: 'Lead providers', exact: true }).first().click()
      await checkPage(page, journey, 'lead-providers')
      await page.getByRole('button', { name: 'Add a lead provider' }).click()
      await checkPage(page, journey, 'add-lead-provider')
      await page.getByRole('button', { name: 'Save' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a name')
      await checkPage(page, journey, 'add-lead-provider-errors')
      await page.getByLabel('Add a lead provider').fill(`${tag} Teaching Trust`)
      await page.getByRole('button', { name: 'Save' }).click()
      await page.waitForURL(/\/admin\/lead-providers\/[0-9a-f-]{36}$/)
      expect(await page.locator('h1').innerText()).toBe(`${tag} Teaching Trust`)
      await checkPage(page, journey, 'lead-provider')
      const lpUrl = page.url()
      await page.getByRole('button', { name: 'Create an API token' }).click()
      await checkPage(page, journey, 'create-token')
      await page.getByLabel('Description (optional)').fill('Integration tests')
      await page.getByRole('button', { name: 'Create token' }).click()
      expect(await page.locator('h1').innerText()).toBe('Token created')
      const token = await page.locator('#token').innerText()
      expect(token).toMatch(/^[A-Za-z0-9]{40}$/)
      await checkPage(page, journey, 'token-created')
      expect((await t.request('GET', '/api/v3/delivery-partners', { token })).status).toBe(200)
      await page.goto(lpUrl)
      expect(await page.content()).not.toContain(token)
      await page.getByRole('link', { name: /^Revoke/ }).click()
      expect(await page.locator('h1').innerText()).toBe('Revoke this token?')
      await checkPage(page, journey, 'revoke-token')
      await page.getByRole('button', { name: 'Revoke token' }).click()
      await page.waitForURL(lpUrl)
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Token revoked')
      await checkPage(page, journey, 'token-revoked')
      expect((await t.request('GET', '/api/v3/delivery-partners', { token })).status).toBe(401)
    }, 400_000)

    it(`J11, W-81, W-82, W-100${javaScript ? '' : ', W-113'}: a cohort added, a pairing in it, closed and opened, its statements; the lead provider sees the pairing`, async () => {
      const lp = await provider(`${tag} Cohort Learning`)
      const dp = (await t.admin('POST', '/delivery-partners', { name: `${tag} Cohort Partners` })).body.data
      const year = javaScript ? '2030' : '2031'
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J11${mode}`
      await signInAsAdmin(page)
      await page.getByRole('link', { name: 'Cohorts', exact: true }).first().click()
      await checkPage(page, journey, 'cohorts')
      await page.getByRole('button', { name: 'Add a cohort' }).click()
      await checkPage(page, journey, 'add-cohort')
      await page.getByRole('button', { name: 'Add cohort' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a year')
      await checkPage(page, journey, 'add-cohort-errors')
      await page.locator('#year').fill(year)
      await page.getByRole('button', { name: 'Add cohort' }).click()
      await page.waitForURL(new RegExp(`/admin/cohorts/${year}$`))
      await checkPage(page, journey, 'cohort')
      await page.getByRole('button', { name: 'Add a pairing' }).click()
      await page.getByRole('button', { name: 'Add pairing' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select a lead provider')
      await checkPage(page, journey, 'add-pairing-errors')
      await page.getByLabel('Lead provider').selectOption({ label: lp.name })
      await page.getByLabel('Delivery partner').selectOption({ label: dp.name })
      await checkPage(page, journey, 'add-pairing')
      await page.getByRole('button', { name: 'Add pairing' }).click()
      await page.waitForURL(new RegExp(`/admin/cohorts/${year}$`))
      expect(await page.locator('main').innerText()).toContain(dp.name)
      await page.getByRole('button', { name: 'Close to new partnerships' }).click()
      await page.waitForURL(new RegExp(`/admin/cohorts/${year}$`))
      await checkPage(page, journey, 'cohort-closed')
      await page.getByRole('button', { name: 'Open to new partnerships' }).click()
      await page.getByRole('button', { name: 'Add the standard statements' }).click()
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('16 statements added, 0 already existed')
      await checkPage(page, journey, 'statements-added')
      await page.getByRole('link', { name: 'Change', exact: false }).first().click()
      await checkPage(page, journey, 'change-cohort')
      const seen = await t.request('GET', '/api/v3/delivery-partners', { token: lp.token, date: DATE })
      expect(seen.body.data.map((d: { id: string; attributes: { cohort: string[] } }) => [d.id, d.attributes.cohort])).toEqual([[dp.id, [year]]])
      expect((await t.admin('GET', '/cohorts')).body.data.find((c: { year: string }) => c.year === year).partnerships_open).toBe(true)
    }, 400_000)

    it(`J13, W-86 … W-89, W-100${javaScript ? '' : ', W-113'}: a delivery partner and its pairing, a school found, a partnership added; the lead provider sees it`, async () => {
      const lp = await provider(`${tag} School Learning`)
      const urn = javaScript ? '350001' : '350002'
      await t.admin('POST', '/schools', { urn, name: `${tag} Juniper Primary School`, local_authority: 'Leeds' })
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J13${mode}`
      await signInAsAdmin(page)
      await page.getByRole('link', { name: 'Delivery partners', exact: true }).first().click()
      await checkPage(page, journey, 'delivery-partners')
      await page.getByRole('button', { name: 'Add a delivery partner' }).click()
      await page.getByLabel('Add a delivery partner').fill(`${tag} Northern Lights`)
      await page.getByRole('button', { name: 'Save' }).click()
      await page.waitForURL(/\/admin\/delivery-partners\/[0-9a-f-]{36}$/)
      await checkPage(page, journey, 'delivery-partner')
      await page.getByRole('button', { name: 'Add a pairing' }).click()
      await page.getByLabel('Cohort').selectOption('2025')
      await page.getByLabel('Lead provider').selectOption({ label: lp.name })
      await page.getByRole('button', { name: 'Add pairing' }).click()
      expect(await page.locator('main').innerText()).toContain(lp.name)
      await checkPage(page, journey, 'delivery-partner-paired')
      await page.getByRole('link', { name: 'Schools', exact: true }).first().click()
      await page.getByLabel('URN or school name').fill(`${tag} juniper`)
      await page.getByRole('button', { name: 'Search' }).click()
      await checkPage(page, journey, 'school-search')
      await page.getByRole('link', { name: `${tag} Juniper Primary School` }).click()
      await page.waitForURL(new RegExp(`/admin/schools/${urn}$`))
      await checkPage(page, journey, 'school')
      await page.getByRole('button', { name: 'Add a partnership' }).click()
      await page.waitForURL(/\/cohort$/)
      await page.getByRole('button', { name: 'Continue' }).click()
      await checkPage(page, journey, 'partnership-cohort-errors')
      await page.getByLabel('2025').check()
      await page.getByRole('button', { name: 'Continue' }).click()
      await checkPage(page, journey, 'partnership-lead-provider')
      await page.getByLabel(lp.name).check()
      await page.getByRole('button', { name: 'Continue' }).click()
      await checkPage(page, journey, 'partnership-delivery-partner')
      await page.getByLabel(`${tag} Northern Lights`).check()
      await page.getByRole('button', { name: 'Continue' }).click()
      await checkPage(page, journey, 'partnership-check-answers')
      await page.getByRole('button', { name: 'Add partnership' }).click()
      await page.waitForURL(new RegExp(`/admin/schools/${urn}$`))
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Partnership added')
      await checkPage(page, journey, 'school-partnered')
      const partnerships = await t.request('GET', '/api/v3/partnerships', { token: lp.token, date: DATE })
      expect(partnerships.body.data.map((p: { attributes: { urn: string } }) => p.attributes.urn)).toEqual([urn])
      await page.goto('/admin/schools/new')
      await page.getByRole('button', { name: 'Add school' }).click()
      await checkPage(page, journey, 'add-school-errors')
    }, 400_000)
  })
}
