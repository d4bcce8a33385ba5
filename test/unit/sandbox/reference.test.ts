// S-34 … S-36: the reference plan, a pure function of N (and T for the cohorts).
import { describe, expect, it } from 'vitest'
import { seedDates } from '../../../src/sandbox/dates.ts'
import { sandboxToken, seedId } from '../../../src/sandbox/derive.ts'
import { planReference } from '../../../src/sandbox/reference.ts'
import { stepClock } from '../../../src/sandbox/steps.ts'

const T = '2026-11-23'
const plan = planReference(1, seedDates(T))

describe('S-30 determinism', () => {
  it('S-30: the same N gives the same plan; another T keeps every id, name and token', () => {
    expect(planReference(1, seedDates(T))).toEqual(plan)
    const later = planReference(1, seedDates('2027-09-15'))
    expect(later.schools).toEqual(plan.schools)
    expect(later.deliveryPartners).toEqual(plan.deliveryPartners)
    expect(later.leadProviders).toEqual(plan.leadProviders)
  })

  it('S-30: another N gives other ids, tokens and names', () => {
    const other = planReference(2, seedDates(T))
    expect(other.leadProviders.map((lp) => lp.id)).not.toEqual(plan.leadProviders.map((lp) => lp.id))
    expect(other.leadProviders.map((lp) => lp.token)).not.toEqual(plan.leadProviders.map((lp) => lp.token))
    expect(other.schools.map((s) => s.name)).not.toEqual(plan.schools.map((s) => s.name))
    expect(other.schools.map((s) => s.urn)).toEqual(plan.schools.map((s) => s.urn))
  })
})

describe('S-34 lead providers', () => {
  it('S-34: six in name order, ids from their keys, tokens derived from the slug', () => {
    expect(plan.leadProviders.map((lp) => [lp.name, lp.slug])).toEqual([
      ['Ambition Institute', 'ambition-institute'],
      ['Best Practice Network', 'best-practice-network'],
      ['Education Development Trust', 'education-development-trust'],
      ['National Institute of Teaching', 'national-institute-of-teaching'],
      ['Teach First', 'teach-first'],
      ['UCL Institute of Education', 'ucl-institute-of-education'],
    ])
    for (const lp of plan.leadProviders) {
      expect(lp.id).toBe(seedId(1, `lead-provider:${lp.slug}`))
      expect(lp.token).toBe(sandboxToken(1, lp.slug))
    }
  })
})

describe('S-35 delivery partners and pairings', () => {
  it('S-35: 21 distinct "<place> Teaching School Hub" names: D1–D3 per lead provider, X1, X2 and U', () => {
    expect(plan.deliveryPartners).toHaveLength(21)
    expect(new Set(plan.deliveryPartners.map((d) => d.name)).size).toBe(21)
    for (const d of plan.deliveryPartners) expect(d.name).toMatch(/^[A-Z][A-Za-z ]+ Teaching School Hub$/)
    expect(plan.deliveryPartners.slice(18).map((d) => d.code)).toEqual(['X1', 'X2', 'U'])
  })

  it('S-35: L–D1, D2, X1, X2 in 2021 … C; L–D3 in 2021 … 2024 only; U with nobody', () => {
    const code = new Map(plan.deliveryPartners.map((d) => [d.id, d.code]))
    const ambition = plan.leadProviders[0]!.id
    const byYear = (year: number) =>
      plan.pairings.filter((p) => p.lead_provider_id === ambition && p.cohort === year).map((p) => code.get(p.delivery_partner_id))
    expect(byYear(2021)).toEqual(['D1', 'D2', 'D3', 'X1', 'X2'])
    expect(byYear(2024)).toEqual(['D1', 'D2', 'D3', 'X1', 'X2'])
    expect(byYear(2025)).toEqual(['D1', 'D2', 'X1', 'X2'])
    expect(byYear(2026)).toEqual(['D1', 'D2', 'X1', 'X2'])
    expect(plan.pairings).toHaveLength(6 * (4 * 5 + 4 * 2))
    const u = plan.deliveryPartners.find((d) => d.code === 'U')!.id
    expect(plan.pairings.some((p) => p.delivery_partner_id === u)).toBe(false)
    // Each lead provider's own D1 is paired with it alone.
    const d1 = plan.deliveryPartners.find((d) => d.code === 'D1' && d.leadProvider === 'ambition-institute')!.id
    expect(new Set(plan.pairings.filter((p) => p.delivery_partner_id === d1).map((p) => p.lead_provider_id))).toEqual(new Set([ambition]))
  })
})

describe('S-36 schools', () => {
  it('S-36: 57 schools, URNs 141001 upwards in creation order: seven kit schools per lead provider, G1–G3, six empty, six ineligible', () => {
    expect(plan.schools).toHaveLength(57)
    expect(plan.schools.map((s) => s.urn)).toEqual(Array.from({ length: 57 }, (_, i) => String(141001 + i)))
    expect(plan.schools.slice(0, 7).map((s) => s.key)).toEqual(['A', 'B', 'Cn', 'D', 'E', 'F', 'H'].map((c) => `school:ambition-institute:${c}`))
    expect(plan.schools.slice(42).map((s) => s.code)).toEqual([
      'G1', 'G2', 'G3', 'empty-1', 'empty-2', 'empty-3', 'empty-4', 'empty-5', 'empty-6',
      'ineligible-1', 'ineligible-2', 'ineligible-3', 'ineligible-4', 'ineligible-5', 'ineligible-6',
    ])
    for (const s of plan.schools) expect(s.id).toBe(seedId(1, s.key))
  })

  it('S-36: kit schools have an induction tutor; ineligible schools are independent or closed', () => {
    for (const s of plan.schools) {
      expect(s.induction_tutor !== null).toBe(s.leadProvider !== null)
      if (s.induction_tutor) expect(s.induction_tutor.email).toMatch(/^[a-z]+\.[a-z]+@[a-z0-9]+\.sch\.uk$/)
    }
    const ineligible = plan.schools.filter((s) => !s.eligible)
    expect(ineligible).toHaveLength(6)
    for (const s of ineligible) expect(s.establishment_type === 'Other independent school' || s.establishment_status === 'closed').toBe(true)
    expect(new Set(plan.schools.map((s) => s.name)).size).toBe(57)
  })
})

describe('S-32 step clocks', () => {
  it('S-32: 10:00 Europe/London on the step date, 00:00 on T, plus k seconds', () => {
    expect(stepClock('2021-05-01', T, 0).now.toISOString()).toBe('2021-05-01T09:00:00.000Z')
    expect(stepClock('2021-12-01', T, 2).now.toISOString()).toBe('2021-12-01T10:00:02.000Z')
    expect(stepClock(T, T, 1).now.toISOString()).toBe('2026-11-23T00:00:01.000Z')
  })
})
