// schools answered from school_documents (0012) are exactly the derivation's answer (P-43 …
// P-47, P-25 … P-27, P-31, P-37) — on the seeded data set, for every lead provider and cohort, on
// dates around and far from the seeding date, for every filter, sort and page shape, and after
// writes to each table a school's document is derived from.
import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { inTransaction } from '../../../src/db/transaction.ts'
import { seedDataSet } from '../../../src/sandbox/seed.ts'
import { consumeInvalidations } from '../../../src/read-models/log.ts'
import { answerSchool, answerSchools, buildSchools, readSchools, warmSchools, parsed, type SchoolsRequest } from '../../support/documents.ts'
import { findSchool, listSchools } from '../../../src/api/v3/schools/query.ts'
import { serializeSchool } from '../../../src/api/v3/schools/serialize.ts'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import { racingBuild } from '../../support/racing-build.ts'

const SEEDED_ON = '2026-11-23'
const t = await setupTestApp()
const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate: SEEDED_ON }))
const providers = seeded.lead_providers
const cohorts = (await t.db.selectFrom('cohorts').select('year').orderBy('year').execute()).map((c) => c.year)

async function derived(request: SchoolsRequest): Promise<unknown> {
  const { leadProviderId, cohortYear, today, ...options } = request
  return { data: (await listSchools(t.db, { leadProviderId, cohortYear, today }, options)).map(serializeSchool) }
}

async function fromDocuments(request: SchoolsRequest): Promise<unknown> {
  const answer = await answerSchools(t.db, request)
  return parsed(answer)
}

const page = (perPage: number, number = 1) => ({ page: number, perPage, offset: (number - 1) * perPage, beyondEnd: false })
const none = { urn: null, updatedSince: null }

