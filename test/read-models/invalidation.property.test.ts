// C-56, Q-4 … Q-6: every document a reader would serve is the derivation's answer, after any
// sequence of the operator's and lead providers' write commands. fast-check runs random commands
// over a small world (two lead providers, three schools, their partnerships, ECTs and mentors);
// after each step every list a reader is served from documents — participants (with filters),
// transfers, partnerships (with a filter), schools and their shows — is built and compared, on
// several dates, with the derivation. The documents learn of a change only through the map
// (src/read-models/dependencies.ts). Every sequence holds, among the random commands, each edit
// of EDITS (test/support/invalidation-steps.ts) once: a write to one table that moves no stamp,
// so no other entry of the map can cover for the entry of that table. The test fails when any one entry is removed from the map
// (RECT_DROP_DEPENDENCY="table → kind" installs the map without that entry;
// RECT_DEPENDENCY_REMOVAL=all runs the property once without each entry and expects each to fail).
import { appendFileSync } from 'node:fs'
import fc from 'fast-check'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/clock.ts'
import { DEPENDENCIES, dependencyName } from '../../src/read-models/dependencies.ts'
import { invalidationSql } from '../../src/read-models/invalidation.ts'
import { readParticipants, readPartnerships, readSchool, readSchools, readTransfers, warmParticipants, warmPartnerships, warmSchools, parsed, type PartnershipRequest } from '../support/documents.ts'
import { listParticipants, type FeedOptions } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { participantTransfers } from '../../src/api/v3/participant-transfers/query.ts'
import { serializeParticipantTransfer } from '../../src/api/v3/participant-transfers/serialize.ts'
import { listPartnerships } from '../../src/api/v3/partnerships/query.ts'
import { serializePartnership } from '../../src/api/v3/partnerships/serialize.ts'
import { findSchool, listSchools } from '../../src/api/v3/schools/query.ts'
import { serializeSchool } from '../../src/api/v3/schools/serialize.ts'
import { setupTestApp } from '../support/app.ts'
import * as f from '../support/factories.ts'
import { invalidationSteps, type World } from '../support/invalidation-steps.ts'

const t = await setupTestApp()
const COHORT = 2025
await f.cohort(t.db, COHORT)
// Uplifts shown (R-34), so the school's and the cohort's uplift edits change participants.
await t.db.updateTable('cohorts').set({ uplift_fees_enabled: true }).where('year', '=', COHORT).execute()

const drop = process.env.RECT_DROP_DEPENDENCY
if (drop !== undefined) {
  const kept = DEPENDENCIES.filter((d) => dependencyName(d) !== drop)
  if (kept.length === DEPENDENCIES.length) throw new Error(`RECT_DROP_DEPENDENCY: no dependency is called ${drop}`)
  await sql.raw(invalidationSql(kept)).execute(t.db)
}

const { world, sequences, prologue } = invalidationSteps(t, COHORT)

const json = parsed
const page = { page: 1, perPage: 3000, offset: 0, beyondEnd: false }

/** Every document-served answer of the world on `today`, from the documents and from the derivation. */
async function compare(w: World, today: string, problems: string[]): Promise<void> {
  await warmParticipants(t.db, today)
  await warmPartnerships(t.db, today)
  await warmSchools(t.db, today)
  const same = (what: string, documents: unknown, derived: unknown) => {
    if (JSON.stringify(documents) !== JSON.stringify(derived)) problems.push(`${today} ${what}: documents ${JSON.stringify(documents).slice(0, 400)} … derivation ${JSON.stringify(derived).slice(0, 400)}`)
  }
  const back = new Date(Date.parse(`${today}T00:00:00Z`) - 3 * 86400_000)
  for (const lp of w.providers) {
    const feeds: [string, FeedOptions][] = [
      ['participants', { today, page }],
      ['participants withdrawn', { today, trainingStatus: 'withdrawn', page }],
      ['participants deferred', { today, trainingStatus: 'deferred', page }],
      ['participants cohort', { today, cohorts: [COHORT], page }],
      ['participants updated_since', { today, updatedSince: back, sort: [{ key: 'updated_at', direction: 'desc' }], page }],
    ]
    for (const [what, options] of feeds) {
      const derived = { data: (await listParticipants(t.db, lp.id, options)).map((row) => serializeParticipant(row, today)) }
      same(what, await json(await readParticipants(t.db, lp.id, options)), derived)
    }
    const transfers = { data: (await participantTransfers(t.db, lp.id, { today, updatedSince: null, sort: [], page })).map(serializeParticipantTransfer) }
    same('transfers', await json(await readTransfers(t.db, lp.id, { today, updatedSince: null, sort: [], page })), transfers)
    const requests: [string, Extract<PartnershipRequest, { page: unknown }>][] = [
      ['partnerships', { today, cohorts: null, deliveryPartnerIds: null, updatedSince: null, sort: [], page }],
      ['partnerships of dp0', { today, cohorts: [COHORT], deliveryPartnerIds: [lp.dps[0]!], updatedSince: null, sort: [], page }],
      ['partnerships updated_since', { today, cohorts: null, deliveryPartnerIds: null, updatedSince: back, sort: [{ key: 'updated_at', direction: 'desc' }], page }],
    ]
    for (const [what, request] of requests) {
      same(what, await json(await readPartnerships(t.db, lp.id, request)), { data: (await listPartnerships(t.db, lp.id, today, request)).map(serializePartnership) })
    }
    for (const cohortYear of w.cohorts) {
      const scope = { leadProviderId: lp.id, cohortYear, today }
      for (const [what, options] of [['schools', { urn: null, updatedSince: null }], ['schools updated_since', { urn: null, updatedSince: back }]] as const) {
        const derived = { data: (await listSchools(t.db, scope, { ...options, sort: [], page })).filter((s) => w.schools.some((x) => x.id === s.id)).map(serializeSchool) }
        const documents = (await json(await readSchools(t.db, { ...scope, ...options, sort: [], page }))) as { data: { id: string }[] } | string
        same(`${what} ${cohortYear}`, typeof documents === 'object' ? { data: documents.data.filter((s: { id: string }) => w.schools.some((x) => x.id === s.id)) } : documents, derived)
      }
      for (const school of w.schools) {
        const row = await findSchool(t.db, scope, school.id)
        same(`school ${school.urn} in ${cohortYear}`, await json(await readSchool(t.db, { ...scope, id: school.id })), row === undefined ? 'not found' : { data: serializeSchool(row) })
      }
    }
  }
}

