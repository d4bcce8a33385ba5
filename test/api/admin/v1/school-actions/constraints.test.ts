import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { violatedConstraint, writeGuarded, writeOrConflict } from '../../../../../src/db/constraints.ts'
import { inTransaction } from '../../../../../src/db/transaction.ts'
import { InvalidError } from '../../../../../src/errors.ts'
import { setupTestApp } from '../../../../support/app.ts'
import { onPostgres } from '../../../../support/db.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { ect, scene } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)

async function refused(write: () => Promise<unknown>, constraint: string) {
  const error = await write().then(() => null, (e: unknown) => e)
  expect(error, `expected ${constraint} to refuse the write`).not.toBeNull()
  const text = `${(error as Error).message} ${(error as { constraint?: string }).constraint ?? ''}`
  expect(text).toContain(constraint)
}

async function ectAt(schoolId: string, fields: { started_on?: string; finished_on?: string | null } = {}) {
  const teacher = await p.teacher(t.db)
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: schoolId, started_on: fields.started_on ?? '2025-09-01', finished_on: fields.finished_on ?? null })
  return { teacher, period }
}

describe('R-10: the database refuses what the commands check', () => {
  it('R-10: TRN format and uniqueness', async () => {
    await refused(() => p.teacher(t.db, { trn: '12345' }), 'teachers_r10_trn_format')
    const known = await p.teacher(t.db)
    await refused(() => p.teacher(t.db, { trn: known.trn }), 'teachers_r10_trn_unique')
  })

  it('R-10: an at-school period finishes after it starts; one school at a time per role (exclusion)', async () => {
    const teacher = await p.teacher(t.db)
    await refused(() => p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.riverside.id, started_on: '2025-09-01', finished_on: '2025-09-01' }), 'at_school_periods_r10_finishes_after_start')
    await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.riverside.id, started_on: '2025-09-01', finished_on: '2026-01-01' })
    await refused(() => p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.oakfield.id, started_on: '2025-12-31' }), 'at_school_periods_r10_one_school_at_a_time')
    await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.oakfield.id, started_on: '2026-01-01' })
    await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.oakfield.id, role: 'mentor', started_on: '2025-09-01' })
  })

  it('R-10: a training period copies its period’s teacher, role and school (composite FK) and its partnership’s triple', async () => {
    const { period } = await ectAt(s.riverside.id)
    await refused(() => p.trainingPeriod(t.db, { ...period, school_id: s.oakfield.id }, { cohort: 2025, school_led: true, started_on: '2025-09-01' }), 'training_periods_r10_in_its_school_period')
    await refused(() => p.trainingPeriod(t.db, { ...period, role: 'mentor' }, { cohort: 2025, lead_provider_id: s.ambition.id, started_on: '2025-09-01' }), 'training_periods_r10_in_its_school_period')
    const elsewhere = await p.partnership(t.db, { school_id: s.oakfield.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.ambition.id, partnership_id: elsewhere.id, started_on: '2025-09-01' }), 'training_periods_r10_partnership_matches')
  })

  it('R-10, R-7: dates and kinds of training (CHECK): only confirmed periods may be empty; school-led is ECT-only and has no schedule', async () => {
    const { period } = await ectAt(s.riverside.id)
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.ambition.id, started_on: '2025-10-01', finished_on: '2025-10-01' }), 'training_periods_r10_dates')
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-10-01', finished_on: '2025-09-30' }), 'training_periods_r10_dates')
    const own = await p.partnership(t.db, { school_id: s.riverside.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: s.ambition.id, partnership_id: own.id, started_on: '2025-10-01', finished_on: '2025-10-01' })
    const m = await p.teacher(t.db)
    const mentorPeriod = await p.atSchoolPeriod(t.db, { teacher_id: m.id, school_id: s.riverside.id, role: 'mentor', started_on: '2025-09-01' })
    await refused(() => p.trainingPeriod(t.db, mentorPeriod, { cohort: 2025, school_led: true, started_on: '2025-09-01' }), 'training_periods_r10_kind')
    await refused(() => p.trainingPeriod(t.db, mentorPeriod, { cohort: 2025, started_on: '2025-09-01' }), 'training_periods_r10_kind')
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2031, school_led: true, started_on: '2025-09-01' }), 'training_periods_cohort_year_fkey')
  })

  it('R-10: two training periods of one teacher in one role never overlap (exclusion); empty ones never overlap', async () => {
    const { period } = await ectAt(s.riverside.id)
    await p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-09-01', finished_on: '2025-11-01' })
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-10-31' }), 'training_periods_r10_no_overlap')
    await p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-11-01' })
  })

  it('R-10: a training period lies inside its at-school period — deferred trigger, checked at commit on both tables', async () => {
    const { period } = await ectAt(s.riverside.id, { finished_on: '2026-01-01' })
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-09-01' }), 'training_periods_r10_inside_school_period')
    await refused(() => p.trainingPeriod(t.db, period, { cohort: 2025, school_led: true, started_on: '2025-08-31', finished_on: '2025-12-01' }), 'training_periods_r10_inside_school_period')
    // Inside one transaction the period and its training may move in any order: checked at commit.
    await inTransaction(t.db, async (tx) => {
      await tx.updateTable('at_school_periods').set({ finished_on: '2025-12-01' }).where('id', '=', period.id).execute()
      await tx.insertInto('training_periods').values(trainingRow(period, '2025-09-01', '2025-12-01')).execute()
    })
    await refused(() => t.db.updateTable('at_school_periods').set({ finished_on: '2025-11-01' }).where('id', '=', period.id).execute(), 'training_periods_r10_inside_school_period')
  })

  it('R-10: mentorships — same school, different teachers, one at a time, inside both periods', async () => {
    const { teacher, period } = await ectAt(s.riverside.id)
    const mentorTeacher = await p.teacher(t.db)
    const mentorPeriod = { ...(await p.atSchoolPeriod(t.db, { teacher_id: mentorTeacher.id, school_id: s.riverside.id, role: 'mentor', started_on: '2025-09-01', finished_on: '2026-01-01' })) }
    const self = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: s.riverside.id, role: 'mentor', started_on: '2025-09-01' })
    const elsewhere = await p.atSchoolPeriod(t.db, { teacher_id: (await p.teacher(t.db)).id, school_id: s.oakfield.id, role: 'mentor', started_on: '2025-09-01' })
    await refused(() => p.mentorship(t.db, { ect_period: period, mentor_period: self, started_on: '2025-09-01', finished_on: '2025-10-01' }), 'mentorships_r10_different_teachers')
    await refused(() => p.mentorship(t.db, { ect_period: period, mentor_period: elsewhere, started_on: '2025-09-01', finished_on: '2025-10-01' }), 'mentorships_r10_mentor_period')
    await refused(() => p.mentorship(t.db, { ect_period: period, mentor_period: mentorPeriod, started_on: '2025-09-01' }), 'mentorships_r10_inside_periods')
    await p.mentorship(t.db, { ect_period: period, mentor_period: mentorPeriod, started_on: '2025-09-01', finished_on: '2025-12-01' })
    await refused(() => p.mentorship(t.db, { ect_period: period, mentor_period: mentorPeriod, started_on: '2025-11-30', finished_on: '2026-01-01' }), 'mentorships_r10_one_mentor_at_a_time')
    await refused(() => t.db.updateTable('at_school_periods').set({ finished_on: '2025-11-01' }).where('id', '=', mentorPeriod.id).execute(), 'mentorships_r10_inside_periods')
  })

  it('R-11, Q-10: a violation inside a command becomes a 422, never a 500', async () => {
    const { period } = await ectAt(s.riverside.id, { finished_on: '2026-01-01' })
    const error = await inTransaction(t.db, (tx) =>
      writeGuarded(tx, async () => {
        await tx.insertInto('training_periods').values(trainingRow(period, '2025-09-01', null)).execute()
      }, async (constraint) => [{ attribute: 'started_on', detail: constraint }]),
    ).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(InvalidError)
    expect((error as InvalidError).problems).toEqual([{ attribute: 'started_on', detail: 'training_periods_r10_inside_school_period' }])
    // The transaction stays usable after the guard rolled back its writes.
    await inTransaction(t.db, async (tx) => {
      await writeGuarded(tx, async () => {
        await tx.insertInto('training_periods').values(trainingRow(period, '2025-09-01', '2026-01-01')).execute()
      }, async () => [])
    })
  })

  it('Q-10: the one race helper names an expected violation, rethrows any other, and leaves the transaction usable', async () => {
    const known = await p.teacher(t.db)
    const unique = 'teachers_r10_trn_unique'
    await inTransaction(t.db, async (tx) => {
      expect(await writeOrConflict(tx, [unique], () => p.teacher(tx, { trn: known.trn }))).toBe(unique)
      expect(await writeOrConflict(tx, 'any', () => p.teacher(tx, { trn: known.trn }))).toBe(unique)
      const other = await writeOrConflict(tx, ['schools_p21_urn_unique'], () => p.teacher(tx, { trn: known.trn })).then(() => null, (e: unknown) => e)
      expect(violatedConstraint(other)).toBe(unique)
      // The rethrown failure aborted the transaction: roll it back through a thrown sentinel.
      throw new Rollback()
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e
    })
    await inTransaction(t.db, async (tx) => {
      expect(await writeOrConflict(tx, [unique], () => p.teacher(tx, { trn: known.trn }))).toBe(unique)
      expect(await writeOrConflict(tx, [unique], () => p.teacher(tx))).toBeNull()
    })
  })
})

