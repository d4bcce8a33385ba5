// concurrent writes through HTTP on PostgreSQL. Each check sets its own scene, fires the
// requests at once and compares the outcome with what the database holds afterwards.
import * as f from '../support/factories.ts'
import * as p from '../support/factories-participants.ts'
import * as d from '../support/factories-declarations.ts'
import { tally, type Check, type Client } from './harness.ts'

const DATE = '2025-07-01T08:00:00Z'
const DUPLICATE = 'You are already in a confirmed partnership with this school for the entered cohort.'
const ON_PAIRING = 'We are unable to process this request. You are already confirmed to be in partnership with the entered delivery partner. Contact the DfE for support.'
const DECLARED = 'A declaration has already been submitted that will be, or has been, paid for this event.'

const partnershipBody = (attributes: Record<string, unknown>) => ({ data: { type: 'partnership', attributes } })
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** A lead provider with `n` delivery partners paired in 2025, and a school with an induction tutor. */
export async function partnershipScene(c: Client, n = 1) {
  await f.cohort(c.db, 2025)
  const lp = await f.leadProvider(c.db)
  const dps: string[] = []
  for (let i = 0; i < n; i++) {
    const dp = await f.deliveryPartner(c.db)
    await f.pairing(c.db, lp.id, dp.id, 2025)
    dps.push(dp.id)
  }
  const school = await f.school(c.db)
  await c.db.updateTable('schools').set({ induction_tutor_name: 'Priya Shah', induction_tutor_email: 'priya.shah@example.sch.uk' }).where('id', '=', school.id).execute()
  return { lp, dps, school }
}

/** Q-10, P-53: `n` identical POSTs → one 200, n − 1 × the row-11 422, one row. */
export async function identicalPartnershipPosts(c: Client, n: number): Promise<Check> {
  const { lp, dps, school } = await partnershipScene(c)
  const attributes = { cohort: '2025', school_id: school.id, delivery_partner_id: dps[0] }
  const answers = await Promise.all(
    Array.from({ length: n }, () => c.request('POST', '/api/v3/partnerships', { token: lp.token, body: partnershipBody(attributes), date: DATE })),
  )
  const rows = await c.db.selectFrom('partnerships').select('id').where('school_id', '=', school.id).execute()
  const problems: string[] = []
  if (answers.filter((a) => a.status === 200).length !== 1) problems.push(`expected one 200, got ${tally(answers.map((a) => a.status))}`)
  const refusals = answers.filter((a) => a.status !== 200)
  if (!refusals.every((a) => a.status === 422 && same(a.body, { errors: [{ title: 'school_id', detail: DUPLICATE }] }))) problems.push('a refusal is not the duplicate 422')
  if (rows.length !== 1) problems.push(`${rows.length} rows`)
  return { bar: 'Q-10', figure: `${n} concurrent identical partnership POSTs → ${tally(answers.map((a) => a.status))}, ${rows.length} row${rows.length === 1 ? '' : 's'}`, problems }
}

/**
 * Q-10, P-54, P-55: `n` concurrent PUTs on one partnership across `k` delivery partners, then
 * `rounds` pairs of PUTs moving the school's two partnerships onto one delivery partner at once.
 * Every answer is a 200 or the row-4 422; the row ends on the delivery partner of the last
 * recorded change, one event per 200; a pair never leaves two partnerships on one pairing.
 */
