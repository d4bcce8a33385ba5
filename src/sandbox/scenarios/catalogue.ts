// S-52: the named scenarios, in table order. Each builds its dated steps from the scene (S-51);
// dates are relative to d, "LP" and "other LP" as S-51 picks them.
import { addDays, londonInstant } from '../../clock.ts'
import { createSchool } from '../../domain/schools/create-school.ts'
import { setInductionTutor } from '../../domain/participants/set-induction-tutor.ts'
import { createPartnership } from '../../domain/partnerships/create-partnership.ts'
import { actionStep, declarationStep, leavingStep, mentorStep, registerStep, voidStep } from '../kit-support.ts'
import type { LeadProviderPlan, SchoolPlan } from '../reference.ts'
import type { Step } from '../steps.ts'
import { partnershipDay, type Requirement, type Scene } from './context.ts'

export type Scenario = { needs: readonly Requirement[]; build: (scene: Scene) => Promise<Step[]> }

/** The new schools, eligible, each with its induction tutor, on the scenario's first day. */
export function schoolSteps(scene: Scene, on: string): Step[] {
  return scene.schools.map((school) => ({
    on,
    name: `scenario school ${school.key}`,
    key: school.key,
    run: async (tx, clock) => {
      const { id, urn, name, local_authority, establishment_type, establishment_status, eligible, contact_email } = school
      await createSchool(tx, clock, { id, urn, name, local_authority, establishment_type, establishment_status, eligible, contact_email })
      await setInductionTutor(tx, clock, id, school.induction_tutor!)
    },
  }))
}

function partnership(scene: Scene, lp: LeadProviderPlan, school: SchoolPlan, year = scene.K.year, on = partnershipDay(scene)): Step {
  const key = scene.key(`partnership:${school.code}:${lp.slug}:${year}`)
  return {
    on,
    name: key,
    key,
    primary: 'partnership',
    run: async (tx, clock) => {
      await createPartnership(tx, clock, lp.id, { cohort: String(year), school_id: school.id, delivery_partner_id: await scene.dp(lp, year) })
    },
  }
}

const at = (scene: Scene, days: number) => addDays(scene.today, days)
const nineAm = (day: string) => londonInstant(day, '09:00:00').toISOString()

type Move = { leavesOn: number; reportedOn?: number; joinsOn?: number | null; registeredOn?: number; to: 'LP' | 'other' | 'school-led' | null }

/** The transfer scenarios: an ECT at A (with LP) from d−120, then a move. */
async function transfer(scene: Scene, move: Move): Promise<Step[]> {
  const A = await scene.school('A')
  const B = move.to === null ? null : await scene.school('B')
  const ect = await scene.person('ect', 'ect')
  const r = scene.replay
  const K = scene.K.year
  const steps: Step[] = [partnership(scene, scene.lp, A)]
  if (B && move.to === 'LP') steps.push(partnership(scene, scene.lp, B))
  if (B && move.to === 'other') steps.push(partnership(scene, scene.other!, B))
  steps.push(registerStep(r, { on: at(scene, -120), person: ect, school: A, lp: scene.lp, cohort: K }))
  steps.push(leavingStep(r, { on: at(scene, move.reportedOn ?? move.leavesOn), person: ect, school: A, leavingOn: at(scene, move.leavesOn) }))
  if (B) {
    const joins = at(scene, move.joinsOn ?? move.leavesOn)
    const lp = move.to === 'LP' ? scene.lp : move.to === 'other' ? scene.other! : null
    steps.push(registerStep(r, { on: move.registeredOn !== undefined ? at(scene, move.registeredOn) : joins, startedOn: joins, person: ect, school: B, lp, ...(lp ? { cohort: K } : {}) }))
  }
  return steps
}

/** A partnered school with one ECT from `from` (cohort K), for the participant-action scenarios. */
async function partneredEct(scene: Scene, from: string, registeredOn = from) {
  const A = await scene.school('A')
  const ect = await scene.person('ect', 'ect')
  return {
    ect,
    steps: [partnership(scene, scene.lp, A), registerStep(scene.replay, { on: registeredOn, startedOn: from, person: ect, school: A, lp: scene.lp, cohort: scene.K.year })],
  }
}

