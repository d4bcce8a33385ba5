import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { newSchool, nextTrn, registerEctUpToCheck, schoolBrowser, schoolScene, step } from '../support/school-web.ts'
import { tableRows, titleFor } from '../support/web.ts'

const t = await setupTestApp()
const s = await schoolScene(t)
const DATE = '2025-09-10T10:00'
const API_DATE = '2025-09-10T10:00:00'

/** Registers through the operator API (the scene, not the thing tested). */
async function registered(urn: string, role: 'ect' | 'mentor', fields: Record<string, unknown> = {}) {
  const trn = nextTrn()
  const body = {
    trn, first_name: role === 'ect' ? 'Amira' : 'David', last_name: `Khan${trn.slice(-3)}`, date_of_birth: '1990-03-14',
    email: `${role}.${trn}@school.example.sch.uk`, started_on: '2025-09-01', training_programme: 'school_led',
    ...(role === 'ect' ? { working_pattern: 'full_time' } : {}), ...fields,
  }
  const res = await t.admin('POST', `/schools/${urn}/${role}s`, body, { date: API_DATE })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.data as { participant_id: string; first_name: string; last_name: string; trn: string }
}
const nameOf = (r: { first_name: string; last_name: string }) => `${r.first_name} ${r.last_name}`

describe('W-40 … W-46 school pages', () => {
  it('W-40: home shows the school, its cohort, induction tutor and counts', async () => {
    const school = await newSchool(t, { tutor: false, name: 'Oakfield Primary School' })
    await registered(school.urn, 'ect')
    const web = await schoolBrowser(t, school.urn, DATE)
    const home = await web.get('/school')
    expect(home.title).toBe(titleFor('Oakfield Primary School'))
    expect(home.text).toContain(`URN ${school.urn}`)
    expect(home.text).toContain("Lead providers are given your school&#39;s main email address until you add an induction tutor")
    expect(home.text).toContain('1 current ECT')
    expect(home.text).toContain('Lead providers working with your school in 2025')
  })

  it('W-43, W-45: the ECT list and page; W-42 Mentor required; W-26 another school\'s ECT is a 404', async () => {
    const school = await newSchool(t)
    const other = await newSchool(t)
    const ect = await registered(school.urn, 'ect')
    const stranger = await registered(other.urn, 'ect')
    const web = await schoolBrowser(t, school.urn, DATE)
    const list = await web.get('/school/ects')
    expect(list.h1).toBe('Early career teachers (ECTs)')
    expect(list.text).toContain(nameOf(ect))
    expect(list.text).toContain('Mentor required')
    expect(list.text).not.toContain(nameOf(stranger))
    const page = await web.get(`/school/ects/${ect.participant_id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('School-led')
    expect((await web.get(`/school/ects/${stranger.participant_id}`)).status).toBe(404)
    expect((await web.get('/school/ects/not-a-uuid')).status).toBe(404)
    expect((await web.get(`/school/mentors/${ect.participant_id}`)).status).toBe(404)
  })
})

describe('W-75 … W-77 report leaving (J8)', () => {
  it('W-75, W-100: leaving is reported; the lead provider sees leaving (R-31)', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    // The partnership makes the ECT Ambition's participant (P-33).
    const partnership = await t.request('POST', '/api/v3/partnerships', { token: s.ambition.token, date: API_DATE, body: { data: { type: 'partnership', attributes: { cohort: 2025, school_id: (await t.db.selectFrom('schools').select('id').where('urn', '=', school.urn).executeTakeFirstOrThrow()).id, delivery_partner_id: s.northWest.id } } } })
    expect(partnership.status).toBe(200)
    const web = await schoolBrowser(t, school.urn, DATE)
    const base = `/school/ects/${ect.participant_id}/leaving`
    await web.get(`${base}/date?new=1`)
    const empty = await web.post(`${base}/date`, {})
    expect(empty.status).toBe(422)
    expect(empty.inline).toEqual({ leaving_on: `Enter the date ${nameOf(ect)} left or will leave your school` })
    const far = await web.post(`${base}/date`, { 'leaving_on-day': '1', 'leaving_on-month': '6', 'leaving_on-year': '2026' })
    expect(far.inline).toEqual({ leaving_on: 'Enter a date no further than 4 months from today' })
    await step(web, `${base}/date`, { 'leaving_on-day': '31', 'leaving_on-month': '12', 'leaving_on-year': '2025' })
    const check = await web.get(`${base}/check-answers`)
    expect(check.h1).toBe(`Check your answers before reporting that ${nameOf(ect)} is leaving`)
    const done = await web.post(`${base}/check-answers`, {})
    expect(done.location).toBe(`${base}/confirmation`)
    const confirmation = await web.get(done.location!)
    expect(confirmation.h1).toBe(`${nameOf(ect)} has been reported as leaving`)
    const feed = await t.request('GET', `/api/v3/participants/${ect.participant_id}`, { token: s.ambition.token, date: API_DATE })
    expect(feed.body.data.attributes.ecf_enrolments[0].participant_status).toBe('leaving')
    const list = await web.get('/school/ects')
    expect(list.text).toContain('Leaving')
  })
})

describe('W-78, W-79 induction tutor (J9)', () => {
  it('W-79: errors under the fields; W-78 saved with a banner; W-100 lead providers see it', async () => {
    const school = await newSchool(t, { tutor: false })
    await registered(school.urn, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const web = await schoolBrowser(t, school.urn, DATE)
    const page = await web.get('/school/induction-tutor')
    expect(page.h1).toBe("Your school's induction tutor")
    const empty = await web.post('/school/induction-tutor', { name: '', email: '' })
    expect(empty.status).toBe(422)
    expect(empty.summary).toEqual([
      { text: "Enter the induction tutor's full name", href: '#name' },
      { text: "Enter the induction tutor's email address", href: '#email' },
    ])
    const bad = await web.post('/school/induction-tutor', { name: 'x'.repeat(71), email: 'not-an-email' })
    expect(bad.inline).toEqual({ name: 'Full name must be 70 characters or fewer', email: 'Enter an email address in the correct format, like name@example.com' })
    const saved = await web.post('/school/induction-tutor', { name: 'Grace Hopper', email: 'grace@oak.example.sch.uk' })
    expect(saved.status).toBe(303)
    expect(saved.location).toBe('/school')
    const home = await web.get('/school')
    expect(home.text).toContain('Induction tutor details saved')
    expect(home.text).toContain('Grace Hopper')
    const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
    expect(res.body.data[0].attributes).toMatchObject({ induction_tutor_name: 'Grace Hopper', induction_tutor_email: 'grace@oak.example.sch.uk' })
    const event = await t.db.selectFrom('events').select(['author', 'actor']).where('action', '=', 'school.induction_tutor_set').orderBy('occurred_at', 'desc').executeTakeFirstOrThrow()
    expect(event).toEqual({ author: 'school', actor: `sandbox:school:${school.urn}` })
  })
})

describe('W-65 … W-67 assign a mentor (J6), W-60 … W-64 register a mentor (J5)', () => {
  it('W-66: a mentor is assigned with R-24 default date; W-100 the ECT shows mentor_id', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const mentor = await registered(school.urn, 'mentor')
    const web = await schoolBrowser(t, school.urn, DATE)
    const url = `/school/ects/${ect.participant_id}/mentor`
    const page = await web.get(url)
    expect(page.h1).toBe(`Who will mentor ${nameOf(ect)}?`)
    expect(page.text).toContain('Mentoring 0 ECTs')
    const empty = await web.post(url, {})
    expect(empty.inline).toEqual({ mentor_participant_id: `Select a mentor for ${nameOf(ect)}` })
    const done = await web.post(url, { mentor_participant_id: mentor.participant_id })
    expect(done.status).toBe(303)
    const after = await web.get(done.location!)
    expect(after.text).toContain(`${nameOf(mentor)} will mentor ${nameOf(ect)} from 10 September 2025`)
    const reg = await t.admin('PUT', `/schools/${school.urn}/ects/${ect.participant_id}/mentor`, { mentor_participant_id: mentor.participant_id }, { date: API_DATE })
    expect(reg.status).toBe(422)
    expect(reg.body.errors[0].detail).toBe('This mentor is already assigned to this ECT')
  })

  it('W-60, W-63: a mentor registered from an ECT is assigned in the same submit', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const web = await schoolBrowser(t, school.urn, DATE)
    const url = `/school/ects/${ect.participant_id}/mentor`
    await web.get(url)
    const start = await web.post(url, { mentor_participant_id: 'new' })
    expect(start.location).toBe('/school/register-mentor/find-mentor')
    await step(web, '/school/register-mentor/find-mentor', { trn: nextTrn(), 'date_of_birth-day': '2', 'date_of_birth-month': '6', 'date_of_birth-year': '1985' })
    await step(web, '/school/register-mentor/name', { first_name: 'David', last_name: 'Okafor' })
    await step(web, '/school/register-mentor/email-address', { email: `david.${nextTrn()}@school.example.sch.uk` })
    await step(web, '/school/register-mentor/start-date', { 'started_on-day': '10', 'started_on-month': '9', 'started_on-year': '2025' })
    const lp = await web.get('/school/register-mentor/lead-provider')
    expect(lp.h1).toBe("Who will provide David Okafor's mentor training?")
    expect(lp.text).toContain(`${nameOf(ect)}&#39;s lead provider`)
    const none = await web.post('/school/register-mentor/lead-provider', {})
    expect(none.inline).toEqual({ lead_provider_id: "Select who will provide David Okafor's mentor training" })
    await step(web, '/school/register-mentor/lead-provider', { lead_provider_id: s.ambition.id })
    const check = await web.get('/school/register-mentor/check-answers')
    expect(check.text).toContain('Will mentor')
    const done = await web.post('/school/register-mentor/check-answers', {})
    expect(done.location).toBe('/school/register-mentor/confirmation')
    const confirmation = await web.get(done.location!)
    expect(confirmation.h1).toBe('David Okafor has been registered as a mentor')
    expect(confirmation.text).toContain(`and will mentor ${nameOf(ect)}`)
    const ectPage = await web.get(`/school/ects/${ect.participant_id}`)
    expect(ectPage.text).toContain('David Okafor')
  })
})

describe('W-70 … W-73 change training (J7)', () => {
  it('W-70: an ECT moves from school-led to provider-led from today; W-72 texts', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect')
    const web = await schoolBrowser(t, school.urn, DATE)
    const base = `/school/ects/${ect.participant_id}/change-training`
    const first = await web.get(`${base}/programme?new=1`)
    expect(first.h1).toBe(`How will ${nameOf(ect)} be trained from today?`)
    expect(first.text).toContain('School-led (current)')
    const empty = await web.post(`${base}/programme`, {})
    expect(empty.inline).toEqual({ training_programme: `Select how ${nameOf(ect)} will be trained` })
    const already = await web.post(`${base}/programme`, { training_programme: 'school_led' })
    expect(already.inline).toEqual({ training_programme: 'The training is already school-led' })
    await step(web, `${base}/programme`, { training_programme: 'provider_led' })
    await web.get(`${base}/lead-provider`)
    expect((await web.post(`${base}/lead-provider`, {})).inline).toEqual({ lead_provider_id: 'Select a lead provider' })
    await step(web, `${base}/lead-provider`, { lead_provider_id: s.teachFirst.id })
    const check = await web.get(`${base}/check-answers`)
    expect(check.text).toContain('From')
    expect(check.text).toContain('10 September 2025')
    const done = await web.post(`${base}/check-answers`, {})
    expect(done.location).toBe(`${base}/confirmation`)
    expect((await web.get(done.location!)).h1).toBe(`${nameOf(ect)}'s training has been changed`)
    const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.teachFirst.token, date: API_DATE })
    expect(res.body.data[0].attributes.expression_of_interest).toBe(true)
  })
})

