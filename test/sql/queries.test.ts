// STYLE (SQL you can review): the SQL each v3 read runs, compiled for fixed requests and compared
// with the committed files beside this test, so a query change shows in review as a SQL diff.
// After an intended change: `npx vitest run test/sql -u`, and read the diff.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { countingApp } from '../support/count-statements.ts'
import * as f from '../support/factories.ts'
import * as p from '../support/factories-participants.ts'

const t = await setupTestApp()
const { lp, dp, school, partnership, teacher } = await p.partneredTrainee(t.db)

const READS: [name: string, url: string][] = [
  ['delivery-partners.list', '/api/v3/delivery-partners?filter[cohort]=2025&sort=name'],
  ['delivery-partners.show', `/api/v3/delivery-partners/${dp.id}`],
  ['partnerships.list', '/api/v3/partnerships?filter[cohort]=2025&filter[updated_since]=2025-01-01T00:00:00Z'],
  ['partnerships.show', `/api/v3/partnerships/${partnership.id}`],
  ['schools.list', '/api/v3/schools?filter[cohort]=2025&filter[updated_since]=2025-01-01T00:00:00Z'],
  ['schools.show', `/api/v3/schools/${school.id}?filter[cohort]=2025`],
  ['participants.list', '/api/v3/participants'],
  ['participants.list-filtered', '/api/v3/participants?filter[cohort]=2025&filter[training_status]=active&sort=-updated_at'],
  ['participants.list-updated-since', '/api/v3/participants?filter[updated_since]=2025-01-01T00:00:00Z'],
  ['participants.show', `/api/v3/participants/${teacher.id}`],
  ['participant-transfers.list', '/api/v3/participants/transfers'],
  ['participant-transfers.list-updated-since', '/api/v3/participants/transfers?filter[updated_since]=2025-01-01T00:00:00Z'],
  ['participant-declarations.list', '/api/v3/participant-declarations?filter[cohort]=2025'],
  ['statements.list', '/api/v3/statements?filter[cohort]=2025'],
  ['unfunded-mentors.list', '/api/v3/unfunded-mentors'],
]

describe('SQL of the v3 reads', () => {
  it.each(READS)('%s', async (name, url) => {
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      await counting.statementsFor(url) // the token's first use is recorded once (C-6)
      const { sql } = await counting.statementsFor(url)
      await expect(`${sql.join(';\n\n')};\n`).toMatchFileSnapshot(`./${name}.sql`)
    } finally {
      await counting.close()
    }
  })
})

describe('SQL of authentication (C-5)', () => {
  it.each([
    ['authentication.list', '/api/v3/participants'],
    ['authentication.show', `/api/v3/participants/${teacher.id}`],
  ])('%s: the token\'s lookup, with its lead provider\'s participant documents\' state for a list whose pages may be copies', async (name, url) => {
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      await counting.statementsFor(url)
      const { authentication } = await counting.statementsFor(url)
      await expect(`${authentication.join(';\n\n')};\n`).toMatchFileSnapshot(`./${name}.sql`)
    } finally {
      await counting.close()
    }
  })
})

describe('SQL of building participant documents (Q-4, src/read-models)', () => {
  it('participants.build: a read that finds a stale document builds it, then reads again', async () => {
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      await counting.statementsFor('/api/v3/participants')
      await t.db.updateTable('teachers').set({ updated_at: new Date('2025-11-12T10:00:00Z') }).where('id', '=', teacher.id).execute()
      const { sql } = await counting.statementsFor('/api/v3/participants')
      await expect(`${sql.join(';\n\n')};\n`).toMatchFileSnapshot('./participants.build.sql')
    } finally {
      await counting.close()
    }
  })
})

describe('SQL of POST /api/v3/partnerships (Q-4)', () => {
  it('partnerships.create: the checks\' facts, one statement that writes everything, the re-read', async () => {
    const other = await f.school(t.db)
    const counting = await countingApp(t.db, { authorization: `Bearer ${lp.token}`, 'x-with-server-date': '2025-11-12T10:00:00Z' })
    try {
      await counting.statementsFor(`/api/v3/partnerships/${partnership.id}`) // the token's first use (C-6)
      const attributes = { cohort: '2025', school_id: other.id, delivery_partner_id: dp.id }
      const { sql } = await counting.statementsFor('/api/v3/partnerships', { data: { type: 'partnership', attributes } })
      await expect(`${sql.join(';\n\n')};\n`).toMatchFileSnapshot('./partnerships.create.sql')
    } finally {
      await counting.close()
    }
  })
})
