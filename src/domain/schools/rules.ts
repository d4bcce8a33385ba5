// School rules (P-20 … P-23, P-36, P-37): the request table's order and which changes move stamps.
import type { EstablishmentStatus } from '../../db/schema.ts'

export const SCHOOL_FIELDS = [
  'urn',
  'name',
  'local_authority',
  'establishment_type',
  'establishment_status',
  'eligible',
  'contact_email',
  'pupil_premium_uplift',
  'sparsity_uplift',
] as const

export const ESTABLISHMENT_STATUSES = ['open', 'closed', 'proposed_to_close', 'proposed_to_open'] as const satisfies readonly EstablishmentStatus[]

export const DUPLICATE_URN = 'A school with this URN already exists.'

export type SchoolDetails = {
  name: string
  local_authority: string | null
  establishment_type: string | null
  establishment_status: EstablishmentStatus
  eligible: boolean
  contact_email: string | null
  pupil_premium_uplift: boolean
  sparsity_uplift: boolean
}

/** P-21 defaults for the optional fields. */
export const SCHOOL_DEFAULTS: Omit<SchoolDetails, 'name'> = {
  local_authority: null,
  establishment_type: null,
  establishment_status: 'open',
  eligible: true,
  contact_email: null,
  pupil_premium_uplift: false,
  sparsity_uplift: false,
}

/** P-37: lead providers see the school's name, eligibility and contact email (via the tutor's). */
export function movesSchoolStamp(changed: Partial<SchoolDetails>): boolean {
  return 'name' in changed || 'eligible' in changed || 'contact_email' in changed
}

/** R-34, C-56: participants trained at the school show its uplift flags. */
export function movesParticipantStamps(changed: Partial<SchoolDetails>): boolean {
  return 'pupil_premium_uplift' in changed || 'sparsity_uplift' in changed
}

/** P-36: partnerships show the contact email in place of a tutor email the school lacks (P-31). */
export function movesPartnershipStamps(changed: Partial<SchoolDetails>, inductionTutorEmail: string | null): boolean {
  return 'contact_email' in changed && inductionTutorEmail === null
}
