import { describe, expect, it } from 'vitest'
import { clockAt } from '../../../src/clock.ts'
import { inTransaction } from '../../../src/db/transaction.ts'
import { runStatementSweep } from '../../../src/domain/statements/run-statement-sweep.ts'
import { setupTestApp } from '../../support/app.ts'
import { onPostgres } from '../../support/db.ts'
import * as f from '../../support/factories.ts'
import * as d from '../../support/factories-declarations.ts'

const t = await setupTestApp()
await f.cohort(t.db, 2025)

async function scene() {
  const lp = await d.provider(t.db, 2025)
  const jan = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
  const apr = await d.statement(t.db, { lead_provider_id: lp.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' })
  const trainee = await d.trainee(t.db, lp, { cohort: 2025, started_on: '2025-09-01' })
  const res = await t.request('POST', '/api/v3/participant-declarations', {
    token: lp.token,
    date: '2026-11-23T10:00:00Z',
    body: d.declarationBody({ participant_id: trainee.teacherId, declaration_type: 'started', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'other' }),
  })
  return { jan, apr, declarationId: res.body.data.id as string }
}

const statuses = (ids: string[]) => t.db.selectFrom('statements').select(['id', 'status', 'updated_at']).where('id', 'in', ids).orderBy('cut_off_date').execute()
const declaration = (id: string) => t.db.selectFrom('declarations').select(['payment_status', 'updated_at']).where('id', '=', id).executeTakeFirstOrThrow()

describe('runStatementSweep', () => {
  it('D-62: open statements whose cut-off is before today become payable, with their eligible declarations; a second run changes nothing', async () => {
    const { jan, apr, declarationId } = await scene()
    const onCutOff = await inTransaction(t.db, (tx) => runStatementSweep(tx, clockAt(new Date('2026-12-31T12:00:00Z'))))
    expect(onCutOff).toEqual({ statements: 0, declarations: 0 })
    const at = new Date('2027-01-01T00:05:00Z')
    const first = await inTransaction(t.db, (tx) => runStatementSweep(tx, clockAt(at)))
    expect(first.statements).toBeGreaterThanOrEqual(1)
    expect(first.declarations).toBeGreaterThanOrEqual(1)
    expect(await statuses([jan.id, apr.id])).toEqual([
      { id: jan.id, status: 'payable', updated_at: at },
      { id: apr.id, status: 'open', updated_at: new Date('2025-07-01T10:00:12Z') },
    ])
    expect(await declaration(declarationId)).toEqual({ payment_status: 'payable', updated_at: at })
    const second = await inTransaction(t.db, (tx) => runStatementSweep(tx, clockAt(new Date('2027-01-02T00:05:00Z'))))
    expect(second).toEqual({ statements: 0, declarations: 0 })
    expect(await declaration(declarationId)).toEqual({ payment_status: 'payable', updated_at: at })
  })

  it.skipIf(!onPostgres)('D-62: several instances sweeping at once move each row once', async () => {
    const { jan, declarationId } = await scene()
    const clock = clockAt(new Date('2027-02-01T00:05:00Z'))
    const results = await Promise.all(Array.from({ length: 5 }, () => inTransaction(t.db, (tx) => runStatementSweep(tx, clock))))
    expect(results.reduce((n, r) => n + r.statements, 0)).toBe(1)
    expect(results.reduce((n, r) => n + r.declarations, 0)).toBe(1)
    expect((await statuses([jan.id]))[0]!.status).toBe('payable')
    expect((await declaration(declarationId)).payment_status).toBe('payable')
  })
})