export const SCENARIOS: Record<string, Scenario> = {
  'eoi-school': {
    needs: [],
    build: async (scene) => {
      const A = await scene.school('A')
      const ect = await scene.person('ect', 'ect')
      return [registerStep(scene.replay, { on: at(scene, -30), person: ect, school: A, lp: scene.lp, cohort: scene.K.year })]
    },
  },
  'partnered-school-with-participants': {
    needs: [],
    build: async (scene) => {
      const A = await scene.school('A')
      const [e1, e2, m] = [await scene.person('e1', 'ect'), await scene.person('e2', 'ect'), await scene.person('m', 'mentor')]
      const on = at(scene, -30)
      const reg = (person: typeof e1) => registerStep(scene.replay, { on, person, school: A, lp: scene.lp, cohort: scene.K.year })
      return [
        partnership(scene, scene.lp, A),
        reg(e1), reg(e2), reg(m),
        mentorStep(scene.replay, { on, ect: e1, mentor: m, school: A }),
        mentorStep(scene.replay, { on, ect: e2, mentor: m, school: A }),
      ]
    },
  },
  'partnered-school-without-participants': {
    needs: [],
    build: async (scene) => [partnership(scene, scene.lp, await scene.school('A'))],
  },
  'carry-forward': {
    needs: ['previous'],
    build: async (scene) => {
      const A = await scene.school('A')
      const Kp = scene.Kp!.year
      const [old, fresh] = [await scene.person('ect-previous', 'ect'), await scene.person('ect', 'ect')]
      return [
        partnership(scene, scene.lp, A, Kp, `${Kp}-07-01`),
        registerStep(scene.replay, { on: `${Kp}-09-01`, person: old, school: A, lp: scene.lp, cohort: Kp }),
        registerStep(scene.replay, { on: at(scene, -30), person: fresh, school: A, lp: scene.lp, cohort: scene.K.year, usePrevious: true }),
      ]
    },
  },
  'multiple-providers-one-school': {
    needs: ['other'],
    build: async (scene) => {
      const A = await scene.school('A')
      const [e1, e2, m] = [await scene.person('ect-lp', 'ect'), await scene.person('ect-other', 'ect'), await scene.person('mentor-other', 'mentor')]
      const on = at(scene, -30)
      const K = scene.K.year
      return [
        partnership(scene, scene.lp, A),
        partnership(scene, scene.other!, A),
        registerStep(scene.replay, { on, person: e1, school: A, lp: scene.lp, cohort: K }),
        registerStep(scene.replay, { on, person: e2, school: A, lp: scene.other, cohort: K }),
        registerStep(scene.replay, { on, person: m, school: A, lp: scene.other, cohort: K }),
        mentorStep(scene.replay, { on, ect: e1, mentor: m, school: A }),
      ]
    },
  },
  'school-led-school': {
    needs: [],
    build: async (scene) => {
      const A = await scene.school('A')
      const on = at(scene, -30)
      return [await scene.person('ect-1', 'ect'), await scene.person('ect-2', 'ect')].map((person) => registerStep(scene.replay, { on, person, school: A, lp: null }))
    },
  },
  'transfer-new-school': { needs: [], build: (scene) => transfer(scene, { leavesOn: -10, to: 'LP' }) },
  'transfer-new-provider': { needs: ['other'], build: (scene) => transfer(scene, { leavesOn: -10, to: 'other' }) },
  'transfer-unknown-destination': { needs: [], build: (scene) => transfer(scene, { leavesOn: -10, to: null }) },
  'transfer-overlap-corrected': { needs: ['other'], build: (scene) => transfer(scene, { leavesOn: 20, reportedOn: -6, joinsOn: -5, to: 'other' }) },
  'transfer-to-school-led': { needs: [], build: (scene) => transfer(scene, { leavesOn: -10, to: 'school-led' }) },
  'withdrawn-participant': {
    needs: [],
    build: async (scene) => {
      const { ect, steps } = await partneredEct(scene, at(scene, -60))
      return [...steps, actionStep({ on: at(scene, -1), lp: scene.lp, person: ect, action: 'withdraw', reason: 'other' })]
    },
  },
  'deferred-participant': {
    needs: [],
    build: async (scene) => {
      const { ect, steps } = await partneredEct(scene, at(scene, -60))
      return [...steps, actionStep({ on: at(scene, -1), lp: scene.lp, person: ect, action: 'defer', reason: 'long-term-sickness' })]
    },
  },
  'joining-participant': {
    needs: [],
    build: async (scene) => (await partneredEct(scene, at(scene, 14), scene.today)).steps,
  },
  declarations: {
    needs: ['previous-2025'],
    build: async (scene) => {
      const A = await scene.school('A')
      const Kp = scene.Kp!.year
      const [e1, e2, m] = [await scene.person('ect-1', 'ect'), await scene.person('ect-2', 'ect'), await scene.person('mentor', 'mentor')]
      const start = `${Kp}-09-01`
      const r = scene.replay
      const d = scene.today
      const reg = (person: typeof e1) => registerStep(r, { on: start, person, school: A, lp: scene.lp, cohort: Kp })
      const declare = (person: typeof e1, type: string, days: number) =>
        declarationStep(r, { on: d, lp: scene.lp, person, type, cohort: Kp, date: nineAm(addDays(d, days)) })
      return [
        partnership(scene, scene.lp, A, Kp, `${Kp}-07-01`),
        reg(m), reg(e1), reg(e2),
        mentorStep(r, { on: start, ect: e1, mentor: m, school: A }),
        declare(e1, 'started', -3), declare(e1, 'retained-1', -2), declare(e1, 'retained-2', -1),
        declare(m, 'started', -1),
        declare(e2, 'started', -1),
        voidStep(r, { on: d, lp: scene.lp, person: e2, name: 'started' }),
      ]
    },
  },
}

export const SCENARIO_NAMES = Object.keys(SCENARIOS)
