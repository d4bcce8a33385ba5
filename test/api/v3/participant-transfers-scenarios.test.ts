// The worked scenarios of spec/04 (T-29): school actions through the operator API, each lead
// provider's view as exact JSON with the request clock at the date shown.
import { describe, expect, it } from 'vitest'
import { setupTestApp, type TestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2024)
await f.cohort(t.db, 2025)
await f.cohort(t.db, 2026)
const ambition = await f.leadProvider(t.db, { name: 'Ambition Institute' })
const teachFirst = await f.leadProvider(t.db, { name: 'Teach First' })
const dp = await f.deliveryPartner(t.db, { name: 'North West Learning Partnership' })
await f.pairing(t.db, ambition.id, dp.id, 2025)
await f.pairing(t.db, teachFirst.id, dp.id, 2025)
const greenfield = await f.school(t.db, { urn: '100001', name: 'Greenfield Primary School' })
const riverside = await f.school(t.db, { urn: '100002', name: 'Riverside Academy' })
const oakwood = await f.school(t.db, { urn: '100003', name: 'Oakwood High School' })
for (const school of [greenfield, riverside, oakwood]) {
  await p.partnership(t.db, { school_id: school.id, lead_provider_id: ambition.id, delivery_partner_id: dp.id, cohort: 2025, created_at: '2025-07-01T09:00:00Z' })
}
await p.partnership(t.db, { school_id: oakwood.id, lead_provider_id: teachFirst.id, delivery_partner_id: dp.id, cohort: 2025, created_at: '2025-07-01T09:00:00Z' })

let trn = 4200000
type Person = { id: string; trainingRecordId: string; mentorRecordId: string; trn: string; email: string }

async function register(app: TestApp, urn: string, role: 'ects' | 'mentors', person: Person | null, fields: Record<string, unknown>, date: string): Promise<Person> {
  const n = ++trn
  const body = {
    trn: person?.trn ?? String(n),
    first_name: 'Test',
    last_name: `Person ${n}`,
    date_of_birth: '1995-05-05',
    email: person?.email ?? `person.${n}@example.sch.uk`,
    ...(role === 'ects' ? { working_pattern: 'full_time' } : {}),
    training_programme: 'provider_led',
    lead_provider_id: ambition.id,
    ...fields,
  }
  const res = await app.admin('POST', `/schools/${urn}/${role}`, body, { date })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  const teacher = await app.db
    .selectFrom('teachers')
    .select(['id', 'ect_training_record_id', 'mentor_training_record_id'])
    .where('trn', '=', body.trn)
    .executeTakeFirstOrThrow()
  return { id: teacher.id, trainingRecordId: teacher.ect_training_record_id, mentorRecordId: teacher.mentor_training_record_id, trn: body.trn, email: body.email }
}

/** An ECT who started at `urn` on 2025-09-01, provider-led with Ambition, confirmed, cohort 2025. */
const ectAt = (urn: string) => register(t, urn, 'ects', null, { started_on: '2025-09-01' }, '2025-08-20T09:00:00Z')

const leave = async (urn: string, role: 'ects' | 'mentors', person: Person, leaving_on: string, date: string) => {
  const res = await t.admin('POST', `/schools/${urn}/${role}/${person.id}/leaving`, { leaving_on }, { date })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.data
}

const transfersOf = (person: Person, token: string, date: string) =>
  t.request('GET', `/api/v3/participants/${person.id}/transfers`, { token, date })

async function enrolmentStatus(person: Person, token: string, date: string, role = 'ect'): Promise<string | null> {
  const res = await t.request('GET', `/api/v3/participants/${person.id}`, { token, date })
  if (res.status === 404) return null
  return res.body.data.attributes.ecf_enrolments.find((e: { participant_type: string }) => e.participant_type === role)?.participant_status ?? null
}

type Side = { school_urn: string; provider: string | null; date: string }
function transfer(person: Person, t: { type: string; status: string; created_at: string; leaving: Side; joining: Side | null; updated_at: string; record?: string }) {
  return {
    data: {
      id: person.id,
      type: 'participant-transfer',
      attributes: {
        transfers: [
          {
            training_record_id: t.record ?? person.trainingRecordId,
            transfer_type: t.type,
            status: t.status,
            created_at: t.created_at,
            leaving: t.leaving,
            joining: t.joining,
          },
        ],
        updated_at: t.updated_at,
      },
    },
  }
}

