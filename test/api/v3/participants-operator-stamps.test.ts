// C-56, C-57: operator changes to records a lead provider sees through a participant (the school's
// uplift flags, the cohort's uplift_fees_enabled, R-34) move the participant's updated_at; the
// induction tutor moves the partnerships and schools that show it (P-36, P-37).
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { provider } from './participant-actions/scene.ts'

const t = await setupTestApp()
for (const year of [2024, 2025]) await f.cohort(t.db, year)
const AT = '2025-09-01T08:12:40Z'
const lp = await provider(t, [2024, 2025])
let trn = 732000

const get = (path: string, date: string) => t.request('GET', `/api/v3${path}`, { token: lp.token, date })
const uplifts = async (id: string, date: string) => {
  const { attributes } = (await get(`/participants/${id}`, date)).body.data
  const [enrolment] = attributes.ecf_enrolments
  return { cohort: enrolment.cohort, pupil_premium_uplift: enrolment.pupil_premium_uplift, sparsity_uplift: enrolment.sparsity_uplift, updated_at: attributes.updated_at }
}
const changedSince = async (date: string) => (await get(`/participants?filter[updated_since]=${encodeURIComponent(date)}&page[per_page]=100`, date)).body.data.map((d: { id: string }) => d.id).sort()

/** A school partnered with the caller in 2024 and 2025, and an ECT registered there, provider-led, in `cohort`. */
async function schoolWith(...cohorts: number[]) {
  const school = await f.school(t.db)
  const partnerships: Record<number, string> = {}
  for (const cohort of [2024, 2025]) {
    partnerships[cohort] = (await p.partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: lp.deliveryPartnerId, cohort })).id
  }
  const ects: string[] = []
  for (const cohort of cohorts) {
    const n = ++trn
    const res = await t.admin('POST', `/schools/${school.urn}/ects`, {
      trn: `0${n}`, first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: `ect.${n}@c56.example.sch.uk`, started_on: '2025-09-01',
      working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: lp.id, cohort: String(cohort),
    }, { date: AT })
    expect(res.status).toBe(201)
    ects.push(res.body.data.participant_id)
  }
  return { school, partnerships, ects }
}

describe('C-56, R-34: uplift changes move the participants that show them', () => {
  it('R-34, R-14: PATCH a school’s pupil_premium_uplift or sparsity_uplift moves every participant trained there, and no other', async () => {
    const here = await schoolWith(2024, 2025)
    const elsewhere = await schoolWith(2024)
    const [in2024, in2025] = here.ects as [string, string]
    expect(await uplifts(in2024, '2025-10-01T09:00:00Z')).toEqual({ cohort: '2024', pupil_premium_uplift: false, sparsity_uplift: false, updated_at: AT })

    const T1 = '2025-10-01T10:00:00Z'
    expect((await t.admin('PATCH', `/schools/${here.school.urn}`, { pupil_premium_uplift: true }, { date: T1 })).status).toBe(200)
    expect(await uplifts(in2024, T1)).toEqual({ cohort: '2024', pupil_premium_uplift: true, sparsity_uplift: false, updated_at: T1 })
    // 2025 pays no uplifts, so nothing shown changed; C-60 allows the move.
    expect(await uplifts(in2025, T1)).toEqual({ cohort: '2025', pupil_premium_uplift: false, sparsity_uplift: false, updated_at: T1 })
    expect(await changedSince(T1)).toEqual([in2024, in2025].sort())

    const T2 = '2025-10-02T10:00:00Z'
    await t.admin('PATCH', `/schools/${here.school.urn}`, { sparsity_uplift: true, pupil_premium_uplift: true }, { date: T2 })
    expect(await uplifts(in2024, T2)).toEqual({ cohort: '2024', pupil_premium_uplift: true, sparsity_uplift: true, updated_at: T2 })
    expect(await changedSince(T2)).toEqual([in2024, in2025].sort())
    expect(await uplifts(elsewhere.ects[0]!, T2)).toEqual({ cohort: '2024', pupil_premium_uplift: false, sparsity_uplift: false, updated_at: AT })

    // A change lead providers do not see through a participant moves none.
    const T3 = '2025-10-03T10:00:00Z'
    await t.admin('PATCH', `/schools/${here.school.urn}`, { local_authority: 'Leeds' }, { date: T3 })
    expect(await changedSince(T3)).toEqual([])
  })

  it('R-34, R-14: PATCH a cohort’s uplift_fees_enabled moves every participant with training in that cohort, and no other', async () => {
    const flagged = await schoolWith(2024, 2025)
    await t.admin('PATCH', `/schools/${flagged.school.urn}`, { pupil_premium_uplift: true }, { date: AT })
    const other = await schoolWith(2024)
    const [in2024, in2025] = flagged.ects as [string, string]

    const T1 = '2025-11-01T10:00:00Z'
    expect((await t.admin('PATCH', '/cohorts/2024', { uplift_fees_enabled: false }, { date: T1 })).status).toBe(200)
    expect(await uplifts(in2024, T1)).toEqual({ cohort: '2024', pupil_premium_uplift: false, sparsity_uplift: false, updated_at: T1 })
    expect(await uplifts(in2025, T1)).toEqual({ cohort: '2025', pupil_premium_uplift: false, sparsity_uplift: false, updated_at: AT })
    expect(await changedSince(T1)).toContain(other.ects[0])
    expect(await changedSince(T1)).not.toContain(in2025)

    const T2 = '2025-11-02T10:00:00Z'
    await t.admin('PATCH', '/cohorts/2025', { uplift_fees_enabled: true }, { date: T2 })
    expect(await uplifts(in2025, T2)).toEqual({ cohort: '2025', pupil_premium_uplift: true, sparsity_uplift: false, updated_at: T2 })

    // Another cohort setting participants do not show moves none.
    const T3 = '2025-11-03T10:00:00Z'
    await t.admin('PATCH', '/cohorts/2025', { detailed_evidence_types_enabled: false }, { date: T3 })
    expect(await changedSince(T3)).toEqual([])
    await t.admin('PATCH', '/cohorts/2024', { uplift_fees_enabled: true }, { date: T3 })
    await t.admin('PATCH', '/cohorts/2025', { uplift_fees_enabled: false, detailed_evidence_types_enabled: true }, { date: T3 })
  })
})

describe('C-56, P-36, P-37: the induction tutor moves the partnerships and schools that show it', () => {
  it('P-36, P-37: PUT induction-tutor moves GET partnerships (which show it) and GET schools in every cohort', async () => {
    const { school, partnerships } = await schoolWith()
    const T1 = '2025-12-01T10:00:00Z'
    const tutor = await t.admin('PUT', `/schools/${school.urn}/induction-tutor`, { name: 'Priya Shah', email: 'priya.shah@c56.example.sch.uk' }, { date: T1 })
    expect(tutor.status).toBe(200)
    for (const cohort of [2024, 2025]) {
      const partnership = (await get(`/partnerships/${partnerships[cohort]}`, T1)).body.data.attributes
      expect([partnership.induction_tutor_name, partnership.induction_tutor_email, partnership.updated_at]).toEqual(['Priya Shah', 'priya.shah@c56.example.sch.uk', T1])
      const shown = (await get(`/schools/${school.id}?filter[cohort]=${cohort}`, T1)).body.data.attributes
      // P-31: GET /schools shows the tutor only with an expression of interest; its stamp moves all the same (P-37).
      expect([shown.induction_tutor_name, shown.induction_tutor_email, shown.updated_at]).toEqual([null, null, T1])
    }
  })
})
