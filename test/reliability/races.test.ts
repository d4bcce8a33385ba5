// Q-10 (short versions; `npm run faults` runs 100 at once). The identical partnership POSTs (P-53),
// one TRN at two schools (T-18) and identical declarations (D-47) are proven in their own files;
// these are the races no other file covers.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { onPostgres } from '../support/db.ts'
import { concurrentPartnershipPuts, partnershipPutsAgainstSchoolActions } from './races.ts'

const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })

describe.runIf(onPostgres)('Q-10 races on PostgreSQL', () => {
  it('Q-10, P-54: concurrent PUTs on one partnership answer 200 or the row-4 422, and the row ends on the last recorded change; two partnerships never end on one pairing', async () => {
    const check = await concurrentPartnershipPuts(t, 20, 5)
    expect(check.problems).toEqual([])
  })

  it('Q-10, Q-11: PUTs on a partnership racing leaving reports of its teachers never deadlock (rows taken teachers first, then the partnership)', async () => {
    const check = await partnershipPutsAgainstSchoolActions(t, 10)
    expect(check.problems).toEqual([])
  })
})
