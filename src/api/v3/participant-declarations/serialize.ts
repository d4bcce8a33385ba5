import { wireTimestamp } from '../../../clock.ts'
import { courseOfRole, wireState } from '../../../domain/declarations/rules.ts'
import type { DeclarationRow } from './query.ts'

/** D-54, in its order. */
export function serializeDeclaration(row: DeclarationRow) {
  return {
    id: row.id,
    type: 'participant-declaration' as const,
    attributes: {
      participant_id: row.participant_id,
      declaration_type: row.declaration_type,
      course_identifier: courseOfRole(row.role),
      declaration_date: wireTimestamp(row.declaration_date),
      mentor_id: row.mentor_id,
      state: wireState(row.payment_status, row.clawback_status),
      updated_at: wireTimestamp(row.updated_at),
      created_at: wireTimestamp(row.created_at),
      delivery_partner_id: row.delivery_partner_id,
      // D-51: a voided declaration keeps its link internally but shows none.
      statement_id: row.payment_status === 'voided' ? null : row.statement_id,
      clawback_statement_id: row.clawback_statement_id,
      ineligible_for_funding_reason: null,
      // D-54: paid (also while awaiting or after clawback) with an uplift recorded.
      uplift_paid: row.payment_status === 'paid' && (row.pupil_premium_uplift || row.sparsity_uplift),
      evidence_held: row.evidence_held,
      lead_provider_name: row.lead_provider_name,
    },
  }
}
