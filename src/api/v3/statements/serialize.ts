import { wireTimestamp } from '../../../clock.ts'
import { monthName } from '../../../domain/statements/rules.ts'
import type { StatementRow } from './query.ts'

/** D-64, in its order; no type or status attribute. */
export function serializeStatement(row: StatementRow) {
  return {
    id: row.id,
    type: 'statement' as const,
    attributes: {
      month: monthName(row.month),
      year: String(row.year),
      cohort: String(row.cohort_year),
      cut_off_date: row.cut_off_date,
      payment_date: row.payment_date,
      paid: row.status === 'paid',
      created_at: wireTimestamp(row.created_at),
      updated_at: wireTimestamp(row.updated_at),
    },
  }
}
