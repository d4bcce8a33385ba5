// J5 … J9 (W-112): mentors, training changes, leaving and the induction tutor in Chromium, with
// JavaScript on and off (W-113), pages and error states checked (W-111, W-114), each ending with
// its W-100 row in /api/v3 (W-101).
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { checkPage, newPage, signInAsSchool, useBrowser } from '../support/browser.ts'
import { emptySubmit, fillDate, h1, press, travelTo } from '../support/school-browser.ts'
import { newSchool, nextTrn, schoolScene } from '../support/school-web.ts'

const t = await setupTestApp()
const b = useBrowser(t.app)
const s = await schoolScene(t)
const DATE = '2025-09-10'
const API_DATE = '2025-09-10T10:00:00'

async function start(javaScript: boolean, urn: string, date = DATE): Promise<Page> {
  const page = await newPage(await b.context({ javaScript }))
  page.setDefaultTimeout(15_000)
  await travelTo(page, date)
  await signInAsSchool(page, urn)
  return page
}

/** Registers through the operator API (the scene); `confirmed` adds Ambition's partnership (P-33). */
async function registered(school: { id: string; urn: string }, role: 'ect' | 'mentor', fields: Record<string, unknown> = {}, confirmed = false) {
  const trn = nextTrn()
  const body = {
    trn, first_name: role === 'ect' ? 'Amira' : 'David', last_name: `${role === 'ect' ? 'Khan' : 'Okafor'}-${trn.slice(-3)}`, date_of_birth: '1990-03-14',
    email: `${role}.${trn}@school.example.sch.uk`, started_on: '2025-09-01', training_programme: 'school_led',
    ...(role === 'ect' ? { working_pattern: 'full_time' } : {}), ...fields,
  }
  const res = await t.admin('POST', `/schools/${school.urn}/${role}s`, body, { date: API_DATE })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  if (confirmed) {
    const attributes = { cohort: 2025, school_id: school.id, delivery_partner_id: s.northWest.id }
    const created = await t.request('POST', '/api/v3/partnerships', { token: s.ambition.token, date: API_DATE, body: { data: { type: 'partnership', attributes } } })
    if (created.status !== 200) throw new Error(JSON.stringify(created.body))
  }
  const data = res.body.data as { participant_id: string; first_name: string; last_name: string; trn: string }
  return { ...data, name: `${data.first_name} ${data.last_name}` }
}

const participant = async (id: string, token = s.ambition.token) => (await t.request('GET', `/api/v3/participants/${id}`, { token, date: API_DATE })).body.data

describe('J5 mentor registered from an ECT', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J5' : 'J5-nojs'
    it(`W-60 … W-64, W-100 row 5, W-101${javaScript ? '' : ', W-113'}: a new mentor registered for an ECT is its mentor in the API`, async () => {
      const school = await newSchool(t)
      const ect = await registered(school, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, true)
      const page = await start(javaScript, school.urn)
      await page.goto(`/school/ects/${ect.participant_id}`)
      await checkPage(page, journey, 'ect')
      await page.getByRole('link', { name: 'Assign a mentor' }).click()
      await page.waitForURL(/\/mentor$/)
      expect(await h1(page)).toBe(`Who will mentor ${ect.name}?`)
      await checkPage(page, journey, 'mentor-none-offered')
      await press(page, 'Register a new mentor')
      expect(await h1(page)).toBe('Find the mentor')
      await checkPage(page, journey, 'find-mentor')
      if (javaScript) await emptySubmit(page, journey, 'find-mentor')
      await page.getByLabel('Teacher reference number (TRN)').fill(nextTrn())
      await fillDate(page, 'Date of birth', ['2', '6', '1985'])
      await press(page, 'Continue')
      await page.getByLabel('First name').fill('Grace')
      await page.getByLabel('Last name').fill('Lee')
      await press(page, 'Continue')
      await page.getByLabel("What is Grace Lee's email address?").fill(`grace.${nextTrn()}@school.example.sch.uk`)
      await press(page, 'Continue')
      expect(await h1(page)).toBe('When did or will Grace Lee start mentoring at your school?')
      await checkPage(page, journey, 'mentor-start-date')
      if (javaScript) await emptySubmit(page, journey, 'mentor-start-date')
      await fillDate(page, /start mentoring/, ['10', '9', '2025'])
      await press(page, 'Continue')
      expect(await h1(page)).toBe("Who will provide Grace Lee's mentor training?")
      await checkPage(page, journey, 'mentor-lead-provider')
      if (javaScript) await emptySubmit(page, journey, 'mentor-lead-provider')
      await page.getByLabel('Ambition Institute').check()
      await press(page, 'Continue')
      await checkPage(page, journey, 'mentor-check-answers')
      await press(page, 'Confirm and register')
      expect(await h1(page)).toContain('Grace Lee has been registered as a mentor')
      await checkPage(page, journey, 'mentor-confirmation')
      await page.goto('/school/mentors')
      await checkPage(page, journey, 'mentors')
      const mentorId = await page.getByRole('link', { name: 'Grace Lee' }).getAttribute('href')
      const data = await participant(ect.participant_id)
      expect(data.attributes.ecf_enrolments[0].mentor_id).toBe(mentorId!.split('/').at(-1))
    }, 300_000)
  }
})

