// The invariants migration 0004 holds in the database itself (D-42, D-47, D-61), whatever code runs.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { eventsAbout } from '../../support/admin.ts'
import * as f from '../../support/factories.ts'
import * as d from '../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)
const lp = await d.provider(t.db, 2025, 'Constraint Provider')
const jan = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

async function declared() {
  const scene = await d.trainee(t.db, lp, { cohort: 2025, started_on: '2025-09-01' })
  const res = await t.request('POST', '/api/v3/participant-declarations', {
    token: lp.token,
    date: '2026-11-23T10:00:00Z',
    body: d.declarationBody({ participant_id: scene.teacherId, declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'other' }),
  })
  expect(res.status).toBe(200)
  return { id: res.body.data.id as string, teacherId: scene.teacherId, trainingId: scene.trainingId }
}

const rejects = async (promise: Promise<unknown>, constraint: string) => {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(String((error as { constraint?: string } | null)?.constraint ?? error)).toContain(constraint)
}

describe('migration 0004', () => {
  it('D-42: the database refuses a transition the table does not list', async () => {
    const { id } = await declared()
    await rejects(t.db.updateTable('declarations').set({ payment_status: 'paid' }).where('id', '=', id).execute(), 'declarations_d42_transitions')
    await rejects(t.db.updateTable('declarations').set({ payment_status: 'submitted', statement_id: null }).where('id', '=', id).execute(), 'declarations_d42_transitions')
    await rejects(
      t.db.updateTable('declarations').set({ clawback_status: 'awaiting-clawback', clawback_statement_id: jan.id }).where('id', '=', id).execute(),
      'declarations_d42_clawback_of_paid',
    )
  })

  it('D-47: a second billable declaration of a type for the teacher and role is refused', async () => {
    const { id } = await declared()
    const row = await t.db.selectFrom('declarations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    await rejects(t.db.insertInto('declarations').values({ ...row, id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71' }).execute(), 'declarations_d47_one_billable_per_type')
  })

  it('D-61: a statement never moves backwards', async () => {
    const s = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25', status: 'payable' })
    await rejects(t.db.updateTable('statements').set({ status: 'open' }).where('id', '=', s.id).execute(), 'statements_d61_status_forward')
  })

  it('D-5, C-81: creating and voiding record events naming the lead provider', async () => {
    const { id } = await declared()
    await t.request('PUT', `/api/v3/participant-declarations/${id}/void`, { token: lp.token, date: '2026-11-24T10:00:00Z' })
    const events = await t.db.selectFrom('events').select(['author', 'action', 'lead_provider_id']).where('subject_id', '=', id).orderBy('id').execute()
    expect(events).toEqual([
      { author: 'lead_provider', action: 'declaration.created', lead_provider_id: lp.id },
      { author: 'lead_provider', action: 'declaration.voided', lead_provider_id: lp.id },
    ])
    expect(await eventsAbout(t, id)).toHaveLength(2)
  })
})
