// S-60 … S-67, Q-15 on the seeded data set: the S-67 worked example through the school actions,
// and 200 concurrent requests at different X-With-Server-Date values, each seeing only its own
// date. (The header's parsing, its 400s and production's refusal: test/api/conventions.)
import { describe, expect, it } from 'vitest'
import { seedId } from '../../src/sandbox/derive.ts'
import { seededApp } from './guarantee.ts'

const { t, seeded } = await seededApp('2026-11-23')
const [lp, other] = seeded.lead_providers as [(typeof seeded.lead_providers)[0], (typeof seeded.lead_providers)[0]]
const schoolA = await t.db.selectFrom('schools').select(['id', 'urn']).where('id', '=', seedId(1, 'school:ambition-institute:A')).executeTakeFirstOrThrow()
const schoolB = await t.db.selectFrom('schools').select(['id', 'urn']).where('id', '=', seedId(1, 'school:best-practice-network:A')).executeTakeFirstOrThrow()

// S-67: an ECT trains with LP at A from 2026-09-01; on 2026-11-20 A reports them leaving on
// 2026-12-03 and B registers them with the other LP from 2026-12-03.
const ect = { trn: '3999001', first_name: 'Amelia', last_name: 'Hughes', date_of_birth: '1996-04-02', working_pattern: 'full_time', training_programme: 'provider_led' }
const registered = await t.admin('POST', `/schools/${schoolA.urn}/ects`, { ...ect, email: 'amelia.hughes@a.example.sch.uk', started_on: '2026-09-01', lead_provider_id: lp.id }, { date: '2026-09-01T10:00:00Z' })
const participantId: string = registered.body.data.participant_id ?? registered.body.data.id
await t.admin('POST', `/schools/${schoolA.urn}/ects/${participantId}/leaving`, { leaving_on: '2026-12-03' }, { date: '2026-11-20T10:00:00Z' })
const moved = await t.admin('POST', `/schools/${schoolB.urn}/ects`, { ...ect, email: 'amelia.hughes@b.example.sch.uk', started_on: '2026-12-03', lead_provider_id: other.id }, { date: '2026-11-20T10:05:00Z' })
const partnershipA = (await t.db.selectFrom('partnerships').select('id').where('school_id', '=', schoolA.id).where('lead_provider_id', '=', lp.id).where('cohort_year', '=', 2026).executeTakeFirstOrThrow()).id

const ROWS = [
  { header: '2026-11-23T14:00:00Z', today: '2026-11-23', lp: 'leaving', other: 'joining', status: 'incomplete' },
  { header: '2026-12-02T23:30:00Z', today: '2026-12-02', lp: 'leaving', other: 'joining', status: 'incomplete' },
  { header: '2026-12-03', today: '2026-12-03', lp: 'left', other: 'active', status: 'complete' },
  { header: '2027-03-01T09:00:00+01:00', today: '2027-03-01', lp: 'left', other: 'active', status: 'complete' },
]

const statusFor = async (token: string, date: string) => {
  const res = await t.request('GET', `/api/v3/participants/${participantId}`, { token, date })
  expect(res.status).toBe(200)
  return res.body.data.attributes.ecf_enrolments.at(-1).participant_status as string
}
const transferStatus = async (token: string, date: string) => {
  const res = await t.request('GET', `/api/v3/participants/${participantId}/transfers`, { token, date })
  expect(res.status).toBe(200)
  return res.body.data.attributes.transfers[0].status as string
}
const trainingAtA = async (date: string) =>
  (await t.request('GET', `/api/v3/partnerships/${partnershipA}`, { token: lp.token, date })).body.data.attributes.participants_currently_training as number

describe('S-67 the worked example', () => {
  it('S-67: the set-up went through the school actions', () => {
    expect(registered.status).toBe(201)
    expect(moved.status).toBe(201)
  })

  it.each(ROWS)('S-64, S-67: at $header (today $today) LP sees $lp, the other LP $other, both $status', async (row) => {
    expect(await statusFor(lp.token, row.header)).toBe(row.lp)
    expect(await statusFor(other.token, row.header)).toBe(row.other)
    expect(await transferStatus(lp.token, row.header)).toBe(row.status)
    expect(await transferStatus(other.token, row.header)).toBe(row.status)
  })
})

describe('S-63, Q-15 request-scoped time travel', () => {
  it('Q-15: 200 concurrent requests at the S-67 dates each answer for their own date, none for another', async () => {
    const expected = new Map<string, { lp: string; other: string; status: string; training: number }>()
    for (const row of ROWS) expected.set(row.header, { ...row, training: await trainingAtA(row.header) })
    // participants_currently_training at A changes on 2026-12-03, when the ECT leaves it.
    expect(expected.get(ROWS[1]!.header)!.training).toBe(expected.get(ROWS[2]!.header)!.training + 1)
    const kinds = ['lp', 'other', 'status', 'training'] as const
    const calls = Array.from({ length: 200 }, (_, i) => ({ row: ROWS[i % ROWS.length]!, kind: kinds[Math.floor(i / ROWS.length) % kinds.length]! }))
    const answers = await Promise.all(
      calls.map(async ({ row, kind }) => {
        if (kind === 'lp') return statusFor(lp.token, row.header)
        if (kind === 'other') return statusFor(other.token, row.header)
        if (kind === 'status') return transferStatus(lp.token, row.header)
        return trainingAtA(row.header)
      }),
    )
    expect(answers).toEqual(calls.map(({ row, kind }) => expected.get(row.header)![kind]))
  }, 120_000)

  it('S-65, C-55: travelling changed nothing stored; without the header the real clock answers', async () => {
    const res = await t.request('GET', `/api/v3/participants/${participantId}`, { token: lp.token })
    expect(res.status).toBe(200)
    expect(await trainingAtA(ROWS[1]!.header)).toBe(await trainingAtA(ROWS[0]!.header))
  })
})