describe('J6 assign and change a mentor', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J6' : 'J6-nojs'
    it(`W-65 … W-67, W-100 row 5, W-101${javaScript ? '' : ', W-113'}: a mentor assigned, then changed, is the ECT's mentor_id`, async () => {
      const school = await newSchool(t)
      const ect = await registered(school, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, true)
      const first = await registered(school, 'mentor')
      const second = await registered(school, 'mentor')
      const page = await start(javaScript, school.urn)
      await page.goto(`/school/ects/${ect.participant_id}/mentor`)
      await checkPage(page, journey, 'mentor')
      if (javaScript) await emptySubmit(page, journey, 'mentor')
      await page.getByLabel(first.name).check()
      await press(page, 'Continue')
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain(`${first.name} will mentor ${ect.name} from 10 September 2025`)
      await checkPage(page, journey, 'ect-with-mentor')
      expect((await participant(ect.participant_id)).attributes.ecf_enrolments[0].mentor_id).toBe(first.participant_id)
      await page.getByRole('link', { name: 'Change mentor' }).click()
      await page.waitForURL(/\/mentor$/)
      await page.getByLabel(second.name).check()
      await press(page, 'Continue')
      await checkPage(page, journey, 'ect-changed-mentor')
      expect((await participant(ect.participant_id)).attributes.ecf_enrolments[0].mentor_id).toBe(second.participant_id)
      const unfunded = await t.request('GET', '/api/v3/unfunded-mentors', { token: s.ambition.token, date: API_DATE })
      expect(unfunded.body.data.map((d: { id: string }) => d.id)).toContain(second.participant_id)
    }, 300_000)
  }
})

describe('J7 ECT and mentor training changes', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J7' : 'J7-nojs'
    it(`W-70 … W-72, W-100 row 6, W-101${javaScript ? '' : ', W-113'}: Ambition's confirmed ECT moves to Teach First, the mentor to no training`, async () => {
      const school = await newSchool(t)
      const ect = await registered(school, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, true)
      const mentor = await registered(school, 'mentor', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
      const page = await start(javaScript, school.urn, '2025-10-01')
      await page.goto(`/school/ects/${ect.participant_id}`)
      await page.getByRole('link', { name: 'Change training' }).click()
      await page.waitForURL(/programme/)
      expect(await h1(page)).toBe(`How will ${ect.name} be trained from today?`)
      await checkPage(page, journey, 'ect-programme')
      if (javaScript) await emptySubmit(page, journey, 'ect-programme')
      await page.getByLabel('Provider-led (current)').check()
      await press(page, 'Continue')
      await checkPage(page, journey, 'ect-lead-provider')
      if (javaScript) await emptySubmit(page, journey, 'ect-lead-provider')
      await page.getByLabel('Teach First').check()
      await press(page, 'Continue')
      await checkPage(page, journey, 'ect-check-answers')
      await press(page, 'Confirm change')
      expect(await h1(page)).toBe(`${ect.name}'s training has been changed`)
      await checkPage(page, journey, 'ect-confirmation')
      await page.goto(`/school/mentors/${mentor.participant_id}`)
      await checkPage(page, journey, 'mentor-page')
      await page.getByRole('link', { name: 'Change training' }).click()
      await page.waitForURL(/lead-provider/)
      await checkPage(page, journey, 'mentor-lead-provider')
      await page.getByLabel('No mentor training from a lead provider').check()
      await press(page, 'Continue')
      await checkPage(page, journey, 'mentor-check-answers')
      await press(page, 'Confirm change')
      await checkPage(page, journey, 'mentor-confirmation')
      const date = '2025-10-01T10:00:00'
      const old = await t.request('GET', `/api/v3/participants/${ect.participant_id}`, { token: s.ambition.token, date })
      expect(old.body.data.attributes.ecf_enrolments[0].participant_status).toBe('left')
      const schools = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.teachFirst.token, date })
      expect(schools.body.data[0].attributes.expression_of_interest).toBe(true)
    }, 300_000)
  }
})

