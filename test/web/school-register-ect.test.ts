import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { newSchool, nextTrn, registerEctUpToCheck, schoolBrowser, schoolScene, step } from '../support/school-web.ts'
import { titleFor } from '../support/web.ts'

const t = await setupTestApp()
const s = await schoolScene(t)
const DATE = '2025-09-10T10:00'
const API_DATE = '2025-09-10T10:00:00'

describe('W-50 … W-55 register an ECT (in process)', () => {
  it('W-52: without an induction tutor the start page goes to the induction tutor page first', async () => {
    const school = await newSchool(t, { tutor: false })
    const web = await schoolBrowser(t, school.urn, DATE)
    const start = await web.get('/school/register-ect')
    expect(start.status).toBe(303)
    expect(start.location).toBe('/school/induction-tutor?return_to=%2Fschool%2Fregister-ect&first=1')
    const page = await web.get(start.location!)
    expect(page.text).toContain('Add your induction tutor before you register anyone.')
  })

  it('W-51, W-55, W-100 row 1: a provider-led ECT with no partnership is an expression of interest', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    const check = await registerEctUpToCheck(web, { lead_provider_id: s.ambition.id, first_name: 'Amira', last_name: 'Khan' })
    expect(check.status).toBe(200)
    expect(check.title).toBe(titleFor('Check your answers before registering Amira Khan'))
    expect(check.text).toContain('Ambition Institute')
    const done = await web.post('/school/register-ect/check-answers', {})
    expect(done.status).toBe(303)
    expect(done.location).toBe('/school/register-ect/confirmation')
    const confirmation = await web.get(done.location!)
    expect(confirmation.h1).toBe('Amira Khan has been registered')
    const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
    expect(res.body.data[0].attributes).toMatchObject({ expression_of_interest: true, induction_programme_choice: 'provider_led', induction_tutor_name: 'Priya Shah' })
    // W-55: the confirmation is shown once.
    expect((await web.get('/school/register-ect/confirmation')).location).toBe('/school/ects')
  })

  it('W-10: a step whose earlier answers are missing answers 302 to the first unanswered step', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    await web.get('/school/register-ect')
    await web.post('/school/register-ect', {})
    const page = await web.get('/school/register-ect/check-answers')
    expect(page.status).toBe(302)
    expect(page.location).toBe('/school/register-ect/find-ect')
  })

  it('W-54: each step submitted empty shows its error under its field', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    await web.get('/school/register-ect')
    await web.post('/school/register-ect', {})
    await web.get('/school/register-ect/find-ect')
    const empty = await web.post('/school/register-ect/find-ect', {})
    expect(empty.status).toBe(422)
    expect(empty.title).toBe(titleFor('Find the ECT', true))
    expect(empty.summary).toEqual([
      { text: 'Enter the teacher reference number (TRN)', href: '#trn' },
      { text: "Enter the ECT's date of birth", href: '#date_of_birth-day' },
    ])
    expect(empty.inline).toEqual({ trn: 'Enter the teacher reference number (TRN)', date_of_birth: "Enter the ECT's date of birth" })
    const young = await web.post('/school/register-ect/find-ect', { trn: nextTrn(), 'date_of_birth-day': '1', 'date_of_birth-month': '1', 'date_of_birth-year': '2015' })
    expect(young.inline).toEqual({ date_of_birth: 'The teacher cannot be less than 18 years old' })
    await step(web, '/school/register-ect/find-ect', { trn: nextTrn(), 'date_of_birth-day': '1', 'date_of_birth-month': '1', 'date_of_birth-year': '1990' })
    await web.get('/school/register-ect/name')
    expect((await web.post('/school/register-ect/name', {})).inline).toEqual({ first_name: "Enter the ECT's first name", last_name: "Enter the ECT's last name" })
    await step(web, '/school/register-ect/name', { first_name: 'Ben', last_name: 'Hughes' })
    await web.get('/school/register-ect/email-address')
    expect((await web.post('/school/register-ect/email-address', {})).inline).toEqual({ email: "Enter Ben Hughes's email address" })
    expect((await web.post('/school/register-ect/email-address', { email: 'ben@nowhere' })).inline).toEqual({ email: 'Enter an email address in the correct format, like name@example.com' })
    await step(web, '/school/register-ect/email-address', { email: `ben.${nextTrn()}@riverside.example.sch.uk` })
    await web.get('/school/register-ect/start-date')
    expect((await web.post('/school/register-ect/start-date', {})).inline).toEqual({ started_on: 'Enter the date Ben Hughes started or will start at your school' })
    const far = await web.post('/school/register-ect/start-date', { 'started_on-day': '1', 'started_on-month': '9', 'started_on-year': '2019' })
    expect(far.inline.started_on).toMatch(/^Start date cannot be this far in the past\. Enter a date on or after /)
    await step(web, '/school/register-ect/start-date', { 'started_on-day': '1', 'started_on-month': 'sep', 'started_on-year': '2025' })
    await web.get('/school/register-ect/working-pattern')
    expect((await web.post('/school/register-ect/working-pattern', {})).inline).toEqual({ working_pattern: 'Select if Ben Hughes works full time or part time' })
    await step(web, '/school/register-ect/working-pattern', { working_pattern: 'part_time' })
    await web.get('/school/register-ect/training-programme')
    expect((await web.post('/school/register-ect/training-programme', {})).inline).toEqual({ training_programme: 'Select how Ben Hughes will be trained' })
    await step(web, '/school/register-ect/training-programme', { training_programme: 'provider_led' })
    await web.get('/school/register-ect/lead-provider')
    expect((await web.post('/school/register-ect/lead-provider', {})).inline).toEqual({ lead_provider_id: 'Select a lead provider' })
    const all = [empty, young, far].map((p) => p.text).join('')
    expect(all).not.toContain("'#/")
  })

  it('W-50, W-54: a known TRN skips the name; R-20 rows on the TRN, date of birth and email shown verbatim', async () => {
    const school = await newSchool(t)
    const trn = nextTrn()
    const email = `known.${trn}@riverside.example.sch.uk`
    const registered = await t.admin('POST', `/schools/${school.urn}/ects`, {
      trn, first_name: 'Ola', last_name: 'Known', date_of_birth: '1990-05-05', email, started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'school_led',
    }, { date: API_DATE })
    expect(registered.status).toBe(201)
    const web = await schoolBrowser(t, school.urn, DATE)
    await web.get('/school/register-ect')
    await web.post('/school/register-ect', {})
    await web.get('/school/register-ect/find-ect')
    const dob = (day: string) => ({ 'date_of_birth-day': day, 'date_of_birth-month': '5', 'date_of_birth-year': '1990' })
    const here = await web.post('/school/register-ect/find-ect', { trn, ...dob('5') })
    expect(here.inline).toEqual({ trn: 'Ola Known is already registered as an ECT at this school' })
    const other = await newSchool(t)
    const elsewhere = await schoolBrowser(t, other.urn, DATE)
    await elsewhere.get('/school/register-ect')
    await elsewhere.post('/school/register-ect', {})
    await elsewhere.get('/school/register-ect/find-ect')
    const mismatch = await elsewhere.post('/school/register-ect/find-ect', { trn, ...dob('6') })
    expect(mismatch.inline).toEqual({ date_of_birth: 'The date of birth does not match our records for this teacher reference number' })
    const found = await elsewhere.post('/school/register-ect/find-ect', { trn, ...dob('5') })
    expect(found.location).toBe('/school/register-ect/registered-before')
    const before = await elsewhere.get(found.location!)
    expect(before.h1).toBe('Ola Known is already known to this service')
    expect(before.text).toContain('Their registration at Riverside Academy will end on the start date you give.')
    await step(elsewhere, '/school/register-ect/registered-before', {})
    const stranger = nextTrn()
    await t.admin('POST', `/schools/${other.urn}/mentors`, {
      trn: stranger, first_name: 'Em', last_name: 'Taken', date_of_birth: '1980-01-01', email: `taken.${stranger}@x.example.sch.uk`, started_on: '2025-09-01', training_programme: 'school_led',
    }, { date: API_DATE })
    await elsewhere.get('/school/register-ect/email-address')
    const taken = await elsewhere.post('/school/register-ect/email-address', { email: `taken.${stranger}@x.example.sch.uk` })
    expect(taken.inline).toEqual({ email: 'This email is already in use for a different ECT or mentor' })
  })
})
