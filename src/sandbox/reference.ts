// S-33 … S-36: the reference part of the data set as a plan, a pure function of N and T. The
// steps in reference-steps.ts write it through the domain commands.
import type { SeedDates } from './dates.ts'
import { randomFor, sandboxToken, seedId, slugOf, type Random } from './derive.ts'
import { ESTABLISHMENT_TYPES, FIRST_NAMES, LAST_NAMES, LEAD_PROVIDER_NAMES, LOCAL_AUTHORITIES, PLACES, SCHOOL_KINDS } from './names.ts'

export type LeadProviderPlan = { index: number; id: string; name: string; slug: string; token: string; tokenId: string }

export type DeliveryPartnerCode = 'D1' | 'D2' | 'D3' | 'X1' | 'X2' | 'U'
export type DeliveryPartnerPlan = { id: string; name: string; code: DeliveryPartnerCode; leadProvider: string | null }

export type PairingPlan = { id: string; lead_provider_id: string; delivery_partner_id: string; cohort: number }

/** Kit schools (S-38) per lead provider; G1–G3 school-led; empty and ineligible schools (S-36). */
export type SchoolCode = 'A' | 'B' | 'Cn' | 'D' | 'E' | 'F' | 'H' | 'G1' | 'G2' | 'G3' | `empty-${number}` | `ineligible-${number}`
export type SchoolPlan = {
  id: string
  key: string
  code: SchoolCode
  leadProvider: string | null
  urn: string
  name: string
  local_authority: string
  establishment_type: string
  establishment_status: 'open' | 'closed'
  eligible: boolean
  contact_email: string
  induction_tutor: { name: string; email: string } | null
}

export type ReferencePlan = {
  seed: number
  leadProviders: LeadProviderPlan[]
  deliveryPartners: DeliveryPartnerPlan[]
  pairings: PairingPlan[]
  schools: SchoolPlan[]
}

export const KIT_SCHOOLS = ['A', 'B', 'Cn', 'D', 'E', 'F', 'H'] as const
export const FIRST_URN = 141001
export const SEED_TOKEN_DESCRIPTION = 'sandbox seed token'

export function leadProviderPlans(seed: number): LeadProviderPlan[] {
  return LEAD_PROVIDER_NAMES.map((name, index) => {
    const slug = slugOf(name)
    return {
      index,
      id: seedId(seed, `lead-provider:${slug}`),
      name,
      slug,
      token: sandboxToken(seed, slug),
      tokenId: seedId(seed, `lead-provider-token:${slug}`),
    }
  })
}

/**
 * The generator's draws, in this order (a change reorders every later name): the 21 delivery
 * partner places (one shuffle), then per school in URN order its name, local authority,
 * establishment type and, for kit schools, its induction tutor's first and last name.
 */
export function planReference(seed: number, dates: SeedDates): ReferencePlan {
  const random = randomFor(seed)
  const leadProviders = leadProviderPlans(seed)
  const deliveryPartners = planDeliveryPartners(seed, random, leadProviders)
  return {
    seed,
    leadProviders,
    deliveryPartners,
    pairings: planPairings(seed, dates, leadProviders, deliveryPartners),
    schools: planSchools(seed, random, leadProviders),
  }
}

function planDeliveryPartners(seed: number, random: Random, leadProviders: LeadProviderPlan[]): DeliveryPartnerPlan[] {
  const places = random.shuffle(PLACES)
  const slots: { key: string; code: DeliveryPartnerCode; leadProvider: string | null }[] = []
  for (const lp of leadProviders) {
    for (const code of ['D1', 'D2', 'D3'] as const) slots.push({ key: `delivery-partner:${lp.slug}:${code}`, code, leadProvider: lp.slug })
  }
  for (const code of ['X1', 'X2', 'U'] as const) slots.push({ key: `delivery-partner:${code}`, code, leadProvider: null })
  return slots.map((slot, i) => ({
    id: seedId(seed, slot.key),
    name: `${places[i]} Teaching School Hub`,
    code: slot.code,
    leadProvider: slot.leadProvider,
  }))
}

/** S-35: L–D1, L–D2, L–X1, L–X2 in every cohort 2021 … C; L–D3 in 2021 … 2024 only; U with nobody. */
function planPairings(seed: number, dates: SeedDates, leadProviders: LeadProviderPlan[], partners: DeliveryPartnerPlan[]): PairingPlan[] {
  const out: PairingPlan[] = []
  for (const { year } of dates.cohorts) {
    if (year > dates.current) continue
    for (const lp of leadProviders) {
      const own = (code: DeliveryPartnerCode) => partners.find((p) => p.code === code && (p.leadProvider === lp.slug || p.leadProvider === null))!
      const codes: DeliveryPartnerCode[] = year <= 2024 ? ['D1', 'D2', 'D3', 'X1', 'X2'] : ['D1', 'D2', 'X1', 'X2']
      for (const code of codes) {
        out.push({
          id: seedId(seed, `pairing:${lp.slug}:${code}:${year}`),
          lead_provider_id: lp.id,
          delivery_partner_id: own(code).id,
          cohort: year,
        })
      }
    }
  }
  return out
}

function planSchools(seed: number, random: Random, leadProviders: LeadProviderPlan[]): SchoolPlan[] {
  const slots: { key: string; code: SchoolCode; leadProvider: string | null }[] = []
  for (const lp of leadProviders) {
    for (const code of KIT_SCHOOLS) slots.push({ key: `school:${lp.slug}:${code}`, code, leadProvider: lp.slug })
  }
  for (const code of ['G1', 'G2', 'G3'] as const) slots.push({ key: `school:${code}`, code, leadProvider: null })
  for (let n = 1; n <= 6; n++) slots.push({ key: `school:empty-${n}`, code: `empty-${n}`, leadProvider: null })
  for (let n = 1; n <= 6; n++) slots.push({ key: `school:ineligible-${n}`, code: `ineligible-${n}`, leadProvider: null })

  const used = new Set<string>()
  return slots.map((slot, i) => {
    let name: string
    do name = `${random.pick(PLACES)} ${random.pick(SCHOOL_KINDS)}`
    while (used.has(name))
    used.add(name)
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.sch.uk`
    const local_authority = random.pick(LOCAL_AUTHORITIES)
    const ineligible = slot.code.startsWith('ineligible-')
    // S-36: ineligible schools are independent (odd) or closed (even).
    const independent = ineligible && Number(slot.code.split('-')[1]) % 2 === 1
    const drawnType = random.pick(ESTABLISHMENT_TYPES)
    const establishment_type = independent ? 'Other independent school' : drawnType
    const kit = slot.leadProvider !== null
    let induction_tutor: SchoolPlan['induction_tutor'] = null
    if (kit) {
      const first = random.pick(FIRST_NAMES)
      const last = random.pick(LAST_NAMES)
      induction_tutor = { name: `${first} ${last}`, email: `${first}.${last}@${domain}`.toLowerCase() }
    }
    return {
      id: seedId(seed, slot.key),
      key: slot.key,
      code: slot.code,
      leadProvider: slot.leadProvider,
      urn: String(FIRST_URN + i),
      name,
      local_authority,
      establishment_type,
      establishment_status: ineligible && !independent ? 'closed' : 'open',
      eligible: !ineligible,
      contact_email: `office@${domain}`,
      induction_tutor,
    }
  })
}
