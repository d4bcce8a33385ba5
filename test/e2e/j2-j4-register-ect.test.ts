// J2, J3, J4 (W-112): registering ECTs in Chromium, with JavaScript on and off (W-113), every page
// and each form's error state checked (W-111, W-114), each ending with its W-100 row in /api/v3 (W-101).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsSchool, useBrowser } from '../support/browser.ts'
import { emptySubmit, fillDate, h1, press, travelTo } from '../support/school-browser.ts'
import { newSchool, nextTrn, schoolScene } from '../support/school-web.ts'
import * as f from '../support/factories.ts'
import * as p from '../support/factories-participants.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
const s = await schoolScene(t)
await f.pairing(t.db, s.ambition.id, s.northWest.id, 2024)
const DATE = '2025-09-10'
const API_DATE = '2025-09-10T10:00:00'

async function start(javaScript: boolean, urn: string) {
  const page = await newPage(await b.context({ javaScript }))
  page.setDefaultTimeout(15_000)
  await travelTo(page, DATE)
  await signInAsSchool(page, urn)
  return page
}

/** Steps 1 … 6 of W-51 for a new TRN; `checked` also checks each page and its error state. */
async function upToWorkingPattern(page: Awaited<ReturnType<typeof start>>, journey: string, name: [string, string], checked: boolean) {
  const check = async (label: string, empty = true) => {
    if (!checked) return
    await checkPage(page, journey, label)
    if (empty) {
      await emptySubmit(page, journey, label)
    }
  }
  await page.goto('/school/ects')
  await check('ects', false)
  await page.getByRole('button', { name: 'Register an ECT' }).click()
  await page.waitForURL(/\/school\/register-ect$/)
  await check('start', false)
  await press(page, 'Start')
  expect(await h1(page)).toBe('Find the ECT')
  await check('find-ect')
  await page.getByLabel('Teacher reference number (TRN)').fill(nextTrn())
  await fillDate(page, 'Date of birth', ['14', '3', '1997'])
  await press(page, 'Continue')
  expect(await h1(page)).toBe("What is the ECT's name?")
  await check('name')
  await page.getByLabel('First name').fill(name[0])
  await page.getByLabel('Last name').fill(name[1])
  await press(page, 'Continue')
  const full = name.join(' ')
  expect(await h1(page)).toBe(`What is ${full}'s email address?`)
  await check('email-address')
  await page.getByLabel(`What is ${full}'s email address?`).fill(`${name[0].toLowerCase()}.${nextTrn()}@school.example.sch.uk`)
  await press(page, 'Continue')
  await check('start-date')
  await fillDate(page, /start as an ECT/, ['10', '9', '2025'])
  await press(page, 'Continue')
  expect(await h1(page)).toBe(`Is ${full} working full time or part time?`)
  await check('working-pattern')
  await page.getByLabel('Full time').check()
  await press(page, 'Continue')
}

describe('J2 provider-led ECT (EOI)', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J2' : 'J2-nojs'
    it(`W-51, W-100 row 1, W-101${javaScript ? '' : ', W-113'}: registering a provider-led ECT makes the school an expression of interest`, async () => {
      const school = await newSchool(t)
      const page = await start(javaScript, school.urn)
      await checkPage(page, journey, 'home')
      await upToWorkingPattern(page, journey, ['Amira', 'Khan'], javaScript)
      expect(await h1(page)).toBe('How will Amira Khan be trained?')
      if (javaScript) {
        await checkPage(page, journey, 'training-programme')
        await emptySubmit(page, journey, 'training-programme')
      }
      await page.getByLabel('Provider-led').check()
      await press(page, 'Continue')
      expect(await h1(page)).toBe('Which lead provider will train Amira Khan?')
      if (javaScript) {
        await checkPage(page, journey, 'lead-provider')
        await emptySubmit(page, journey, 'lead-provider')
      }
      await page.getByLabel('Ambition Institute').check()
      await press(page, 'Continue')
      expect(await h1(page)).toBe('Check your answers before registering Amira Khan')
      await checkPage(page, journey, 'check-answers')
      await press(page, 'Confirm and register')
      expect(await h1(page)).toBe('Amira Khan has been registered')
      await checkPage(page, journey, 'confirmation')
      await page.getByRole('link', { name: 'Back to ECTs' }).click()
      await expect.poll(() => page.locator('table').innerText()).toContain('Awaiting confirmation by Ambition Institute')
      await checkPage(page, journey, 'ects-after')
      const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
      expect(res.body.data[0].attributes).toMatchObject({ expression_of_interest: true, induction_programme_choice: 'provider_led', induction_tutor_name: 'Priya Shah' })
      const participants = await t.request('GET', '/api/v3/participants', { token: s.ambition.token, date: API_DATE })
      expect(participants.body.data.map((d: { attributes: { full_name: string } }) => d.attributes.full_name)).not.toContain('Amira Khan')
    }, 300_000)
  }
})