describe('W-53 "use the same choices" (J3) and school-led (J4)', () => {
  it('W-53: after a provider-led ECT the next registration is offered the same choices; Yes sends them', async () => {
    const school = await newSchool(t)
    await registered(school.urn, 'ect', { training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const web = await schoolBrowser(t, school.urn, DATE)
    const check = await registerEctUpToCheck(web, { use_previous: 'yes', first_name: 'Ben', last_name: 'Hughes' })
    expect(check.text).toContain('Ambition Institute')
    expect(check.text).toContain('To be confirmed by Ambition Institute')
    expect((await web.post('/school/register-ect/check-answers', {})).status).toBe(303)
  })

  it('W-51, W-100 row 3: a school-led ECT is seen by no lead provider', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    await registerEctUpToCheck(web, { training_programme: 'school_led' })
    expect((await web.post('/school/register-ect/check-answers', {})).status).toBe(303)
    const res = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.ambition.token, date: API_DATE })
    expect(res.body.data[0].attributes).toMatchObject({ expression_of_interest: false, induction_programme_choice: 'school_led' })
  })
})

describe('W-44 mentor list, W-15 display formats', () => {
  it('W-44: "Mentors", the Register a mentor button, a row per current mentor with the ECTs they mentor; ?show=left lists who left; W-15 rows by last name, first name, then TRN', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect', { first_name: 'Esme', last_name: 'Stone' })
    const young = await registered(school.urn, 'mentor', { first_name: 'Amy', last_name: 'Young' })
    const zoe = await registered(school.urn, 'mentor', { first_name: 'Zoe', last_name: 'Adams' })
    const amy = await registered(school.urn, 'mentor', { first_name: 'Amy', last_name: 'Adams' })
    const provided = await registered(school.urn, 'mentor', { first_name: 'Omar', last_name: 'Price', training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const leaver = await registered(school.urn, 'mentor', { first_name: 'Lee', last_name: 'Gone' })
    expect((await t.admin('PUT', `/schools/${school.urn}/ects/${ect.participant_id}/mentor`, { mentor_participant_id: young.participant_id }, { date: API_DATE })).status).toBe(200)
    expect((await t.admin('POST', `/schools/${school.urn}/mentors/${leaver.participant_id}/leaving`, { leaving_on: '2025-09-05' }, { date: API_DATE })).status).toBe(200)
    const web = await schoolBrowser(t, school.urn, DATE)
    const list = await web.get('/school/mentors')
    expect(list.title).toBe(titleFor('Mentors'))
    expect(list.h1).toBe('Mentors')
    expect(list.text).toMatch(/<form method="post" action="\/school\/register-mentor"[\s\S]*?Register a mentor\s*<\/button>/)
    expect(tableRows(list.text)).toEqual([
      ['Amy Adams', amy.trn, '1 September 2025', 'Registered', 'None', 'No provider-led training', '–'],
      ['Zoe Adams', zoe.trn, '1 September 2025', 'Registered', 'None', 'No provider-led training', '–'],
      ['Omar Price', provided.trn, '1 September 2025', 'Registered', 'None', 'Provider-led', 'Awaiting confirmation by Ambition Institute'],
      ['Amy Young', young.trn, '1 September 2025', 'Registered', 'Esme Stone', 'No provider-led training', '–'],
    ])
    expect(list.text).toContain('href="/school/mentors?show=left">View mentors who have left</a>')
    const left = await web.get('/school/mentors?show=left')
    expect(tableRows(left.text)).toEqual([['Lee Gone', leaver.trn, '1 September 2025', 'Left', 'None', 'No provider-led training', '–']])
    expect(left.text).not.toContain('Register a mentor')
    expect(left.text).toContain('href="/school/mentors">View current mentors</a>')
  })

  it('W-44: a school with no mentors says so', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    const list = await web.get('/school/mentors')
    expect(tableRows(list.text)).toEqual([])
    expect(list.text).toContain('Your school has no mentors registered.')
    expect((await web.get('/school/mentors?show=left')).text).toContain('No mentors have left your school.')
  })

  it('W-15: dates as 1 September 2025, absent values Not set, the ECT list by last name, then first name, then TRN', async () => {
    const school = await newSchool(t, { tutor: false })
    const second = await registered(school.urn, 'ect', { first_name: 'Ben', last_name: 'Adams' })
    const first = await registered(school.urn, 'ect', { first_name: 'Ann', last_name: 'Adams' })
    const third = await registered(school.urn, 'ect', { first_name: 'Ann', last_name: 'Baker', started_on: '2025-09-08' })
    const web = await schoolBrowser(t, school.urn, DATE)
    const rows = tableRows((await web.get('/school/ects')).text)
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Ann Adams', first.trn, '1 September 2025'],
      ['Ben Adams', second.trn, '1 September 2025'],
      ['Ann Baker', third.trn, '8 September 2025'],
    ])
    const home = await web.get('/school')
    expect(home.text).toMatch(/Induction tutor[\s\S]*?<span class="govuk-hint">Not set<\/span>|Induction tutor[\s\S]*?Not set/)
  })
})

