import { wireTimestamp } from '../../../clock.ts'
import type { UnfundedMentorRow } from './query.ts'

/** D-72, attributes in order. */
export function serializeUnfundedMentor(row: UnfundedMentorRow) {
  return {
    id: row.id,
    type: 'unfunded-mentor' as const,
    attributes: {
      full_name: `${row.first_name} ${row.last_name}`,
      email: row.email,
      teacher_reference_number: row.trn,
      created_at: wireTimestamp(new Date(row.created_at)),
      updated_at: wireTimestamp(new Date(row.updated_at)),
    },
  }
}
