// The v3 feeds' filters that the derivation (each feed's query.ts) and the stored documents
// (src/read-models) apply alike, each written once over the columns that hold its key: the
// derivation's computed keys or a document row's stored ones, so a filter changed here changes
// on both paths (test/read-models and test/api/v3/*-documents.test.ts compare them).
import { sql, type Expression, type RawBuilder } from 'kysely'

const oneOf = (column: Expression<unknown>, values: readonly unknown[]) => sql`${column} in (${sql.join([...values])})`

/** P-49 filter[cohort]: the partnership's cohort is one of the years. */
export function inCohorts(cohort: Expression<unknown>, years: readonly number[]): RawBuilder<boolean> {
  return sql<boolean>`${oneOf(cohort, years)}`
}

/** P-49 filter[delivery_partner_id]: the partnership's delivery partner is one of them. */
export function ofDeliveryPartners(deliveryPartner: Expression<unknown>, ids: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${oneOf(deliveryPartner, ids)}`
}

/** R-39 filter[cohort]: either enrolment is in one of the cohorts. */
export function enrolmentInCohorts(enrolments: { ect: Expression<unknown>; mentor: Expression<unknown> }, years: readonly number[]): RawBuilder<boolean> {
  return sql<boolean>`(${oneOf(enrolments.ect, years)} or ${oneOf(enrolments.mentor, years)})`
}

/** R-39 filter[training_status]: either enrolment has the training status. */
export function enrolmentWithStatus(enrolments: { ect: Expression<unknown>; mentor: Expression<unknown> }, status: string): RawBuilder<boolean> {
  return sql<boolean>`(${enrolments.ect} = ${status} or ${enrolments.mentor} = ${status})`
}

/** P-44, C-38 filter[urn]: the school's URN exactly. */
export function withUrn(urn: Expression<unknown>, value: string): RawBuilder<boolean> {
  return sql<boolean>`${urn} = ${value}`
}

/** C-44, C-59 filter[updated_since]: the shown updated_at, the value the wire carries, at or after the instant. */
export function updatedSince(shown: Expression<unknown>, since: Date): RawBuilder<boolean> {
  return sql<boolean>`${shown} >= ${since}`
}
