// W-80: the admin home's counts, in one statement.
import { sql } from 'kysely'
import type { Db } from '../../../db/connect.ts'

export type AdminCounts = {
  schools: number
  teachers: number
  cohorts: number
  lead_providers: number
  delivery_partners: number
  open_statements: number
}

export async function adminCounts(db: Db): Promise<AdminCounts> {
  const { rows } = await sql<AdminCounts>`
    SELECT (SELECT count(*) FROM schools)::int AS schools,
      (SELECT count(*) FROM teachers)::int AS teachers,
      (SELECT count(*) FROM cohorts)::int AS cohorts,
      (SELECT count(*) FROM lead_providers)::int AS lead_providers,
      (SELECT count(*) FROM delivery_partners)::int AS delivery_partners,
      (SELECT count(*) FROM statements WHERE status = 'open')::int AS open_statements`.execute(db)
  return rows[0]!
}
