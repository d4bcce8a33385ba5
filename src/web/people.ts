// Pure decisions of the school and admin pages about a person at a school: which training a period
// shows and how (W-41), its status tag (W-42), which mentor an ECT list shows (W-43).
import type { Role, TrainingProgramme } from '../db/schema.ts'
import { inForceOn, isFinished, type Dated } from '../domain/participants/rules.ts'

/** What W-41 needs of a training period (`created_at` orders periods starting on one day). */
export type TrainingFacts = Dated & {
  training_programme: TrainingProgramme
  lead_provider_name: string | null
  partnership_id: string | null
  delivery_partner_name: string | null
  created_at?: Date
}

export type ShownTraining = TrainingFacts & { lead_provider_id?: string | null; cohort: number }

export type Mentorship = Dated & { name: string; participant_id: string }

const isEmpty = (tp: Dated) => tp.finished_on !== null && tp.finished_on === tp.started_on

/**
 * W-41: the training in force today, else the earliest that starts later, else the latest by
 * `started_on`; empty periods only when nothing else exists.
 */
export function trainingShown<T extends TrainingFacts>(trainings: readonly T[], today: string): T | undefined {
  const candidates = trainings.some((tp) => !isEmpty(tp)) ? trainings.filter((tp) => !isEmpty(tp)) : trainings
  const inForce = candidates.find((tp) => inForceOn(tp, today))
  if (inForce) return inForce
  const later = candidates.filter((tp) => tp.started_on > today).sort((a, b) => a.started_on.localeCompare(b.started_on))
  if (later[0]) return later[0]
  const created = (tp: T) => tp.created_at?.getTime() ?? 0
  let best: T | undefined
  for (const tp of candidates) if (best === undefined || tp.started_on > best.started_on || (tp.started_on === best.started_on && created(tp) >= created(best))) best = tp
  return best
}

export type TrainingDescription = { training: string; leadProvider: string; deliveryPartner: string }

/** W-41's table. */
export function describeTraining(tp: TrainingFacts | undefined): TrainingDescription {
  if (tp === undefined) return { training: 'No provider-led training', leadProvider: '–', deliveryPartner: '–' }
  if (tp.training_programme === 'school_led') return { training: 'School-led', leadProvider: '–', deliveryPartner: '–' }
  if (tp.partnership_id === null) {
    return { training: 'Provider-led', leadProvider: `Awaiting confirmation by ${tp.lead_provider_name}`, deliveryPartner: 'To be confirmed' }
  }
  return { training: 'Provider-led', leadProvider: `Confirmed by ${tp.lead_provider_name}`, deliveryPartner: tp.delivery_partner_name ?? 'To be confirmed' }
}

export type Status = { text: 'Left' | 'Leaving' | 'Mentor required' | 'Registered'; colour: 'grey' | 'orange' | 'red' | 'green' }

/** W-42: first match; mentors never show "Mentor required". */
export function statusOf(period: Dated, role: Role, mentorships: readonly Dated[], today: string): Status {
  if (isFinished(period, today)) return { text: 'Left', colour: 'grey' }
  if (period.finished_on !== null) return { text: 'Leaving', colour: 'orange' }
  if (role === 'ect' && !mentorships.some((m) => inForceOn(m, today) || m.started_on > today)) return { text: 'Mentor required', colour: 'red' }
  return { text: 'Registered', colour: 'green' }
}

/** W-43: the mentorship in force today, else the next one to start. */
export function mentorShown<M extends Dated>(mentorships: readonly M[], today: string): M | undefined {
  const inForce = mentorships.find((m) => inForceOn(m, today))
  if (inForce) return inForce
  return [...mentorships].filter((m) => m.started_on > today).sort((a, b) => a.started_on.localeCompare(b.started_on))[0]
}

/** W-44: mentorships in force today or starting later. */
export function currentOrFuture<M extends Dated>(mentorships: readonly M[], today: string): M[] {
  return mentorships.filter((m) => inForceOn(m, today) || m.started_on > today)
}
