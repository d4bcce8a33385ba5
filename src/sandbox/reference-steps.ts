// S-33 … S-36 as dated steps through the domain commands: lead providers with their seeded
// tokens, delivery partners and schools on 1 May 2021; each cohort with its pairings on 1 May of
// its year; after the replay, 2021 and 2022 close to new partnerships (S-32).
import { updateCohort } from '../domain/cohorts/update-cohort.ts'
import { createCohort } from '../domain/cohorts/create-cohort.ts'
import { createDeliveryPartner } from '../domain/delivery-partners/create-delivery-partner.ts'
import { createPairings } from '../domain/delivery-partners/create-pairing.ts'
import { createLeadProvider } from '../domain/lead-providers/create-lead-provider.ts'
import { createSchool } from '../domain/schools/create-school.ts'
import { createLeadProviderToken } from '../domain/tokens/create-lead-provider-token.ts'
import { setInductionTutor } from '../domain/participants/set-induction-tutor.ts'
import type { SeedDates } from './dates.ts'
import { seedId } from './derive.ts'
import { SEED_TOKEN_DESCRIPTION, type ReferencePlan } from './reference.ts'
import type { Step } from './steps.ts'

export const REFERENCE_DATE = '2021-05-01'

export function referenceSteps(plan: ReferencePlan, dates: SeedDates): { steps: Step[]; after: Step[] } {
  const steps: Step[] = [
    {
      on: REFERENCE_DATE,
      name: 'lead providers and their seeded tokens',
      run: async (tx, clock) => {
        for (const lp of plan.leadProviders) {
          await createLeadProvider(tx, clock, { id: lp.id, name: lp.name })
          await createLeadProviderToken(tx, clock, lp.id, { id: lp.tokenId, description: SEED_TOKEN_DESCRIPTION, token: lp.token, seeded: true })
        }
      },
    },
    {
      on: REFERENCE_DATE,
      name: 'delivery partners',
      run: async (tx, clock) => {
        for (const dp of plan.deliveryPartners) await createDeliveryPartner(tx, clock, { id: dp.id, name: dp.name })
      },
    },
    {
      on: REFERENCE_DATE,
      name: 'schools',
      run: async (tx, clock) => {
        for (const s of plan.schools) {
          const { induction_tutor: tutor, id, urn, name, local_authority, establishment_type, establishment_status, eligible, contact_email } = s
          await createSchool(tx, clock, { id, urn, name, local_authority, establishment_type, establishment_status, eligible, contact_email })
          if (tutor) await setInductionTutor(tx, clock, id, tutor) // R-17, as the school action does
        }
      },
    },
  ]
  for (const cohort of dates.cohorts) {
    steps.push({
      on: `${cohort.year}-05-01`,
      name: `cohort ${cohort.year} and its pairings`,
      run: async (tx, clock) => {
        // Created open: partnerships of the replay need it; S-32 closes 2021 and 2022 afterwards.
        await createCohort(tx, clock, {
          id: seedId(plan.seed, `cohort:${cohort.year}`),
          year: cohort.year,
          starts_on: cohort.starts_on,
          partnerships_open: true,
          payments_frozen_on: cohort.payments_frozen_on,
        })
        await createPairings(tx, clock, plan.pairings.filter((x) => x.cohort === cohort.year))
      },
    })
  }
  const closing = dates.cohorts.filter((c) => !c.partnerships_open)
  const after: Step[] = [
    {
      on: dates.seedingDate,
      name: 'close cohorts to new partnerships',
      run: async (tx, clock) => {
        for (const c of closing) await updateCohort(tx, clock, c.year, { partnerships_open: false })
      },
    },
  ]
  return { steps, after }
}
