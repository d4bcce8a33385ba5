import type { PartnershipRow } from './query.ts'

/** P-50, attributes in the spec's order; no challenge fields (G14). */
export function serializePartnership(row: PartnershipRow) {
  return {
    id: row.id,
    type: 'partnership' as const,
    attributes: {
      cohort: row.cohort,
      urn: row.urn,
      school_id: row.school_id,
      delivery_partner_id: row.delivery_partner_id,
      delivery_partner_name: row.delivery_partner_name,
      induction_tutor_name: row.induction_tutor_name,
      induction_tutor_email: row.induction_tutor_email,
      participants_currently_training: row.participants_currently_training,
      created_at: row.created_at,
      updated_at: row.updated_at,
    },
  }
}
