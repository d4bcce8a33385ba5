// The step builders of the kit (S-38): each one dated step calling one domain command, exactly as
// the HTTP surface would (the v3 API for the lead provider, the operator API for schools and DfE).
import { addDays, londonInstant, type Clock } from '../clock.ts'
import type { ScheduleIdentifier, WorkingPattern } from '../db/schema.ts'
import type { Tx } from '../db/transaction.ts'
import { createDeclaration } from '../domain/declarations/create-declaration.ts'
import { setFundingEligibility } from '../domain/declarations/set-funding-eligibility.ts'
import { voidDeclaration } from '../domain/declarations/void-declaration.ts'
import { changeSchedule } from '../domain/participant-actions/change-schedule.ts'
import { deferParticipant } from '../domain/participant-actions/defer-participant.ts'
import { resumeParticipant } from '../domain/participant-actions/resume-participant.ts'
import { withdrawParticipant } from '../domain/participant-actions/withdraw-participant.ts'
import { assignMentor } from '../domain/participants/assign-mentor.ts'
import { registerParticipant } from '../domain/participants/register-participant.ts'
import { reportLeaving } from '../domain/participants/report-leaving.ts'
import { addManualPartnership } from '../domain/partnerships/add-manual-partnership.ts'
import { createPartnership } from '../domain/partnerships/create-partnership.ts'
import { Problems } from '../domain/problems.ts'
import type { SeedDates } from './dates.ts'
import type { Person } from './people.ts'
import type { DeliveryPartnerCode, LeadProviderPlan, ReferencePlan, SchoolPlan } from './reference.ts'
import type { Step } from './steps.ts'

/** What the steps of one replay share: the plans, and the ids the commands returned so far. */
export type Replay = {
  seed: number
  dates: SeedDates
  plan: ReferencePlan
  /** At-school period ids by `<person key>@<school key>`. */
  periods: Map<string, string>
  /** Declaration ids by their step key. */
  declarations: Map<string, string>
  /** Person keys with a registration step planned so far: the first one keys the teacher id. */
  planned: Set<string>
}

export function newReplay(seed: number, dates: SeedDates, plan: ReferencePlan): Replay {
  return { seed, dates, plan, periods: new Map(), declarations: new Map(), planned: new Set() }
}

export function schoolOf(plan: ReferencePlan, lp: LeadProviderPlan | null, code: string): SchoolPlan {
  const key = lp ? `school:${lp.slug}:${code}` : `school:${code}`
  return plan.schools.find((s) => s.key === key)!
}

export function partnerOf(plan: ReferencePlan, lp: LeadProviderPlan, code: DeliveryPartnerCode) {
  return plan.deliveryPartners.find((d) => d.code === code && (d.leadProvider === lp.slug || d.leadProvider === null))!
}

/** S-32: 09:00 Europe/London on the step date; for a step dated T, on T − 1. */
export function declarationDate(on: string, seedingDate: string): string {
  return londonInstant(on === seedingDate ? addDays(on, -1) : on, '09:00:00').toISOString()
}

/** S-38 evidence (D-45). */
function evidenceFor(cohortYear: number, type: string): string | null {
  if (type === 'started') return cohortYear >= 2025 ? 'training-event-attended' : null
  if ((type === 'retained-2' || type === 'completed') && cohortYear >= 2025) return '75-percent-engagement-met'
  return 'self-study-material-completed'
}

export function partnershipStep(r: Replay, p: { on: string; lp: LeadProviderPlan; school: SchoolPlan; dp: DeliveryPartnerCode; year: number }): Step {
  const dp = partnerOf(r.plan, p.lp, p.dp)
  return {
    on: p.on,
    name: `partnership ${p.lp.slug} ${p.school.key} ${p.year} ${p.dp}`,
    key: `partnership:${p.lp.slug}:${p.school.code}:${p.year}:${p.dp}${p.school.leadProvider && p.school.leadProvider !== p.lp.slug ? `@${p.school.leadProvider}` : ''}`,
    primary: 'partnership',
    run: async (tx, clock) => {
      await createPartnership(tx, clock, p.lp.id, { cohort: String(p.year), school_id: p.school.id, delivery_partner_id: dp.id })
    },
  }
}

/** P-24: DfE adds a partnership by hand (additional when one exists). */
export function manualPartnershipStep(r: Replay, p: { on: string; lp: LeadProviderPlan; school: SchoolPlan; dp: DeliveryPartnerCode; year: number }): Step {
  const dp = partnerOf(r.plan, p.lp, p.dp)
  return {
    on: p.on,
    name: `manual partnership ${p.lp.slug} ${p.school.key} ${p.year} ${p.dp}`,
    key: `partnership:${p.lp.slug}:${p.school.code}:${p.year}:${p.dp}`,
    primary: 'partnership',
    run: async (tx, clock) => {
      await addManualPartnership(tx, clock, { urn: p.school.urn, lead_provider_id: p.lp.id, delivery_partner_id: dp.id, cohort: p.year })
    },
  }
}

export type Registering = {
  on: string
  person: Person
  school: SchoolPlan
  /** Provider-led with this lead provider; null: school-led. */
  lp: LeadProviderPlan | null
  startedOn?: string
  cohort?: number
  usePrevious?: boolean
  workingPattern?: WorkingPattern
}

const periodKey = (person: Person, school: SchoolPlan) => `${person.key}@${school.key}`

export function periodOf(r: Replay, person: Person, school: SchoolPlan): string {
  const id = r.periods.get(periodKey(person, school))
  if (id === undefined) throw new Error(`${person.key} has no period at ${school.key}`)
  return id
}