const AMBITION = 'Ambition Institute'

describe('T-29 scenario 1: new school, same provider', () => {
  it('T-7 new_school, T-15 nothing corrected, T-8 complete on the joining date', async () => {
    const sofia = await ectAt('100001')
    await leave('100001', 'ects', sofia, '2026-02-02', '2026-01-05T10:15:00Z')
    const unknown = await transfersOf(sofia, ambition.token, '2026-01-05T10:15:00Z')
    expect(unknown.body).toEqual(transfer(sofia, { type: 'unknown', status: 'incomplete', created_at: '2026-01-05T10:15:00Z', leaving: { school_urn: '100001', provider: AMBITION, date: '2026-02-02' }, joining: null, updated_at: '2026-01-05T10:15:00Z' }))
    expect(await enrolmentStatus(sofia, ambition.token, '2026-01-05T10:15:00Z')).toBe('leaving')
    expect((await transfersOf(sofia, teachFirst.token, '2026-01-05T10:15:00Z')).status).toBe(404)

    await register(t, '100003', 'ects', sofia, { started_on: '2026-02-02' }, '2026-01-20T13:40:00Z')
    const joining = { school_urn: '100003', provider: AMBITION, date: '2026-02-02' }
    const leaving = { school_urn: '100001', provider: AMBITION, date: '2026-02-02' }
    expect((await transfersOf(sofia, ambition.token, '2026-01-20T13:40:00Z')).body).toEqual(
      transfer(sofia, { type: 'new_school', status: 'incomplete', created_at: '2026-01-05T10:15:00Z', leaving, joining, updated_at: '2026-01-20T13:40:00Z' }),
    )
    expect(await enrolmentStatus(sofia, ambition.token, '2026-01-20T13:40:00Z')).toBe('joining')
    expect((await transfersOf(sofia, ambition.token, '2026-02-02')).body).toEqual(
      transfer(sofia, { type: 'new_school', status: 'complete', created_at: '2026-01-05T10:15:00Z', leaving, joining, updated_at: '2026-02-02T00:00:00Z' }),
    )
    expect(await enrolmentStatus(sofia, ambition.token, '2026-02-02')).toBe('active')
    expect((await transfersOf(sofia, teachFirst.token, '2026-02-02')).status).toBe(404)
  })
})

describe('T-29 scenario 2: new school, different provider', () => {
  it('T-7 new_provider, T-6 both providers see the identical resource', async () => {
    const liam = await ectAt('100001')
    await leave('100001', 'ects', liam, '2026-03-20', '2026-02-23T10:00:00Z')
    await register(t, '100003', 'ects', liam, { started_on: '2026-03-20', lead_provider_id: teachFirst.id }, '2026-03-02T15:45:10Z')
    const leaving = { school_urn: '100001', provider: AMBITION, date: '2026-03-20' }
    const joining = { school_urn: '100003', provider: 'Teach First', date: '2026-03-20' }
    const on0302 = transfer(liam, { type: 'new_provider', status: 'incomplete', created_at: '2026-02-23T10:00:00Z', leaving, joining, updated_at: '2026-03-02T15:45:10Z' })
    expect((await transfersOf(liam, ambition.token, '2026-03-02T16:00:00Z')).body).toEqual(on0302)
    expect((await transfersOf(liam, teachFirst.token, '2026-03-02T16:00:00Z')).body).toEqual(on0302)
    expect(await enrolmentStatus(liam, ambition.token, '2026-03-02T16:00:00Z')).toBe('leaving')
    expect(await enrolmentStatus(liam, teachFirst.token, '2026-03-02T16:00:00Z')).toBe('joining')

    const complete = transfer(liam, { type: 'new_provider', status: 'complete', created_at: '2026-02-23T10:00:00Z', leaving, joining, updated_at: '2026-03-20T00:00:00Z' })
    for (const token of [ambition.token, teachFirst.token]) {
      const list = await t.request('GET', '/api/v3/participants/transfers?filter[updated_since]=2026-03-20T00:00:00Z', { token, date: '2026-03-20' })
      expect(list.body.data).toContainEqual(complete.data)
    }
    expect(await enrolmentStatus(liam, ambition.token, '2026-03-20')).toBe('left')
    expect(await enrolmentStatus(liam, teachFirst.token, '2026-03-20')).toBe('active')
  })
})

