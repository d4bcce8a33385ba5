// R-36 has two statements: trainingStatusOf, which the commands use (D-12 … D-14, D-44 #16), and
// the feed's SQL, trainingStatusSql, which filter[training_status] pages on. Both read the same
// stored training periods here and must give the same answer.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { trainingStatusSql } from '../../../src/api/v3/participants/query.ts'
import { addDays } from '../../../src/clock.ts'
import { trainingStatusOf, type TrainingStamps, type TrainingStatus } from '../../../src/domain/participants-feed/rules.ts'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)
const school = await f.school(t.db)

/**
 * Stores each pair of stamps on a one-day training period of a fresh teacher, then reads them
 * back: the SQL's answer, and the TypeScript's on the stamps as a command would load them.
 */
async function bothAnswers(cases: readonly TrainingStamps[]) {
  const teacher = await p.teacher(t.db)
  const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2000-01-01' })
  const at = new Date('2025-06-01T09:00:00Z')
  await t.db
    .insertInto('training_periods')
    .values(cases.map((c, i) => ({
      id: randomUUID(), at_school_period_id: period.id, teacher_id: teacher.id, role: 'ect' as const, school_id: school.id,
      training_programme: 'school_led' as const, lead_provider_id: null, cohort_year: 2025, partnership_id: null, schedule_identifier: null,
      started_on: addDays('2000-01-01', i), finished_on: addDays('2000-01-01', i + 1),
      withdrawn_at: c.withdrawn_at, withdrawal_reason: c.withdrawn_at ? 'other' : null, deferred_at: c.deferred_at, deferral_reason: c.deferred_at ? 'other' : null,
      created_at: at, updated_at: at,
    })))
    .execute()
  const rows = await t.db
    .selectFrom('training_periods as tp')
    .select(['tp.withdrawn_at', 'tp.deferred_at', trainingStatusSql('tp').as('sql')])
    .where('tp.teacher_id', '=', teacher.id)
    .orderBy('tp.started_on')
    .execute()
  return rows.map((row) => ({ stored: { withdrawn_at: row.withdrawn_at, deferred_at: row.deferred_at }, sql: row.sql, ts: trainingStatusOf(row) }))
}

const at = (iso: string) => new Date(iso)
const CASES: { name: string; withdrawn_at: Date | null; deferred_at: Date | null; expected: TrainingStatus }[] = [
  { name: 'never withdrawn or deferred', withdrawn_at: null, deferred_at: null, expected: 'active' },
  { name: 'resumed (D-14 clears both stamps)', withdrawn_at: null, deferred_at: null, expected: 'active' },
  { name: 'withdrawn', withdrawn_at: at('2025-11-12T10:00:00Z'), deferred_at: null, expected: 'withdrawn' },
  { name: 'deferred', withdrawn_at: null, deferred_at: at('2025-11-12T10:00:00Z'), expected: 'deferred' },
  { name: 'deferred, then withdrawn', withdrawn_at: at('2025-11-12T10:00:00Z'), deferred_at: at('2025-10-01T10:00:00Z'), expected: 'withdrawn' },
  { name: 'withdrawn, then deferred (no command does so; the rule still answers)', withdrawn_at: at('2025-10-01T10:00:00Z'), deferred_at: at('2025-11-12T10:00:00Z'), expected: 'deferred' },
  { name: 'both in the same instant', withdrawn_at: at('2025-11-12T10:00:00.123Z'), deferred_at: at('2025-11-12T10:00:00.123Z'), expected: 'withdrawn' },
  { name: 'withdrawn a millisecond after deferring', withdrawn_at: at('2025-11-12T10:00:00.124Z'), deferred_at: at('2025-11-12T10:00:00.123Z'), expected: 'withdrawn' },
  { name: 'deferred a millisecond after withdrawing', withdrawn_at: at('2025-11-12T10:00:00.123Z'), deferred_at: at('2025-11-12T10:00:00.124Z'), expected: 'deferred' },
  // London days play no part: the later instant wins, whatever day each fell on.
  { name: 'deferred 23:30 and withdrawn 00:30 the next London day (summer time)', withdrawn_at: at('2025-07-01T23:30:00Z'), deferred_at: at('2025-07-01T22:30:00Z'), expected: 'withdrawn' },
  { name: 'withdrawn just before and deferred just after London midnight (winter)', withdrawn_at: at('2025-11-12T23:59:59.999Z'), deferred_at: at('2025-11-13T00:00:00Z'), expected: 'deferred' },
  { name: 'withdrawn after today (a travelled clock wrote it)', withdrawn_at: at('2031-03-01T09:00:00Z'), deferred_at: at('2025-11-12T10:00:00Z'), expected: 'withdrawn' },
  { name: 'deferred after today, withdrawn long before', withdrawn_at: at('2021-09-01T09:00:00Z'), deferred_at: at('2031-03-01T09:00:00Z'), expected: 'deferred' },
]

describe('R-36: the TypeScript and the SQL statements of training_status agree', () => {
  it('R-36: on each named case, both give the rule’s answer', async () => {
    const answers = await bothAnswers(CASES)
    expect(answers.map((a, i) => ({ name: CASES[i]!.name, sql: a.sql, ts: a.ts }))).toEqual(CASES.map((c) => ({ name: c.name, sql: c.expected, ts: c.expected })))
    // The stamps come back as written (milliseconds, as every command writes them).
    expect(answers.map((a) => a.stored)).toEqual(CASES.map(({ withdrawn_at, deferred_at }) => ({ withdrawn_at, deferred_at })))
  })

  it('R-36: on random stamps, ties and near-ties included, both give one answer', async () => {
    const bases = ['2024-09-01T08:00:00Z', '2025-11-12T00:00:00Z', '2026-03-29T01:00:00Z'].map(Date.parse)
    const instant = fc.oneof(
      fc.tuple(fc.constantFrom(...bases), fc.integer({ min: -2, max: 2 })).map(([base, ms]) => new Date(base + ms)),
      fc.integer({ min: Date.parse('2021-01-01T00:00:00Z'), max: Date.parse('2032-01-01T00:00:00Z') }).map((ms) => new Date(ms)),
    )
    const stamps = fc.oneof(
      fc.record({ withdrawn_at: fc.option(instant, { nil: null }), deferred_at: fc.option(instant, { nil: null }) }),
      instant.map((both) => ({ withdrawn_at: both, deferred_at: both })),
      fc.tuple(instant, fc.integer({ min: -2, max: 2 })).map(([w, ms]) => ({ withdrawn_at: w, deferred_at: new Date(w.getTime() + ms) })),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(stamps, { minLength: 1, maxLength: 40 }), async (cases) => {
        for (const answer of await bothAnswers(cases)) expect(answer.sql, JSON.stringify(answer.stored)).toBe(answer.ts)
      }),
      { numRuns: 20 },
    )
  })
})
