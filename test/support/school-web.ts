// The school pages' tests (W-40 … W-79): a scene of cohorts, schools and lead providers, a signed-in
// school browser on a travelled date (W-32), and the journeys as the forms a browser would post.
import type { TestApp } from './app.ts'
import * as f from './factories.ts'
import { webClient, type Page, type WebClient } from './web.ts'

export async function schoolScene(t: TestApp) {
  for (const year of [2023, 2024, 2025, 2026]) await f.cohort(t.db, year)
  const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
  const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
  const northWest = await f.deliveryPartner(t.db, { name: 'North West Learning Partnership' })
  await f.pairing(t.db, ambition.id, northWest.id, 2025)
  await f.pairing(t.db, teachFirst.id, northWest.id, 2025)
  await f.pairing(t.db, ambition.id, northWest.id, 2026)
  return { ambition, teachFirst, northWest }
}

/** A school of its own per test, so tests of one file never see each other's rows. */
export async function newSchool(t: TestApp, fields: { tutor?: boolean; name?: string } = {}) {
  const school = await f.school(t.db, { name: fields.name ?? 'Riverside Academy' })
  if (fields.tutor !== false) {
    await t.db.updateTable('schools').set({ induction_tutor_name: 'Priya Shah', induction_tutor_email: 'p.shah@riverside.example.sch.uk' }).where('id', '=', school.id).execute()
  }
  return school
}

/** W-21, W-31: a browser signed in as the school's induction tutor on `date` (`YYYY-MM-DD` or with a time). */
export async function schoolBrowser(t: TestApp, urn: string, date = '2025-09-10T10:00'): Promise<WebClient> {
  const web = webClient(t.app)
  await web.get('/time-travel')
  const [day, time] = date.split('T')
  const [y, m, d] = day!.split('-')
  const travelled = await web.post('/time-travel', { 'date-day': d!, 'date-month': m!, 'date-year': y!, time: time ?? '' })
  if (travelled.status !== 303) throw new Error(`time travel failed: ${travelled.status} ${travelled.summary.map((s) => s.text).join('; ')}`)
  const signedIn = await web.signInAsSchool(urn)
  if (signedIn.status !== 303) throw new Error(`sign-in failed: ${signedIn.status}`)
  return web
}

let trn = 4100000
export function nextTrn(): string {
  return String(++trn)
}

export type EctAnswers = {
  trn?: string
  dob?: [string, string, string]
  first_name?: string
  last_name?: string
  email?: string
  start?: [string, string, string]
  working_pattern?: string
  use_previous?: 'yes' | 'no'
  training_programme?: 'provider_led' | 'school_led'
  lead_provider_id?: string
}

/** Posts a step after loading it (for its CSRF token), expecting the 303 onwards. */
export async function step(web: WebClient, url: string, fields: Record<string, string>): Promise<Page> {
  await web.get(url)
  const page = await web.post(url, fields)
  if (page.status !== 303) throw new Error(`${url}: ${page.status} ${page.summary.map((s) => s.text).join('; ')}`)
  return page
}

/** W-51: the whole "register an ECT" journey up to check answers; returns the check answers page. */
export async function registerEctUpToCheck(web: WebClient, a: EctAnswers): Promise<Page> {
  await web.get('/school/register-ect')
  await web.post('/school/register-ect', {})
  const [dd, dm, dy] = a.dob ?? ['14', '3', '1997']
  let page = await step(web, '/school/register-ect/find-ect', { trn: a.trn ?? nextTrn(), 'date_of_birth-day': dd, 'date_of_birth-month': dm, 'date_of_birth-year': dy })
  for (let i = 0; i < 10 && page.location !== '/school/register-ect/check-answers'; i++) {
    const at = page.location!
    const slug = at.split('/').at(-1)!
    const [sd, sm, sy] = a.start ?? ['10', '9', '2025']
    const fields: Record<string, Record<string, string>> = {
      'registered-before': {},
      name: { first_name: a.first_name ?? 'Amira', last_name: a.last_name ?? 'Khan' },
      'email-address': { email: a.email ?? `ect.${Math.random().toString(36).slice(2, 10)}@riverside.example.sch.uk` },
      'start-date': { 'started_on-day': sd, 'started_on-month': sm, 'started_on-year': sy },
      'working-pattern': { working_pattern: a.working_pattern ?? 'full_time' },
      'previous-choices': { use_previous: a.use_previous ?? 'no' },
      'training-programme': { training_programme: a.training_programme ?? 'provider_led' },
      'lead-provider': { lead_provider_id: a.lead_provider_id ?? '' },
    }
    page = await step(web, at, fields[slug]!)
  }
  return web.get('/school/register-ect/check-answers')
}
