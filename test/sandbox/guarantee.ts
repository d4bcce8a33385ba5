// S-40: immediately after seeding at T, every v3 list has data for every seeded token, every id it
// returns answers 200, and each token meets every training_status, participant_status, transfer
// type and status, and declaration state. One seeded app per file (one file per date).
import { describe, expect, it } from 'vitest'
import { inTransaction } from '../../src/db/transaction.ts'
import { seedDates } from '../../src/sandbox/dates.ts'
import { seedDataSet, type SeedResult } from '../../src/sandbox/seed.ts'
import { setupTestApp, type TestApp } from '../support/app.ts'

export async function seededApp(seedingDate: string): Promise<{ t: TestApp; seeded: SeedResult }> {
  const t = await setupTestApp()
  const seeded = await inTransaction(t.db, (tx) => seedDataSet(tx, { seed: 1, seedingDate }))
  return { t, seeded }
}

const ALL = {
  training_status: ['active', 'deferred', 'withdrawn'],
  participant_status: ['joining', 'active', 'leaving', 'left'],
  transfer_type: ['new_school', 'new_provider', 'unknown'],
  transfer_status: ['complete', 'incomplete'],
  state: ['submitted', 'eligible', 'payable', 'paid', 'voided', 'awaiting-clawback', 'clawed-back'],
}

type Item = { id: string; attributes: Record<string, any> }

export function describeGuarantee(seedingDate: string): void {
  describe(`S-40 every v3 endpoint has data for every seeded token (T = ${seedingDate})`, async () => {
    const { t, seeded } = await seededApp(seedingDate)
    const { current } = seedDates(seedingDate)
    // The app answers "today" from the real clock: ask as of T, as a user right after seeding.
    const date = `${seedingDate}T12:00:00Z`
    const list = async (token: string, path: string): Promise<Item[]> => {
      const glue = path.includes('?') ? '&' : '?'
      const res = await t.request('GET', `/api/v3/${path}${glue}page[per_page]=3000`, { token, date })
      expect(res.status, path).toBe(200)
      expect(res.body.data.length, `${path} is empty`).toBeGreaterThan(0)
      return res.body.data
    }
    const show = async (token: string, path: string) => {
      const res = await t.request('GET', `/api/v3/${path}`, { token, date })
      expect(res.status, path).toBe(200)
    }

    for (const lp of seeded.lead_providers) {
      it(`S-40: ${lp.name}: lists non-empty, every id 200, every status value met`, async () => {
        const token = lp.token
        for (const resource of ['delivery-partners', 'partnerships', 'participant-declarations', 'statements', 'unfunded-mentors']) {
          for (const item of await list(token, resource)) await show(token, `${resource}/${item.id}`)
        }
        for (let year = 2021; year <= current; year++) {
          for (const item of await list(token, `schools?filter[cohort]=${year}`)) await show(token, `schools/${item.id}?filter[cohort]=${year}`)
        }
        const participants = await list(token, 'participants')
        for (const item of participants) await show(token, `participants/${item.id}`)
        const transfers = await list(token, 'participants/transfers')
        for (const item of transfers) await show(token, `participants/${item.id}/transfers`)
        const declarations = await list(token, 'participant-declarations')

        const enrolments = participants.flatMap((p) => p.attributes.ecf_enrolments as Record<string, string>[])
        const moves = transfers.flatMap((x) => x.attributes.transfers as Record<string, string>[])
        const seen = {
          training_status: enrolments.map((e) => e.training_status),
          participant_status: enrolments.map((e) => e.participant_status),
          transfer_type: moves.map((m) => m.transfer_type),
          transfer_status: moves.map((m) => m.status),
          state: declarations.map((d) => d.attributes.state as string),
        }
        for (const [field, values] of Object.entries(ALL)) {
          expect(new Set(values.filter((v) => seen[field as keyof typeof seen].includes(v))), field).toEqual(new Set(values))
        }
      }, 180_000)
    }
  })
}
