// The timelines of P-59 and P-60, step by step through HTTP: the operator's school actions drive
// the school's side, and each step asserts exactly what each lead provider sees on that date.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2026)
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const northern = await f.deliveryPartner(t.db, { name: 'Northern Lights Teaching Alliance' })
const pennine = await f.deliveryPartner(t.db, { name: 'Pennine Learning Partnership' })
await f.pairing(t.db, ambition.id, northern.id, 2025)
await f.pairing(t.db, teachFirst.id, pennine.id, 2025)

const created = await t.admin(
  'POST',
  '/schools',
  { urn: '142857', name: 'Oakfield Primary School', local_authority: 'Leeds', establishment_type: 'Community school', contact_email: 'office@oakfield.sch.uk' },
  { date: '2025-05-12T08:30:00Z' },
)
const SCHOOL_ID: string = created.body.data.id
const TUTOR = { induction_tutor_name: 'Priya Shah', induction_tutor_email: 'priya.shah@oakfield.sch.uk' }
const NO_TUTOR = { induction_tutor_name: null, induction_tutor_email: null }

type Lp = { token: string }
const schoolSeen = (lp: Lp, date: string, cohort = '2025') =>
  t.request('GET', `/api/v3/schools?filter[cohort]=${cohort}&filter[urn]=142857`, { token: lp.token, date }).then((r) => {
    expect(r.status).toBe(200)
    return r.body
  })
const partnershipsSeen = (lp: Lp, date: string, query = '') =>
  t.request('GET', `/api/v3/partnerships${query}`, { token: lp.token, date }).then((r) => {
    expect(r.status).toBe(200)
    return r.body
  })
const participantIds = (lp: Lp, date: string) =>
  t.request('GET', '/api/v3/participants', { token: lp.token, date }).then((r) => r.body.data.map((d: { id: string }) => d.id))
const statusOf = (lp: Lp, date: string, id: string) =>
  t.request('GET', `/api/v3/participants/${id}`, { token: lp.token, date }).then((r) => r.body.data?.attributes.ecf_enrolments.map((e: { participant_status: string }) => e.participant_status))

function school(fields: { cohort?: string; in_partnership: boolean; induction_programme_choice: string; expression_of_interest: boolean; updated_at: string }) {
  return {
    data: [
      {
        id: SCHOOL_ID,
        type: 'school',
        attributes: {
          name: 'Oakfield Primary School',
          urn: '142857',
          cohort: fields.cohort ?? '2025',
          in_partnership: fields.in_partnership,
          induction_programme_choice: fields.induction_programme_choice,
          expression_of_interest: fields.expression_of_interest,
          ...(fields.expression_of_interest ? TUTOR : NO_TUTOR),
          created_at: '2025-05-12T08:30:00Z',
          updated_at: fields.updated_at,
        },
      },
    ],
  }
}

function partnership(id: string, fields: { cohort?: string; delivery_partner: { id: string; name: string }; pct: number; created_at: string; updated_at?: string }) {
  return {
    id,
    type: 'partnership',
    attributes: {
      cohort: fields.cohort ?? '2025',
      urn: '142857',
      school_id: SCHOOL_ID,
      delivery_partner_id: fields.delivery_partner.id,
      delivery_partner_name: fields.delivery_partner.name,
      ...TUTOR,
      participants_currently_training: fields.pct,
      created_at: fields.created_at,
      updated_at: fields.updated_at ?? fields.created_at,
    },
  }
}

