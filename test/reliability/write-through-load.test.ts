// Q-11 with commands building the participant documents they change (src/read-models/
// write-through.ts), as under `rect serve`: the concentrated mix, where commands on one school's
// partnership, periods, teachers and stamps overlap all the time, now also over their documents.
import { afterAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { whenCommitting } from '../../src/db/transaction.ts'
import { listParticipants } from '../../src/api/v3/participants/query.ts'
import { serializeParticipant } from '../../src/api/v3/participants/serialize.ts'
import { buildWhenWriting } from '../../src/read-models/write-through.ts'
import { setupTestApp } from '../support/app.ts'
import { onPostgres } from '../support/db.ts'
import { noLostWrites } from './load.ts'

const TODAY = '2025-10-01'
const t = await setupTestApp({ rateLimitToken: 0, rateLimitIp: 0 })
buildWhenWriting(t.db, () => TODAY)
afterAll(() => whenCommitting(t.db, null))

describe('Q-11 no lost writes, commands building their participant documents', () => {
  it('Q-11, Q-4 mixed row: under the concentrated mix no acknowledged write is lost, and every participant document built with no key pending is the derivation\'s', async () => {
    const check = await noLostWrites(t, 3000, onPostgres ? 8 : 4, onPostgres ? 40 : 20, 'concentrated')
    console.log(check.figure)
    expect(check.problems).toEqual([])
    const { rows } = await sql<{ lead_provider_id: string; teacher_id: string; body: string }>`
      SELECT d.lead_provider_id, d.teacher_id, d.body FROM participant_documents d
      WHERE d.valid_from <= ${TODAY}::date AND d.valid_until > ${TODAY}::date
        AND NOT EXISTS (SELECT 1 FROM document_invalidations i WHERE i.kind = 'participant' AND i.id = d.teacher_id)
      ORDER BY d.lead_provider_id, d.teacher_id`.execute(t.db)
    expect(rows.length).toBeGreaterThan(0)
    const problems: string[] = []
    for (const leadProviderId of new Set(rows.map((r) => r.lead_provider_id))) {
      const mine = rows.filter((r) => r.lead_provider_id === leadProviderId)
      const page = { page: 1, perPage: mine.length, offset: 0, beyondEnd: false }
      const derived = new Map((await listParticipants(t.db, leadProviderId, { today: TODAY, ids: mine.map((r) => r.teacher_id), page }))
        .map((row) => [row.id, JSON.stringify(serializeParticipant(row, TODAY))]))
      for (const r of mine) if (derived.get(r.teacher_id) !== r.body) problems.push(`${leadProviderId} ${r.teacher_id}`)
    }
    expect(problems).toEqual([])
  }, 60_000)
})