const START = '2025-09-08'


let stepsRun = 0

/** Random sequences of steps over a new world, compared after each step; throws at the first difference. */
const everyStepServesTheDerivation = fc.asyncProperty(sequences, async (sequence) => {
  const w = await world()
  const problems: string[] = []
  let day = START
  let compared = START
  // A partnered school per lead provider with an ECT and a mentor, so most steps find something to change.
  for (const step of prologue) await step.run(w, day)
  await compare(w, compared, problems)
  for (const step of sequence) {
    day = addDays(day, 9)
    await step.run(w, day)
    stepsRun++
    // The date the documents were last built for first: a change the map misses shows there.
    for (const today of [compared, day, addDays(day, 40)]) await compare(w, today, problems)
    compared = addDays(day, 40)
    if (problems.length > 0) {
      throw new Error(`after "${step.name}" (steps: ${sequence.map((s) => s.name).join('; ')}):\n${problems.slice(0, 3).join('\n')}`)
    }
  }
})

const RUNS = Number(process.env.RECT_PROPERTY_RUNS ?? 2)
const SEED = Number(process.env.RECT_PROPERTY_SEED ?? 20261206)

describe('C-56, Q-4: the documents after any sequence of commands (the invalidation map)', () => {
  it('every served document equals the derivation after each step, on the last date compared, the step’s date and 40 days on', { timeout: 900_000 }, async () => {
    await fc.assert(everyStepServesTheDerivation, { numRuns: RUNS, seed: SEED, endOnFailure: true })
    expect(stepsRun).toBeGreaterThan(0)
  })

  // Slow (the property once per entry): RECT_DEPENDENCY_REMOVAL=all, or names joined by commas.
  it.runIf(process.env.RECT_DEPENDENCY_REMOVAL !== undefined)('without any one entry of the map, the property fails', { timeout: 3_600_000 }, async () => {
    const wanted = process.env.RECT_DEPENDENCY_REMOVAL!
    const outcomes: string[] = []
    for (const removed of DEPENDENCIES) {
      if (wanted !== 'all' && !wanted.split(',').includes(dependencyName(removed))) continue
      await sql.raw(invalidationSql(DEPENDENCIES.filter((d) => d !== removed))).execute(t.db)
      const started = Date.now()
      const result = await fc.check(everyStepServesTheDerivation, { numRuns: RUNS * 3, seed: SEED, endOnFailure: true })
      await sql.raw(invalidationSql()).execute(t.db)
      const message = result.failed ? String((result.errorInstance as Error | undefined)?.message ?? result.errorInstance).split('\n').slice(0, 2).join(' | ').slice(0, 500) : 'PASSED (not detected)'
      outcomes.push(`${dependencyName(removed)}: ${result.failed ? `fails after ${result.numRuns} run(s)` : 'passes'} in ${Math.round((Date.now() - started) / 1000)} s — ${message}`)
      console.log(outcomes[outcomes.length - 1])
      if (process.env.RECT_DEPENDENCY_REMOVAL_LOG) appendFileSync(process.env.RECT_DEPENDENCY_REMOVAL_LOG, `${outcomes[outcomes.length - 1]}\n`)
    }
    expect(outcomes.filter((o) => o.includes('PASSED'))).toEqual([])
  })
})
