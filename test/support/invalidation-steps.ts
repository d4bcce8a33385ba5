// The world and the writes of the invalidation property test (test/read-models/
// invalidation.property.test.ts): two lead providers, three schools, their partnerships, ECTs and
// mentors; the operator's and lead providers' commands at random; and EDITS, a write to one table
// each that moves no stamp, every one of them once in every sequence, so no other entry of the map
// (src/read-models/dependencies.ts) can cover for the entry of that table.
import fc from 'fast-check'
import { sql } from 'kysely'
import { addDays } from '../../src/clock.ts'
import type { TestApp } from './app.ts'
import * as f from './factories.ts'

type Provider = { id: string; token: string; dps: string[] }
export type World = {
  providers: Provider[]
  spareDp: string
  schools: { id: string; urn: string }[]
  /** The cohorts whose school documents are compared: 2025 and any the run opened. */
  cohorts: number[]
  partnerships: { id: string; leadProvider: number }[]
  ects: { id: string; urn: string; trn: string; leadProvider: number | null }[]
  mentors: { id: string; urn: string }[]
}

/** One command of the operator API or of v3, as `run` sends it on `day`; its answer is not checked (4xx are part of the game). */
export type Step = { name: string; run: (w: World, day: string) => Promise<unknown> }

/** The steps over `t`'s database, in the cohort `COHORT`. */
export function invalidationSteps(t: TestApp, COHORT: number) {
  let trn = 4_100_000 + Math.floor(Math.random() * 800_000)
  /** Cohorts opened by the edits, one new year each time (cohorts are shared by every run's world). */
  let nextCohort = 2040

  async function world(): Promise<World> {
    const providers: Provider[] = []
    for (let i = 0; i < 2; i++) {
      const lp = await f.leadProvider(t.db)
      const dps: string[] = []
      for (let j = 0; j < 2; j++) {
        const dp = await f.deliveryPartner(t.db)
        await f.pairing(t.db, lp.id, dp.id, COHORT)
        dps.push(dp.id)
      }
      providers.push({ id: lp.id, token: lp.token, dps })
    }
    const schools = [await f.school(t.db), await f.school(t.db), await f.school(t.db, { eligible: false })]
    await t.db.updateTable('schools').set({ pupil_premium_uplift: true }).where('id', '=', schools[0]!.id).execute()
    return { providers, spareDp: (await f.deliveryPartner(t.db)).id, schools, cohorts: [COHORT], partnerships: [], ects: [], mentors: [] }
  }

  const pick = <T>(items: T[], n: number): T | undefined => (items.length === 0 ? undefined : items[n % items.length])

  const teacherOf = (w: World, k: number) => pick([...w.ects, ...w.mentors], k)?.id

  /**
   * Writes to one table each that change what a document shows and move no stamp, as an operator's
   * edit in the database would (or a command that forgot its C-57 stamp). Commands move stamps, and
   * a stamp is shown, so with commands alone the map's entries would cover for each other.
   */
  const EDITS: { name: string; run: (w: World, k: number, day: string) => Promise<unknown> }[] = [
    { name: 'rename a lead provider', run: (w, k) => t.db.updateTable('lead_providers').set({ name: `Renamed Provider ${trn++}` }).where('id', '=', w.providers[k % 2]!.id).execute() },
    { name: 'rename a delivery partner', run: (w, k) => t.db.updateTable('delivery_partners').set({ name: `Renamed Partner ${trn++}` }).where('id', '=', w.providers[k % 2]!.dps[0]!).execute() },
    { name: 'rename a teacher', run: async (w, k) => {
      const id = teacherOf(w, k)
      if (id) await t.db.updateTable('teachers').set({ first_name: `Edited${trn++}` }).where('id', '=', id).execute()
    } },
    { name: 'complete a teacher’s induction', run: async (w, k, day) => {
      const id = pick(w.ects, k)?.id
      if (id) await t.db.updateTable('teachers').set({ induction_started_on: '2025-09-01', induction_completed_on: day }).where('id', '=', id).execute()
    } },
    { name: 'change an at-school email', run: async (w, k) => {
      const id = teacherOf(w, k)
      if (id) await t.db.updateTable('at_school_periods').set({ email: `edited.${trn++}@example.sch.uk` }).where('teacher_id', '=', id).execute()
    } },
    { name: 'change a training schedule', run: async (w, k) => {
      const id = teacherOf(w, k)
      if (id) await t.db.updateTable('training_periods').set({ schedule_identifier: 'ecf-extended-september' }).where('teacher_id', '=', id).where('training_programme', '=', 'provider_led').execute()
    } },
    { name: 'finish a training period', run: async (w, k, day) => {
      const id = teacherOf(w, k)
      if (!id) return
      await sql`UPDATE training_periods tp SET finished_on = ${addDays(day, 20)}::date FROM at_school_periods asp
        WHERE asp.id = tp.at_school_period_id AND tp.teacher_id = ${id} AND tp.finished_on IS NULL AND asp.finished_on IS NULL AND tp.started_on < ${addDays(day, 20)}::date`.execute(t.db)
    } },
    { name: 'give a school-led ECT provider-led training', run: async (w, k) => {
      const periods = await t.db.selectFrom('training_periods').select(['id', 'school_id']).where('teacher_id', 'in', w.ects.map((e) => e.id))
        .where('training_programme', '=', 'school_led').where('finished_on', 'is', null).orderBy('id').execute()
      const period = pick(periods, k)
      if (!period) return
      // A lead provider not partnered with the school, so the school shows an expression of interest (P-26, P-27 rule 1).
      const partnered = await t.db.selectFrom('partnerships').select('lead_provider_id').where('school_id', '=', period.school_id).where('cohort_year', '=', COHORT).execute()
      const lp = w.providers.find((p) => !partnered.some((x) => x.lead_provider_id === p.id)) ?? w.providers[k % 2]!
      await t.db.updateTable('training_periods').set({ training_programme: 'provider_led', lead_provider_id: lp.id, schedule_identifier: 'ecf-standard-september' }).where('id', '=', period.id).execute()
    } },
    { name: 'end a mentorship', run: async (w, k) => {
      const ids = w.ects.map((e) => e.id)
      const mentorships = await t.db.selectFrom('mentorships').select('id').where('ect_teacher_id', 'in', ids).orderBy('id').execute()
      const mentorship = pick(mentorships, k)
      if (mentorship) await t.db.deleteFrom('mentorships').where('id', '=', mentorship.id).execute()
    } },
    { name: 'record a participant id change', run: async (w, k, day) => {
      const id = teacherOf(w, k)
      if (id) await t.db.insertInto('participant_id_changes').values({ id: crypto.randomUUID(), teacher_id: id, from_participant_id: crypto.randomUUID(), to_participant_id: id, changed_at: new Date(`${day}T08:00:00Z`) }).execute()
    } },
    { name: 'move a partnership to the other delivery partner', run: async (w, k) => {
      const partnership = pick(w.partnerships, k)
      if (!partnership) return
      const [a, b] = w.providers[partnership.leadProvider]!.dps
      await sql`UPDATE partnerships SET delivery_partner_id = CASE WHEN delivery_partner_id = ${a}::uuid THEN ${b}::uuid ELSE ${a}::uuid END WHERE id = ${partnership.id}`.execute(t.db)
    } },
    { name: 'forget a partnership’s first attachment', run: async (w, k) => {
      const partnership = pick(w.partnerships, k)
      if (partnership) await t.db.updateTable('partnerships').set({ first_attached_at: null }).where('id', '=', partnership.id).execute()
    } },
    { name: 'rename a school, flip its uplifts and change its tutor', run: (w, k) => sql`UPDATE schools SET name = ${`Edited School ${trn++}`},
        pupil_premium_uplift = NOT pupil_premium_uplift, sparsity_uplift = NOT sparsity_uplift, induction_tutor_name = ${`Edited Tutor ${trn++}`}
        WHERE id = ${w.schools[k % 3]!.id}`.execute(t.db) },
    { name: 'flip the cohort’s uplift fees', run: () => sql`UPDATE cohorts SET uplift_fees_enabled = NOT uplift_fees_enabled WHERE year = ${COHORT}`.execute(t.db) },
    { name: 'move a school’s cohort stamp', run: (w, k, day) => t.db.insertInto('school_cohort_stamps')
        .values({ school_id: w.schools[k % 3]!.id, cohort_year: COHORT, updated_at: new Date(`${day}T11:${String(k).padStart(2, '0')}:00Z`) })
        .onConflict((oc) => oc.columns(['school_id', 'cohort_year']).doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at') })))
        .execute() },
    { name: 'partner a school in the database', run: async (w, k, day) => {
      const l = k % 2
      const id = crypto.randomUUID()
      await t.db.insertInto('partnerships').values({
        id, school_id: w.schools[(k + 1) % 3]!.id, lead_provider_id: w.providers[l]!.id, delivery_partner_id: w.providers[l]!.dps[1]!,
        cohort_year: COHORT, created_by: 'operator', carried_from_partnership_id: null, first_attached_at: null,
        created_at: new Date(`${day}T10:30:00Z`), updated_at: new Date(`${day}T10:30:00Z`),
      }).execute()
      w.partnerships.push({ id, leadProvider: l })
    } },
    { name: 'open a new cohort', run: async (w) => {
      const year = nextCohort++
      await f.cohort(t.db, year)
      w.cohorts.push(year)
    } },
  ]

  const at = (day: string) => ({ date: `${day}T10:00:00Z` })
  const n = fc.nat({ max: 5 })

  async function register(w: World, day: string, s: number, programme: string, l: number, mentor: boolean, known?: string): Promise<void> {
    const school = w.schools[s]!
    const lp = w.providers[l]!
    const number = known ?? String(++trn)
    const role = mentor ? 'mentors' : 'ects'
    const training = mentor || programme === 'provider_led' ? { training_programme: 'provider_led', lead_provider_id: lp.id } : { training_programme: 'school_led' }
    const reply = await t.admin('POST', `/schools/${school.urn}/${role}`, {
      trn: number, first_name: 'Prop', last_name: `Teacher ${number}`, date_of_birth: '1990-01-01', email: `prop.${number}@example.sch.uk`,
      started_on: day, ...(mentor ? {} : { working_pattern: 'full_time' }), ...training,
    }, at(day))
    if (reply.status !== 201) return
    const id = reply.body.data.participant_id as string
    if (mentor) w.mentors.push({ id, urn: school.urn })
    else w.ects.push({ id, urn: school.urn, trn: number, leadProvider: 'lead_provider_id' in training ? l : null })
  }

  const commands: fc.Arbitrary<Step>[] = [
    fc.tuple(n, n, n).map(([l, s, d]): Step => ({
      name: `POST /partnerships lp${l % 2} school${s % 3} dp${d % 2}`,
      run: async (w, day) => {
        const lp = w.providers[l % 2]!
        const reply = await t.request('POST', '/api/v3/partnerships', { token: lp.token, ...at(day), body: { data: { type: 'partnership', attributes: { cohort: String(COHORT), school_id: w.schools[s % 3]!.id, delivery_partner_id: lp.dps[d % 2] } } } })
        if (reply.status === 200) w.partnerships.push({ id: reply.body.data.id, leadProvider: l % 2 })
      },
    })),
    fc.tuple(n, n).map(([p, d]): Step => ({
      name: `PUT /partnerships/#${p} dp${d % 2}`,
      run: async (w, day) => {
        const partnership = pick(w.partnerships, p)
        if (!partnership) return
        const lp = w.providers[partnership.leadProvider]!
        await t.request('PUT', `/api/v3/partnerships/${partnership.id}`, { token: lp.token, ...at(day), body: { data: { type: 'partnership', attributes: { delivery_partner_id: lp.dps[d % 2] } } } })
      },
    })),
    fc.tuple(n, fc.constantFrom('provider_led', 'school_led'), n, fc.boolean()).map(([s, programme, l, mentor]): Step => ({
      name: `register ${mentor ? 'mentor' : 'ECT'} at school${s % 3}, ${programme} lp${l % 2}`,
      run: (w, day) => register(w, day, s % 3, programme, l % 2, mentor),
    })),
    fc.tuple(n, n, fc.boolean()).map(([e, l, schoolLed]): Step => ({
      name: `change ECT #${e}'s training to ${schoolLed ? 'school_led' : `lp${l % 2}`}`,
      run: async (w, day) => {
        const ect = pick(w.ects, e)
        if (!ect) return
        const body = schoolLed ? { training_programme: 'school_led' } : { training_programme: 'provider_led', lead_provider_id: w.providers[l % 2]!.id }
        const reply = await t.admin('PUT', `/schools/${ect.urn}/ects/${ect.id}/training`, body, at(day))
        if (reply.status === 200) ect.leadProvider = schoolLed ? null : l % 2
      },
    })),
    fc.tuple(n, fc.integer({ min: 1, max: 60 }), fc.boolean()).map(([e, days, mentor]): Step => ({
      name: `${mentor ? 'mentor' : 'ECT'} #${e} leaving in ${days} days`,
      run: async (w, day) => {
        const who = mentor ? pick(w.mentors, e) : pick(w.ects, e)
        if (!who) return
        await t.admin('POST', `/schools/${who.urn}/${mentor ? 'mentors' : 'ects'}/${who.id}/leaving`, { leaving_on: addDays(day, days) }, at(day))
      },
    })),
    fc.tuple(n, n, n).map(([e, s, l]): Step => ({
      name: `ECT #${e} joins school${s % 3} with lp${l % 2} (a transfer when they left)`,
      run: async (w, day) => {
        const ect = pick(w.ects, e)
        if (ect) await register(w, day, s % 3, 'provider_led', l % 2, false, ect.trn)
      },
    })),
    fc.tuple(n, n).map(([e, m]): Step => ({
      name: `assign mentor #${m} to ECT #${e}`,
      run: async (w, day) => {
        const ect = pick(w.ects, e)
        const mentor = pick(w.mentors.filter((x) => x.urn === ect?.urn), m)
        if (!ect || !mentor) return
        await t.admin('PUT', `/schools/${ect.urn}/ects/${ect.id}/mentor`, { mentor_participant_id: mentor.id }, at(day))
      },
    })),
    fc.tuple(n, fc.string({ minLength: 1, maxLength: 8 })).map(([s, name]): Step => ({
      name: `induction tutor of school${s % 3}`,
      run: (w, day) => t.admin('PUT', `/schools/${w.schools[s % 3]!.urn}/induction-tutor`, { name: `Tutor ${name}`, email: `tutor.${s}@example.sch.uk` }, at(day)),
    })),
    fc.tuple(n, fc.record({ pupil_premium_uplift: fc.boolean(), sparsity_uplift: fc.boolean(), eligible: fc.boolean(), name: fc.constantFrom('Renamed School', 'Other Name') }, { requiredKeys: [] })).map(([s, fields]): Step => ({
      name: `PATCH school${s % 3} ${JSON.stringify(fields)}`,
      run: (w, day) => t.admin('PATCH', `/schools/${w.schools[s % 3]!.urn}`, fields, at(day)),
    })),
    fc.boolean().map((uplift): Step => ({
      name: `PATCH cohort uplift_fees_enabled ${uplift}`,
      run: (_w, day) => t.admin('PATCH', `/cohorts/${COHORT}`, { uplift_fees_enabled: uplift }, at(day)),
    })),
    fc.tuple(n, fc.integer({ min: 0, max: 3 })).map(([e, shape]): Step => ({
      name: `induction of ECT #${e}, shape ${shape}`,
      run: async (w, day) => {
        const ect = pick(w.ects, e)
        if (!ect) return
        const bodies = [
          { induction_started_on: day, induction_completed_on: null, latest_induction_period_finished_on: null },
          { induction_started_on: '2025-09-01', induction_completed_on: day, latest_induction_period_finished_on: day },
          { induction_started_on: '2025-09-01', induction_completed_on: addDays(day, 30), latest_induction_period_finished_on: addDays(day, 30) },
          { induction_started_on: null, induction_completed_on: null, latest_induction_period_finished_on: null },
        ]
        await t.admin('PUT', `/participants/${ect.id}/induction`, bodies[shape], at(day))
      },
    })),
    fc.tuple(n, fc.boolean()).map(([m, ineligible]): Step => ({
      name: `mentor #${m} funding ${ineligible ? 'ineligible' : 'eligible'}`,
      run: async (w, day) => {
        const mentor = pick(w.mentors, m)
        if (!mentor) return
        await t.admin('PUT', `/participants/${mentor.id}/mentor-funding`, ineligible
          ? { mentor_ineligible_for_funding_on: day, mentor_ineligible_for_funding_reason: 'completed_declaration_received' }
          : { mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: null }, at(day))
      },
    })),
    fc.tuple(n, fc.boolean()).map(([e, eligible]): Step => ({
      name: `ECT #${e} funding eligibility ${eligible}`,
      run: async (w, day) => {
        const ect = pick(w.ects, e)
        if (!ect) return
        await t.admin('PUT', `/participants/${ect.id}/funding-eligibility`, { course_identifier: 'ecf-induction', eligible }, at(day))
      },
    })),
    fc.tuple(n, fc.constantFrom('withdraw', 'defer', 'resume')).map(([e, action]): Step => ({
      name: `v3 ${action} ECT #${e}`,
      run: async (w, day) => {
        const ect = pick(w.ects.filter((x) => x.leadProvider !== null), e)
        if (!ect) return
        const lp = w.providers[ect.leadProvider!]!
        const attributes = { course_identifier: 'ecf-induction', ...(action === 'withdraw' ? { reason: 'left-teaching-profession' } : action === 'defer' ? { reason: 'bereavement' } : {}) }
        await t.request('PUT', `/api/v3/participants/${ect.id}/${action}`, { token: lp.token, ...at(day), body: { data: { type: `participant-${action}`, attributes } } })
      },
    })),
    fc.tuple(n, fc.constantFrom('started', 'retained-1')).map(([e, type]): Step => ({
      name: `v3 declaration ${type} for ECT #${e}`,
      run: async (w, day) => {
        const ect = pick(w.ects.filter((x) => x.leadProvider !== null), e)
        if (!ect) return
        const lp = w.providers[ect.leadProvider!]!
        await t.request('POST', '/api/v3/participant-declarations', { token: lp.token, ...at(day), body: { data: { type: 'participant-declaration', attributes: { participant_id: ect.id, declaration_type: type, declaration_date: `${day}T09:00:00Z`, course_identifier: 'ecf-induction', evidence_held: 'other' } } } })
      },
    })),
    fc.nat({ max: 1 }).map((l): Step => ({
      name: `pair the spare delivery partner with lp${l}`,
      run: (w, day) => t.admin('POST', '/lead-provider-delivery-partners', { lead_provider_id: w.providers[l]!.id, delivery_partner_id: w.spareDp, cohort: String(COHORT) }, at(day)),
    })),
  ]

  /** Every edit once, in a random order, each on a random one of its targets. */
  const edits: fc.Arbitrary<Step[]> = fc
    .tuple(fc.shuffledSubarray(EDITS, { minLength: EDITS.length }), fc.array(n, { minLength: EDITS.length, maxLength: EDITS.length }))
    .map(([order, targets]) => order.map((edit, i): Step => ({
      name: `edit in the database: ${edit.name} #${targets[i]}`,
      run: async (w, day) => {
        try {
          await edit.run(w, targets[i]!, day)
        } catch (error) {
          // An edit a constraint refuses changes nothing.
          if (!/violates|conflicting/.test(String(error))) throw error
        }
      },
    })))

  /** Random commands with every edit among them, in a random interleaving. */
  const sequences: fc.Arbitrary<Step[]> = fc
    .tuple(fc.array(fc.oneof(...commands), { minLength: 4, maxLength: 10 }), edits, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
    .map(([random, edited, coin]) => {
      const [a, b] = [[...random], [...edited]]
      const out: Step[] = []
      for (const takeCommand of coin) {
        const from = (takeCommand && a.length > 0) || b.length === 0 ? a : b
        if (from.length > 0) out.push(from.shift()!)
      }
      return [...out, ...a, ...b]
    })

  const PROLOGUE: Step[] = [
    ...[0, 1].map((l): Step => ({ name: `partnership of lp${l}`, run: async (w, day) => {
      const lp = w.providers[l]!
      const reply = await t.request('POST', '/api/v3/partnerships', { token: lp.token, ...at(day), body: { data: { type: 'partnership', attributes: { cohort: String(COHORT), school_id: w.schools[l]!.id, delivery_partner_id: lp.dps[0] } } } })
      if (reply.status === 200) w.partnerships.push({ id: reply.body.data.id, leadProvider: l })
    } })),
    ...[0, 1].map((l): Step => ({ name: `ECT of lp${l}`, run: (w, day) => register(w, day, l, 'provider_led', l, false) })),
    { name: 'school-led ECT at school0', run: (w, day) => register(w, day, 0, 'school_led', 0, false) },
    { name: 'mentor of lp0', run: (w, day) => register(w, day, 0, 'provider_led', 0, true) },
    { name: 'the mentor assigned to the ECT of lp0', run: async (w, day) => {
      await t.admin('PUT', `/schools/${w.schools[0]!.urn}/ects/${w.ects[0]!.id}/mentor`, { mentor_participant_id: w.mentors[0]!.id }, at(day))
    } },
    // A transfer, so both lead providers' transfers feeds show something (T-5 names the providers).
    { name: 'ECT of lp0 who moves to lp1’s school', run: async (w, day) => {
      await register(w, day, 0, 'provider_led', 0, false)
      const mover = w.ects[w.ects.length - 1]!
      await t.admin('POST', `/schools/${mover.urn}/ects/${mover.id}/leaving`, { leaving_on: addDays(day, 3) }, at(day))
      await register(w, addDays(day, 4), 1, 'provider_led', 1, false, mover.trn)
    } },
  ]

  return { world, sequences, prologue: PROLOGUE }
}
