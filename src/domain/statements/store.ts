// Reads and writes of statements and the declaration transitions they drive (D-60 … D-66,
// D-81 … D-85). SQL only.
import { sql, type Insertable, type Kysely } from 'kysely'
import type { Database, StatementsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

type Reader = Kysely<Database>

/** D-82, C-79: the constraint a concurrent duplicate runs into. */
export const STATEMENT_CONSTRAINTS = ['statements_d60_one_per_month']

export function findCohortForStatements(db: Reader, year: number) {
  return db.selectFrom('cohorts').select(['year', 'payments_frozen_on']).where('year', '=', year).executeTakeFirst()
}

export async function leadProviderExists(db: Reader, id: string): Promise<boolean> {
  return (await db.selectFrom('lead_providers').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}

export async function statementExists(db: Reader, key: { lead_provider_id: string; cohort_year: number; year: number; month: number }): Promise<boolean> {
  const row = await db
    .selectFrom('statements')
    .select('id')
    .where('lead_provider_id', '=', key.lead_provider_id)
    .where('cohort_year', '=', key.cohort_year)
    .where('year', '=', key.year)
    .where('month', '=', key.month as never)
    .executeTakeFirst()
  return row !== undefined
}

export async function insertStatement(tx: Tx, row: Insertable<StatementsTable>): Promise<void> {
  await tx.insertInto('statements').values(row).execute()
}

/** D-83: inserts unless the month exists (a concurrent calendar waits, then skips); the ids created. */
export async function insertStatementsIfAbsent(tx: Tx, rows: Insertable<StatementsTable>[]): Promise<string[]> {
  if (rows.length === 0) return []
  const created = await tx
    .insertInto('statements')
    .values(rows)
    .onConflict((oc) => oc.columns(['lead_provider_id', 'cohort_year', 'year', 'month']).doNothing())
    .returning('id')
    .execute()
  return created.map((r) => r.id)
}

/** D-83: the lead providers paired with any delivery partner in the cohort (P-2). */
export function leadProvidersPairedIn(db: Reader, cohortYear: number): Promise<{ id: string }[]> {
  return db
    .selectFrom('lead_providers as lp')
    .select('lp.id')
    .where((eb) =>
      eb.exists(eb.selectFrom('lead_provider_delivery_partners as p').select(sql.lit(1).as('one')).whereRef('p.lead_provider_id', '=', 'lp.id').where('p.cohort_year', '=', cohortYear)),
    )
    .orderBy('lp.name')
    .execute()
}

/** D-84, D-85: the statement, locked so two payment steps on it run one after the other. */
export function lockStatement(tx: Tx, id: string) {
  return tx.selectFrom('statements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
}

/** D-62: open statements whose cut-off is before today become payable; one idempotent statement. */
export async function markStatementsPayable(tx: Tx, now: Date, today: string, onlyId: string | null = null): Promise<number> {
  let query = tx.updateTable('statements').set({ status: 'payable', updated_at: now }).where('status', '=', 'open').where('cut_off_date', '<', today)
  if (onlyId !== null) query = query.where('id', '=', onlyId)
  const result = await query.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** D-62: eligible declarations whose payment statement is payable become payable (D-55 stamp). */
export async function markDeclarationsPayable(tx: Tx, now: Date, onlyStatementId: string | null = null): Promise<number> {
  const result = await tx
    .updateTable('declarations')
    .set({ payment_status: 'payable', updated_at: now })
    .where('payment_status', '=', 'eligible')
    .where('statement_id', 'in', (eb) => {
      let payable = eb.selectFrom('statements').select('id').where('status', '=', 'payable')
      if (onlyStatementId !== null) payable = payable.where('id', '=', onlyStatementId)
      return payable
    })
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** D-85: payable payment declarations of the statement → paid. */
export async function markDeclarationsPaid(tx: Tx, statementId: string, now: Date): Promise<number> {
  const result = await tx
    .updateTable('declarations')
    .set({ payment_status: 'paid', updated_at: now })
    .where('statement_id', '=', statementId)
    .where('payment_status', '=', 'payable')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** D-85: declarations awaiting clawback on the statement → clawed-back; returns them for D-49. */
export function markClawedBack(tx: Tx, statementId: string, now: Date) {
  return tx
    .updateTable('declarations')
    .set({ clawback_status: 'clawed-back', updated_at: now })
    .where('clawback_statement_id', '=', statementId)
    .where('clawback_status', '=', 'awaiting-clawback')
    .returning(['id', 'teacher_id', 'role', 'declaration_type', 'lead_provider_id'])
    .execute()
}

export async function markStatementPaid(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.updateTable('statements').set({ status: 'paid', marked_as_paid_at: now, updated_at: now }).where('id', '=', id).execute()
}