describe('P-59: expression of interest → partnership → participants appear', () => {
  let amara = ''
  let ambitions = ''
  let teachFirsts = ''

  it('P-59 2025-06-10, G25 row 2: nothing registered — both see EOI false, not in partnership, not_yet_known, no tutor', async () => {
    const tutor = await t.admin('PUT', '/schools/142857/induction-tutor', { name: 'Priya Shah', email: 'priya.shah@oakfield.sch.uk' }, { date: '2025-06-02T11:20:00Z' })
    expect(tutor.status).toBe(200)
    const expected = school({ in_partnership: false, induction_programme_choice: 'not_yet_known', expression_of_interest: false, updated_at: '2025-06-02T11:20:00Z' })
    expect(await schoolSeen(ambition, '2025-06-10T09:00:00Z')).toEqual(expected)
    expect(await schoolSeen(teachFirst, '2025-06-10T09:00:00Z')).toEqual(expected)
    expect(await partnershipsSeen(ambition, '2025-06-10T09:00:00Z')).toEqual({ data: [] })
  })

  it('P-59 2025-06-16, G4, G5, G23, G24, P-48: an ECT registered provider-led with Ambition is an EOI for Ambition only; not in its feed', async () => {
    const res = await t.admin(
      'POST',
      '/schools/142857/ects',
      {
        trn: '3100501', first_name: 'Amara', last_name: 'Okafor', date_of_birth: '1998-02-11', email: 'amara.okafor@oakfield.sch.uk',
        started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: ambition.id,
      },
      { date: '2025-06-16T13:05:41Z' },
    )
    expect(res.status).toBe(201)
    amara = res.body.data.participant_id
    const day = '2025-06-16T14:00:00Z'
    expect(await schoolSeen(ambition, day)).toEqual(
      school({ in_partnership: false, induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: '2025-06-16T13:05:41Z' }),
    )
    expect(await schoolSeen(teachFirst, day)).toEqual(
      school({ in_partnership: false, induction_programme_choice: 'provider_led', expression_of_interest: false, updated_at: '2025-06-16T13:05:41Z' }),
    )
    expect(await participantIds(ambition, day)).not.toContain(amara)
  })

  it('P-59 2025-06-20, G6, G18, G19, G37, P-33, P-51: Ambition partners — pct 0, Amara attached and in its feed; the school is in partnership for both', async () => {
    const at = '2025-06-20T09:14:03Z'
    const res = await t.request('POST', '/api/v3/partnerships', {
      token: ambition.token,
      date: at,
      body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: SCHOOL_ID, delivery_partner_id: northern.id } } },
    })
    expect(res.status).toBe(200)
    ambitions = res.body.data.id
    expect(res.body).toEqual({ data: partnership(ambitions, { delivery_partner: { id: northern.id, name: northern.name }, pct: 0, created_at: at }) })
    const day = '2025-06-20T10:00:00Z'
    expect(await schoolSeen(ambition, day)).toEqual(school({ in_partnership: true, induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: at }))
    expect(await schoolSeen(teachFirst, day)).toEqual(school({ in_partnership: true, induction_programme_choice: 'provider_led', expression_of_interest: false, updated_at: at }))
    expect(await participantIds(ambition, day)).toContain(amara)
    expect(await statusOf(ambition, day, amara)).toEqual(['joining'])
  })

  it('P-59 2025-09-01, G12, P-35, C-58: the start date passes — pct 1 and updated_at at London midnight', async () => {
    expect(await partnershipsSeen(ambition, '2025-09-01T08:00:00Z')).toEqual({
      data: [partnership(ambitions, { delivery_partner: { id: northern.id, name: northern.name }, pct: 1, created_at: '2025-06-20T09:14:03Z', updated_at: '2025-08-31T23:00:00Z' })],
    })
    expect((await partnershipsSeen(ambition, '2025-08-31T22:59:59Z')).data[0].attributes.participants_currently_training).toBe(0)
  })

  it('P-59 2026-01-12, G13, G20, G26, G27, P-27 rule 2: moved to Teach First — Ambition pct 0 and EOI stays true, Amara left; Teach First EOI true with tutor', async () => {
    const at = '2026-01-12T09:30:00Z'
    const res = await t.admin('PUT', `/schools/142857/ects/${amara}/training`, { training_programme: 'provider_led', lead_provider_id: teachFirst.id, started_on: '2026-01-12' }, { date: at })
    expect(res.status).toBe(200)
    const day = '2026-01-12T10:00:00Z'
    expect(await partnershipsSeen(ambition, day)).toEqual({
      data: [partnership(ambitions, { delivery_partner: { id: northern.id, name: northern.name }, pct: 0, created_at: '2025-06-20T09:14:03Z', updated_at: at })],
    })
    expect(await schoolSeen(ambition, day)).toEqual(school({ in_partnership: true, induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: at }))
    expect(await schoolSeen(teachFirst, day)).toEqual(school({ in_partnership: true, induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: at }))
    expect(await statusOf(ambition, day, amara)).toEqual(['left'])
    expect(await participantIds(teachFirst, day)).not.toContain(amara)
  })

  it('P-59 2026-01-13, G10, G43, G45: Teach First partners too — pct 1, Amara in its feed; Ambition sees only its own partnership', async () => {
    const at = '2026-01-13T11:00:00Z'
    const res = await t.request('POST', '/api/v3/partnerships', {
      token: teachFirst.token,
      date: at,
      body: { data: { type: 'partnership', attributes: { cohort: '2025', school_id: SCHOOL_ID, delivery_partner_id: pennine.id } } },
    })
    expect(res.status).toBe(200)
    teachFirsts = res.body.data.id
    expect(res.body).toEqual({ data: partnership(teachFirsts, { delivery_partner: { id: pennine.id, name: pennine.name }, pct: 1, created_at: at }) })
    const day = '2026-01-13T12:00:00Z'
    expect(await participantIds(teachFirst, day)).toContain(amara)
    expect((await partnershipsSeen(ambition, day)).data.map((d: { id: string }) => d.id)).toEqual([ambitions])
    const hidden = await t.request('GET', `/api/v3/partnerships/${teachFirsts}`, { token: ambition.token, date: day })
    expect(hidden.status).toBe(404)
  })
})

