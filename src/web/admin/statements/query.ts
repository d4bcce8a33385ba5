// W-90: statements with the operator list's filters and order (D-81), and a statement's page with
// its payment and clawback declarations.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import type { Page } from '../../../api/common/paging.ts'
import type { StatementStatus } from '../../../db/schema.ts'
import { wireState, type ClawbackStatus, type PaymentStatus } from '../../../domain/declarations/rules.ts'

export type StatementFilter = { leadProviderId: string | null; cohort: number | null; status: StatementStatus | null }

export type StatementListRow = {
  id: string
  lead_provider_id: string
  lead_provider_name: string
  cohort: number
  year: number
  month: number
  cut_off_date: string
  payment_date: string
  status: StatementStatus
  marked_as_paid_at: Date | null
  created_at: Date
  updated_at: Date
}

function base(db: Db) {
  return db
    .selectFrom('statements as s')
    .innerJoin('lead_providers as lp', 'lp.id', 's.lead_provider_id')
    .select([
      's.id', 's.lead_provider_id', 'lp.name as lead_provider_name', 's.cohort_year as cohort', 's.year', 's.month', 's.cut_off_date', 's.payment_date',
      sql<StatementStatus>`s.status`.as('status'), 's.marked_as_paid_at', 's.created_at', 's.updated_at',
    ])
}

export async function listStatementsForAdmin(db: Db, filter: StatementFilter, page: Page): Promise<{ rows: StatementListRow[]; total: number }> {
  let query = base(db)
  if (filter.leadProviderId !== null) query = query.where('s.lead_provider_id', '=', filter.leadProviderId)
  if (filter.cohort !== null) query = query.where('s.cohort_year', '=', filter.cohort)
  if (filter.status !== null) query = query.where('s.status', '=', filter.status)
  const rows = await query.orderBy(sql`lower(lp.name)`).orderBy('s.cohort_year').orderBy('s.cut_off_date').orderBy('s.id').limit(page.perPage).offset(page.offset).execute()
  const total = await query.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return { rows, total: total.n }
}

export function statementForAdmin(db: Db, id: string): Promise<StatementListRow | undefined> {
  return base(db).where('s.id', '=', id).executeTakeFirst()
}

export type StatementDeclaration = {
  id: string
  participant_id: string
  participant_name: string
  declaration_type: string
  declaration_date: Date
  state: string
  /** `payment` when the statement pays it, `clawback` when it claws it back. */
  line: 'payment' | 'clawback'
}

/** W-90: the statement's payment declarations, then its clawbacks; each by date. */
export async function statementDeclarations(db: Db, statementId: string): Promise<StatementDeclaration[]> {
  const rows = await db
    .selectFrom('declarations as d')
    .innerJoin('teachers as t', 't.id', 'd.teacher_id')
    .where((eb) => eb.or([eb('d.statement_id', '=', statementId), eb('d.clawback_statement_id', '=', statementId)]))
    .select([
      'd.id', 't.id as participant_id', sql<string>`t.first_name || ' ' || t.last_name`.as('participant_name'), 'd.declaration_type', 'd.declaration_date',
      'd.payment_status', 'd.clawback_status', sql<'payment' | 'clawback'>`CASE WHEN d.clawback_statement_id = ${statementId}::uuid THEN 'clawback' ELSE 'payment' END`.as('line'),
    ])
    .orderBy('line', 'desc')
    .orderBy('d.declaration_date')
    .orderBy('d.id')
    .execute()
  return rows.map(({ payment_status, clawback_status, ...d }) => ({ ...d, state: wireState(payment_status as PaymentStatus, clawback_status as ClawbackStatus) }))
}

export type DeclarationCount = { line: 'payment' | 'clawback'; declaration_type: string; state: string; count: number }

/** W-90: the declarations counted by line, type and state (from the listed rows, D-41's states). */
export function countDeclarations(declarations: readonly StatementDeclaration[]): DeclarationCount[] {
  const counts = new Map<string, DeclarationCount>()
  for (const d of declarations) {
    const key = `${d.line}|${d.declaration_type}|${d.state}`
    const entry = counts.get(key) ?? { line: d.line, declaration_type: d.declaration_type, state: d.state, count: 0 }
    entry.count++
    counts.set(key, entry)
  }
  return [...counts.values()]
}