class Rollback extends Error {}

function trainingRow(period: { id: string; teacher_id: string; school_id: string }, started_on: string, finished_on: string | null) {
  const at = new Date('2025-09-01T09:00:00Z')
  return {
    id: randomUUID(), at_school_period_id: period.id, teacher_id: period.teacher_id, role: 'ect' as const, school_id: period.school_id,
    training_programme: 'school_led' as const, lead_provider_id: null, cohort_year: 2025, partnership_id: null, schedule_identifier: null,
    started_on, finished_on, withdrawn_at: null, withdrawal_reason: null, deferred_at: null, deferral_reason: null, created_at: at, updated_at: at,
  }
}

describe('R-11, T-18: concurrent registrations of one TRN at two schools', () => {
  it.skipIf(!onPostgres)('T-18: they run one after the other and leave a consistent, non-overlapping history', async () => {
    const schools = [await f.school(t.db), await f.school(t.db)]
    for (let round = 0; round < 8; round++) {
      const body = ect()
      const dates = round % 2 === 0 ? ['2025-09-01', '2025-10-01'] : ['2025-09-15', '2025-09-15']
      const results = await Promise.all(schools.map((school, i) =>
        t.admin('POST', `/schools/${school.urn}/ects`, { ...body, email: `r${round}.${i}@example.sch.uk`, started_on: dates[i] }, { date: '2025-10-01T09:00:00Z' })))
      for (const res of results) expect([201, 422]).toContain(res.status)
      expect(results.some((r) => r.status === 201)).toBe(true)
      if (dates[0] === dates[1]) expect(results.filter((r) => r.status === 201)).toHaveLength(1)
      const periods = await t.db.selectFrom('at_school_periods as p').innerJoin('teachers as t', 't.id', 'p.teacher_id')
        .select(['p.started_on', 'p.finished_on']).where('t.trn', '=', body.trn).orderBy('p.started_on').execute()
      expect(periods).toHaveLength(results.filter((r) => r.status === 201).length)
      for (let i = 1; i < periods.length; i++) expect(periods[i - 1]!.finished_on).toBe(periods[i]!.started_on)
      const teachers = await t.db.selectFrom('teachers').select('id').where('trn', '=', body.trn).execute()
      expect(teachers).toHaveLength(1)
    }
  })
})