function shapes(today: string, urn: string): [string, Omit<SchoolsRequest, 'leadProviderId' | 'cohortYear'>][] {
  const back = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86400_000)
  return [
    ['default order, all', { today, ...none, sort: [], page: page(3000) }],
    ['page 3 of 5', { today, ...none, sort: [], page: page(5, 3) }],
    ['sort -updated_at', { today, ...none, sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ['sort urn, page 2 of 7', { today, ...none, sort: [{ key: 'urn', direction: 'asc' }], page: page(7, 2) }],
    ['sort updated_at, -created_at', { today, ...none, sort: [{ key: 'updated_at', direction: 'asc' }, { key: 'created_at', direction: 'desc' }], page: page(3000) }],
    ['filter urn', { today, ...none, urn, sort: [], page: page(3000) }],
    ['filter urn of no school', { today, ...none, urn: '000000', sort: [], page: page(3000) }],
    ['filter updated_since a year back', { today, ...none, updatedSince: back(365), sort: [], page: page(3000) }],
    ['filter updated_since a week back, sorted', { today, ...none, updatedSince: back(7), sort: [{ key: 'updated_at', direction: 'desc' }], page: page(3000) }],
    ['filter updated_since tomorrow', { today, ...none, updatedSince: back(-1), sort: [], page: page(3000) }],
  ]
}

describe('Q-4: school documents answer as the derivation does', () => {
  it('P-43 … P-47 on the seeded data, every provider and cohort, dates around and far from the seeding date', async () => {
    const urns = await t.db.selectFrom('partnerships as p').innerJoin('schools as s', 's.id', 'p.school_id').select(['p.cohort_year', 's.urn']).orderBy('s.urn').execute()
    let compared = 0
    let withTutor = 0
    for (const today of [SEEDED_ON, '2026-09-01', '2027-01-10', '2027-09-15', '2025-03-01']) {
      for (const lp of providers) {
        for (const cohortYear of cohorts) {
          const urn = urns.find((u) => u.cohort_year === cohortYear)?.urn ?? '000000'
          for (const [name, shape] of shapes(today, urn)) {
            const request = { leadProviderId: lp.id, cohortYear, ...shape }
            const expected = (await derived(request)) as { data: { attributes: { induction_tutor_name: string | null } }[] }
            expect(await fromDocuments(request), `${lp.name}, ${cohortYear} on ${today}: ${name}`).toEqual(expected)
            withTutor += expected.data.filter((s) => s.attributes.induction_tutor_name !== null).length
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000)
    // Both texts of a document were compared, not only the one without the tutor.
    expect(withTutor).toBeGreaterThan(100)
  })

  it('P-47 show: every school (listed or not) for every provider and cohort, on dates around and far from the seeding date; unknown ids not found', async () => {
    const schools = (await t.db.selectFrom('schools').select('id').orderBy('id').execute()).map((s) => s.id)
    const ids = [...schools.filter((_, i) => i % 3 === 0), '0e000000-0000-4000-8000-000000000000']
    let found = 0
    for (const today of [SEEDED_ON, '2027-09-15', '2025-03-01']) {
      for (const lp of providers) {
        for (const cohortYear of [...cohorts, 2040]) {
          for (const id of ids) {
            const scope = { leadProviderId: lp.id, cohortYear, today }
            const row = await findSchool(t.db, scope, id)
            const expected = row === undefined ? 'not found' : { data: serializeSchool(row) }
            const answer = await answerSchool(t.db, { ...scope, id })
            const shown = await parsed(answer)
            expect(shown, `${lp.name}, ${cohortYear} on ${today}: ${id}`).toEqual(expected)
            if (row !== undefined) found++
          }
        }
      }
    }
    expect(found).toBeGreaterThan(100)
  })

  it('a cohort with no documents (none exists) is an empty page, not stale', async () => {
    expect(await fromDocuments({ leadProviderId: providers[0]!.id, cohortYear: 2040, today: SEEDED_ON, ...none, sort: [], page: page(10) })).toEqual({ data: [] })
  })

  it('P-37, P-27: writes to the school, its partnerships, its periods or its cohort stamp mark its document stale', async () => {
    const lp = providers[0]!
    const other = await f.school(t.db)
    await warmSchools(t.db, SEEDED_ON)
    const period = await t.db.selectFrom('training_periods').select(['id', 'school_id', 'cohort_year'])
      .where('lead_provider_id', '=', lp.id).where('partnership_id', 'is not', null).orderBy('id').executeTakeFirstOrThrow()
    const request: SchoolsRequest = { leadProviderId: lp.id, cohortYear: period.cohort_year, today: SEEDED_ON, ...none, sort: [], page: page(3000) }
    const writes = [
      () => t.db.updateTable('schools').set({ induction_tutor_name: 'Renamed Tutor' }).where('id', '=', period.school_id).execute(),
      () => t.db.updateTable('training_periods').set({ finished_on: sql`finished_on` }).where('id', '=', period.id).execute(),
      () => t.db.updateTable('partnerships').set({ updated_at: new Date('2026-11-22T09:00:00Z') }).where('school_id', '=', period.school_id).execute(),
      () => t.db.insertInto('school_cohort_stamps').values({ school_id: other.id, cohort_year: period.cohort_year, updated_at: new Date('2026-11-22T10:00:00Z') }).execute(),
      () => t.db.updateTable('school_cohort_stamps').set({ updated_at: new Date('2026-11-22T11:00:00Z') }).where('school_id', '=', other.id).execute(),
      () => t.db.updateTable('schools').set({ eligible: false }).where('id', '=', other.id).execute(),
    ]
    for (const write of writes) {
      expect(await readSchools(t.db, request)).not.toBe('stale')
      await write()
      expect(await readSchools(t.db, request)).toBe('stale')
      expect(await fromDocuments(request)).toEqual(await derived(request))
    }
    // The new school has documents in every cohort from its creation.
    const count = await t.db.selectFrom('school_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('school_id', '=', other.id).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(cohorts.length)
  })

  it('a document is built for its window: the day an EOI period finishes is outside it', async () => {
    // An ECT registered with a lead provider and no partnership (an EOI, P-27 rule 1), leaving.
    const school = await f.school(t.db, { eligible: true })
    await t.db.updateTable('schools').set({ induction_tutor_name: 'Window Tutor', induction_tutor_email: 'window@example.sch.uk' }).where('id', '=', school.id).execute()
    const finished = '2026-12-15'
    const teacher = await p.teacher(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2026-09-01', finished_on: finished })
    await p.trainingPeriod(t.db, period, { cohort: 2026, lead_provider_id: providers[1]!.id, started_on: '2026-09-01', finished_on: finished })
    const eoi = { school_id: school.id, cohort_year: 2026, lead_provider_id: providers[1]!.id }
    const dayBefore = new Date(Date.parse(`${finished}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10)
    const request = (today: string, leadProviderId: string): SchoolsRequest => ({ leadProviderId, cohortYear: eoi.cohort_year, today, ...none, sort: [], page: page(3000) })
    // The day before, the EOI period's lead provider sees the tutor (P-27 rule 1, P-31).
    const before = (await fromDocuments(request(dayBefore, eoi.lead_provider_id))) as { data: { id: string; attributes: Record<string, unknown> }[] }
    expect(before).toEqual(await derived(request(dayBefore, eoi.lead_provider_id)))
    expect(before.data.find((s) => s.id === school.id)?.attributes).toMatchObject({ expression_of_interest: true, induction_tutor_name: 'Window Tutor' })
    const window = await t.db.selectFrom('school_documents').select(['valid_from', 'valid_until'])
      .where('school_id', '=', eoi.school_id).where('cohort_year', '=', eoi.cohort_year).executeTakeFirstOrThrow()
    expect(window.valid_until).toBe(finished)
    expect(await readSchools(t.db, request(dayBefore, providers[0]!.id))).not.toBe('stale')
    expect(await readSchools(t.db, request(finished, providers[0]!.id))).toBe('stale')
    // On the day it finishes, that lead provider loses the tutor and updated_at moves (P-37).
    const after = (await fromDocuments(request(finished, eoi.lead_provider_id))) as { data: { id: string; attributes: Record<string, unknown> }[] }
    expect(after).toEqual(await derived(request(finished, eoi.lead_provider_id)))
    expect(after.data.find((s) => s.id === school.id)?.attributes).toMatchObject({ expression_of_interest: false, induction_tutor_name: null, updated_at: '2026-12-15T00:00:00Z' })
  })

  it('a write between picking a stale document and storing it wins: the document stays stale (its version moved)', async () => {
    const lp = providers[0]!
    const cohortYear = cohorts[cohorts.length - 1]!
    await warmSchools(t.db, SEEDED_ON)
    const { school_id } = await t.db.selectFrom('school_documents').select('school_id').where('cohort_year', '=', cohortYear).where('listed', '=', true)
      .orderBy('school_id').executeTakeFirstOrThrow()
    await t.db.updateTable('schools').set({ name: 'Before School' }).where('id', '=', school_id).execute()
    const racing = racingBuild(t.db, () => t.db.updateTable('schools').set({ name: 'After School' }).where('id', '=', school_id).execute(), 'eoi_lead_provider_ids')
    const step = await buildSchools(racing.db, cohortYear, SEEDED_ON, 500)
    expect(racing.wrote()).toBe(true)
    // 0016: the build stores what it read, but the write's key is pending in the log, so no reader takes it.
    expect(step).toEqual({ built: 1, more: false })
    const request: SchoolsRequest = { leadProviderId: lp.id, cohortYear, today: SEEDED_ON, ...none, sort: [], page: page(3000) }
    expect(await readSchools(t.db, request)).toBe('stale')
    const shown = (await fromDocuments(request)) as { data: { id: string; attributes: { name: string } }[] }
    expect(shown.data.find((s) => s.id === school_id)?.attributes.name).toBe('After School')
  })

  it('a new cohort has a document for every school; more stale documents than one request builds are left to the warm-up', async () => {
    const schools = await t.db.selectFrom('schools').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
    await warmSchools(t.db, SEEDED_ON)
    await f.cohort(t.db, 2030)
    // The new cohort's keys are in the log (0016) until a build consumes them.
    expect(await readSchools(t.db, { leadProviderId: providers[0]!.id, cohortYear: 2030, today: SEEDED_ON, ...none, sort: [], page: page(10) })).toBe('stale')
    await consumeInvalidations(t.db)
    const count = await t.db.selectFrom('school_documents').select((eb) => eb.fn.countAll<string>().as('n')).where('cohort_year', '=', 2030).executeTakeFirstOrThrow()
    expect(count.n).toBe(schools.n)
    expect(await buildSchools(t.db, 2030, SEEDED_ON, 5)).toEqual({ built: 5, more: true })
    expect(await warmSchools(t.db, SEEDED_ON)).toBe(Number(schools.n) - 5)
    expect(await warmSchools(t.db, SEEDED_ON)).toBe(0)
  })
})
