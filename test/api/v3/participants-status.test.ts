// GET /api/v3/participants: R-35 … R-38, the derived statuses, membership and updated_at.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { partnershipOf, place, provider, setTeacher, setTrainingPeriod, type Placement } from '../../support/participants-scene.ts'
import { enrolmentOf, feedRequests, ids, NOT_FOUND } from '../../support/participants-feed.ts'

const t = await setupTestApp()
const { get, show, enrolments } = feedRequests(t)
const lp = await provider(t.db)
const other = await provider(t.db)

describe('R-35 participant_status', () => {
  const scene = async (tp: { started_on: string; finished_on?: string | null }, period = { started_on: '2025-09-01' }) =>
    place(t.db, lp, { period: { ...period, finished_on: tp.finished_on ?? null }, tp })
  const statusOn = async (pl: Placement, date: string) => (await enrolments(lp, pl.teacherId, date))[0].participant_status

  it('R-35 rule 1: a withdrawn TP is leaving until its finished_on, then left', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-12-01' })
    await setTrainingPeriod(t.db, pl.tpId, { withdrawn_at: new Date('2025-11-01T10:00:00Z'), withdrawal_reason: 'other' })
    expect([await statusOn(pl, '2025-11-30'), await statusOn(pl, '2025-12-01')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 1: a deferred TP is left from its finished_on, even when induction is complete', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-10' })
    await setTrainingPeriod(t.db, pl.tpId, { deferred_at: new Date('2025-11-10T10:00:00Z'), deferral_reason: 'career-break' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-01' })
    expect([await statusOn(pl, '2025-11-09'), await statusOn(pl, '2025-11-10')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 2: an ECT whose induction completed on or before the finished_on is active', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-01' })
    expect(await statusOn(pl, '2026-01-01')).toBe('active')
  })

  it('R-35 rule 2: an ongoing TP with induction completed is active, even before it starts', async () => {
    const pl = await scene({ started_on: '2025-12-01' }, { started_on: '2025-12-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2027-07-20' })
    expect(await statusOn(pl, '2025-11-12')).toBe('active')
  })

  it('R-35 rule 2: induction completed after the finished_on falls through to rule 3', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, pl.teacherId, { induction_completed_on: '2025-11-02' })
    expect(await statusOn(pl, '2025-11-12')).toBe('left')
  })

  it("R-35 rule 2: a mentor whose mentor_ineligible_for_funding_on is on or before the finished_on is active; an ECT's is not read", async () => {
    const mentor = await place(t.db, lp, { role: 'mentor', period: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    await setTeacher(t.db, mentor.teacherId, { mentor_ineligible_for_funding_on: '2025-10-31', induction_completed_on: null })
    expect(await statusOn(mentor, '2025-11-12')).toBe('active')
    const ect = await scene({ started_on: '2025-09-01', finished_on: '2025-11-01' })
    await setTeacher(t.db, ect.teacherId, { mentor_ineligible_for_funding_on: '2025-10-31' })
    expect(await statusOn(ect, '2025-11-12')).toBe('left')
  })

  it('R-35 rule 3: a finished TP is leaving until its date, then left', async () => {
    const pl = await scene({ started_on: '2025-09-01', finished_on: '2026-02-13' })
    expect([await statusOn(pl, '2026-02-12'), await statusOn(pl, '2026-02-13')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 3: an empty TP [F, F) is leaving until F, then left (R-7)', async () => {
    const pl = await place(t.db, lp, { period: { started_on: '2025-09-01' }, tp: { started_on: '2026-01-05', finished_on: '2026-01-05' } })
    expect([await statusOn(pl, '2025-11-12'), await statusOn(pl, '2026-01-05')]).toEqual(['leaving', 'left'])
  })

  it('R-35 rule 4, 5: a TP starting after today is joining, then active from its started_on', async () => {
    const pl = await scene({ started_on: '2026-01-05' }, { started_on: '2026-01-05' })
    expect([await statusOn(pl, '2026-01-04'), await statusOn(pl, '2026-01-05')]).toEqual(['joining', 'active'])
  })
})

describe('R-36 training_status', () => {
  const withStamps = async (withdrawn: string | null, deferred: string | null) => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    await setTrainingPeriod(t.db, pl.tpId, {
      withdrawn_at: withdrawn ? new Date(withdrawn) : null,
      withdrawal_reason: withdrawn ? 'moved-school' : null,
      deferred_at: deferred ? new Date(deferred) : null,
      deferral_reason: deferred ? 'bereavement' : null,
    })
    return (await enrolments(lp, pl.teacherId))[0]
  }

  it('R-36: active without a withdrawal or deferral', async () => {
    expect((await withStamps(null, null)).training_status).toBe('active')
  })

  it('R-36: withdrawn when withdrawn after a deferral; deferral is then null', async () => {
    const e = await withStamps('2025-11-02T10:00:00Z', '2025-11-01T10:00:00Z')
    expect([e.training_status, e.withdrawal, e.deferral]).toEqual(['withdrawn', { reason: 'moved-school', date: '2025-11-02T10:00:00Z' }, null])
  })

  it('R-36: deferred when deferred after a withdrawal; withdrawal is then null', async () => {
    const e = await withStamps('2025-11-01T10:00:00Z', '2025-11-02T10:00:00Z')
    expect([e.training_status, e.withdrawal, e.deferral]).toEqual(['deferred', null, { reason: 'bereavement', date: '2025-11-02T10:00:00Z' }])
  })
})

describe('R-37 eligible_for_funding', () => {
  const ectWith = async (eligibleAt: string | null, ineligibleOn: string | null) => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { ect_eligible_for_funding_at: eligibleAt ? new Date(eligibleAt) : null, ect_ineligible_for_funding_on: ineligibleOn })
    return (await enrolments(lp, pl.teacherId))[0].eligible_for_funding
  }

  it('R-37: null when neither fact is set', async () => {
    expect(await ectWith(null, null)).toBeNull()
  })

  it('R-37: true when eligible and never made ineligible', async () => {
    expect(await ectWith('2025-09-01T08:00:00Z', null)).toBe(true)
  })

  it("R-37: true when the eligible instant's London date is on or before the ineligible date", async () => {
    // 2025-08-31T23:30Z is 1 September in London (BST).
    expect(await ectWith('2025-08-31T23:30:00Z', '2025-09-01')).toBe(true)
  })

  it("R-37: false when the eligible instant's London date is after the ineligible date, or only the ineligible date is set", async () => {
    expect(await ectWith('2025-08-31T23:30:00Z', '2025-08-31')).toBe(false)
    expect(await ectWith(null, '2025-08-31')).toBe(false)
  })

  it("R-37: the mentor enrolment reads the mentor's facts, and stays true after the mentor completes", async () => {
    const mentor = await place(t.db, lp, { role: 'mentor' })
    await setTeacher(t.db, mentor.teacherId, {
      ect_eligible_for_funding_at: null,
      ect_ineligible_for_funding_on: '2020-01-01',
      mentor_eligible_for_funding_at: new Date('2025-09-01T08:00:00Z'),
      mentor_ineligible_for_funding_on: '2026-07-31',
      mentor_ineligible_for_funding_reason: 'completed_declaration_received',
    })
    expect((await enrolments(lp, mentor.teacherId))[0].eligible_for_funding).toBe(true)
  })
})

