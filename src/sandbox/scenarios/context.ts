// S-51: what every scenario starts from — today d of the request clock, the cohort K containing
// it, the lead providers and delivery partner to use, the k of its ids — and how its dated steps
// run (10:00 Europe/London on their date plus k seconds; steps dated d at the request's instant).
import { sql } from 'kysely'
import { addDays, type Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { InvalidError } from '../../errors.ts'
import type { SeedDates } from '../dates.ts'
import { randomFor, seedId, slugOf, type Random } from '../derive.ts'
import { newReplay, type Replay } from '../kit-support.ts'
import { ESTABLISHMENT_TYPES, FIRST_NAMES, LAST_NAMES, LOCAL_AUTHORITIES, PLACES, SCHOOL_KINDS } from '../names.ts'
import type { Person } from '../people.ts'
import type { LeadProviderPlan, SchoolPlan } from '../reference.ts'
import { nextScenarioNumber } from '../reset.ts'
import { orderSteps, runSteps, stepClock, type Step } from '../steps.ts'

export const FIRST_SCENARIO_URN = 149001

export type Cohort = { year: number; starts_on: string; partnerships_open: boolean }

export type Scene = {
  tx: Tx
  clock: Clock
  /** d */
  today: string
  K: Cohort
  Kp: Cohort | undefined
  lp: LeadProviderPlan
  other: LeadProviderPlan | null
  /** Each lead provider's first paired delivery partner in K, by name. */
  dp: (lp: LeadProviderPlan, year?: number) => Promise<string>
  k: number
  seed: number
  replay: Replay
  random: Random
  /** `scenario:<k>:<key>`, the S-30 entity keys of this run. */
  key: (name: string) => string
  school: (code: string) => Promise<SchoolPlan>
  person: (code: string, role: Person['role']) => Promise<Person>
  schools: SchoolPlan[]
  people: Person[]
}

export type Requirement = 'other' | 'previous' | 'previous-2025'

const requirement = (scenario: string, text: string) => new InvalidError([{ attribute: 'scenario', detail: `Scenario ${scenario} ${text}` }])

async function pairedIn(tx: Tx, year: number): Promise<LeadProviderPlan[]> {
  const rows = await tx
    .selectFrom('lead_providers as lp')
    .select(['lp.id', 'lp.name'])
    .where((eb) => eb.exists(eb.selectFrom('lead_provider_delivery_partners as p').select('p.id').whereRef('p.lead_provider_id', '=', 'lp.id').where('p.cohort_year', '=', year)))
    .orderBy('lp.name')
    .orderBy('lp.id')
    .execute()
  return rows.map((r, index) => ({ index, id: r.id, name: r.name, slug: slugOf(r.name), token: '', tokenId: '' }))
}

/** S-51: resolves everything or throws the 422 naming the first requirement not met. */
export async function openScene(
  tx: Tx,
  clock: Clock,
  scenario: string,
  input: { lead_provider_id?: string; other_lead_provider_id?: string },
  needs: readonly Requirement[],
): Promise<Scene> {
  const today = clock.today
  const cohorts = await tx.selectFrom('cohorts').select(['year', 'starts_on', 'ends_on', 'partnerships_open']).orderBy('year').execute()
  const K = cohorts.find((c) => c.starts_on <= today && today < c.ends_on)
  if (!K) throw new InvalidError([{ attribute: 'scenario', detail: `No cohort contains ${today}.` }])
  if (!K.partnerships_open) throw requirement(scenario, `needs cohort ${K.year} to be open for partnerships.`)
  const Kp = cohorts.find((c) => c.year === K.year - 1)
  const paired = await pairedIn(tx, K.year)
  const lp = input.lead_provider_id ? paired.find((p) => p.id === input.lead_provider_id) : paired[0]
  if (!lp) throw requirement(scenario, `needs a lead provider paired with a delivery partner in cohort ${K.year}.`)
  let other: LeadProviderPlan | null = null
  if (needs.includes('other')) {
    const at = paired.indexOf(lp)
    other = input.other_lead_provider_id
      ? (paired.find((p) => p.id === input.other_lead_provider_id && p.id !== lp.id) ?? null)
      : (paired.length > 1 ? paired[(at + 1) % paired.length]! : null)
    if (!other) throw requirement(scenario, `needs a second lead provider paired with a delivery partner in cohort ${K.year}.`)
  }
  if (needs.includes('previous') || needs.includes('previous-2025')) {
    const floor = needs.includes('previous-2025') ? 2025 : 0
    if (!Kp || Kp.year < floor || !(await pairedIn(tx, Kp.year)).some((p) => p.id === lp.id)) {
      throw requirement(scenario, `needs cohort ${K.year - 1}${floor ? ' (2025 or later)' : ''} with the lead provider paired with a delivery partner in it.`)
    }
    if (!Kp.partnerships_open) throw requirement(scenario, `needs cohort ${Kp.year} to be open for partnerships.`)
  }

  const settings = await tx.selectFrom('settings').select('seed_number').executeTakeFirstOrThrow()
  const seed = settings.seed_number === null ? 1 : Number(settings.seed_number)
  const k = await nextScenarioNumber(tx)
  const random = randomFor((seed * 7919 + k) | 0)
  const key = (name: string) => `scenario:${k}:${name}`
  const { rows } = await sql<{ urn: number; trn: number }>`
    SELECT GREATEST(${FIRST_SCENARIO_URN - 1}, COALESCE((SELECT max(urn::int) FROM schools WHERE urn::int >= ${FIRST_SCENARIO_URN}), 0))::int AS urn,
           GREATEST(2900000, COALESCE((SELECT max(trn::int) FROM teachers), 0))::int AS trn
  `.execute(tx)
  let urn = rows[0]!.urn
  let trn = rows[0]!.trn
  const schools: SchoolPlan[] = []
  const people: Person[] = []
  const names = new Set((await tx.selectFrom('schools').select('name').execute()).map((s) => s.name))
  const scene: Scene = {
    tx, clock, today, K, Kp, lp, other, k, seed, random, key, schools, people,
    // The kit builders read T only to date declarations made "at T"; scenarios date theirs.
    replay: newReplay(seed, { seedingDate: today } as SeedDates, { seed, leadProviders: [], deliveryPartners: [], pairings: [], schools: [] }),
    dp: async (which, year = K.year) => {
      const row = await tx
        .selectFrom('lead_provider_delivery_partners as p')
        .innerJoin('delivery_partners as d', 'd.id', 'p.delivery_partner_id')
        .select('d.id')
        .where('p.lead_provider_id', '=', which.id)
        .where('p.cohort_year', '=', year)
        .orderBy('d.name')
        .orderBy('d.id')
        .executeTakeFirstOrThrow()
      return row.id
    },
    school: async (code) => {
      let name: string
      do name = `${random.pick(PLACES)} ${random.pick(SCHOOL_KINDS)}`
      while (names.has(name))
      names.add(name)
      const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.sch.uk`
      const first = random.pick(FIRST_NAMES)
      const last = random.pick(LAST_NAMES)
      const school: SchoolPlan = {
        id: seedId(seed, key(`school:${code}`)),
        key: key(`school:${code}`),
        code: code as SchoolPlan['code'],
        leadProvider: null,
        urn: String(++urn),
        name,
        local_authority: random.pick(LOCAL_AUTHORITIES),
        establishment_type: random.pick(ESTABLISHMENT_TYPES),
        establishment_status: 'open',
        eligible: true,
        contact_email: `office@${domain}`,
        induction_tutor: { name: `${first} ${last}`, email: `${first}.${last}@${domain}`.toLowerCase() },
      }
      schools.push(school)
      return school
    },
    person: async (code, role) => {
      const first_name = random.pick(FIRST_NAMES)
      const last_name = random.pick(LAST_NAMES)
      const number = ++trn
      const personKey = key(`teacher:${code}`)
      const person: Person = {
        key: personKey,
        id: seedId(seed, personKey),
        code,
        role,
        trn: String(number),
        first_name,
        last_name,
        date_of_birth: `${1975 + random.below(26)}-0${1 + random.below(9)}-1${random.below(9)}`,
        email: `${first_name}.${last_name}.${number}@example.com`.toLowerCase(),
      }
      people.push(person)
      return person
    },
  }
  return scene
}

/** The day partnerships in K are created (S-51): the later of K's start and d − 150 days. */
export function partnershipDay(scene: Scene): string {
  const early = addDays(scene.today, -150)
  return early > scene.K.starts_on ? early : scene.K.starts_on
}

/** Runs the scenario's steps in date order; steps dated d at the request's own instant. */
export async function runScene(scene: Scene, steps: Step[]): Promise<void> {
  await runSteps(scene.tx, orderSteps(steps, []), scene.seed, (on, k) => (on === scene.today ? scene.clock : stepClock(on, '', k)))
}
