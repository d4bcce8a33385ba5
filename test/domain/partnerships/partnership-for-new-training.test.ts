// P-5, P-33, P-34 as commands: the school-action endpoints call these inside their transaction.
import { afterAll, describe, expect, it } from 'vitest'
import { clockAt } from '../../../src/clock.ts'
import { inTransaction } from '../../../src/db/transaction.ts'
import { partnershipForNewTraining } from '../../../src/domain/partnerships/partnership-for-new-training.ts'
import { onPostgres, testDatabase } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const database = await testDatabase()
const db = database.db
const clock = clockAt(new Date('2026-06-22T10:31:07Z'))
const lp = await f.leadProvider(db)
const northern = await f.deliveryPartner(db)
const pennine = await f.deliveryPartner(db)
await f.pairing(db, lp.id, northern.id, 2024)
await f.pairing(db, lp.id, northern.id, 2025)
await f.pairing(db, lp.id, pennine.id, 2025)
await f.pairing(db, lp.id, northern.id, 2026)

const run = (school_id: string, extra: { partnership_id?: string | null; use_previous_partnership?: boolean } = {}) =>
  inTransaction(db, (tx) =>
    partnershipForNewTraining(tx, clock, { school_id, lead_provider_id: lp.id, cohort_year: 2026, use_previous_partnership: false, ...extra }),
  )

describe('partnershipForNewTraining', () => {
  it('P-5: the named partnership wins, else the primary one', async () => {
    const school = await f.school(db)
    const primary = await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: northern.id, cohort: 2026 })
    expect(await run(school.id)).toBe(primary.id)
    expect(await run(school.id, { partnership_id: 'named' })).toBe('named')
  })

  it('P-5: with no partnership and no carry-forward asked, the training is an EOI period (null)', async () => {
    const school = await f.school(db)
    await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: northern.id, cohort: 2025 })
    expect(await run(school.id)).toBeNull()
  })

  it('P-34: carries the most recent partnership paired in the new cohort forward and attaches EOI periods', async () => {
    const school = await f.school(db)
    const old = await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: northern.id, cohort: 2024 })
    // Pennine in 2025 is more recent but not paired in 2026: skipped.
    await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: pennine.id, cohort: 2025 })
    const t = await p.teacher(db)
    const period = await p.atSchoolPeriod(db, { teacher_id: t.id, school_id: school.id, started_on: '2026-09-01' })
    const eoi = await p.trainingPeriod(db, period, { cohort: 2026, lead_provider_id: lp.id, started_on: '2026-09-01' })

    const id = await run(school.id, { use_previous_partnership: true })
    expect(id).not.toBeNull()
    const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id!).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      delivery_partner_id: northern.id,
      cohort_year: 2026,
      additional: false,
      created_by: 'carry_forward',
      carried_from_partnership_id: old.id,
      created_at: clock.now,
      first_attached_at: clock.now,
    })
    const tp = await db.selectFrom('training_periods').selectAll().where('id', '=', eoi.id).executeTakeFirstOrThrow()
    expect(tp).toMatchObject({ partnership_id: id, began_as_eoi: true })
    const teacher = await db.selectFrom('teachers').select('updated_at').where('id', '=', t.id).executeTakeFirstOrThrow()
    expect(teacher.updated_at).toEqual(clock.now)
    const stamp = await db.selectFrom('school_cohort_stamps').selectAll().where('school_id', '=', school.id).executeTakeFirstOrThrow()
    expect(stamp).toMatchObject({ cohort_year: 2026, updated_at: clock.now })
    const events = await db.selectFrom('events').select(['author', 'action']).where('subject_id', '=', id!).execute()
    expect(events).toEqual([{ author: 'school', action: 'partnership.carried_forward' }])
  })

  it('P-34 step 4: nothing to carry (no earlier partnership paired in the cohort) → null', async () => {
    const school = await f.school(db)
    await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: pennine.id, cohort: 2025 })
    expect(await run(school.id, { use_previous_partnership: true })).toBeNull()
  })

  it.skipIf(!onPostgres)('P-34 (decided): a carry-forward that loses the race to a concurrent creation uses the winner', async () => {
    const school = await f.school(db)
    await p.partnership(db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: northern.id, cohort: 2025 })
    let commit!: () => void
    const held = new Promise<void>((resolve) => (commit = resolve))
    let winnerId = ''
    const inserted = new Promise<void>((resolve) => {
      // The winner inserts its primary partnership and holds its transaction open.
      void inTransaction(db, async (tx) => {
        winnerId = (await p.partnership(tx as never, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: northern.id, cohort: 2026 })).id
        resolve()
        await held
      })
    })
    await inserted
    // Ours cannot see the uncommitted winner, so it carries forward; its insert waits on P-6.
    const ours = run(school.id, { use_previous_partnership: true })
    await new Promise((r) => setTimeout(r, 200))
    commit()
    expect(await ours).toBe(winnerId)
    const rows = await db.selectFrom('partnerships').select('created_by').where('school_id', '=', school.id).where('cohort_year', '=', 2026).execute()
    expect(rows).toEqual([{ created_by: 'lead_provider' }])
  })
})

afterAll(() => database.close())