describe('R-32 membership and R-33 enrolments', () => {
  it('R-32: finished, future and empty confirmed periods all count', async () => {
    const finished = await place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2025-10-01' } })
    const future = await place(t.db, lp, { period: { started_on: '2026-04-01' } })
    const empty = await place(t.db, lp, { period: { started_on: '2025-09-01' }, tp: { started_on: '2025-10-01', finished_on: '2025-10-01' } })
    for (const pl of [finished, future, empty]) expect((await get(lp, `/participants/${pl.teacherId}`)).status).toBe(200)
  })

  it('R-32: an awaiting-partnership period never counts, even once a partnership exists for another lead provider', async () => {
    const pl = await place(t.db, lp, { awaiting: true })
    expect((await get(lp, `/participants/${pl.teacherId}`)).body).toEqual(NOT_FOUND)
    await place(t.db, other, { school: pl.school, teacherId: (await p.teacher(t.db)).id })
    expect((await get(lp, `/participants/${pl.teacherId}`)).status).toBe(404)
  })

  it('R-32: membership is never lost when the school moves the participant to another lead provider', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-11-01' } })
    const theirs = await partnershipOf(t.db, other, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: other.id, partnership_id: theirs, started_on: '2025-11-01' })
    expect((await enrolments(lp, pl.teacherId))[0]).toEqual(enrolmentOf(pl, lp, { participant_status: 'left' }))
    expect((await enrolments(other, pl.teacherId))[0]).toMatchObject({ participant_status: 'active', delivery_partner_id: other.deliveryPartnerId })
  })

  it("R-40, C-28: another lead provider's participant, an unknown id and a malformed id are the 404", async () => {
    const pl = await place(t.db, other)
    for (const id of [pl.teacherId, crypto.randomUUID(), 'not-a-uuid', `{${pl.teacherId}}`]) {
      const res = await get(lp, `/participants/${id}`)
      expect([res.status, res.body]).toEqual([404, NOT_FOUND])
    }
  })

  it('C-16: the path id matches in any letter case', async () => {
    const pl = await place(t.db, lp)
    const res = await get(lp, `/participants/${pl.teacherId.toUpperCase()}`)
    expect([res.status, res.body.data.id]).toEqual([200, pl.teacherId])
  })

  it("R-33: the caller's period with the latest started_on, not another provider's later one", async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-09-01', finished_on: '2025-10-01' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-11-01', schedule_identifier: 'ecf-standard-january' })
    const theirs = await partnershipOf(t.db, other, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: other.id, partnership_id: theirs, started_on: '2025-11-01' })
    expect((await enrolments(lp, pl.teacherId))[0]).toMatchObject({ schedule_identifier: 'ecf-standard-january', participant_status: 'left' })
  })

  it('R-33 ties: on one started_on a non-empty period wins over an empty one, even one created later', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-10-01', created_at: '2025-09-01T09:00:00Z' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-10-01', schedule_identifier: 'ecf-extended-september', created_at: '2025-09-02T09:00:00Z' })
    expect((await enrolments(lp, pl.teacherId))[0]).toMatchObject({ schedule_identifier: 'ecf-standard-september', participant_status: 'active' })
  })

  it('R-33 ties: between two empty periods on one date, the latest created wins', async () => {
    const pl = await place(t.db, lp, { tp: { started_on: '2025-10-01', finished_on: '2025-10-01', created_at: '2025-09-03T09:00:00Z' } })
    const mine = await partnershipOf(t.db, lp, pl.school, 2025)
    await p.trainingPeriod(t.db, pl.period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: mine, started_on: '2025-10-01', finished_on: '2025-10-01', schedule_identifier: 'ecf-reduced-september', created_at: '2025-09-01T09:00:00Z' })
    expect((await enrolments(lp, pl.teacherId))[0].schedule_identifier).toBe('ecf-standard-september')
  })

  it('R-33: a role without a caller period has no enrolment (school-led ECT, mentor with the caller)', async () => {
    const school = await f.school(t.db)
    const teacher = await p.teacher(t.db)
    const ectPeriod = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
    await p.trainingPeriod(t.db, ectPeriod, { cohort: 2025, school_led: true, started_on: '2025-09-01' })
    const mentor = await place(t.db, lp, { teacherId: teacher.id, school, role: 'mentor' })
    expect(await enrolments(lp, teacher.id)).toEqual([enrolmentOf(mentor, lp)])
  })
})