describe('W-61 register a mentor (J5), W-71 change a mentor\'s training, W-9 check answers and confirmation', () => {
  it('W-61: the steps and their questions, no working-pattern step; "No mentor training from a lead provider" is sent as school-led; W-9 Change links name their answer; the confirmation says what happens next', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    await web.get('/school/mentors')
    expect((await web.post('/school/register-mentor', {})).location).toBe('/school/register-mentor/find-mentor')
    const find = await web.get('/school/register-mentor/find-mentor')
    expect(find.h1).toBe('Find the mentor')
    const trn = nextTrn()
    const next = await step(web, '/school/register-mentor/find-mentor', { trn, 'date_of_birth-day': '2', 'date_of_birth-month': '6', 'date_of_birth-year': '1985' })
    expect(next.location).toBe('/school/register-mentor/name')
    await step(web, '/school/register-mentor/name', { first_name: 'Grace', last_name: 'Obi' })
    await step(web, '/school/register-mentor/email-address', { email: `grace.${trn}@school.example.sch.uk` })
    expect((await web.get('/school/register-mentor/start-date')).h1).toBe('When did or will Grace Obi start mentoring at your school?')
    const afterStart = await step(web, '/school/register-mentor/start-date', { 'started_on-day': '10', 'started_on-month': '9', 'started_on-year': '2025' })
    expect(afterStart.location).toBe('/school/register-mentor/lead-provider')
    expect((await web.get('/school/register-mentor/working-pattern')).status).toBe(404)
    const lp = await web.get('/school/register-mentor/lead-provider')
    expect(lp.h1).toBe("Who will provide Grace Obi's mentor training?")
    expect(lp.text).toContain('No mentor training from a lead provider')
    expect(lp.text).toContain('>or<')
    await step(web, '/school/register-mentor/lead-provider', { lead_provider_id: 'none' })
    const check = await web.get('/school/register-mentor/check-answers')
    // W-9: one Change link per answer, to its step, naming the answer for screen readers.
    expect(check.text).toMatch(/href="\/school\/register-mentor\/lead-provider"[^>]*>\s*Change<span class="govuk-visually-hidden"> [^<]+<\/span>/)
    expect(check.text).toMatch(/href="\/school\/register-mentor\/name"[^>]*>\s*Change<span class="govuk-visually-hidden"> [^<]+<\/span>/)
    const main = /<main[\s\S]*<\/main>/.exec(check.text)![0]
    expect(main.match(/<button[^>]*type="submit"/g)).toHaveLength(1)
    const done = await web.post('/school/register-mentor/check-answers', {})
    expect(done.location).toBe('/school/register-mentor/confirmation')
    const confirmation = await web.get(done.location!)
    expect(confirmation.h1).toBe('Grace Obi has been registered as a mentor')
    expect(confirmation.text).toContain('govuk-panel')
    expect(confirmation.text).toContain('What happens next')
    // a mentor without training from a lead provider has no training period.
    const list = tableRows((await web.get('/school/mentors')).text)
    expect(list).toEqual([['Grace Obi', trn, '10 September 2025', 'Registered', 'None', 'No provider-led training', '–']])
  })

  it('W-71: a mentor\'s change of training leaves the current lead provider out and offers none while provider-led; W-9 check answers, confirmation, and the lead provider sees the mentor', async () => {
    const school = await newSchool(t)
    const mentor = await registered(school.urn, 'mentor', { first_name: 'Noor', last_name: 'Ali', training_programme: 'provider_led', lead_provider_id: s.ambition.id })
    const web = await schoolBrowser(t, school.urn, DATE)
    const base = `/school/mentors/${mentor.participant_id}/change-training`
    const first = await web.get(`${base}/lead-provider?new=1`)
    expect(first.h1).toBe("Who will provide Noor Ali's mentor training?")
    expect(first.text).toContain('Teach First')
    expect(first.text).not.toMatch(/<label[^>]*>\s*Ambition Institute\s*<\/label>/)
    expect(first.text).toContain('No mentor training from a lead provider')
    expect((await web.post(`${base}/lead-provider`, {})).inline).toEqual({ lead_provider_id: "Select who will provide Noor Ali's mentor training" })
    await step(web, `${base}/lead-provider`, { lead_provider_id: s.teachFirst.id })
    const check = await web.get(`${base}/check-answers`)
    expect(check.h1).toBe("Check your answers before changing Noor Ali's training")
    expect(check.text).toMatch(/Change<span class="govuk-visually-hidden"> new lead provider<\/span>/)
    const done = await web.post(`${base}/check-answers`, {})
    expect(done.location).toBe(`${base}/confirmation`)
    const confirmation = await web.get(done.location!)
    expect(confirmation.h1).toBe("Noor Ali's training has been changed")
    expect(confirmation.text).toContain('What happens next')
    // W-100: provider-led with a lead provider not partnered with the school: an expression of
    // interest for it (P-27), and no participant until a partnership confirms the training.
    const school3 = await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${school.urn}`, { token: s.teachFirst.token, date: API_DATE })
    expect(school3.body.data[0].attributes.expression_of_interest).toBe(true)
    expect((await t.request('GET', `/api/v3/participants/${mentor.participant_id}`, { token: s.teachFirst.token, date: API_DATE })).status).toBe(404)

    // Once school-led (none), the next change offers no "none".
    const again = await web.get(`${base}/lead-provider?new=1`)
    expect(again.text).toContain('Ambition Institute')
    await step(web, `${base}/lead-provider`, { lead_provider_id: 'none' })
    expect((await web.post(`${base}/check-answers`, {})).status).toBe(303)
    const schoolLed = await web.get(`${base}/lead-provider?new=1`)
    expect(schoolLed.text).not.toContain('No mentor training from a lead provider')
  })

  it('W-9: a single-question action redirects to the object\'s page with a success banner shown once', async () => {
    const school = await newSchool(t)
    const web = await schoolBrowser(t, school.urn, DATE)
    await web.get('/school/induction-tutor')
    const saved = await web.post('/school/induction-tutor', { name: 'Sam Lee', email: 'sam.lee@school.example.sch.uk' })
    expect(saved.status).toBe(303)
    const shown = await web.get(saved.location!)
    expect(shown.text).toContain('govuk-notification-banner--success')
    const again = await web.get(saved.location!)
    expect(again.text).not.toContain('govuk-notification-banner--success')
  })
})

describe('W-2 the stack', () => {
  it('W-2: pages are Nunjucks with autoescape on (a name with markup is shown as text) in govuk-frontend\'s template', async () => {
    const school = await newSchool(t)
    const ect = await registered(school.urn, 'ect', { first_name: '<b>Bold</b>', last_name: 'O\'Neil & <i>Co</i>' })
    const web = await schoolBrowser(t, school.urn, DATE)
    const page = await web.get(`/school/ects/${ect.participant_id}`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('&lt;b&gt;Bold&lt;/b&gt;')
    expect(page.text).not.toContain('<b>Bold</b>')
    expect(page.text).not.toContain('<i>Co</i>')
    expect(page.text).toContain('<body class="govuk-template__body')
  })
})