describe('P-60: carry-forward and an extra delivery partner', () => {
  let carried = ''
  let ben = ''

  it('P-60 2026-06-22, G21, G39, G40, P-34: registering with use_previous_partnership carries the 2025 partnership forward', async () => {
    await f.pairing(t.db, ambition.id, northern.id, 2026)
    await f.pairing(t.db, ambition.id, pennine.id, 2026)
    const at = '2026-06-22T10:31:07Z'
    const res = await t.admin(
      'POST',
      '/schools/142857/ects',
      {
        trn: '3100502', first_name: 'Ben', last_name: 'Hughes', date_of_birth: '1999-07-03', email: 'ben.hughes@oakfield.sch.uk',
        started_on: '2026-09-01', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: ambition.id,
        use_previous_partnership: true,
      },
      { date: at },
    )
    expect(res.status).toBe(201)
    ben = res.body.data.participant_id
    const day = '2026-06-22T11:00:00Z'
    const seen = await partnershipsSeen(ambition, day, '?filter[cohort]=2026')
    carried = seen.data[0]?.id
    expect(seen).toEqual({ data: [partnership(carried, { cohort: '2026', delivery_partner: { id: northern.id, name: northern.name }, pct: 0, created_at: at })] })
    expect(carried).not.toBe(undefined)
    expect(await participantIds(ambition, day)).toContain(ben)
    expect(await schoolSeen(ambition, day, '2026')).toEqual(
      school({ cohort: '2026', in_partnership: true, induction_programme_choice: 'provider_led', expression_of_interest: true, updated_at: at }),
    )
  })

  it('P-60 2026-06-23, G9, P-52 row 11: Ambition\'s own POST for that school and cohort is the duplicate', async () => {
    const res = await t.request('POST', '/api/v3/partnerships', {
      token: ambition.token,
      date: '2026-06-23T09:00:00Z',
      body: { data: { type: 'partnership', attributes: { cohort: '2026', school_id: SCHOOL_ID, delivery_partner_id: pennine.id } } },
    })
    expect([res.status, res.body]).toEqual([422, { errors: [{ title: 'school_id', detail: 'You are already in a confirmed partnership with this school for the entered cohort.' }] }])
  })

  it('P-60 2026-07-01, G44, G45, P-24, P-56: DfE adds Pennine — the P-56 example; new registrations still go to the primary (P-5)', async () => {
    const at = '2026-07-01T14:00:00Z'
    const res = await t.admin('POST', '/partnerships', { urn: '142857', lead_provider_id: ambition.id, delivery_partner_id: pennine.id, cohort: '2026' }, { date: at })
    expect(res.status).toBe(201)
    expect(res.body.data).toMatchObject({ additional: true, created_by: 'operator' })
    const extra = res.body.data.id
    expect(await partnershipsSeen(ambition, '2026-07-01T15:00:00Z', '?filter[cohort]=2026&sort=-created_at')).toEqual({
      data: [
        partnership(extra, { cohort: '2026', delivery_partner: { id: pennine.id, name: pennine.name }, pct: 0, created_at: at }),
        partnership(carried, { cohort: '2026', delivery_partner: { id: northern.id, name: northern.name }, pct: 0, created_at: '2026-06-22T10:31:07Z' }),
      ],
    })
    const next = await t.admin(
      'POST',
      '/schools/142857/mentors',
      { trn: '3100503', first_name: 'Cara', last_name: 'Lund', date_of_birth: '1980-01-01', email: 'cara.lund@oakfield.sch.uk', started_on: '2026-09-01', training_programme: 'provider_led', lead_provider_id: ambition.id },
      { date: '2026-07-02T09:00:00Z' },
    )
    expect(next.status).toBe(201)
    const row = await t.db.selectFrom('training_periods').select('partnership_id').where('teacher_id', '=', next.body.data.participant_id).executeTakeFirstOrThrow()
    expect(row.partnership_id).toBe(carried)
  })
})