export async function concurrentPartnershipPuts(c: Client, n: number, rounds: number): Promise<Check> {
  const problems: string[] = []
  const { lp, dps, school } = await partnershipScene(c, 4)
  const { id } = await p.partnership(c.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dps[0]!, cohort: 2025 })
  const put = (partnershipId: string, dp: string) =>
    c.request('PUT', `/api/v3/partnerships/${partnershipId}`, { token: lp.token, body: partnershipBody({ delivery_partner_id: dp }), date: DATE })
  const answers = await Promise.all(Array.from({ length: n }, (_, i) => put(id, dps[1 + (i % 3)]!)))
  const refused = { errors: [{ title: 'delivery_partner_id', detail: ON_PAIRING }] }
  for (const a of answers) if (a.status !== 200 && !(a.status === 422 && same(a.body, refused))) problems.push(`one PUT answered ${a.status} ${a.text.slice(0, 120)}`)
  const events = await c.db.selectFrom('events').select('data').where('subject_id', '=', id).where('action', '=', 'partnership.delivery_partner_changed').orderBy('id').execute()
  const row = await c.db.selectFrom('partnerships').select('delivery_partner_id').where('id', '=', id).executeTakeFirstOrThrow()
  const oks = answers.filter((a) => a.status === 200).length
  if (events.length !== oks) problems.push(`${oks} × 200 but ${events.length} change events`)
  if ((events.at(-1)?.data as { delivery_partner_id?: string } | undefined)?.delivery_partner_id !== row.delivery_partner_id) problems.push('the row is not on the last recorded change')
  let changes = 0
  for (let i = 1; i < events.length; i++) {
    const [before, after] = [events[i - 1]!.data, events[i]!.data] as { delivery_partner_id: string }[]
    if (before!.delivery_partner_id === after!.delivery_partner_id) problems.push('two successive changes to the same delivery partner (the second should be the row-4 422)')
    changes++
  }
  void changes

  const pairs: number[] = []
  for (let round = 0; round < rounds; round++) {
    const s = await f.school(c.db)
    const a = await p.partnership(c.db, { school_id: s.id, lead_provider_id: lp.id, delivery_partner_id: dps[0]!, cohort: 2025 })
    const b = await p.partnership(c.db, { school_id: s.id, lead_provider_id: lp.id, delivery_partner_id: dps[1]!, cohort: 2025, additional: true })
    const both = await Promise.all([put(a.id, dps[2]!), put(b.id, dps[2]!)])
    const statuses = both.map((r) => r.status).sort()
    pairs.push(...statuses)
    if (!same(statuses, [200, 422]) || !same(both.find((r) => r.status === 422)?.body, refused)) problems.push(`pair ${round}: ${tally(statuses)}`)
    const onTarget = await c.db.selectFrom('partnerships').select('id').where('school_id', '=', s.id).where('delivery_partner_id', '=', dps[2]!).execute()
    if (onTarget.length !== 1) problems.push(`pair ${round}: ${onTarget.length} partnerships on one pairing`)
  }
  return {
    bar: 'Q-10',
    figure: `${n} concurrent PUTs on one partnership → ${tally(answers.map((a) => a.status))}, ${events.length} change events, row on the last; ${rounds} pairs of PUTs onto one pairing → ${tally(pairs)}`,
    problems,
  }
}

let trn = 4100000 + Math.floor(Math.random() * 800000)

/**
 * T-18: `rounds` times, one TRN registered at two schools at once (same start date,
 * or different ones): one teacher, each 201 one period, periods one after the other, never overlapping.
 */
export async function registrationsAtTwoSchools(c: Client, rounds: number): Promise<Check> {
  const problems: string[] = []
  await f.cohort(c.db, 2025)
  const schools = [await f.school(c.db), await f.school(c.db)]
  const statuses: number[] = []
  for (let round = 0; round < rounds; round++) {
    const n = String(++trn)
    const dates = round % 2 === 0 ? ['2025-09-01', '2025-10-01'] : ['2025-09-15', '2025-09-15']
    const results = await Promise.all(
      schools.map((school, i) =>
        c.admin('POST', `/schools/${school.urn}/ects`, {
          trn: n, first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: `r${n}.${i}@example.sch.uk`,
          started_on: dates[i], working_pattern: 'full_time', training_programme: 'school_led',
        }, { date: '2025-10-01T09:00:00Z' }),
      ),
    )
    statuses.push(...results.map((r) => r.status))
    for (const r of results) if (r.status !== 201 && r.status !== 422) problems.push(`round ${round}: ${r.status} ${r.text.slice(0, 120)}`)
    const created = results.filter((r) => r.status === 201).length
    if (created === 0) problems.push(`round ${round}: neither registration succeeded`)
    if (dates[0] === dates[1] && created !== 1) problems.push(`round ${round}: ${created} registrations from one date`)
    const teachers = await c.db.selectFrom('teachers').select('id').where('trn', '=', n).execute()
    if (teachers.length !== 1) problems.push(`round ${round}: ${teachers.length} teachers for one TRN`)
    const periods = await c.db.selectFrom('at_school_periods as p').innerJoin('teachers as t', 't.id', 'p.teacher_id')
      .select(['p.id', 'p.started_on', 'p.finished_on']).where('t.trn', '=', n).orderBy('p.started_on').execute()
    if (periods.length !== created) problems.push(`round ${round}: ${created} × 201 but ${periods.length} periods`)
    for (let i = 1; i < periods.length; i++) {
      const finished = periods[i - 1]!.finished_on
      if (finished === null || finished > periods[i]!.started_on) problems.push(`round ${round}: periods overlap`)
    }
    const training = await c.db.selectFrom('training_periods').select(['started_on', 'finished_on']).where('teacher_id', '=', teachers[0]?.id ?? '00000000-0000-0000-0000-000000000000').orderBy('started_on').execute()
    for (let i = 1; i < training.length; i++) {
      const finished = training[i - 1]!.finished_on
      if (finished === null || finished > training[i]!.started_on) problems.push(`round ${round}: training periods overlap`)
    }
  }
  return { bar: 'Q-10', figure: `${rounds} rounds of one TRN registered at two schools at once → ${tally(statuses)}, one teacher and a non-overlapping history each round`, problems }
}

