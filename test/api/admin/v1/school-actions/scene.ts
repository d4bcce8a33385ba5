// The scene of the school-action tests: R-42's school, lead provider and delivery partner, and
// cohorts 2023 … 2026 (each from 1 June), plus helpers to read rows the responses do not show.
import type { TestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'

export async function scene(t: TestApp) {
  for (const year of [2023, 2024, 2025, 2026]) await f.cohort(t.db, year)
  const riverside = await f.school(t.db, { urn: '100002', name: 'Riverside Academy' })
  const oakfield = await f.school(t.db, { urn: '142857', name: 'Oakfield Primary School' })
  const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
  const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
  const northWest = await f.deliveryPartner(t.db, { name: 'North West Learning Partnership' })
  await f.pairing(t.db, ambition.id, northWest.id, 2025)
  await f.pairing(t.db, teachFirst.id, northWest.id, 2025)
  return { riverside, oakfield, ambition, teachFirst, northWest }
}

let trn = 3100000
/** A fresh TRN and email per call, so tests in one file never collide. */
export function ect(fields: Record<string, unknown> = {}) {
  const n = ++trn
  return {
    trn: String(n),
    first_name: 'Amira',
    last_name: 'Khan',
    date_of_birth: '1997-03-14',
    email: `ect.${n}@riverside.example.sch.uk`,
    started_on: '2025-09-01',
    working_pattern: 'full_time',
    training_programme: 'school_led',
    ...fields,
  }
}

export function mentor(fields: Record<string, unknown> = {}) {
  const { working_pattern: _w, ...rest } = ect({ first_name: 'David', last_name: 'Okafor', date_of_birth: '1985-06-02', ...fields })
  return { ...rest, email: String(rest.email).replace('ect.', 'mentor.') }
}

export function teacherRow(t: TestApp, id: string) {
  return t.db.selectFrom('teachers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export function schoolCohortStamp(t: TestApp, schoolId: string, year: number) {
  return t.db.selectFrom('school_cohort_stamps').select('updated_at').where('school_id', '=', schoolId).where('cohort_year', '=', year).executeTakeFirst()
}

export type Body = Record<string, unknown>

/** The R-16 resource as the tests expect it: every field, in order, from a few overrides. */
export function registration(fields: Body & { id: string; participant_id: string; trn: string; email: string }): Body {
  return {
    id: fields.id,
    participant_id: fields.participant_id,
    role: fields.role ?? 'ect',
    school_urn: fields.school_urn ?? '100002',
    trn: fields.trn,
    first_name: fields.first_name ?? 'Amira',
    last_name: fields.last_name ?? 'Khan',
    date_of_birth: fields.date_of_birth ?? '1997-03-14',
    email: fields.email,
    working_pattern: fields.working_pattern === undefined ? 'full_time' : fields.working_pattern,
    started_on: fields.started_on ?? '2025-09-01',
    finished_on: fields.finished_on ?? null,
    reported_leaving_on: fields.reported_leaving_on ?? null,
    training_periods: fields.training_periods ?? [],
    mentorships: fields.mentorships ?? [],
    previous_school: fields.previous_school ?? null,
    created_at: fields.created_at,
    updated_at: fields.updated_at ?? fields.created_at,
  }
}

export function training(fields: Body & { id: string }): Body {
  const providerLed = fields.training_programme !== 'school_led'
  return {
    id: fields.id,
    training_programme: providerLed ? 'provider_led' : 'school_led',
    lead_provider_id: fields.lead_provider_id ?? null,
    lead_provider_name: fields.lead_provider_name ?? null,
    cohort: fields.cohort ?? '2025',
    partnership_id: fields.partnership_id ?? null,
    delivery_partner_id: fields.delivery_partner_id ?? null,
    schedule_identifier: fields.schedule_identifier ?? null,
    started_on: fields.started_on ?? '2025-09-01',
    finished_on: fields.finished_on ?? null,
  }
}

/** `{"errors": [...]}` from `[title, detail]` pairs. */
export function errors(...pairs: [string, string][]) {
  return { errors: pairs.map(([title, detail]) => ({ title, detail })) }
}