describe('T-29 scenario 3: new school, school-led', () => {
  it('T-14 the ongoing period is finished on the joining date; joining provider null', async () => {
    const chloe = await ectAt('100001')
    await register(t, '100002', 'ects', chloe, { started_on: '2026-01-19', training_programme: 'school_led', lead_provider_id: undefined }, '2026-01-12T09:00:00Z')
    const leaving = { school_urn: '100001', provider: AMBITION, date: '2026-01-19' }
    const joining = { school_urn: '100002', provider: null, date: '2026-01-19' }
    expect((await transfersOf(chloe, ambition.token, '2026-01-12T09:00:00Z')).body).toEqual(
      transfer(chloe, { type: 'new_provider', status: 'incomplete', created_at: '2026-01-12T09:00:00Z', leaving, joining, updated_at: '2026-01-12T09:00:00Z' }),
    )
    expect(await enrolmentStatus(chloe, ambition.token, '2026-01-12T09:00:00Z')).toBe('leaving')
    expect((await transfersOf(chloe, ambition.token, '2026-01-19')).body).toEqual(
      transfer(chloe, { type: 'new_provider', status: 'complete', created_at: '2026-01-12T09:00:00Z', leaving, joining, updated_at: '2026-01-19T00:00:00Z' }),
    )
    expect(await enrolmentStatus(chloe, ambition.token, '2026-01-19')).toBe('left')
  })
})

describe('T-29 scenario 4: unknown destination, found later', () => {
  it('T-12 unknown with joining null, T-13 the same transfer gains a destination, T-15 the gap is kept', async () => {
    const noah = await ectAt('100002')
    await leave('100002', 'ects', noah, '2026-03-31', '2026-03-02T11:30:00Z')
    const leaving = { school_urn: '100002', provider: AMBITION, date: '2026-03-31' }
    const atEnd = await transfersOf(noah, ambition.token, '2026-03-31')
    expect(atEnd.body).toEqual(transfer(noah, { type: 'unknown', status: 'complete', created_at: '2026-03-02T11:30:00Z', leaving, joining: null, updated_at: '2026-03-30T23:00:00Z' }))
    expect((await transfersOf(noah, ambition.token, '2026-04-01')).body).toEqual(atEnd.body)
    expect(await enrolmentStatus(noah, ambition.token, '2026-04-01')).toBe('left')

    await register(t, '100003', 'ects', noah, { started_on: '2026-05-18', lead_provider_id: teachFirst.id }, '2026-05-11T08:50:00Z')
    const joining = { school_urn: '100003', provider: 'Teach First', date: '2026-05-18' }
    const found = transfer(noah, { type: 'new_provider', status: 'incomplete', created_at: '2026-03-02T11:30:00Z', leaving, joining, updated_at: '2026-05-11T08:50:00Z' })
    expect((await transfersOf(noah, ambition.token, '2026-05-11T09:00:00Z')).body).toEqual(found)
    expect((await transfersOf(noah, teachFirst.token, '2026-05-11T09:00:00Z')).body).toEqual(found)
    expect(await enrolmentStatus(noah, teachFirst.token, '2026-05-11T09:00:00Z')).toBe('joining')
    const done = transfer(noah, { type: 'new_provider', status: 'complete', created_at: '2026-03-02T11:30:00Z', leaving, joining, updated_at: '2026-05-17T23:00:00Z' })
    expect((await transfersOf(noah, ambition.token, '2026-05-18')).body).toEqual(done)
    expect(await enrolmentStatus(noah, teachFirst.token, '2026-05-18')).toBe('active')
  })
})

