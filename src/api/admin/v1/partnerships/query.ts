import type { Db } from '../../../../db/connect.ts'

export type ManualPartnershipRow = {
  id: string
  cohort_year: number
  urn: string
  school_id: string
  lead_provider_id: string
  delivery_partner_id: string
  additional: boolean
  created_by: 'lead_provider' | 'operator' | 'carry_forward'
  created_at: Date
  updated_at: Date
}

export function findManualPartnership(db: Db, id: string): Promise<ManualPartnershipRow | undefined> {
  return db
    .selectFrom('partnerships as p')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .select(['p.id', 'p.cohort_year', 's.urn', 'p.school_id', 'p.lead_provider_id', 'p.delivery_partner_id', 'p.additional', 'p.created_by', 'p.created_at', 'p.updated_at'])
    .where('p.id', '=', id)
    .executeTakeFirst()
}
