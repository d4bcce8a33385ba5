import { describe, expect, it } from 'vitest'
import * as f from '../../support/factories.ts'
import * as p from '../../support/factories-participants.ts'
import * as d from '../../support/factories-declarations.ts'
import { badShape, SHAPE } from '../../support/bodies.ts'
import { NOW, declarationsPostScene, started } from '../../support/declarations-post.ts'

const { t, teachFirst, jan2027, post, ect } = await declarationsPostScene()

describe('POST /api/v3/participant-declarations', () => {
  it('D-43, D-48, D-54, D-63: a started declaration is eligible on the earliest open statement, with the mentor and delivery partner of the day', async () => {
    const scene = await ect()
    const mentor = await p.teacher(t.db)
    const mentorPeriod = await p.atSchoolPeriod(t.db, { teacher_id: mentor.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    await p.mentorship(t.db, { ect_period: { id: scene.periodId, teacher_id: scene.teacherId, school_id: scene.schoolId }, mentor_period: mentorPeriod, started_on: '2025-09-01' })
    const res = await post(teachFirst.token, started(scene.teacherId))
    expect(res.status).toBe(200)
    const id = res.body.data.id
    expect(res.text).toBe(
      JSON.stringify({
        data: {
          id,
          type: 'participant-declaration',
          attributes: {
            participant_id: scene.teacherId,
            declaration_type: 'started',
            course_identifier: 'ecf-induction',
            declaration_date: '2026-11-20T09:00:00Z',
            mentor_id: mentor.id,
            state: 'eligible',
            updated_at: '2026-11-23T10:15:02Z',
            created_at: '2026-11-23T10:15:02Z',
            delivery_partner_id: teachFirst.deliveryPartnerId,
            statement_id: jan2027.id,
            clawback_statement_id: null,
            ineligible_for_funding_reason: null,
            uplift_paid: false,
            evidence_held: 'training-event-attended',
            lead_provider_name: 'Teach First',
          },
        },
      }),
    )
    const show = await t.request('GET', `/api/v3/participant-declarations/${id}`, { token: teachFirst.token, date: NOW })
    expect(show.body).toEqual(res.body)
  })

  it('D-42: while the role is not funding-eligible the declaration is submitted, on no statement', async () => {
    const scene = await ect()
    await t.db.updateTable('teachers').set({ ect_eligible_for_funding_at: null }).where('id', '=', scene.teacherId).execute()
    const res = await post(teachFirst.token, started(scene.teacherId))
    expect(res.status).toBe(200)
    expect(res.body.data.attributes).toMatchObject({ state: 'submitted', statement_id: null })
  })

  it('D-3, C-21: a body without data.attributes or without any attribute the endpoint reads is the 400', async () => {
    const allowed = ['participant_id', 'declaration_type', 'declaration_date', 'course_identifier', 'evidence_held']
    const cases: [unknown, string][] = [
      [undefined, SHAPE.none], [[], SHAPE.array], [{ data: null }, SHAPE.dataNull], [{ data: {} }, SHAPE.noAttributes], [{ data: { attributes: {} } }, SHAPE.attributesEmpty],
      [{ data: { attributes: { colour: 'blue' } } }, SHAPE.noneRead], [{ data: { attributes: [1] } }, SHAPE.attributesArray],
    ]
    for (const [body, problem] of cases) {
      const res = await t.request('POST', '/api/v3/participant-declarations', { token: teachFirst.token, ...(body !== undefined ? { body } : {}) })
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400])
      expect(res.body).toEqual(badShape(problem, allowed))
    }
    const blank = await post(teachFirst.token, { participant_id: null })
    expect(blank.status).toBe(422)
  })

  it('D-48: a 2024 started declaration records the uplifts of the day; uplift_paid once paid', async () => {
    const school = await f.school(t.db)
    await t.db.updateTable('schools').set({ pupil_premium_uplift: true }).where('id', '=', school.id).execute()
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2024, started_on: '2024-09-01', school_id: school.id })
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2024-10-01T09:00:00Z' }), '2025-01-10T12:00:00Z')
    expect(res.body.data.attributes.uplift_paid).toBe(false)
    const row = await t.db.selectFrom('declarations').select(['pupil_premium_uplift', 'sparsity_uplift']).where('id', '=', res.body.data.id).executeTakeFirstOrThrow()
    expect(row).toEqual({ pupil_premium_uplift: true, sparsity_uplift: false })
    await t.db.updateTable('declarations').set({ payment_status: 'payable' }).where('id', '=', res.body.data.id).execute()
    await t.db.updateTable('declarations').set({ payment_status: 'paid' }).where('id', '=', res.body.data.id).execute()
    const shown = await t.request('GET', `/api/v3/participant-declarations/${res.body.data.id}`, { token: teachFirst.token })
    expect(shown.body.data.attributes.uplift_paid).toBe(true)
  })

  it('D-48: the nearest mentorship when none covers the date; the delivery partner stays as recorded', async () => {
    const scene = await ect()
    const [m1, m2] = [await p.teacher(t.db), await p.teacher(t.db)]
    const mp1 = await p.atSchoolPeriod(t.db, { teacher_id: m1.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    const mp2 = await p.atSchoolPeriod(t.db, { teacher_id: m2.id, school_id: scene.schoolId, role: 'mentor', started_on: '2025-09-01' })
    const ectPeriod = { id: scene.periodId, teacher_id: scene.teacherId, school_id: scene.schoolId }
    await p.mentorship(t.db, { ect_period: ectPeriod, mentor_period: mp1, started_on: '2025-09-01', finished_on: '2025-10-01' })
    await p.mentorship(t.db, { ect_period: ectPeriod, mentor_period: mp2, started_on: '2026-01-10', finished_on: '2026-03-01' })
    const res = await post(teachFirst.token, started(scene.teacherId, { declaration_date: '2026-01-01T09:00:00Z' }))
    expect(res.body.data.attributes.mentor_id).toBe(m2.id)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, teachFirst.id, dp.id, 2025)
    await t.db.updateTable('partnerships').set({ delivery_partner_id: dp.id }).where('id', '=', scene.partnershipId).execute()
    const shown = await t.request('GET', `/api/v3/participant-declarations/${res.body.data.id}`, { token: teachFirst.token })
    expect(shown.body.data.attributes.delivery_partner_id).toBe(teachFirst.deliveryPartnerId)
  })

  it('D-1: new declarations go on the target TP, the one with the greatest started_on', async () => {
    const scene = await ect({ finished_on: '2026-01-01' })
    const later = await d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2026-01-01', teacher_id: scene.teacherId })
    const res = await post(teachFirst.token, started(scene.teacherId))
    const row = await t.db.selectFrom('declarations').select('training_period_id').where('id', '=', res.body.data.id).executeTakeFirstOrThrow()
    expect(row.training_period_id).toBe(later.trainingId)
  })

  it('D-49: a mentor completion sets the funding facts and finishes the TP; voiding it clears them and continues the training', async () => {
    const scene = await d.trainee(t.db, teachFirst, { cohort: 2025, role: 'mentor', started_on: '2025-09-01' })
    const body = { participant_id: scene.teacherId, declaration_type: 'completed', declaration_date: '2026-11-20T09:00:00Z', course_identifier: 'ecf-mentor', evidence_held: '75-percent-engagement-met' }
    const res = await post(teachFirst.token, body)
    expect(res.status).toBe(200)
    const teacher = () =>
      t.db.selectFrom('teachers').select(['mentor_ineligible_for_funding_on', 'mentor_ineligible_for_funding_reason', 'updated_at']).where('id', '=', scene.teacherId).executeTakeFirstOrThrow()
    expect(await teacher()).toEqual({ mentor_ineligible_for_funding_on: '2026-11-20', mentor_ineligible_for_funding_reason: 'completed_declaration_received', updated_at: new Date(NOW) })
    const tps = () => t.db.selectFrom('training_periods').select(['started_on', 'finished_on', 'partnership_id', 'schedule_identifier']).where('teacher_id', '=', scene.teacherId).orderBy('started_on').execute()
    expect(await tps()).toEqual([{ started_on: '2025-09-01', finished_on: '2026-11-21', partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' }])
    const voided = await t.request('PUT', `/api/v3/participant-declarations/${res.body.data.id}/void`, { token: teachFirst.token, date: '2026-11-25T09:00:00Z' })
    expect(voided.status).toBe(200)
    expect(await teacher()).toEqual({ mentor_ineligible_for_funding_on: null, mentor_ineligible_for_funding_reason: null, updated_at: new Date('2026-11-25T09:00:00Z') })
    expect(await tps()).toEqual([
      { started_on: '2025-09-01', finished_on: '2026-11-21', partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' },
      { started_on: '2026-11-21', finished_on: null, partnership_id: scene.partnershipId, schedule_identifier: 'ecf-standard-september' },
    ])
  })

  it('C-8, C-37: the token comes first; filter must be an object on the write too', async () => {
    const res = await t.request('POST', '/api/v3/participant-declarations', { body: d.declarationBody({}) })
    expect(res.status).toBe(401)
    const filter = await t.request('POST', '/api/v3/participant-declarations?filter=x', { token: teachFirst.token, body: d.declarationBody({ participant_id: 'x' }) })
    expect(filter.body).toEqual({ errors: [{ title: 'Bad parameter', detail: 'Filter must be a hash' }] })
  })
})
