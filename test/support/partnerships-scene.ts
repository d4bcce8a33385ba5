// The scene of the v3 partnerships tests: two lead providers, their pairings in 2024 … 2026,
// Oakfield Primary School, registrations as the school actions leave them, and request helpers.
import type { TestApp } from './app.ts'
import * as f from './factories.ts'
import * as p from './factories-participants.ts'

export async function partnershipsScene(t: TestApp) {
  const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
  const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
  const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance' })
  const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership' })
  const unpaired = await f.deliveryPartner(t.db, { name: 'Unpaired Partners' })
  await f.cohort(t.db, 2024, { partnerships_open: false })
  await f.cohort(t.db, 2025)
  await f.cohort(t.db, 2026)
  await f.pairing(t.db, ambition.id, northern.id, 2024)
  await f.pairing(t.db, ambition.id, northern.id, 2025)
  await f.pairing(t.db, ambition.id, pennine.id, 2025)
  await f.pairing(t.db, ambition.id, northern.id, 2026)
  await f.pairing(t.db, teachFirst.id, pennine.id, 2025)

  const JUNE_20 = '2025-06-20T09:14:03Z'
  const NOT_FOUND = { errors: [{ title: 'Resource not found', detail: 'Nothing could be found for the provided details' }] }
  const text = {
    duplicate: 'You are already in a confirmed partnership with this school for the entered cohort.',
    ineligible: 'The school you have entered is currently ineligible for DfE funding. Contact the school for more information.',
    schoolLed: 'This school has only registered school-led participants. Contact the school for more information.',
    dpInvalid: "The '#/delivery_partner_id' you have entered is invalid. Check delivery partner details and try again.",
    notPaired:
      'The entered delivery partner is not recognised to be working in partnership with you for the given cohort. Contact the DfE for more information.',
    cohortInvalid: "The '#/cohort' you have entered is invalid. Check cohort details and try again.",
    schoolInvalid:
      "The '#/school_id' you have entered is invalid. Check school details and try again. Contact the DfE for support if you are unable to find the '#/school_id'.",
    alreadyOnPairing:
      'We are unable to process this request. You are already confirmed to be in partnership with the entered delivery partner. Contact the DfE for support.',
  }

  async function oakfield(fields: Partial<{ eligible: boolean; contact_email: string | null; tutor: boolean }> = {}) {
    const school = await f.school(t.db, { name: 'Oakfield Primary School', ...fields })
    if (fields.tutor ?? true) {
      await t.db.updateTable('schools').set({ induction_tutor_name: 'Priya Shah', induction_tutor_email: 'priya.shah@oakfield.sch.uk' }).where('id', '=', school.id).execute()
    }
    return school
  }

  /** A registration as the school actions leave it: an ECT (or mentor) training at the school. */
  async function registered(
    schoolId: string,
    fields: { cohort?: number; lead_provider_id?: string | null; partnership_id?: string | null; role?: 'ect' | 'mentor'; started_on?: string; finished_on?: string | null; school_led?: boolean; induction_completed_on?: string | null; mentor_ineligible_for_funding_on?: string | null },
  ) {
    const teacher = await p.teacher(t.db, { induction_completed_on: fields.induction_completed_on ?? null, mentor_ineligible_for_funding_on: fields.mentor_ineligible_for_funding_on ?? null })
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: schoolId, role: fields.role ?? 'ect', started_on: fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null })
    const training = await p.trainingPeriod(t.db, period, {
      cohort: fields.cohort ?? 2025,
      lead_provider_id: fields.school_led ? null : (fields.lead_provider_id ?? ambition.id),
      partnership_id: fields.partnership_id ?? null,
      school_led: fields.school_led ?? false,
      started_on: fields.started_on ?? '2025-09-01',
      finished_on: fields.finished_on ?? null,
    })
    return { teacher, period, training }
  }

  const body = (attributes: Record<string, unknown>) => ({ data: { type: 'partnership', attributes } })
  const post = (token: string, attributes: Record<string, unknown>, date = JUNE_20) =>
    t.request('POST', '/api/v3/partnerships', { token, body: body(attributes), date })
  const get = (token: string, path: string, date = JUNE_20) => t.request('GET', `/api/v3/partnerships${path}`, { token, date })
  const put = (token: string, id: string, attributes: unknown, date = '2025-07-01T08:00:00Z') =>
    t.request('PUT', `/api/v3/partnerships/${id}`, { token, body: { data: { type: 'partnership', attributes } }, date })

  function json(id: string, school: { id: string; urn: string }, fields: Partial<{ cohort: string; delivery_partner_id: string; delivery_partner_name: string; induction_tutor_name: string | null; induction_tutor_email: string | null; participants_currently_training: number; created_at: string; updated_at: string }> = {}) {
    return {
      id,
      type: 'partnership',
      attributes: {
        cohort: fields.cohort ?? '2025',
        urn: school.urn,
        school_id: school.id,
        delivery_partner_id: fields.delivery_partner_id ?? northern.id,
        delivery_partner_name: fields.delivery_partner_name ?? 'Northern Lights Teaching Alliance',
        induction_tutor_name: fields.induction_tutor_name === undefined ? 'Priya Shah' : fields.induction_tutor_name,
        induction_tutor_email: fields.induction_tutor_email === undefined ? 'priya.shah@oakfield.sch.uk' : fields.induction_tutor_email,
        participants_currently_training: fields.participants_currently_training ?? 0,
        created_at: fields.created_at ?? JUNE_20,
        updated_at: fields.updated_at ?? fields.created_at ?? JUNE_20,
      },
    }
  }

  return { ambition, teachFirst, northern, pennine, unpaired, JUNE_20, NOT_FOUND, text, oakfield, registered, body, post, get, put, json }
}
