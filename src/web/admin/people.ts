// W-41 and W-42 for the admin pages: which training an at-school period shows, in words, and its
// status tag. Pure: data in, words out.
import type { Role, TrainingProgramme } from '../../db/schema.ts'

export type TrainingFacts = {
  training_programme: TrainingProgramme
  lead_provider_name: string | null
  partnership_id: string | null
  delivery_partner_name: string | null
  started_on: string
  finished_on: string | null
  created_at: Date
}

const inForce = (p: { started_on: string; finished_on: string | null }, today: string) =>
  p.started_on <= today && (p.finished_on === null || today < p.finished_on)
const isEmpty = (p: { started_on: string; finished_on: string | null }) => p.finished_on === p.started_on

/**
 * W-41: the training period in force today; else the earliest that starts later; else the latest
 * by `started_on`; empty periods only when nothing else exists.
 */
export function shownTraining<T extends TrainingFacts>(periods: readonly T[], today: string): T | null {
  const real = periods.filter((p) => !isEmpty(p))
  const pool = real.length > 0 ? real : [...periods]
  if (pool.length === 0) return null
  const current = pool.find((p) => inForce(p, today))
  if (current) return current
  const later = pool.filter((p) => p.started_on > today).sort((a, b) => a.started_on.localeCompare(b.started_on))
  if (later.length > 0) return later[0]!
  return [...pool].sort((a, b) => b.started_on.localeCompare(a.started_on) || b.created_at.getTime() - a.created_at.getTime())[0]!
}

export type TrainingWords = { training: string; lead_provider: string; delivery_partner: string }

/** W-41's table. */
export function describeTraining(period: TrainingFacts | null): TrainingWords {
  if (period === null) return { training: 'No provider-led training', lead_provider: '–', delivery_partner: '–' }
  if (period.training_programme === 'school_led') return { training: 'School-led', lead_provider: '–', delivery_partner: '–' }
  if (period.partnership_id === null) {
    return { training: 'Provider-led', lead_provider: `Awaiting confirmation by ${period.lead_provider_name}`, delivery_partner: 'To be confirmed' }
  }
  return { training: 'Provider-led', lead_provider: `Confirmed by ${period.lead_provider_name}`, delivery_partner: period.delivery_partner_name ?? 'To be confirmed' }
}

export type StatusTag = { text: 'Left' | 'Leaving' | 'Mentor required' | 'Registered'; colour: 'grey' | 'orange' | 'red' | 'green' }

/** W-42, first match. `mentored` says whether an ECT has a mentorship in force today or starting later. */
export function statusTag(period: { role: Role; finished_on: string | null }, mentored: boolean, today: string): StatusTag {
  if (period.finished_on !== null && period.finished_on <= today) return { text: 'Left', colour: 'grey' }
  if (period.finished_on !== null) return { text: 'Leaving', colour: 'orange' }
  if (period.role === 'ect' && !mentored) return { text: 'Mentor required', colour: 'red' }
  return { text: 'Registered', colour: 'green' }
}

/** A mentorship in force today or starting later (W-42, W-43). */
export function mentoredOnOrAfter(mentorships: readonly { started_on: string; finished_on: string | null }[], today: string): boolean {
  return mentorships.some((m) => inForce(m, today) || m.started_on > today)
}

/** W-15: by last name, then first name, then TRN. */
export function byName(a: { last_name: string; first_name: string; trn: string }, b: { last_name: string; first_name: string; trn: string }): number {
  return a.last_name.localeCompare(b.last_name, 'en', { sensitivity: 'base' }) || a.first_name.localeCompare(b.first_name, 'en', { sensitivity: 'base' }) || a.trn.localeCompare(b.trn)
}
