// The admin pages' reads (W-80 … W-91) against a real database, the scene built through the
// operator API's commands.
import { beforeAll, describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import { adminCounts } from '../../../src/web/admin/home/query.ts'
import { cohortPairings } from '../../../src/web/admin/cohorts/query.ts'
import { leadProviderPage, listLeadProvidersForAdmin, liveTokenWithProvider } from '../../../src/web/admin/lead-providers/query.ts'
import { deliveryPartnerPage, listDeliveryPartnersForAdmin } from '../../../src/web/admin/delivery-partners/query.ts'
import { schoolExpressionsOfInterest, schoolPartnerships, schoolSearch, searchSchools } from '../../../src/web/admin/schools/query.ts'
import { schoolPeople } from '../../../src/web/admin/schools/people.ts'
import { teacherHistory, teacherIdByTrn } from '../../../src/web/admin/teachers/query.ts'
import { countDeclarations, listStatementsForAdmin, statementDeclarations, statementForAdmin } from '../../../src/web/admin/statements/query.ts'
import { adminPage, pagination, withQuery } from '../../../src/web/admin/paging.ts'
import { NotFoundError } from '../../../src/errors.ts'

const t = await setupTestApp()
const TODAY = '2025-10-01'
const DATE = '2025-10-01T10:00:00'
const ids: Record<string, string> = {}

async function ok(method: string, path: string, body?: unknown) {
  const res = await t.admin(method, path, body, { date: DATE })
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`)
  return res.body?.data
}

beforeAll(async () => {
  await ok('POST', '/cohorts', { year: '2024' })
  await ok('POST', '/cohorts', { year: '2025' })
  ids.zeta = (await ok('POST', '/lead-providers', { name: 'Zeta Learning' })).id
  ids.alpha = (await ok('POST', '/lead-providers', { name: 'alpha Institute' })).id
  ids.token = (await ok('POST', `/lead-providers/${ids.alpha}/tokens`, { description: 'Alpha live' })).id
  const revoked = (await ok('POST', `/lead-providers/${ids.alpha}/tokens`, { description: 'old' })).id
  await ok('DELETE', `/tokens/${revoked}`)
  ids.north = (await ok('POST', '/delivery-partners', { name: 'Northern Lights' })).id
  ids.east = (await ok('POST', '/delivery-partners', { name: 'East Bay' })).id
  await ok('POST', '/lead-provider-delivery-partners', { lead_provider_id: ids.alpha, delivery_partner_id: ids.north, cohort: '2025' })
  await ok('POST', '/lead-provider-delivery-partners', { lead_provider_id: ids.alpha, delivery_partner_id: ids.east, cohort: '2025' })
  await ok('POST', '/lead-provider-delivery-partners', { lead_provider_id: ids.alpha, delivery_partner_id: ids.north, cohort: '2024' })
  await ok('POST', '/lead-provider-delivery-partners', { lead_provider_id: ids.zeta, delivery_partner_id: ids.east, cohort: '2025' })
  await ok('POST', '/schools', { urn: '310001', name: 'Oakfield Primary School', local_authority: 'Leeds' })
  await ok('POST', '/schools', { urn: '310002', name: 'Oak 100% _Academy', eligible: false })
  await ok('POST', '/schools', { urn: '310003', name: 'Birchwood School' })
  const ect = await ok('POST', '/schools/310001/ects', {
    trn: '3100001', first_name: 'Amira', last_name: 'Khan', date_of_birth: '1997-03-14', email: 'amira@example.com',
    started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'provider_led', lead_provider_id: ids.alpha,
  })
  ids.amira = ect.participant_id
  const zed = await ok('POST', '/schools/310001/ects', {
    trn: '3100002', first_name: 'Ben', last_name: 'Able', date_of_birth: '1996-01-02', email: 'ben@example.com',
    started_on: '2025-09-01', working_pattern: 'part_time', training_programme: 'provider_led', lead_provider_id: ids.zeta,
  })
  ids.ben = zed.participant_id
  const mentor = await ok('POST', '/schools/310001/mentors', {
    trn: '3100003', first_name: 'Carla', last_name: 'Mendes', date_of_birth: '1980-05-05', email: 'carla@example.com',
    started_on: '2025-09-01', training_programme: 'school_led',
  })
  ids.carla = mentor.participant_id
  await ok('PUT', `/schools/310001/ects/${ids.amira}/mentor`, { mentor_participant_id: ids.carla })
  ids.partnership = (await ok('POST', '/partnerships', { urn: '310001', lead_provider_id: ids.alpha, delivery_partner_id: ids.north, cohort: '2025' })).id
  ids.additional = (await ok('POST', '/partnerships', { urn: '310001', lead_provider_id: ids.alpha, delivery_partner_id: ids.east, cohort: '2025' })).id
  await ok('POST', '/cohorts/2025/statements', { lead_provider_id: ids.alpha })
})

describe('admin reads', () => {
  it('W-80: the home counts schools, teachers, cohorts, lead providers, delivery partners and open statements', async () => {
    expect(await adminCounts(t.db)).toEqual({ schools: 3, teachers: 3, cohorts: 2, lead_providers: 2, delivery_partners: 2, open_statements: 16 })
  })

  it('W-82: a cohort\'s pairings, lead providers by name ignoring case, their delivery partners by name', async () => {
    expect(await cohortPairings(t.db, 2025)).toEqual([
      { lead_provider_id: ids.alpha, lead_provider_name: 'alpha Institute', delivery_partners: [{ id: ids.east, name: 'East Bay' }, { id: ids.north, name: 'Northern Lights' }] },
      { lead_provider_id: ids.zeta, lead_provider_name: 'Zeta Learning', delivery_partners: [{ id: ids.east, name: 'East Bay' }] },
    ])
    expect(await cohortPairings(t.db, 2026)).toEqual([])
  })

  it('W-83, W-84: lead providers with live tokens and paired cohorts; a page with pairings by cohort and live tokens only', async () => {
    const { rows, total } = await listLeadProvidersForAdmin(t.db, adminPage(undefined))
    expect(total).toBe(2)
    expect(rows).toEqual([
      { id: ids.alpha, name: 'alpha Institute', live_tokens: 1, cohorts: [2024, 2025] },
      { id: ids.zeta, name: 'Zeta Learning', live_tokens: 0, cohorts: [2025] },
    ])
    const page = await leadProviderPage(t.db, ids.alpha!)
    expect(page?.tokens.map((tk) => [tk.id, tk.description, tk.last_used_at])).toEqual([[ids.token, 'Alpha live', null]])
    expect(page?.pairings).toEqual([
      { cohort: 2025, delivery_partners: [{ id: ids.east, name: 'East Bay' }, { id: ids.north, name: 'Northern Lights' }] },
      { cohort: 2024, delivery_partners: [{ id: ids.north, name: 'Northern Lights' }] },
    ])
    expect(await leadProviderPage(t.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined()
    expect((await liveTokenWithProvider(t.db, ids.token!))?.lead_provider_name).toBe('alpha Institute')
  })

  it('W-86: delivery partners with paired cohorts; one delivery partner\'s pairings newest cohort first', async () => {
    const { rows } = await listDeliveryPartnersForAdmin(t.db, adminPage('1'))
    expect(rows).toEqual([
      { id: ids.east, name: 'East Bay', cohorts: [2025] },
      { id: ids.north, name: 'Northern Lights', cohorts: [2024, 2025] },
    ])
    expect((await deliveryPartnerPage(t.db, ids.north!))?.pairings).toEqual([
      { cohort: 2025, lead_provider_id: ids.alpha, lead_provider_name: 'alpha Institute' },
      { cohort: 2024, lead_provider_id: ids.alpha, lead_provider_name: 'alpha Institute' },
    ])
  })

  it('W-87: a 6-digit q is the URN exactly; other text a part of the name ignoring case, % and _ taken literally; none lists all by URN', async () => {
    const names = async (q: string) => (await searchSchools(t.db, schoolSearch(q), TODAY, adminPage(undefined))).rows.map((r) => r.urn)
    expect(await names('')).toEqual(['310001', '310002', '310003'])
    expect(await names(' 310002 ')).toEqual(['310002'])
    expect(await names('31000')).toEqual([])
    expect(await names('OAK')).toEqual(['310001', '310002'])
    expect(await names('100%')).toEqual(['310002'])
    expect(await names('_a')).toEqual(['310002'])
    const [oakfield] = (await searchSchools(t.db, schoolSearch('310001'), TODAY, adminPage(undefined))).rows
    expect(oakfield).toEqual({ id: expect.any(String), urn: '310001', name: 'Oakfield Primary School', local_authority: 'Leeds', eligible: true, current_ects: 2 })
  })

  it('W-88: partnerships newest cohort first with created by and the P-35 count; expressions of interest without a partnership', async () => {
    const school = (await searchSchools(t.db, { urn: '310001' }, TODAY, adminPage(undefined))).rows[0]!
    const partnerships = await schoolPartnerships(t.db, school.id, TODAY)
    expect(partnerships.map((p) => [p.id, p.cohort, p.lead_provider_name, p.delivery_partner_name, p.additional, p.created_by, p.participants_currently_training])).toEqual([
      [ids.partnership, 2025, 'alpha Institute', 'Northern Lights', false, 'operator', 1],
      [ids.additional, 2025, 'alpha Institute', 'East Bay', true, 'operator', 0],
    ])
    expect(await schoolExpressionsOfInterest(t.db, school.id, TODAY)).toEqual([{ lead_provider_id: ids.zeta, lead_provider_name: 'Zeta Learning', cohort: 2025, participants: 1 }])
  })

  it('W-88 with W-41, W-42: ECTs and mentors by name, their training and status', async () => {
    const school = (await searchSchools(t.db, { urn: '310001' }, TODAY, adminPage(undefined))).rows[0]!
    const { ects, mentors } = await schoolPeople(t.db, school.id, TODAY)
    expect(ects.map((p) => [p.last_name, p.status.text, p.training])).toEqual([
      ['Able', 'Mentor required', { training: 'Provider-led', leadProvider: 'Awaiting confirmation by Zeta Learning', deliveryPartner: 'To be confirmed' }],
      ['Khan', 'Registered', { training: 'Provider-led', leadProvider: 'Confirmed by alpha Institute', deliveryPartner: 'Northern Lights' }],
    ])
    expect(mentors.map((p) => [p.last_name, p.status.text, p.training])).toEqual([
      ['Mendes', 'Registered', { training: 'No provider-led training', leadProvider: '–', deliveryPartner: '–' }],
    ])
  })

  it('W-91: a teacher by TRN; the history with periods, training, mentorships and every event about them, newest first', async () => {
    expect(await teacherIdByTrn(t.db, '3100001')).toEqual({ id: ids.amira })
    expect(await teacherIdByTrn(t.db, '9999999')).toBeUndefined()
    const history = (await teacherHistory(t.db, ids.amira!))!
    expect([history.trn, history.first_name, history.last_name, history.date_of_birth]).toEqual(['3100001', 'Amira', 'Khan', '1997-03-14'])
    expect(history.periods).toHaveLength(1)
    const [period] = history.periods
    expect([period!.role, period!.school_urn, period!.started_on, period!.finished_on]).toEqual(['ect', '310001', '2025-09-01', null])
    expect(period!.training.map((tp) => [tp.training_programme, tp.lead_provider_name, tp.delivery_partner_name, tp.cohort, tp.schedule_identifier])).toEqual([
      ['provider_led', 'alpha Institute', 'Northern Lights', 2025, 'ecf-standard-september'],
    ])
    expect(period!.mentorships.map((m) => [m.other_participant_id, m.other_name])).toEqual([[ids.carla, 'Carla Mendes']])
    expect(history.events.map((e) => [e.action, e.author])).toEqual([
      ['mentor.assigned', 'operator'],
      ['ect.registered', 'operator'],
    ])
    const carla = (await teacherHistory(t.db, ids.carla!))!
    expect(carla.periods[0]!.mentorships.map((m) => m.other_name)).toEqual(['Amira Khan'])
  })

  it('W-90: statements in D-81\'s order with filters; a statement\'s declarations counted', async () => {
    const all = await listStatementsForAdmin(t.db, { leadProviderId: null, cohort: null, status: null }, adminPage(undefined))
    expect(all.total).toBe(16)
    expect(all.rows[0]).toMatchObject({ lead_provider_name: 'alpha Institute', cohort: 2025, year: 2025, month: 11, cut_off_date: '2025-10-31', payment_date: '2025-11-25', status: 'open' })
    const cuts = all.rows.map((r) => r.cut_off_date)
    expect(cuts).toEqual([...cuts].sort())
    expect((await listStatementsForAdmin(t.db, { leadProviderId: ids.zeta!, cohort: null, status: null }, adminPage(undefined))).total).toBe(0)
    expect((await listStatementsForAdmin(t.db, { leadProviderId: null, cohort: 2025, status: 'paid' }, adminPage(undefined))).total).toBe(0)
    expect((await statementForAdmin(t.db, all.rows[0]!.id))?.id).toBe(all.rows[0]!.id)
    expect(countDeclarations(await statementDeclarations(t.db, all.rows[0]!.id))).toEqual([])
  })
})

describe('admin paging', () => {
  it('W-14: a page that is not a whole number from 1 is not found', () => {
    for (const bad of ['0', '-1', 'x', '1.5', ['1', '2'], '9999999']) expect(() => adminPage(bad)).toThrow(NotFoundError)
    expect(adminPage('3')).toEqual({ page: 3, perPage: 50, offset: 100, beyondEnd: false })
  })

  it('spec/08 section 5: 50 a page; GOV.UK pagination keeps the query and marks the current page', () => {
    expect(pagination(1, 50, (n) => `/x?page=${n}`)).toBeNull()
    const model = pagination(5, 500, (n) => withQuery('/admin/schools', { q: 'oak', page: n }))!
    expect(model.previous).toEqual({ href: '/admin/schools?q=oak&page=4' })
    expect(model.next).toEqual({ href: '/admin/schools?q=oak&page=6' })
    expect(model.items).toEqual([
      { number: 1, href: '/admin/schools?q=oak', current: false },
      { ellipsis: true },
      { number: 4, href: '/admin/schools?q=oak&page=4', current: false },
      { number: 5, href: '/admin/schools?q=oak&page=5', current: true },
      { number: 6, href: '/admin/schools?q=oak&page=6', current: false },
      { ellipsis: true },
      { number: 10, href: '/admin/schools?q=oak&page=10', current: false },
    ])
  })
})
