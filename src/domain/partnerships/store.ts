// Reads and writes of partnerships for the partnership commands (P-5, P-24, P-33 … P-34, P-52 … P-55).
import { sql, type Insertable } from 'kysely'
import type { PartnershipsTable } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'

/** The P-6 constraints a partnership insert or delivery partner change can hit under a race. */
export const PARTNERSHIP_CONSTRAINTS = ['partnerships_p6_one_primary', 'partnerships_p6_unique_on_pairing'] as const

/** What P-33 needs to know of a partnership: the triple its EOI periods share. */
export type PartnershipKey = { id: string; school_id: string; lead_provider_id: string; cohort_year: number }

const KEY = ['id', 'school_id', 'lead_provider_id', 'cohort_year'] as const

/** P-5: the primary partnership for (school, lead provider, cohort). */
export function findPrimaryPartnership(tx: Tx, schoolId: string, leadProviderId: string, cohortYear: number) {
  return tx
    .selectFrom('partnerships')
    .select(KEY)
    .where('school_id', '=', schoolId)
    .where('lead_provider_id', '=', leadProviderId)
    .where('cohort_year', '=', cohortYear)
    .where('additional', '=', false)
    .executeTakeFirst()
}

export function findPartnershipKey(tx: Tx, id: string) {
  return tx.selectFrom('partnerships').select(KEY).where('id', '=', id).executeTakeFirst()
}

/** P-24, P-54 row 4: a partnership of the school on exactly this pairing. */
export async function hasPartnershipOnPairing(
  tx: Tx,
  pairing: { school_id: string; lead_provider_id: string; delivery_partner_id: string; cohort_year: number },
): Promise<boolean> {
  const row = await tx
    .selectFrom('partnerships')
    .select('id')
    .where('school_id', '=', pairing.school_id)
    .where('lead_provider_id', '=', pairing.lead_provider_id)
    .where('delivery_partner_id', '=', pairing.delivery_partner_id)
    .where('cohort_year', '=', pairing.cohort_year)
    .executeTakeFirst()
  return row !== undefined
}

export async function pairingExists(tx: Tx, leadProviderId: string, deliveryPartnerId: string, cohortYear: number): Promise<boolean> {
  const row = await tx
    .selectFrom('lead_provider_delivery_partners')
    .select('id')
    .where('lead_provider_id', '=', leadProviderId)
    .where('delivery_partner_id', '=', deliveryPartnerId)
    .where('cohort_year', '=', cohortYear)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * P-34 step 2: the school's most recent partnership with the lead provider in another cohort whose
 * delivery partner is paired with it in `cohortYear` — greatest year, then latest creation, then id.
 */
export function findCarryForwardSource(tx: Tx, schoolId: string, leadProviderId: string, cohortYear: number) {
  return tx
    .selectFrom('partnerships as p')
    .select(['p.id', 'p.delivery_partner_id'])
    .where('p.school_id', '=', schoolId)
    .where('p.lead_provider_id', '=', leadProviderId)
    .where('p.cohort_year', '!=', cohortYear)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('lead_provider_delivery_partners as lpdp')
          .select(sql.lit(1).as('one'))
          .whereRef('lpdp.lead_provider_id', '=', 'p.lead_provider_id')
          .whereRef('lpdp.delivery_partner_id', '=', 'p.delivery_partner_id')
          .where('lpdp.cohort_year', '=', cohortYear),
      ),
    )
    .orderBy('p.cohort_year', 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertPartnership(tx: Tx, row: Insertable<PartnershipsTable>): Promise<void> {
  await tx.insertInto('partnerships').values(row).execute()
}

/**
 * P-6 under a race without a savepoint: inserts unless any P-6 constraint already holds such a row,
 * and says whether it did. Used by the carry-forward, whose loser simply uses the winner's row.
 */
export async function insertPartnershipUnlessTaken(tx: Tx, row: Insertable<PartnershipsTable>): Promise<boolean> {
  const written = await tx.insertInto('partnerships').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst()
  return written !== undefined
}

/**
 * False when the partnership is already on that delivery partner: a concurrent PUT moved it there
 * after our check (the row lock makes the second UPDATE re-read the row), so it gets row 4's 422
 * as the slow path does (Q-10).
 */
export async function setDeliveryPartner(tx: Tx, id: string, deliveryPartnerId: string, now: Date): Promise<boolean> {
  const result = await tx
    .updateTable('partnerships')
    .set({ delivery_partner_id: deliveryPartnerId, updated_at: now })
    .where('id', '=', id)
    .where('delivery_partner_id', '<>', deliveryPartnerId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Teachers with a training period on the partnership (R-14 on a delivery partner change). */
export async function teachersOnPartnership(tx: Tx, partnershipId: string): Promise<string[]> {
  const rows = await tx.selectFrom('training_periods').select('teacher_id').distinct().where('partnership_id', '=', partnershipId).execute()
  return rows.map((r) => r.teacher_id)
}

export function findCohort(tx: Tx, year: number) {
  return tx.selectFrom('cohorts').select(['year', 'starts_on', 'partnerships_open']).where('year', '=', year).executeTakeFirst()
}

export function findSchoolByUrn(tx: Tx, urn: string) {
  return tx.selectFrom('schools').select(['id', 'urn', 'eligible']).where('urn', '=', urn).executeTakeFirst()
}

export function findDeliveryPartner(tx: Tx, id: string) {
  return tx.selectFrom('delivery_partners').select(['id']).where('id', '=', id).executeTakeFirst()
}

export function findLeadProvider(tx: Tx, id: string) {
  return tx.selectFrom('lead_providers').select(['id']).where('id', '=', id).executeTakeFirst()
}
