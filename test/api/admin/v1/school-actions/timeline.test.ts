// R-42: one ECT from school-led to provider-led to leaving, the school actions' side of it. What
// Ambition sees in GET /api/v3/participants is asserted with that endpoint's tests.
import { expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import { registration, scene, training } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const amira = {
  trn: '3012345', first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14',
  email: 'amira.khan@riverside.example.sch.uk', started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'school_led',
}
const david = {
  trn: '2987654', first_name: 'David', last_name: 'Okafor', date_of_birth: '1985-06-02', email: 'd.okafor@riverside.example.sch.uk',
  started_on: '2025-11-12', training_programme: 'provider_led', lead_provider_id: s.ambition.id,
}

it('R-42: the school actions of the timeline answer the registration resource at each step', async () => {
  const step1 = await t.admin('POST', '/schools/100002/ects', amira, { date: '2025-09-01T08:12:40Z' })
  expect(step1.status).toBe(201)
  const { id, participant_id } = step1.body.data
  const schoolLed = step1.body.data.training_periods[0].id
  const base = { id, participant_id, trn: amira.trn, email: amira.email, created_at: '2025-09-01T08:12:40Z' }
  expect(step1.body).toEqual({ data: registration({ ...base, training_periods: [training({ id: schoolLed, training_programme: 'school_led' })] }) })

  const step2 = await t.admin('PUT', `/schools/100002/ects/${participant_id}/training`, { training_programme: 'provider_led', lead_provider_id: s.ambition.id, started_on: '2025-11-03' }, { date: '2025-11-03T10:05:00Z' })
  const providerLed = step2.body.data.training_periods[1].id
  const ambition = { lead_provider_id: s.ambition.id, lead_provider_name: 'Ambition Institute', schedule_identifier: 'ecf-standard-january', started_on: '2025-11-03' }
  expect(step2.body).toEqual({ data: registration({ ...base, updated_at: '2025-11-03T10:05:00Z', training_periods: [
    training({ id: schoolLed, training_programme: 'school_led', finished_on: '2025-11-03' }),
    training({ id: providerLed, ...ambition }),
  ] }) })

  const partnership = await t.request('POST', '/api/v3/partnerships', {
    token: s.ambition.token, date: '2025-11-10T14:20:31Z',
    body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: s.riverside.id, delivery_partner_id: s.northWest.id } } },
  })
  expect(partnership.status).toBe(200)
  const partnershipId = partnership.body.data.id
  const attached = { ...ambition, partnership_id: partnershipId, delivery_partner_id: s.northWest.id }

  const step4 = await t.admin('POST', '/schools/100002/mentors', david, { date: '2025-11-12T09:28:03Z' })
  expect(step4.status).toBe(201)
  expect(step4.body.data.training_periods).toEqual([training({ id: step4.body.data.training_periods[0].id, ...attached, started_on: '2025-11-12' })])
  const mentored = await t.admin('PUT', `/schools/100002/ects/${participant_id}/mentor`, { mentor_participant_id: step4.body.data.participant_id }, { date: '2025-11-12T09:30:12Z' })
  const mentorship = { id: mentored.body.data.mentorships[0].id, mentor_participant_id: step4.body.data.participant_id, started_on: '2025-11-12', finished_on: null }
  expect(mentored.body).toEqual({ data: registration({ ...base, updated_at: '2025-11-12T09:30:12Z', mentorships: [mentorship], training_periods: [
    training({ id: schoolLed, training_programme: 'school_led', finished_on: '2025-11-03' }),
    training({ id: providerLed, ...attached }),
  ] }) })

  const step5 = await t.admin('POST', `/schools/100002/ects/${participant_id}/leaving`, { leaving_on: '2026-02-13' }, { date: '2026-01-12T11:00:00Z' })
  expect(step5.status).toBe(200)
  expect(step5.body).toEqual({ data: registration({
    ...base, finished_on: '2026-02-13', reported_leaving_on: '2026-02-13', updated_at: '2026-01-12T11:00:00Z',
    mentorships: [{ ...mentorship, finished_on: '2026-02-13' }],
    training_periods: [
      training({ id: schoolLed, training_programme: 'school_led', finished_on: '2025-11-03' }),
      training({ id: providerLed, ...attached, finished_on: '2026-02-13' }),
    ],
  }) })
})
