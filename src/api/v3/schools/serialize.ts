import { wireTimestamp } from '../../../clock.ts'
import type { SchoolRow } from './query.ts'

/** P-45, attributes in the spec's order. */
export function serializeSchool(row: SchoolRow) {
  return {
    id: row.id,
    type: 'school' as const,
    attributes: {
      name: row.name,
      urn: row.urn,
      cohort: row.cohort,
      in_partnership: row.in_partnership,
      induction_programme_choice: row.induction_programme_choice,
      expression_of_interest: row.expression_of_interest,
      induction_tutor_name: row.induction_tutor_name,
      induction_tutor_email: row.induction_tutor_email,
      created_at: wireTimestamp(row.created_at),
      updated_at: wireTimestamp(row.updated_at),
    },
  }
}