describe('J3 "use the same choices" carrying a partnership forward', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J3' : 'J3-nojs'
    it(`W-53, W-100 row 2, W-101${javaScript ? '' : ', W-113'}: Yes carries the 2024 partnership forward into 2025`, async () => {
      const school = await newSchool(t)
      // Last year: a partnership with Ambition and an ECT trained on it.
      const old = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2024 })
      const teacher = await p.teacher(t.db)
      const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2024-09-02' })
      await p.trainingPeriod(t.db, period, { cohort: 2024, lead_provider_id: s.ambition.id, partnership_id: old.id, started_on: '2024-09-02' })
      const page = await start(javaScript, school.urn)
      await upToWorkingPattern(page, journey, ['Ben', 'Hughes'], false)
      expect(await h1(page)).toBe('Use the same training choices as your last ECT?')
      await checkPage(page, journey, 'previous-choices')
      if (javaScript) await emptySubmit(page, journey, 'previous-choices')
      expect(await page.locator('.govuk-summary-list').innerText()).toContain('North West Learning Partnership (continuing from 2024)')
      await page.getByLabel('Yes').check()
      await press(page, 'Continue')
      expect(await h1(page)).toBe('Check your answers before registering Ben Hughes')
      await checkPage(page, journey, 'check-answers')
      await press(page, 'Confirm and register')
      expect(await h1(page)).toBe('Ben Hughes has been registered')
      await checkPage(page, journey, 'confirmation')
      const partnerships = await t.request('GET', '/api/v3/partnerships?filter[cohort]=2025', { token: s.ambition.token, date: API_DATE })
      expect(partnerships.body.data.filter((d: { attributes: { urn: string } }) => d.attributes.urn === school.urn)).toHaveLength(1)
      const participants = await t.request('GET', '/api/v3/participants', { token: s.ambition.token, date: API_DATE })
      const ben = participants.body.data.find((d: { attributes: { full_name: string } }) => d.attributes.full_name === 'Ben Hughes' && d.attributes)
      expect(ben).toBeDefined()
    }, 300_000)
  }
})

describe('J4 school-led ECT', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J4' : 'J4-nojs'
    it(`W-54, W-100 row 3, W-101${javaScript ? '' : ', W-113'}: a school-led ECT is seen by no lead provider`, async () => {
      const school = await newSchool(t)
      const page = await start(javaScript, school.urn)
      await upToWorkingPattern(page, journey, ['Chloe', 'Evans'], false)
      await page.getByLabel('School-led').check()
      await press(page, 'Continue')
      expect(await h1(page)).toBe('Check your answers before registering Chloe Evans')
      await checkPage(page, journey, 'check-answers')
      await press(page, 'Confirm and register')
      await checkPage(page, journey, 'confirmation')
      const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
      expect(res.body.data[0].attributes).toMatchObject({ expression_of_interest: false, induction_programme_choice: 'school_led' })
    }, 300_000)
  }
})