describe('R-38 updated_at', () => {
  const since = (instant: string) => `/participants?filter[updated_since]=${encodeURIComponent(instant)}&page[per_page]=3000`

  it('R-38: the stored stamp when it is later than every period date', async () => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { updated_at: new Date('2025-11-10T14:20:31.250Z') })
    expect((await show(lp, pl.teacherId)).data.attributes.updated_at).toBe('2025-11-10T14:20:31Z')
  })

  // Each date on which participant_status or mentor_id changes by itself: a poll from just before
  // that midnight (London) misses the record the day before and returns it on the day.
  const cases: { title: string; date: string; midnight: string; build: () => Promise<Placement> }[] = [
    {
      title: 'a TP started_on (joining → active), in BST',
      date: '2026-04-01',
      midnight: '2026-03-31T23:00:00Z',
      build: () => place(t.db, lp, { period: { started_on: '2026-04-01' } }),
    },
    {
      title: 'a TP finished_on (leaving → left)',
      date: '2026-02-13',
      midnight: '2026-02-13T00:00:00Z',
      build: () => place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2026-02-13' } }),
    },
    {
      title: 'an empty TP date (leaving → left)',
      date: '2026-01-05',
      midnight: '2026-01-05T00:00:00Z',
      build: () => place(t.db, lp, { tp: { started_on: '2026-01-05', finished_on: '2026-01-05' } }),
    },
    {
      title: "another provider's TP of the teacher (one value for every caller, C-62)",
      date: '2026-03-02',
      midnight: '2026-03-02T00:00:00Z',
      build: async () => {
        const mentor = await place(t.db, lp, { role: 'mentor' })
        await place(t.db, other, { teacherId: mentor.teacherId, period: { started_on: '2026-03-02' } })
        return mentor
      },
    },
    {
      title: 'a mentorship finished_on (mentor_id → null)',
      date: '2026-01-19',
      midnight: '2026-01-19T00:00:00Z',
      build: async () => {
        const pl = await place(t.db, lp)
        const m = await p.teacher(t.db)
        const mp = await p.atSchoolPeriod(t.db, { teacher_id: m.id, school_id: pl.school.id, role: 'mentor', started_on: '2025-09-01' })
        await p.mentorship(t.db, { ect_period: pl.period, mentor_period: mp, started_on: '2025-09-01', finished_on: '2026-01-19' })
        return pl
      },
    },
  ]
  for (const c of cases) {
    it(`R-38, C-58, C-59: ${c.title} moves updated_at to 00:00 London that day`, async () => {
      const pl = await c.build()
      const before = new Date(Date.parse(c.midnight) - 1000).toISOString()
      const dayBefore = new Date(Date.parse(c.midnight) - 12 * 3600_000).toISOString().slice(0, 10)
      const onTheDay = await get(lp, since(before), c.date)
      expect(ids(onTheDay.body)).toContain(pl.teacherId)
      expect(onTheDay.body.data.find((d: { id: string }) => d.id === pl.teacherId).attributes.updated_at).toBe(c.midnight.replace('.000', ''))
      expect(ids((await get(lp, since(before), dayBefore)).body)).not.toContain(pl.teacherId)
      // C-15: polling from the shown value itself returns the record; a second later does not.
      expect(ids((await get(lp, since(c.midnight), c.date)).body)).toContain(pl.teacherId)
      const after = new Date(Date.parse(c.midnight) + 1000).toISOString()
      expect(ids((await get(lp, since(after), c.date)).body)).not.toContain(pl.teacherId)
    })
  }

  it('C-54, C-59: concurrent requests with different server dates each get their own updated_at and status', async () => {
    const pl = await place(t.db, lp, { period: { started_on: '2025-09-01', finished_on: '2026-02-13' } })
    const [a, b] = await Promise.all([show(lp, pl.teacherId, '2026-02-12'), show(lp, pl.teacherId, '2026-02-13T10:00:00Z')])
    expect([a.data.attributes.updated_at, a.data.attributes.ecf_enrolments[0].participant_status]).toEqual(['2025-08-31T23:00:00Z', 'leaving'])
    expect([b.data.attributes.updated_at, b.data.attributes.ecf_enrolments[0].participant_status]).toEqual(['2026-02-13T00:00:00Z', 'left'])
  })

  it('C-15: updated_since equal to a shown updated_at with sub-second precision returns the record', async () => {
    const pl = await place(t.db, lp)
    await setTeacher(t.db, pl.teacherId, { updated_at: new Date('2025-11-11T08:00:00.750Z') })
    expect(ids((await get(lp, since('2025-11-11T08:00:00Z'))).body)).toContain(pl.teacherId)
    expect(ids((await get(lp, since('2025-11-11T08:00:00.8Z'))).body)).not.toContain(pl.teacherId)
  })
})

// One provider's list, for filters, sort and paging: A (ECT 2024), B (ECT 2025, withdrawn), C (mentor
// 2025 deferred, and ECT 2024).
