// Declarations as one lead provider sees them (D-52 … D-54): one statement per page.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'
import { orderAndPage } from '../../../db/fragments.ts'
import type { DeclarationType, Role } from '../../../db/schema.ts'
import type { ClawbackStatus, PaymentStatus } from '../../../domain/declarations/rules.ts'
import type { Page } from '../../common/paging.ts'

export type DeclarationRow = {
  id: string
  participant_id: string
  declaration_type: DeclarationType
  role: Role
  declaration_date: Date
  mentor_id: string | null
  payment_status: PaymentStatus
  clawback_status: ClawbackStatus
  updated_at: Date
  created_at: Date
  delivery_partner_id: string
  statement_id: string | null
  clawback_statement_id: string | null
  pupil_premium_uplift: boolean
  sparsity_uplift: boolean
  evidence_held: string | null
  lead_provider_name: string
}

/** The row D-54 serialises; every read scopes it with D-52. */
function declarations(db: Db) {
  return db
    .selectFrom('declarations as d')
    .innerJoin('training_periods as tp', 'tp.id', 'd.training_period_id')
    .innerJoin('lead_providers as lp', 'lp.id', 'd.lead_provider_id')
    .select([
      'd.id', 'd.teacher_id as participant_id', 'd.declaration_type', 'd.role', 'd.declaration_date', 'd.mentor_teacher_id as mentor_id',
      'd.payment_status', 'd.clawback_status', 'd.updated_at', 'd.created_at', 'd.delivery_partner_id', 'd.statement_id',
      'd.clawback_statement_id', 'd.pupil_premium_uplift', 'd.sparsity_uplift', 'd.evidence_held', 'lp.name as lead_provider_name',
    ])
}

/**
 * D-52: (a) every declaration on the caller's own TPs, in any state; (b) other lead providers'
 * billable-or-changeable declarations for a teacher and role in which the caller has a target TP
 * (D-1, R-33 order) that is open or, (decided), finishes after the declaration's London date.
 * A union, so that each part uses its own index rather than one OR over every declaration.
 */
function visibleIds(leadProviderId: string) {
  return sql<string>`(
    SELECT own.id FROM declarations own WHERE own.lead_provider_id = ${leadProviderId}
    UNION ALL
    SELECT other.id
    FROM (
      SELECT DISTINCT ON (t.teacher_id, t.role) t.teacher_id, t.role, t.finished_on
      FROM training_periods t
      WHERE t.lead_provider_id = ${leadProviderId} AND t.partnership_id IS NOT NULL
      ORDER BY t.teacher_id, t.role, t.started_on DESC, (t.finished_on IS NOT NULL AND t.finished_on = t.started_on), t.created_at DESC
    ) target
    JOIN declarations other ON other.teacher_id = target.teacher_id AND other.role = target.role
    WHERE other.lead_provider_id <> ${leadProviderId}
      AND other.payment_status <> 'voided' AND other.clawback_status = 'none'
      AND (target.finished_on IS NULL OR (other.declaration_date AT TIME ZONE 'Europe/London')::date < target.finished_on))`
}

export type DeclarationFilters = {
  cohorts: number[] | null
  participantIds: string[] | null
  deliveryPartnerIds: string[] | null
  updatedSince: Date | null
}

export async function listDeclarations(db: Db, leadProviderId: string, filters: DeclarationFilters, page: Page): Promise<DeclarationRow[]> {
  const { cohorts, participantIds, deliveryPartnerIds, updatedSince } = filters
  if (page.beyondEnd || [cohorts, participantIds, deliveryPartnerIds].some((items) => items !== null && items.length === 0)) return []
  let query = declarations(db).where('d.id', 'in', visibleIds(leadProviderId))
  if (cohorts !== null) query = query.where('tp.cohort_year', 'in', cohorts)
  if (participantIds !== null) query = query.where('d.teacher_id', 'in', participantIds)
  if (deliveryPartnerIds !== null) query = query.where('d.delivery_partner_id', 'in', deliveryPartnerIds)
  if (updatedSince !== null) query = query.where('d.updated_at', '>=', updatedSince)
  // D-53: created_at ascending, then the id (C-36); `sort` is ignored.
  return orderAndPage(query, [], { created_at: sql`d.created_at` }, sql`d.id`, page, [{ key: 'created_at', direction: 'asc' }]).execute() as Promise<DeclarationRow[]>
}

/** One declaration: the same rule as visibleIds, evaluated for its row only (Q-4: a show is a lookup). */
export function findDeclaration(db: Db, leadProviderId: string, id: string): Promise<DeclarationRow | undefined> {
  return declarations(db)
    .where('d.id', '=', id)
    .where(sql<boolean>`(d.lead_provider_id = ${leadProviderId} OR (
      d.payment_status <> 'voided' AND d.clawback_status = 'none' AND EXISTS (
        SELECT 1 FROM (
          SELECT t.finished_on FROM training_periods t
          WHERE t.teacher_id = d.teacher_id AND t.role = d.role
            AND t.partnership_id IS NOT NULL AND t.lead_provider_id = ${leadProviderId}
          ORDER BY t.started_on DESC, (t.finished_on IS NOT NULL AND t.finished_on = t.started_on), t.created_at DESC
          LIMIT 1) target
        WHERE target.finished_on IS NULL
           OR (d.declaration_date AT TIME ZONE 'Europe/London')::date < target.finished_on)))`)
    .executeTakeFirst() as Promise<DeclarationRow | undefined>
}
