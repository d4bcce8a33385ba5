// W-116 (like Q-18): signed in as one school, every school page naming another school's
// participant (or no participant at all) is the 404 page and changes nothing; a school user on
// the /admin pages gets 404 too.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { newSchool, nextTrn, schoolBrowser, schoolScene } from '../support/school-web.ts'

const t = await setupTestApp()
const s = await schoolScene(t)
const API_DATE = '2025-09-10T10:00:00'

async function register(urn: string, role: 'ect' | 'mentor') {
  const trn = nextTrn()
  const body = {
    trn, first_name: 'Iso', last_name: `Lated ${trn}`, date_of_birth: '1990-01-01', email: `${trn}@iso.example.sch.uk`, started_on: '2025-09-01',
    training_programme: 'provider_led', lead_provider_id: s.ambition.id, ...(role === 'ect' ? { working_pattern: 'full_time' } : {}),
  }
  const res = await t.admin('POST', `/schools/${urn}/${role}s`, body, { date: API_DATE })
  return res.body.data.participant_id as string
}

const GETS = [
  '/school/ects/{id}', '/school/mentors/{id}', '/school/ects/{id}/mentor',
  '/school/ects/{id}/change-training/programme?new=1', '/school/ects/{id}/change-training/lead-provider', '/school/ects/{id}/change-training/check-answers',
  '/school/ects/{id}/change-training/confirmation', '/school/mentors/{id}/change-training/lead-provider?new=1', '/school/mentors/{id}/change-training/check-answers',
  '/school/ects/{id}/leaving/date?new=1', '/school/ects/{id}/leaving/check-answers', '/school/ects/{id}/leaving/confirmation',
  '/school/mentors/{id}/leaving/date', '/school/mentors/{id}/leaving/check-answers', '/school/mentors/{id}/leaving/confirmation',
]
const POSTS: [string, Record<string, string>][] = [
  ['/school/ects/{id}/mentor', { mentor_participant_id: '{mine}' }],
  ['/school/ects/{id}/change-training/programme', { training_programme: 'school_led' }],
  ['/school/ects/{id}/change-training/lead-provider', { lead_provider_id: s.teachFirst.id }],
  ['/school/ects/{id}/change-training/check-answers', {}],
  ['/school/mentors/{id}/change-training/lead-provider', { lead_provider_id: 'none' }],
  ['/school/ects/{id}/leaving/date', { 'leaving_on-day': '1', 'leaving_on-month': '10', 'leaving_on-year': '2025' }],
  ['/school/ects/{id}/leaving/check-answers', {}],
  ['/school/mentors/{id}/leaving/date', { 'leaving_on-day': '1', 'leaving_on-month': '10', 'leaving_on-year': '2025' }],
  ['/school/register-mentor', { ect: '{id}' }],
]
const ADMIN = ['/admin', '/admin/schools', '/admin/teachers', '/admin/cohorts', '/admin/lead-providers', '/admin/delivery-partners', '/admin/statements', '/admin/sandbox']

/** What a refused request must leave alone. */
async function snapshot() {
  const count = async (table: 'events' | 'at_school_periods' | 'training_periods' | 'mentorships') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  const stamps = await t.db.selectFrom('teachers').select(['id', 'updated_at']).orderBy('id').execute()
  return { events: await count('events'), periods: await count('at_school_periods'), training: await count('training_periods'), mentorships: await count('mentorships'), stamps: JSON.stringify(stamps) }
}

describe('W-116 isolation between two schools', () => {
  it('W-116, W-26: every school page with another school\'s participant, or a random id, is the 404 page and changes nothing', async () => {
    const mine = await newSchool(t, { name: 'Mine Academy' })
    const theirs = await newSchool(t, { name: 'Theirs Academy' })
    const myMentor = await register(mine.urn, 'mentor')
    await register(mine.urn, 'ect')
    const others = [await register(theirs.urn, 'ect'), await register(theirs.urn, 'ect'), await register(theirs.urn, 'mentor')]
    const web = await schoolBrowser(t, mine.urn)
    await web.get('/school')
    const before = await snapshot()
    const ids = fc.oneof(fc.constantFrom(...others), fc.uuid())
    await fc.assert(
      fc.asyncProperty(ids, fc.nat(GETS.length + POSTS.length - 1), async (id, n) => {
        const page = n < GETS.length
          ? await web.get(GETS[n]!.replace('{id}', id))
          : await web.post(POSTS[n - GETS.length]![0].replace('{id}', id), Object.fromEntries(Object.entries(POSTS[n - GETS.length]![1]).map(([k, v]) => [k, v.replace('{id}', id).replace('{mine}', myMentor)])))
        expect(page.status).toBe(404)
        expect(page.h1).toBe('Page not found')
      }),
      { numRuns: 80 },
    )
    expect(await snapshot()).toEqual(before)
    for (const path of ADMIN) expect((await web.get(path)).status).toBe(404)
  }, 120_000)
})