describe('T-29 scenario 5: overlapping dates corrected (the release note example)', () => {
  const leaving = { school_urn: '100002', provider: AMBITION, date: '2025-12-01' }
  const joining = { school_urn: '100003', provider: 'Teach First', date: '2025-12-01' }

  it('T-14: leaving 3 December reported, joining 1 December registered → leaving date corrected to 1 December', async () => {
    const grace = await ectAt('100002')
    await leave('100002', 'ects', grace, '2025-12-03', '2025-11-20T14:05:00Z')
    const reg = await t.admin(
      'POST',
      '/schools/100003/ects',
      { trn: grace.trn, first_name: 'Grace', last_name: 'Patel', date_of_birth: '1995-05-05', email: grace.email, working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: teachFirst.id, started_on: '2025-12-01' },
      { date: '2025-11-24T10:20:00Z' },
    )
    expect(reg.status).toBe(201)
    expect(reg.body.data.previous_school).toEqual({ school_urn: '100002', started_on: '2025-09-01', finished_on: '2025-12-01', reported_leaving_on: '2025-12-03' })
    const body = transfer(grace, { type: 'new_provider', status: 'incomplete', created_at: '2025-11-20T14:05:00Z', leaving, joining, updated_at: '2025-11-24T10:20:00Z' })
    // Other scenarios in this file were written later in travelled time, so look for this one.
    const list = await t.request('GET', '/api/v3/participants/transfers?filter[updated_since]=2025-11-24T10:20:00Z', { token: teachFirst.token, date: '2025-11-24T10:20:00Z' })
    expect(list.body.data.filter((r: { id: string }) => r.id === grace.id)).toEqual([body.data])
    expect((await transfersOf(grace, ambition.token, '2025-11-24T10:20:00Z')).body).toEqual(body)
    expect(await enrolmentStatus(grace, ambition.token, '2025-11-24T10:20:00Z')).toBe('leaving')
    expect(await enrolmentStatus(grace, teachFirst.token, '2025-11-24T10:20:00Z')).toBe('joining')
    expect((await transfersOf(grace, ambition.token, '2025-12-01')).body).toEqual(
      transfer(grace, { type: 'new_provider', status: 'complete', created_at: '2025-11-20T14:05:00Z', leaving, joining, updated_at: '2025-12-01T00:00:00Z' }),
    )
    expect(await enrolmentStatus(grace, ambition.token, '2025-12-01')).toBe('left')
    expect(await enrolmentStatus(grace, teachFirst.token, '2025-12-01')).toBe('active')
  })

  it('T-16: the other order gives the identical body; the later report only records reported_leaving_on', async () => {
    const grace = await ectAt('100002')
    await register(t, '100003', 'ects', grace, { started_on: '2025-12-01', lead_provider_id: teachFirst.id }, '2025-11-20T14:05:00Z')
    const report = await t.admin('POST', `/schools/100002/ects/${grace.id}/leaving`, { leaving_on: '2025-12-03' }, { date: '2025-11-24T10:20:00Z' })
    expect(report.status).toBe(200)
    expect(report.body.data.finished_on).toBe('2025-12-01')
    expect(report.body.data.reported_leaving_on).toBe('2025-12-03')
    expect((await transfersOf(grace, teachFirst.token, '2025-11-24T10:20:00Z')).body).toEqual(
      transfer(grace, { type: 'new_provider', status: 'incomplete', created_at: '2025-11-20T14:05:00Z', leaving, joining, updated_at: '2025-11-24T10:20:00Z' }),
    )
  })
})

