import { readFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import { kyselyOverPGlite, kyselyOverPostgres, openPGlite, type Connection } from '../../../src/db/connect.ts'
import { setupTestApp } from '../../support/app.ts'
import { onPostgres, withDatabase } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const t = await setupTestApp()

function milestonesOf(db: Connection['db'], year: number) {
  return db
    .selectFrom('milestones')
    .select(['schedule_identifier', 'declaration_type', 'start_date', 'milestone_date'])
    .where('cohort_year', '=', year)
    .orderBy('schedule_identifier')
    .orderBy('declaration_type')
    .execute()
}

async function scheduleCount(db: Connection['db'], year: number) {
  return (await db.selectFrom('schedules').select(sql<number>`count(*)::int`.as('n')).where('cohort_year', '=', year).executeTakeFirstOrThrow()).n
}

describe('D-36: creating a cohort creates its schedules', () => {
  it('D-36: POST /cohorts creates the twelve schedules with their milestones (D-30: 9 types for extended, 6 otherwise)', async () => {
    const res = await t.admin('POST', '/cohorts', { year: 2023 }, { date: '2025-05-02T10:00:00Z' })
    expect(res.status).toBe(201)
    expect(await scheduleCount(t.db, 2023)).toBe(12)
    const milestones = await milestonesOf(t.db, 2023)
    expect(milestones).toHaveLength(3 * 9 + 9 * 6)
    expect(milestones.filter((m) => m.schedule_identifier === 'ecf-standard-april')).toEqual([
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'completed', start_date: '2026-01-01', milestone_date: '2026-03-31' },
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'retained-1', start_date: '2024-08-01', milestone_date: '2024-12-31' },
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'retained-2', start_date: '2025-01-01', milestone_date: '2025-03-31' },
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'retained-3', start_date: '2025-04-01', milestone_date: '2025-07-31' },
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'retained-4', start_date: '2025-08-01', milestone_date: '2025-12-31' },
      { schedule_identifier: 'ecf-standard-april', declaration_type: 'started', start_date: '2024-04-01', milestone_date: '2024-07-31' },
    ])
  })

  it('D-36: a later year copies the latest earlier cohort moved forward by the years between', async () => {
    await f.cohort(t.db, 2025)
    const res = await t.admin('POST', '/cohorts', { year: 2029 }, { date: '2025-05-02T10:00:00Z' })
    expect(res.status).toBe(201)
    const later = await milestonesOf(t.db, 2029)
    const earlier = await milestonesOf(t.db, 2025)
    expect(later).toEqual(earlier.map((m) => ({ ...m, start_date: `${Number(m.start_date.slice(0, 4)) + 4}${m.start_date.slice(4)}` })))
  })

  it('D-36: a year before 2021 gets none, so no provider-led training can be placed in it (D-37 foreign key)', async () => {
    const res = await t.admin('POST', '/cohorts', { year: 2020 }, { date: '2025-05-02T10:00:00Z' })
    expect(res.status).toBe(201)
    expect(await scheduleCount(t.db, 2020)).toBe(0)
    const school = await f.school(t.db)
    const teacher = await p.teacher(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2020-09-01' })
    const lp = await f.leadProvider(t.db)
    await expect(p.trainingPeriod(t.db, period, { cohort: 2020, lead_provider_id: lp.id, started_on: '2020-09-01' })).rejects.toThrow(
      /training_periods_d37_schedule_of_its_cohort/,
    )
  })

  it('D-37: a training period must name a schedule of its own cohort', async () => {
    await f.cohort(t.db, 2026)
    const school = await f.school(t.db)
    const teacher = await p.teacher(t.db)
    const lp = await f.leadProvider(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2026-09-01' })
    await p.trainingPeriod(t.db, period, { cohort: 2026, lead_provider_id: lp.id, started_on: '2026-09-01', finished_on: '2027-01-01', schedule_identifier: 'ecf-reduced-april' })
    await expect(
      p.trainingPeriod(t.db, period, { cohort: 2026, lead_provider_id: lp.id, started_on: '2027-09-01', schedule_identifier: 'ecf-shortened-april' }),
    ).rejects.toThrow(/training_periods_d37_schedule_of_its_cohort/)
  })
})

/** A database with 0001 and 0002 applied by hand, so 0003's backfill can be run over old rows. */
async function databaseBefore0003(): Promise<Connection & { drop: () => Promise<void> }> {
  if (!onPostgres) {
    const c = kyselyOverPGlite(await openPGlite(null))
    return { ...c, drop: async () => c.close() }
  }
  const base = inject('postgresBaseUrl')
  const name = `rect_backfill_${randomUUID().replaceAll('-', '').slice(0, 10)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const c = kyselyOverPostgres(withDatabase(base, name), 30_000)
  return {
    ...c,
    drop: async () => {
      await c.close()
      const cleanup = new pg.Client({ connectionString: base })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}

const migration = (file: string) => readFile(fileURLToPath(new URL(`../../../src/db/migrations/${file}`, import.meta.url)), 'utf8')

describe('0003 backfill', () => {
  it('D-33 … D-36: the migration gives cohorts that existed before it the same schedules the cohort command gives', async () => {
    const old = await databaseBefore0003()
    try {
      await sql.raw(await migration('0001_initial.sql')).execute(old.db)
      await sql.raw(await migration('0002_partnerships_and_participants.sql')).execute(old.db)
      const years = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]
      for (const year of years) {
        await old.db
          .insertInto('cohorts')
          .values({
            id: randomUUID(), year, starts_on: `${year}-06-01`, ends_on: `${year + 1}-06-01`, partnerships_open: true, payments_frozen_on: null,
            mentor_funding_enabled: false, detailed_evidence_types_enabled: false, uplift_fees_enabled: false,
            created_at: new Date('2025-01-01T00:00:00Z'), updated_at: new Date('2025-01-01T00:00:00Z'),
          })
          .execute()
      }
      await sql.raw(await migration('0003_schedules.sql')).execute(old.db)
      for (const year of years) {
        await f.cohort(t.db, year)
        expect([year, await milestonesOf(old.db, year)]).toEqual([year, await milestonesOf(t.db, year)])
      }
    } finally {
      await old.drop()
    }
  }, 120_000) // three migrations on a fresh database: slow under a full parallel run
})
