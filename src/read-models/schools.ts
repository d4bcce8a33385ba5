// school_documents (0012): one row per school and cohort (P-43), holding its document, so a page
// is one index range of stored JSON texts instead of P-25 … P-27's lookups per school (Q-4). A
// document is the same for every lead provider but for P-27 and P-31, so it holds both texts and
// the lead providers for whom expression_of_interest is true, and is served by the caller. Built
// for the days between the finish dates of the school's EOI periods.
import { sql } from 'kysely'
import { updatedSince, withUrn } from '../api/v3/feed-filters.ts'
import { schoolsForDocuments } from '../api/v3/schools/query.ts'
import type { SORT_KEYS } from '../api/v3/schools/schemas.ts'
import { serializeSchool } from '../api/v3/schools/serialize.ts'
import { mapInTurns } from './build.ts'
import type { DocumentTable, Feed } from './documents.ts'

const COLUMNS = {
  listed: 'boolean',
  updated_at: 'timestamptz',
  eoi_lead_provider_ids: 'uuid[]',
  body: 'text',
  body_eoi: 'text',
  valid_from: 'date',
  valid_until: 'date',
} as const

export const schoolDocuments: DocumentTable<number, keyof typeof COLUMNS> = {
  table: 'school_documents',
  kind: 'school',
  scope: 'cohort_year',
  scopes: async (db) => (await db.selectFrom('cohorts').select('year').orderBy('year').execute()).map((c) => c.year),
  key: 'school_id',
  columns: COLUMNS,
  memberRows: {
    columns: { created_at: 'timestamptz', urn: 'text' },
    rows: (ids) => sql`SELECT id AS school_id, created_at, urn FROM schools WHERE id = ANY(${ids}::uuid[])`,
  },
  // Every picked school is stored: one P-43 does not list in the cohort as not listed.
  async derive(db, cohortYear, today, ids) {
    const facts = new Map((await schoolsForDocuments(db, cohortYear, today, ids)).map((row) => [row.id, row]))
    return mapInTurns(ids, (id) => {
      const row = facts.get(id)
      const values = {
        listed: row !== undefined,
        updated_at: row?.updated_at ?? null,
        eoi_lead_provider_ids: row?.eoi_lead_provider_ids ?? [],
        body: row === undefined ? null : JSON.stringify(serializeSchool(row)),
        body_eoi:
          row === undefined
            ? null
            : JSON.stringify(serializeSchool({ ...row, expression_of_interest: true, induction_tutor_name: row.tutor_name, induction_tutor_email: row.tutor_email })),
        // Not listed: only a write (eligibility, a partnership) lists it, so on every day.
        valid_from: row?.valid_from ?? '-infinity',
        valid_until: row?.valid_until ?? 'infinity',
      }
      return { key: id, values }
    })
  },
}

/** P-43 … P-47: the schools feed of one cohort. */
export const schoolsFeed: Feed<number, { cohortYear: number; today: string }, { urn: string | null; updatedSince: Date | null }, (typeof SORT_KEYS)[number]> = {
  documents: schoolDocuments,
  scopeOf: (_leadProviderId, { cohortYear }) => cohortYear,
  member: sql<boolean>`d.listed`,
  // P-27, P-31: the text with the tutor for a lead provider with expression_of_interest true.
  text: (leadProviderId) => sql<string | null>`CASE WHEN ${leadProviderId}::uuid = ANY(d.eoi_lead_provider_ids) THEN d.body_eoi ELSE d.body END`,
  columns: ['listed', 'updated_at', 'eoi_lead_provider_ids', 'body', 'body_eoi'],
  sortColumns: { created_at: sql`d.created_at`, updated_at: sql`d.updated_at`, urn: sql`d.urn` },
  defaultSort: [{ key: 'created_at', direction: 'asc' }],
  filters: ({ urn, updatedSince: since }) => [
    ...(urn === null ? [] : [withUrn(sql.ref('d.urn'), urn)]),
    ...(since === null ? [] : [updatedSince(sql.ref('d.updated_at'), since)]),
  ],
}
