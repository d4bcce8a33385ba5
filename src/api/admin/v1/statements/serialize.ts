import { wireTimestamp } from '../../../../clock.ts'
import type { AdminStatementRow } from './query.ts'

/** D-81. */
export function serializeAdminStatement(row: AdminStatementRow) {
  return {
    id: row.id,
    lead_provider_id: row.lead_provider_id,
    cohort: String(row.cohort_year),
    year: row.year,
    month: row.month,
    cut_off_date: row.cut_off_date,
    payment_date: row.payment_date,
    status: row.status,
    marked_as_paid_at: row.marked_as_paid_at === null ? null : wireTimestamp(row.marked_as_paid_at),
    created_at: wireTimestamp(row.created_at),
    updated_at: wireTimestamp(row.updated_at),
  }
}
