// R-42 through the school actions and Ambition's POST /api/v3/partnerships: exactly what Ambition
// sees in GET /api/v3/participants/{id} at each step (R-41 on 2025-11-12).
import { expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'

const t = await setupTestApp()
const riverside = await f.school(t.db, { urn: '100002', name: 'Riverside Academy' })
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const northWest = await f.deliveryPartner(t.db, { name: 'North West Learning Partnership' })
await f.pairing(t.db, ambition.id, northWest.id, 2025)
const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }

const amira = {
  trn: '3012345', first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14',
  email: 'amira.khan@riverside.example.sch.uk', started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'school_led',
}
const david = {
  trn: '2987654', first_name: 'David', last_name: 'Okafor', date_of_birth: '1985-06-02', email: 'd.okafor@riverside.example.sch.uk',
  started_on: '2025-11-12', training_programme: 'provider_led', lead_provider_id: ambition.id,
}
const sees = (id: string, date: string) => t.request('GET', `/api/v3/participants/${id}`, { token: ambition.token, date })
const recordIds = (id: string) => t.db.selectFrom('teachers').select(['ect_training_record_id', 'mentor_training_record_id']).where('id', '=', id).executeTakeFirstOrThrow()

function participant(id: string, name: string, trn: string, enrolment: Record<string, unknown>, updatedAt: string) {
  return {
    data: {
      id, type: 'participant',
      attributes: { full_name: name, teacher_reference_number: trn, ecf_enrolments: [enrolment], participant_id_changes: [], updated_at: updatedAt },
    },
  }
}

function enrolment(fields: Record<string, unknown>) {
  return {
    training_record_id: fields.training_record_id, email: fields.email, mentor_id: fields.mentor_id ?? null,
    school_urn: '100002', participant_type: fields.participant_type ?? 'ect', working_pattern: fields.working_pattern === undefined ? 'full_time' : fields.working_pattern,
    cohort: '2025', training_status: 'active', participant_status: fields.participant_status ?? 'active',
    eligible_for_funding: true, pupil_premium_uplift: false, sparsity_uplift: false,
    schedule_identifier: 'ecf-standard-january', delivery_partner_id: northWest.id,
    withdrawal: null, deferral: null, created_at: fields.created_at,
    induction_end_date: null, most_recent_induction_period_end_date: null,
    overall_induction_start_date: null, mentor_funding_end_date: null,
    cohort_changed_after_payments_frozen: false, mentor_ineligible_for_funding_reason: null,
  }
}

it('R-42, R-41: what Ambition sees at each step of the timeline, driven through the school actions', async () => {
  const registered = await t.admin('POST', '/schools/100002/ects', amira, { date: '2025-09-01T08:12:40Z' })
  expect(registered.status).toBe(201)
  const amiraId: string = registered.body.data.participant_id
  expect((await sees(amiraId, '2025-09-01T08:12:40Z')).body).toEqual(NOT_FOUND)

  const changed = await t.admin('PUT', `/schools/100002/ects/${amiraId}/training`, { training_programme: 'provider_led', lead_provider_id: ambition.id, started_on: '2025-11-03' }, { date: '2025-11-03T10:05:00Z' })
  expect(changed.status).toBe(200)
  expect((await sees(amiraId, '2025-11-03T10:05:00Z')).body).toEqual(NOT_FOUND)

  const partnership = await t.request('POST', '/api/v3/partnerships', {
    token: ambition.token, date: '2025-11-10T14:20:31Z',
    body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: riverside.id, delivery_partner_id: northWest.id } } },
  })
  expect(partnership.status).toBe(200)
  const amiraRecord = (await recordIds(amiraId)).ect_training_record_id
  const amiraEnrolment = { training_record_id: amiraRecord, email: amira.email, created_at: '2025-09-01T08:12:40Z' }
  expect((await sees(amiraId, '2025-11-10T14:20:31Z')).body).toEqual(participant(amiraId, 'Amira Khan', '3012345', enrolment(amiraEnrolment), '2025-11-10T14:20:31Z'))

  const mentorRegistered = await t.admin('POST', '/schools/100002/mentors', david, { date: '2025-11-12T09:28:03Z' })
  expect(mentorRegistered.status).toBe(201)
  const davidId: string = mentorRegistered.body.data.participant_id
  const mentored = await t.admin('PUT', `/schools/100002/ects/${amiraId}/mentor`, { mentor_participant_id: davidId }, { date: '2025-11-12T09:30:12Z' })
  expect(mentored.status).toBe(200)
  const amiraOn1112 = await sees(amiraId, '2025-11-12T12:00:00Z')
  expect(amiraOn1112.text).toBe(JSON.stringify(participant(amiraId, 'Amira Khan', '3012345', enrolment({ ...amiraEnrolment, mentor_id: davidId }), '2025-11-12T09:30:12Z')))
  const davidRecord = (await recordIds(davidId)).mentor_training_record_id
  const davidOn1112 = await sees(davidId, '2025-11-12T12:00:00Z')
  expect(davidOn1112.text).toBe(JSON.stringify(participant(davidId, 'David Okafor', '2987654', enrolment({
    training_record_id: davidRecord, email: david.email, participant_type: 'mentor', working_pattern: null, created_at: '2025-11-12T09:28:03Z',
  }), '2025-11-12T09:28:03Z')))

  const leaving = await t.admin('POST', `/schools/100002/ects/${amiraId}/leaving`, { leaving_on: '2026-02-13' }, { date: '2026-01-12T11:00:00Z' })
  expect(leaving.status).toBe(200)
  expect((await sees(amiraId, '2026-01-12T11:00:00Z')).body).toEqual(
    participant(amiraId, 'Amira Khan', '3012345', enrolment({ ...amiraEnrolment, mentor_id: davidId, participant_status: 'leaving' }), '2026-01-12T11:00:00Z'),
  )

  // No action on 2026-02-13: the date alone makes her left, without a mentor.
  expect((await sees(amiraId, '2026-02-13')).body).toEqual(
    participant(amiraId, 'Amira Khan', '3012345', enrolment({ ...amiraEnrolment, participant_status: 'left' }), '2026-02-13T00:00:00Z'),
  )
  const poll = await t.request('GET', '/api/v3/participants?filter[updated_since]=2026-02-12T23:59:00Z', { token: ambition.token, date: '2026-02-13T08:00:00Z' })
  expect(poll.body.data.map((p: { id: string }) => p.id)).toEqual([amiraId])
})