/** R-19: the school registers the person; the first registration of a person keys the teacher id. */
export function registerStep(r: Replay, g: Registering): Step {
  const first = !r.planned.has(g.person.key)
  r.planned.add(g.person.key)
  const key = first ? g.person.key : periodKey(g.person, g.school)
  return {
    on: g.on,
    name: `register ${periodKey(g.person, g.school)}`,
    key,
    primary: first ? 'teacher' : 'at-school-period',
    run: async (tx, clock) => {
      const { person, school } = g
      const { id } = await registerParticipant(tx, clock, {
        school: { id: school.id, name: school.name },
        role: person.role,
        input: {
          trn: person.trn,
          first_name: person.first_name,
          last_name: person.last_name,
          date_of_birth: person.date_of_birth,
          email: person.email,
          started_on: g.startedOn ?? g.on,
          ...(person.role === 'ect' ? { working_pattern: g.workingPattern ?? 'full_time' } : {}),
          training_programme: g.lp ? 'provider_led' : 'school_led',
          ...(g.lp ? { lead_provider_id: g.lp.id } : {}),
          ...(g.cohort !== undefined ? { cohort: g.cohort } : {}),
          ...(g.usePrevious ? { use_previous_partnership: true } : {}),
        },
      })
      r.periods.set(periodKey(person, school), id)
    },
  }
}
/** R-30: the school reports the person leaving on `leavingOn` (reported on the step date). */
export function leavingStep(r: Replay, p: { on: string; person: Person; school: SchoolPlan; leavingOn: string }): Step {
  return {
    on: p.on,
    name: `leaving ${periodKey(p.person, p.school)}`,
    key: `leaving:${periodKey(p.person, p.school)}`,
    run: async (tx, clock) => {
      await reportLeaving(tx, clock, periodOf(r, p.person, p.school), { leaving_on: p.leavingOn })
    },
  }
}

/** R-24: the school assigns a mentor to an ECT from the step date. */
export function mentorStep(r: Replay, p: { on: string; ect: Person; mentor: Person; school: SchoolPlan }): Step {
  return {
    on: p.on,
    name: `mentor ${p.mentor.key} for ${p.ect.key}`,
    key: `mentorship:${p.ect.key}:${p.mentor.key}`,
    primary: 'mentorship',
    run: async (tx, clock) => {
      await assignMentor(tx, clock, periodOf(r, p.ect, p.school), { mentor_participant_id: p.mentor.id, started_on: p.on })
    },
  }
}

const course = (person: Person) => (person.role === 'ect' ? 'ecf-induction' : 'ecf-mentor')

/** D-43: the lead provider declares; `name` tells two declarations of one type apart. */
export function declarationStep(r: Replay, p: { on: string; lp: LeadProviderPlan; person: Person; type: string; cohort: number; name?: string; date?: string }): Step {
  const key = `declaration:${p.person.key}:${p.name ?? p.type}`
  return {
    on: p.on,
    name: key,
    key,
    primary: 'declaration',
    run: async (tx, clock) => {
      const { id } = await createDeclaration(tx, clock, p.lp.id, {
        participant_id: p.person.id,
        declaration_type: p.type,
        declaration_date: p.date ?? declarationDate(p.on, r.dates.seedingDate),
        course_identifier: course(p.person),
        evidence_held: evidenceFor(p.cohort, p.type),
      })
      r.declarations.set(key, id)
    },
  }
}

/** D-51: void (a paid declaration is clawed back instead). */
export function voidStep(r: Replay, p: { on: string; lp: LeadProviderPlan; person: Person; name: string }): Step {
  const key = `declaration:${p.person.key}:${p.name}`
  return {
    on: p.on,
    name: `void ${key}`,
    key: `void:${key}`,
    run: async (tx, clock) => {
      await voidDeclaration(tx, clock, p.lp.id, r.declarations.get(key)!)
    },
  }
}

type ActionKind = 'withdraw' | 'defer' | 'resume'

/** D-12 … D-14: the lead provider withdraws, defers or resumes. */
export function actionStep(p: { on: string; lp: LeadProviderPlan; person: Person; action: ActionKind; reason?: string }): Step {
  const key = `${p.action}:${p.person.key}`
  return {
    on: p.on,
    name: key,
    key,
    primary: 'training-period',
    run: async (tx: Tx, clock: Clock) => {
      const input = { course_identifier: course(p.person), reason: p.reason ?? null }
      if (p.action === 'withdraw') await withdrawParticipant(tx, clock, p.lp.id, p.person.id, input)
      else if (p.action === 'defer') await deferParticipant(tx, clock, p.lp.id, p.person.id, input)
      else await resumeParticipant(tx, clock, p.lp.id, p.person.id, input)
    },
  }
}

/** D-20: the lead provider changes the schedule, and the cohort when given. */
export function scheduleStep(p: { on: string; lp: LeadProviderPlan; person: Person; schedule: ScheduleIdentifier; cohort?: number }): Step {
  const key = `schedule:${p.person.key}`
  return {
    on: p.on,
    name: key,
    key,
    primary: 'training-period',
    run: async (tx, clock) => {
      await changeSchedule(tx, clock, p.lp.id, p.person.id, {
        schedule_identifier: p.schedule,
        course_identifier: course(p.person),
        cohort: p.cohort === undefined ? null : String(p.cohort),
      })
    },
  }
}

/** D-86: the operator withdraws a role's funding eligibility. */
export function fundingStep(p: { on: string; person: Person; eligible: boolean }): Step {
  return {
    on: p.on,
    name: `funding ${p.person.key}`,
    key: `funding:${p.person.key}`,
    run: async (tx, clock) => {
      await setFundingEligibility(tx, clock, p.person.id, { role: p.person.role, eligible: p.eligible }, new Problems(['course_identifier', 'eligible']))
    },
  }
}