describe('T-29 scenario 6: natural gap kept', () => {
  it('T-15: a leaving date before the joining date is never changed', async () => {
    const omar = await ectAt('100001')
    await leave('100001', 'ects', omar, '2026-03-27', '2026-03-09T13:00:00Z')
    await register(t, '100002', 'ects', omar, { started_on: '2026-04-13' }, '2026-03-30T09:10:00Z')
    const leaving = { school_urn: '100001', provider: AMBITION, date: '2026-03-27' }
    const joining = { school_urn: '100002', provider: AMBITION, date: '2026-04-13' }
    expect((await transfersOf(omar, ambition.token, '2026-03-30T09:10:00Z')).body).toEqual(
      transfer(omar, { type: 'new_school', status: 'incomplete', created_at: '2026-03-09T13:00:00Z', leaving, joining, updated_at: '2026-03-30T09:10:00Z' }),
    )
    expect(await enrolmentStatus(omar, ambition.token, '2026-03-30T09:10:00Z')).toBe('joining')
    expect((await transfersOf(omar, ambition.token, '2026-04-13')).body).toEqual(
      transfer(omar, { type: 'new_school', status: 'complete', created_at: '2026-03-09T13:00:00Z', leaving, joining, updated_at: '2026-04-12T23:00:00Z' }),
    )
    expect(await enrolmentStatus(omar, ambition.token, '2026-04-13')).toBe('active')
  })
})

describe('T-29 scenario 7: mentor transfer', () => {
  it('T-19: registering a mentor elsewhere finishes the old mentor period and mentorships on the joining date', async () => {
    const amira = await ectAt('100002')
    const david = await register(t, '100002', 'mentors', null, { started_on: '2025-11-12' }, '2025-11-12T09:28:03Z')
    const assign = await t.admin('PUT', `/schools/100002/ects/${amira.id}/mentor`, { mentor_participant_id: david.id }, { date: '2025-11-12T09:30:12Z' })
    expect(assign.status).toBe(200)
    await register(t, '100003', 'mentors', david, { started_on: '2026-04-27' }, '2026-04-20T16:00:00Z')
    const leaving = { school_urn: '100002', provider: AMBITION, date: '2026-04-27' }
    const joining = { school_urn: '100003', provider: AMBITION, date: '2026-04-27' }
    expect((await transfersOf(david, ambition.token, '2026-04-20T16:00:00Z')).body).toEqual(
      transfer(david, { type: 'new_school', status: 'incomplete', created_at: '2026-04-20T16:00:00Z', leaving, joining, updated_at: '2026-04-20T16:00:00Z', record: david.mentorRecordId }),
    )
    expect(await enrolmentStatus(david, ambition.token, '2026-04-20T16:00:00Z', 'mentor')).toBe('joining')
    expect((await transfersOf(david, ambition.token, '2026-04-27')).body).toEqual(
      transfer(david, { type: 'new_school', status: 'complete', created_at: '2026-04-20T16:00:00Z', leaving, joining, updated_at: '2026-04-26T23:00:00Z', record: david.mentorRecordId }),
    )
    const mentee = await t.request('GET', `/api/v3/participants/${amira.id}`, { token: ambition.token, date: '2026-04-27' })
    expect(mentee.body.data.attributes.ecf_enrolments[0].mentor_id).toBeNull()
    const before = await t.request('GET', `/api/v3/participants/${amira.id}`, { token: ambition.token, date: '2026-04-26' })
    expect(before.body.data.attributes.ecf_enrolments[0].mentor_id).toBe(david.id)
  })
})

describe('T-20, T-3: what stops a transfer being listed', () => {
  it('T-3 rule 1: coming back to the same school is not a transfer', async () => {
    const back = await ectAt('100001')
    await leave('100001', 'ects', back, '2026-01-10', '2025-12-01T10:00:00Z')
    await register(t, '100001', 'ects', back, { started_on: '2026-02-01' }, '2026-01-20T10:00:00Z')
    expect((await transfersOf(back, ambition.token, '2026-02-02')).status).toBe(404)
  })

  it('T-3 rule 2: an ECT who completed induction and left with no new school is not transferring', async () => {
    const done = await ectAt('100001')
    await leave('100001', 'ects', done, '2026-01-10', '2025-12-01T10:00:00Z')
    expect((await transfersOf(done, ambition.token, '2026-01-11')).status).toBe(200)
    const fact = await t.admin('PUT', `/participants/${done.id}/induction`, { induction_started_on: '2025-09-01', induction_completed_on: '2026-01-09' }, { date: '2026-01-11T10:00:00Z' })
    expect(fact.status).toBe(200)
    expect((await transfersOf(done, ambition.token, '2026-01-11T11:00:00Z')).status).toBe(404)
  })
})