describe('J8 leaving, then another school registers the ECT', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J8' : 'J8-nojs'
    it(`W-75 … W-77, W-100 row 7, W-101${javaScript ? '' : ', W-113'}: leaving shows as leaving and a transfer; the next school's registration makes it a move`, async () => {
      const school = await newSchool(t)
      const next = await newSchool(t, { name: 'Oakfield Primary School' })
      const ect = await registered(school, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id }, true)
      const page = await start(javaScript, school.urn)
      await page.goto(`/school/ects/${ect.participant_id}`)
      await page.getByRole('link', { name: `Report that ${ect.name} is leaving` }).click()
      await page.waitForURL(/leaving\/date/)
      await checkPage(page, journey, 'leaving-date')
      if (javaScript) await emptySubmit(page, journey, 'leaving-date')
      await fillDate(page, /leave your school/, ['31', '12', '2025'])
      await press(page, 'Continue')
      await checkPage(page, journey, 'leaving-check-answers')
      await press(page, 'Confirm and report')
      expect(await h1(page)).toBe(`${ect.name} has been reported as leaving`)
      await checkPage(page, journey, 'leaving-confirmation')
      expect((await participant(ect.participant_id)).attributes.ecf_enrolments[0].participant_status).toBe('leaving')
      const before = await t.request('GET', `/api/v3/participants/${ect.participant_id}/transfers`, { token: s.ambition.token, date: API_DATE })
      expect(before.body.data.attributes.transfers[0].transfer_type).toBe('unknown')
      // The next school registers the same TRN (known: the name step is skipped, W-50).
      await page.getByRole('button', { name: 'Sign out' }).click()
      await page.waitForURL(/signed-out/)
      await signInAsSchool(page, next.urn)
      await page.goto('/school/register-ect')
      await press(page, 'Start')
      await page.getByLabel('Teacher reference number (TRN)').fill(ect.trn)
      await fillDate(page, 'Date of birth', ['14', '3', '1990'])
      await press(page, 'Continue')
      expect(await h1(page)).toBe(`${ect.name} is already known to this service`)
      await checkPage(page, journey, 'registered-before')
      await press(page, 'Continue')
      await page.getByLabel(`What is ${ect.name}'s email address?`).fill(`moved.${nextTrn()}@oakfield.example.sch.uk`)
      await press(page, 'Continue')
      await fillDate(page, /start as an ECT/, ['5', '1', '2026'])
      await press(page, 'Continue')
      await page.getByLabel('Full time').check()
      await press(page, 'Continue')
      if (await h1(page) === 'Use the same training choices as your last ECT?') {
        await page.getByLabel('No').check()
        await press(page, 'Continue')
      }
      await page.getByLabel('Provider-led').check()
      await press(page, 'Continue')
      await page.getByLabel('Ambition Institute').check()
      await press(page, 'Continue')
      await press(page, 'Confirm and register')
      expect(await h1(page)).toBe(`${ect.name} has been registered`)
      const after = await t.request('GET', `/api/v3/participants/${ect.participant_id}/transfers`, { token: s.ambition.token, date: API_DATE })
      expect(['new_school', 'new_provider']).toContain(after.body.data.attributes.transfers[0].transfer_type)
    }, 300_000)
  }
})

describe('J9 induction tutor', () => {
  for (const javaScript of [true, false]) {
    const journey = javaScript ? 'J9' : 'J9-nojs'
    it(`W-78, W-79, W-100 row 8, W-101${javaScript ? '' : ', W-113'}: the new induction tutor is what lead providers see`, async () => {
      const school = await newSchool(t, { tutor: false })
      await registered(school, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
      const page = await start(javaScript, school.urn)
      await checkPage(page, journey, 'home-no-tutor')
      await page.getByRole('link', { name: 'Change induction tutor' }).click()
      await page.waitForURL(/induction-tutor/)
      await checkPage(page, journey, 'induction-tutor')
      await page.getByLabel('Full name').fill('')
      if (javaScript) await emptySubmit(page, journey, 'induction-tutor', 'Save')
      await page.getByLabel('Full name').fill('Grace Hopper')
      await page.getByLabel('Email address').fill('grace.hopper@school.example.sch.uk')
      await press(page, 'Save')
      await page.waitForURL(/\/school$/)
      expect(await page.locator('.govuk-notification-banner').innerText()).toContain('Induction tutor details saved')
      await checkPage(page, journey, 'home-saved')
      const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
      expect(res.body.data[0].attributes).toMatchObject({ induction_tutor_name: 'Grace Hopper', induction_tutor_email: 'grace.hopper@school.example.sch.uk' })
    }, 300_000)
  }
})
