// Small factories for tests: rows written straight into the test database, each field
// overridable. Tests of a command drive it through HTTP; factories only set the scene.
import { randomUUID } from 'node:crypto'
import type { Db } from '../../src/db/connect.ts'
import { digestOf, generateToken } from '../../src/domain/tokens/rules.ts'
import { clockAt } from '../../src/clock.ts'
import { createSchedulesForCohort } from '../../src/domain/schedules/create-schedules-for-cohort.ts'

let sequence = 0
const next = () => ++sequence
const at = (iso?: string) => new Date(iso ?? '2025-05-02T10:00:00Z')

export async function leadProvider(db: Db, fields: { name?: string; created_at?: string } = {}) {
  const id = randomUUID()
  const name = fields.name ?? `Lead Provider ${next()} ${id.slice(0, 6)}`
  await db.insertInto('lead_providers').values({ id, name, created_at: at(fields.created_at), updated_at: at(fields.created_at) }).execute()
  const token = generateToken()
  const tokenId = randomUUID()
  await db
    .insertInto('lead_provider_tokens')
    .values({ id: tokenId, lead_provider_id: id, digest: digestOf(token), description: 'test', created_at: at(fields.created_at) })
    .execute()
  return { id, name, token, tokenId }
}

export async function cohort(db: Db, year: number, fields: { partnerships_open?: boolean; starts_on?: string; ends_on?: string } = {}) {
  const existing = await db.selectFrom('cohorts').select('id').where('year', '=', year).executeTakeFirst()
  if (existing) return { id: existing.id, year }
  const id = randomUUID()
  await db
    .insertInto('cohorts')
    .values({
      id,
      year,
      starts_on: fields.starts_on ?? `${year}-06-01`,
      ends_on: fields.ends_on ?? `${year + 1}-06-01`,
      partnerships_open: fields.partnerships_open ?? true,
      payments_frozen_on: null,
      mentor_funding_enabled: year >= 2025,
      detailed_evidence_types_enabled: year >= 2025,
      uplift_fees_enabled: year <= 2024,
      created_at: at(),
      updated_at: at(),
    })
    .execute()
  // D-36: as the cohort command does.
  await db.transaction().execute((tx) => createSchedulesForCohort(tx, clockAt(at()), { year }))
  return { id, year }
}

export async function deliveryPartner(db: Db, fields: { name?: string; created_at?: string; updated_at?: string } = {}) {
  const id = randomUUID()
  const name = fields.name ?? `Delivery Partner ${next()} ${id.slice(0, 6)}`
  await db
    .insertInto('delivery_partners')
    .values({ id, name, created_at: at(fields.created_at), updated_at: at(fields.updated_at ?? fields.created_at) })
    .execute()
  return { id, name }
}

export async function pairing(db: Db, leadProviderId: string, deliveryPartnerId: string, year: number) {
  await cohort(db, year)
  const id = randomUUID()
  await db
    .insertInto('lead_provider_delivery_partners')
    .values({ id, lead_provider_id: leadProviderId, delivery_partner_id: deliveryPartnerId, cohort_year: year, created_at: at() })
    .execute()
  return { id }
}

let urn = 100000
export async function school(db: Db, fields: Partial<{ urn: string; name: string; eligible: boolean; contact_email: string | null }> = {}) {
  const id = randomUUID()
  const value = fields.urn ?? String(++urn + Math.floor(Math.random() * 800000)).padStart(6, '0').slice(-6)
  await db
    .insertInto('schools')
    .values({
      id,
      urn: value,
      name: fields.name ?? `School ${value}`,
      local_authority: null,
      establishment_type: null,
      establishment_status: 'open',
      eligible: fields.eligible ?? true,
      contact_email: fields.contact_email ?? null,
      pupil_premium_uplift: false,
      sparsity_uplift: false,
      induction_tutor_name: null,
      induction_tutor_email: null,
      created_at: at(),
      updated_at: at(),
    })
    .execute()
  return { id, urn: value }
}
