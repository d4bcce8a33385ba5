// S-39: the facts only the seed sets (R-9 allows it): o3's induction, recorded as the operator
// does (R-43), and h1's one participant id change, written directly (no command creates one).
import { londonInstant } from '../clock.ts'
import { recordInduction } from '../domain/participants/record-induction.ts'
import { seedId } from './derive.ts'
import type { Person } from './people.ts'
import type { Replay } from './kit-support.ts'
import type { LeadProviderPlan } from './reference.ts'
import type { Step } from './steps.ts'

export function inductionStep(p: { on: string; person: Person }): Step {
  return {
    on: p.on,
    name: `induction ${p.person.key}`,
    key: `induction:${p.person.key}`,
    run: async (tx, clock) => {
      await recordInduction(tx, clock, p.person.id, {
        induction_started_on: '2023-09-01',
        induction_completed_on: '2025-07-15',
        latest_induction_period_finished_on: '2025-07-15',
      })
    },
  }
}

export function participantIdChangeStep(r: Replay, lp: LeadProviderPlan, person: Person, on: string): Step {
  return {
    on,
    name: `participant id change ${person.key}`,
    key: `participant-id-change:${person.key}`,
    run: async (tx) => {
      await tx
        .insertInto('participant_id_changes')
        .values({
          id: seedId(r.seed, `participant-id-change:${person.key}`),
          teacher_id: person.id,
          from_participant_id: seedId(r.seed, `teacher:${lp.slug}:H:${person.code}:retired`),
          to_participant_id: person.id,
          changed_at: londonInstant(on, '10:00:00'),
        })
        .execute()
    },
  }
}
