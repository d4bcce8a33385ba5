import { wireTimestamp } from '../../../../clock.ts'
import type { SchoolRow } from './query.ts'

/** P-20, in its order. */
export function serializeSchool(row: SchoolRow) {
  return {
    id: row.id,
    urn: row.urn,
    name: row.name,
    local_authority: row.local_authority,
    establishment_type: row.establishment_type,
    establishment_status: row.establishment_status,
    eligible: row.eligible,
    contact_email: row.contact_email,
    pupil_premium_uplift: row.pupil_premium_uplift,
    sparsity_uplift: row.sparsity_uplift,
    induction_tutor_name: row.induction_tutor_name,
    induction_tutor_email: row.induction_tutor_email,
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
