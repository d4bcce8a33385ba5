// J14, J15, J16 (W-112) over the seeded sandbox in real Chromium: statements marked payable and
// paid, a teacher's history, and the sandbox tools (reset, a scenario) — with JavaScript on and off
// (W-113), every page checked by axe (W-111) and html-validate (W-114), ending with the v3 API (W-101).
import { beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../src/clock.ts'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsAdmin, useBrowser } from '../support/browser.ts'
import type { Page } from 'playwright-core'

const t = await setupTestApp()
const b = useBrowser(t.app)
const DATE = '2026-11-23'
let tokens: { id: string; name: string; token: string }[]

beforeAll(async () => {
  const seeded = await t.admin('POST', '/sandbox/seed', { seed: 1 }, { date: DATE })
  expect(seeded.status).toBe(201)
  tokens = seeded.body.data.lead_providers
}, 300_000)

/** W-31: the browser session's date. */
async function travelTo(page: Page, date: string) {
  const [y, m, d] = date.split('-')
  await page.goto('/time-travel')
  await page.locator('#date-day').fill(String(Number(d)))
  await page.locator('#date-month').fill(String(Number(m)))
  await page.locator('#date-year').fill(y!)
  await page.getByRole('button', { name: 'Set date' }).click()
}

for (const javaScript of [true, false]) {
  const mode = javaScript ? '' : '-nojs'
  describe(`the seeded sandbox${javaScript ? '' : ' without JavaScript'}`, () => {
    it(`J14, W-90, W-100${javaScript ? '' : ', W-113'}: statements filtered, a refusal shown verbatim, then payable and paid; v3 sees it paid`, async () => {
      const lp = tokens[javaScript ? 0 : 1]!
      const open = (await t.admin('GET', `/statements?filter[lead_provider_id]=${lp.id}&filter[status]=open`)).body.data
        .filter((s: { cut_off_date: string }) => s.cut_off_date >= DATE)
        .sort((a: { cut_off_date: string }, z: { cut_off_date: string }) => a.cut_off_date.localeCompare(z.cut_off_date))[0]
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J14${mode}`
      await signInAsAdmin(page)
      await travelTo(page, DATE)
      await page.goto('/admin')
      await page.getByRole('link', { name: 'Statements', exact: true }).first().click()
      await checkPage(page, journey, 'statements')
      await page.getByLabel('Lead provider').selectOption({ label: lp.name })
      await page.getByLabel('Status').selectOption('open')
      await page.getByRole('button', { name: 'Filter' }).click()
      await checkPage(page, journey, 'statements-filtered')
      await page.goto(`/admin/statements/${open.id}`)
      await checkPage(page, journey, 'statement')
      await page.getByRole('button', { name: 'Mark as payable' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain(`The cut-off date ${open.cut_off_date} has not passed yet.`)
      await checkPage(page, journey, 'statement-refused')
      await travelTo(page, addDays(open.cut_off_date, 1))
      await page.goto(`/admin/statements/${open.id}`)
      await page.getByRole('button', { name: 'Mark as payable' }).click()
      await page.getByRole('button', { name: 'Mark as paid' }).click()
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Statement marked as paid')
      await checkPage(page, journey, 'statement-paid')
      const v3 = await t.request('GET', `/api/v3/statements/${open.id}`, { token: lp.token })
      expect(v3.body.data.attributes.paid).toBe(true)
    }, 400_000)

    it(`J15, W-91${javaScript ? '' : ', W-113'}: a teacher found by TRN, with registrations, training, declarations and events`, async () => {
      const teacher = await t.db.selectFrom('declarations as d').innerJoin('teachers as x', 'x.id', 'd.teacher_id').select(['x.id', 'x.trn', 'x.first_name', 'x.last_name', 'd.lead_provider_id']).orderBy('x.trn').executeTakeFirstOrThrow()
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J15${mode}`
      await signInAsAdmin(page)
      await page.getByRole('link', { name: 'Teachers', exact: true }).first().click()
      await checkPage(page, journey, 'find-teacher')
      await page.getByRole('button', { name: 'Find teacher' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Enter a teacher reference number (TRN)')
      await checkPage(page, journey, 'find-teacher-errors')
      await page.getByLabel('Teacher reference number (TRN)').fill('0000001')
      await page.getByRole('button', { name: 'Find teacher' }).click()
      expect(await page.locator('main').innerText()).toContain('No teacher has TRN 0000001')
      await page.getByLabel('Teacher reference number (TRN)').fill(teacher.trn)
      await page.getByRole('button', { name: 'Find teacher' }).click()
      await page.waitForURL(new RegExp(`/admin/teachers/${teacher.id}$`))
      expect(await page.locator('h1').innerText()).toBe(`${teacher.first_name} ${teacher.last_name}`)
      expect(await page.locator('main').innerText()).toContain('Event history')
      await checkPage(page, journey, 'teacher')
      await page.locator('main a[href^="/admin/schools/"]').first().click()
      await checkPage(page, journey, 'school')
      // W-101: the teacher shown is the participant their lead provider sees.
      const lp = tokens.find((x) => x.id === teacher.lead_provider_id)!
      const participant = await t.request('GET', `/api/v3/participants/${teacher.id}`, { token: lp.token, date: DATE })
      expect([participant.status, participant.body.data.attributes.full_name]).toEqual([200, `${teacher.first_name} ${teacher.last_name}`])
    }, 400_000)
  })
}

describe('sandbox tools', () => {
  for (const javaScript of [true, false]) {
    const mode = javaScript ? '' : '-nojs'
    it(`J16, W-92, W-93, W-100${javaScript ? '' : ', W-113'}: a scenario added and the sandbox reset; the seeded tokens work`, async () => {
      const page = await newPage(await b.context({ javaScript }))
      const journey = `J16${mode}`
      await signInAsAdmin(page)
      await travelTo(page, DATE)
      await page.goto('/admin')
      await page.getByRole('link', { name: 'Sandbox', exact: true }).first().click()
      await checkPage(page, journey, 'sandbox-tools')
      await page.getByRole('button', { name: 'Add scenario' }).click()
      expect(await page.locator('.govuk-error-summary').innerText()).toContain('Select a scenario')
      await checkPage(page, journey, 'sandbox-tools-errors')
      await page.getByLabel('eoi-school').check()
      await page.getByRole('button', { name: 'Add scenario' }).click()
      await page.waitForURL(/\/admin\/sandbox\/scenarios\/result$/)
      expect(await page.locator('h1').innerText()).toBe('Scenario eoi-school')
      await checkPage(page, journey, 'scenario-result')
      await page.goto('/admin/sandbox')
      await page.getByLabel('Seed').fill('1')
      await page.getByRole('button', { name: 'Reset the sandbox' }).click()
      expect(await page.locator('h1').innerText()).toBe('Reset the sandbox?')
      await checkPage(page, journey, 'reset-confirm')
      await page.getByRole('button', { name: 'Delete all data and reset' }).click({ timeout: 300_000 })
      await page.waitForURL(/\/admin\/sandbox\/reset\/done$/, { timeout: 300_000 })
      await checkPage(page, journey, 'reset-done')
      const token = await page.locator('main code').first().innerText()
      expect((await t.request('GET', '/api/v3/statements', { token, date: DATE })).status).toBe(200)
    }, 600_000)
  }
})
