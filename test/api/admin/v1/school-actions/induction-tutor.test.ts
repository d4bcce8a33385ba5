import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../../../support/app.ts'
import * as f from '../../../../support/factories.ts'
import * as p from '../../../../support/factories-participants.ts'
import { errors, scene } from './scene.ts'

const t = await setupTestApp()
const s = await scene(t)
const NOW = '2025-09-01T08:02:11Z'
const put = (urn: string, body: unknown, date = NOW) => t.admin('PUT', `/schools/${urn}/induction-tutor`, body, { date })

describe('PUT /api/admin/v1/schools/{urn}/induction-tutor', () => {
  it('R-17: sets the one induction tutor and answers the P-20 school; P-36, P-37: school and partnership stamps move', async () => {
    const school = await f.school(t.db, { name: 'Riverside Academy', contact_email: 'office@riverside.example.sch.uk' })
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    const res = await put(school.urn, { name: 'Priya Shah', email: 'p.shah@riverside.example.sch.uk' })
    expect(res.status).toBe(200)
    expect(res.text).toBe(JSON.stringify({ data: {
      id: school.id, urn: school.urn, name: 'Riverside Academy', local_authority: null, establishment_type: null, establishment_status: 'open', eligible: true,
      contact_email: 'office@riverside.example.sch.uk', pupil_premium_uplift: false, sparsity_uplift: false,
      induction_tutor_name: 'Priya Shah', induction_tutor_email: 'p.shah@riverside.example.sch.uk', created_at: '2025-05-02T10:00:00Z', updated_at: NOW,
    } }))
    const stamp = await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stamp.updated_at).toEqual(new Date(NOW))
    // a second tutor replaces the first.
    const replaced = await put(school.urn, { name: 'Tom Reed', email: 'tom@riverside.example.sch.uk' }, '2025-10-01T09:00:00Z')
    expect(replaced.body.data).toMatchObject({ induction_tutor_name: 'Tom Reed', induction_tutor_email: 'tom@riverside.example.sch.uk', updated_at: '2025-10-01T09:00:00Z' })
  })

  it('R-17 (decided): sending the stored values moves no updated_at', async () => {
    const school = await f.school(t.db)
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: s.ambition.id, delivery_partner_id: s.northWest.id, cohort: 2025 })
    await put(school.urn, { name: 'Priya Shah', email: 'p.shah@school.uk' })
    const again = await put(school.urn, { name: 'Priya Shah', email: 'p.shah@school.uk' }, '2025-12-01T09:00:00Z')
    expect(again.body.data.updated_at).toBe(NOW)
    const stamp = await t.db.selectFrom('partnerships').select('updated_at').where('id', '=', partnership.id).executeTakeFirstOrThrow()
    expect(stamp.updated_at).toEqual(new Date(NOW))
  })

  it('R-17: name and email rows, all at once, then unrecognised fields', async () => {
    const check = async (body: unknown, ...pairs: [string, string][]) => {
      const res = await put('100002', body)
      expect(res.status).toBe(422)
      expect(res.body).toEqual(errors(...pairs))
    }
    await check({}, ['name', "Enter a '#/name'."], ['email', "Enter a '#/email'."])
    await check({ name: ' ', email: '  ', role: 'x' }, ['name', "Enter a '#/name'."], ['email', "Enter a '#/email'."], ['role', "The '#/role' is not a recognised field."])
    await check({ name: 42, email: 'priya' }, ['name', "The '#/name' must be a string."], ['email', "The '#/email' must be an email address."])
    await check({ name: 'P'.repeat(71), email: `${'p'.repeat(245)}@school.uk` }, ['name', "The '#/name' must be 70 characters or fewer."], ['email', "The '#/email' must be 254 characters or fewer."])
    expect((await put('100002', { name: 'P'.repeat(70), email: `${'p'.repeat(244)}@school.uk` })).status).toBe(200)
  })

  it('R-15: unknown URN is 404 before the body; a non-object body is 400', async () => {
    expect((await put('999999', [])).status).toBe(404)
    expect((await put('100002', [])).status).toBe(400)
  })
})
