// J10 (W-30 … W-33) time travel and J18 (W-26) access control in Chromium, JavaScript on and off
// (W-112, W-113), every page checked (W-111, W-114).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsAdmin, signInAsSchool, useBrowser } from '../support/browser.ts'
import { school } from '../support/factories.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
await school(t.db, { urn: '131101', name: 'Rowan Primary School' })

describe('J10 time travel', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J10' : 'J10-nojs'
    it(`W-30, W-31, W-32, W-112${javaScript ? '' : ', W-113'}: sets a date from the banner, sees it on every page, then goes back to the real date`, async () => {
      const page = await newPage(await b.context({ javaScript }))
      await signInAsSchool(page, '131101')
      await page.getByRole('link', { name: 'Change date' }).click()
      await page.waitForURL(/\/time-travel\?return_to=%2Fschool$/)
      await checkPage(page, journey, 'time-travel')
      await page.getByRole('button', { name: 'Set date' }).click()
      await page.waitForLoadState()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a date')
      await checkPage(page, journey, 'time-travel-errors')
      await page.getByLabel('Day').fill('10')
      await page.getByLabel('Month').fill('1')
      await page.getByLabel('Year').fill('2027')
      await page.getByRole('button', { name: 'Set date' }).click()
      await page.waitForURL(/\/school$/)
      expect(await page.locator('.govuk-phase-banner').innerText()).toContain('Today is 10 January 2027 (time travel is on).')
      await checkPage(page, journey, 'school-home-travelled')
      await page.goto('/time-travel')
      await page.getByRole('button', { name: "Go back to today's real date" }).click()
      await page.waitForURL(/\/$|\/school$/)
      expect(await page.locator('.govuk-phase-banner').innerText()).not.toContain('time travel is on')
    })
  }
})

describe('J18 access control', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J18' : 'J18-nojs'
    it(`W-26, W-112${javaScript ? '' : ', W-113'}: signed out goes to sign-in and back; each kind of user gets the 404 page in the other's area`, async () => {
      const page = await newPage(await b.context({ javaScript }))
      await page.goto('/school?from=link')
      await page.waitForURL(/\/sign-in$/)
      await page.getByRole('button', { name: 'Sign in as the induction tutor of Rowan Primary School' }).click()
      await page.waitForURL(/\/school\?from=link$/)
      const notFound = await page.goto('/admin/schools')
      expect(notFound?.status()).toBe(404)
      expect(await page.locator('h1').innerText()).toBe('Page not found')
      await checkPage(page, journey, 'school-user-on-admin-404')
      await signInAsAdmin(page)
      const other = await page.goto('/school')
      expect(other?.status()).toBe(404)
      await checkPage(page, journey, 'admin-on-school-404')
      const unknown = await page.goto('/no-such-page')
      expect(unknown?.status()).toBe(404)
      await checkPage(page, journey, 'unknown-path-404')
    })
  }
})
