// J1 (W-112): a school's induction tutor signs in with a sandbox persona and signs out, with
// JavaScript on and off (W-113), every page checked with axe and html-validate (W-111, W-114).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, useBrowser } from '../support/browser.ts'
import { school } from '../support/factories.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
await school(t.db, { urn: '131001', name: 'Juniper Primary School' })

describe('J1 school sign-in and sign-out', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J1' : 'J1-nojs'
    it(`W-21, W-24, W-112${javaScript ? '' : ', W-113'}: signs in as a school persona and out again${javaScript ? '' : ' without JavaScript'}`, async () => {
      const page = await newPage(await b.context({ javaScript }))
      await page.goto('/')
      await checkPage(page, journey, 'start')
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect.poll(() => page.url()).toMatch(/\/sign-in$/)
      await checkPage(page, journey, 'sign-in')
      await page.getByLabel('School name or URN').fill('Juniper')
      await page.getByRole('button', { name: 'Search' }).click()
      await checkPage(page, journey, 'sign-in-search')
      await page.getByRole('button', { name: 'Sign in as the induction tutor of Juniper Primary School' }).click()
      await page.waitForURL(/\/school$/)
      expect(await page.locator('h1').innerText()).toBe('Juniper Primary School')
      await checkPage(page, journey, 'school-home')
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/\/signed-out$/)
      expect(await page.locator('h1').innerText()).toBe('You have signed out')
      await checkPage(page, journey, 'signed-out')
      await page.goto('/school')
      await page.waitForURL(/\/sign-in$/)
    })
  }
})