/** Q-10, D-47: `n` identical declarations at once → one 200, n − 1 × the #8 422, one row. */
export async function identicalDeclarations(c: Client, n: number): Promise<Check> {
  await f.cohort(c.db, 2025)
  const lp = await d.provider(c.db, 2025)
  await d.statement(c.db, { lead_provider_id: lp.id, cohort: 2025, year: 2026, month: 11, cut_off_date: '2026-10-31', payment_date: '2026-11-25' })
  await d.statement(c.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
  const scene = await d.trainee(c.db, lp, { cohort: 2025, started_on: '2025-09-01' })
  const body = d.declarationBody({
    participant_id: scene.teacherId, declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z',
    course_identifier: 'ecf-induction', evidence_held: 'training-event-attended',
  })
  const answers = await Promise.all(
    Array.from({ length: n }, () => c.request('POST', '/api/v3/participant-declarations', { token: lp.token, body, date: '2026-11-23T10:15:02Z' })),
  )
  const rows = await c.db.selectFrom('declarations').select('id').where('teacher_id', '=', scene.teacherId).execute()
  const problems: string[] = []
  if (answers.filter((a) => a.status === 200).length !== 1) problems.push(`expected one 200, got ${tally(answers.map((a) => a.status))}: ${answers.find((a) => a.status !== 422)?.text.slice(0, 200)}`)
  const refusals = answers.filter((a) => a.status !== 200)
  if (!refusals.every((a) => a.status === 422 && same(a.body, { errors: [{ title: 'declaration_type', detail: DECLARED }] }))) problems.push(`a refusal is not the #8 422: ${refusals.find((a) => a.status !== 422)?.text.slice(0, 200)}`)
  if (rows.length !== 1) problems.push(`${rows.length} rows`)
  return { bar: 'Q-10', figure: `${n} concurrent identical declaration POSTs → ${tally(answers.map((a) => a.status))}, ${rows.length} row${rows.length === 1 ? '' : 's'}`, problems }
}

/**
 * Q-10, Q-11: PUTs on a partnership while the school reports its teachers leaving — both touch the
 * partnership's and the teachers' rows; taken in opposite orders they deadlocked (a 500).
 */
export async function partnershipPutsAgainstSchoolActions(c: Client, rounds: number): Promise<Check> {
  const problems: string[] = []
  const { lp, dps, school } = await partnershipScene(c, 3)
  const { id } = await p.partnership(c.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dps[0]!, cohort: 2025 })
  const statuses: number[] = []
  for (let round = 0; round < rounds; round++) {
    const teachers = []
    for (let i = 0; i < 3; i++) teachers.push((await d.trainee(c.db, { id: lp.id, deliveryPartnerId: dps[0]! }, { cohort: 2025, started_on: '2025-09-01', school_id: school.id, partnership_id: id })).teacherId)
    const answers = await Promise.all([
      ...[1, 2].map((k) => c.request('PUT', `/api/v3/partnerships/${id}`, { token: lp.token, body: partnershipBody({ delivery_partner_id: dps[(round + k) % 3] }), date: DATE })),
      ...teachers.map((teacher) => c.admin('POST', `/schools/${school.urn}/ects/${teacher}/leaving`, { leaving_on: '2025-12-31' }, { date: '2025-10-01T09:00:00Z' })),
    ])
    statuses.push(...answers.map((a) => a.status))
    for (const a of answers) if (a.status >= 500) problems.push(`round ${round}: ${a.status} ${a.text.slice(0, 120)}`)
  }
  return { bar: 'Q-10', figure: `${rounds} rounds of 2 PUTs on a partnership racing 3 leaving reports of its teachers → ${tally(statuses)}`, problems }
}
