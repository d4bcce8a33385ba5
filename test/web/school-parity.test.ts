// W-102: each school action once through the web and once through the operator API, on two
// schools set up alike with fresh TRNs, gives equal registration resources and equal v3
// views (/participants, /schools, /transfers), apart from ids, names, contact details and stamps.
import { describe, expect, it } from 'vitest'
import { findRegistration } from '../../src/api/admin/v1/school-actions/query.ts'
import { serializeRegistration } from '../../src/api/admin/v1/school-actions/serialize.ts'
import { setupTestApp } from '../support/app.ts'
import * as p from '../support/factories-participants.ts'
import { newSchool, nextTrn, registerEctUpToCheck, schoolBrowser, schoolScene, step } from '../support/school-web.ts'

const t = await setupTestApp()
const s = await schoolScene(t)
const DATE = '2025-09-10T10:00'
const API_DATE = '2025-09-10T10:00:00'

/** Ids, TRNs, emails, URNs and instants replaced, so two schools' answers can be compared. */
function normalise(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') {
    let text = value
    for (const secret of secrets) text = text.split(secret).join('<secret>')
    return text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
      .replace(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, '<instant>')
  }
  if (Array.isArray(value)) return value.map((v) => normalise(v, secrets))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v, secrets)]))
  return value
}

type Side = { school: { id: string; urn: string }; ect: { trn: string; email: string }; mentor: { trn: string; email: string }; secrets: string[] }

async function side(): Promise<Side> {
  const school = await newSchool(t, { name: 'Parity School' })
  await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
  const ect = { trn: nextTrn(), email: `ect.${nextTrn()}@parity.example.sch.uk` }
  const mentor = { trn: nextTrn(), email: `mentor.${nextTrn()}@parity.example.sch.uk` }
  return { school, ect, mentor, secrets: [school.urn, ect.trn, ect.email, mentor.trn, mentor.email] }
}

async function idOf(trn: string) {
  return (await t.db.selectFrom('teachers').select('id').where('trn', '=', trn).executeTakeFirstOrThrow()).id
}

/** Everything W-102 compares, for one side. */
async function views(x: Side) {
  const ectId = await idOf(x.ect.trn)
  const mentorId = await idOf(x.mentor.trn).catch(() => null)
  const periods = await t.db.selectFrom('at_school_periods').select('id').where('school_id', '=', x.school.id).orderBy('role').execute()
  const registrations = []
  for (const period of periods) registrations.push(serializeRegistration((await findRegistration(t.db, period.id))!))
  const get = async (path: string) => (await t.request('GET', path, { token: s.ambition.token, date: API_DATE })).body
  return normalise({
    registrations,
    ect: await get(`/api/v3/participants/${ectId}`),
    mentor: mentorId ? await get(`/api/v3/participants/${mentorId}`) : null,
    transfers: await get(`/api/v3/participants/${ectId}/transfers`),
    school: await get(`/api/v3/schools?filter[cohort]=2025&filter[urn]=${x.school.urn}`),
    teachFirstSchool: (await t.request('GET', `/api/v3/schools?filter[cohort]=2025&filter[urn]=${x.school.urn}`, { token: s.teachFirst.token, date: API_DATE })).body,
  }, x.secrets)
}

describe('W-102 parity of the web and the operator API', () => {
  it('W-102, W-17: register ECT and mentor, assign, change training, induction tutor, report leaving', async () => {
    const web = await side()
    const api = await side()
    const admin = (method: string, path: string, body: unknown) => t.admin(method, `/schools/${api.school.urn}${path}`, body, { date: API_DATE })
    const browser = await schoolBrowser(t, web.school.urn, DATE)

    // Register a provider-led ECT.
    await registerEctUpToCheck(browser, { trn: web.ect.trn, dob: ['14', '3', '1997'], email: web.ect.email, start: ['10', '9', '2025'], lead_provider_id: s.ambition.id })
    expect((await browser.post('/school/register-ect/check-answers', {})).status).toBe(303)
    expect((await admin('POST', '/ects', {
      trn: api.ect.trn, first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: api.ect.email,
      started_on: '2025-09-10', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: s.ambition.id,
    })).status).toBe(201)
    expect(await views(web)).toEqual(await views(api))

    // Register a provider-led mentor.
    await browser.get('/school/mentors')
    await browser.post('/school/register-mentor', {})
    await step(browser, '/school/register-mentor/find-mentor', { trn: web.mentor.trn, 'date_of_birth-day': '2', 'date_of_birth-month': '6', 'date_of_birth-year': '1985' })
    await step(browser, '/school/register-mentor/name', { first_name: 'David', last_name: 'Okafor' })
    await step(browser, '/school/register-mentor/email-address', { email: web.mentor.email })
    await step(browser, '/school/register-mentor/start-date', { 'started_on-day': '10', 'started_on-month': '9', 'started_on-year': '2025' })
    await step(browser, '/school/register-mentor/lead-provider', { lead_provider_id: s.ambition.id })
    expect((await step(browser, '/school/register-mentor/check-answers', {})).location).toBe('/school/register-mentor/confirmation')
    expect((await admin('POST', '/mentors', {
      trn: api.mentor.trn, first_name: 'David', last_name: 'Okafor', date_of_birth: '1985-06-02', email: api.mentor.email,
      started_on: '2025-09-10', training_programme: 'provider_led', lead_provider_id: s.ambition.id,
    })).status).toBe(201)
    expect(await views(web)).toEqual(await views(api))

    // Assign the mentor.
    const [webEct, webMentor, apiEct, apiMentor] = await Promise.all([idOf(web.ect.trn), idOf(web.mentor.trn), idOf(api.ect.trn), idOf(api.mentor.trn)])
    expect((await step(browser, `/school/ects/${webEct}/mentor`, { mentor_participant_id: webMentor })).status).toBe(303)
    expect((await admin('PUT', `/ects/${apiEct}/mentor`, { mentor_participant_id: apiMentor })).status).toBe(200)
    expect(await views(web)).toEqual(await views(api))

    // Change the ECT's training to Teach First from today.
    await browser.get(`/school/ects/${webEct}/change-training/programme?new=1`)
    await step(browser, `/school/ects/${webEct}/change-training/programme`, { training_programme: 'provider_led' })
    await step(browser, `/school/ects/${webEct}/change-training/lead-provider`, { lead_provider_id: s.teachFirst.id })
    await step(browser, `/school/ects/${webEct}/change-training/check-answers`, {})
    expect((await admin('PUT', `/ects/${apiEct}/training`, { training_programme: 'provider_led', lead_provider_id: s.teachFirst.id })).status).toBe(200)
    expect(await views(web)).toEqual(await views(api))

    // The induction tutor.
    await step(browser, '/school/induction-tutor', { name: 'Grace Hopper', email: 'grace@parity.example.sch.uk' })
    expect((await admin('PUT', '/induction-tutor', { name: 'Grace Hopper', email: 'grace@parity.example.sch.uk' })).status).toBe(200)
    expect(await views(web)).toEqual(await views(api))

    // Report the mentor leaving.
    await browser.get(`/school/mentors/${webMentor}/leaving/date?new=1`)
    await step(browser, `/school/mentors/${webMentor}/leaving/date`, { 'leaving_on-day': '31', 'leaving_on-month': '12', 'leaving_on-year': '2025' })
    await step(browser, `/school/mentors/${webMentor}/leaving/check-answers`, {})
    expect((await admin('POST', `/mentors/${apiMentor}/leaving`, { leaving_on: '2025-12-31' })).status).toBe(200)
    expect(await views(web)).toEqual(await views(api))
  }, 120_000)
})
