// The requests behind the v3 document's examples (C-69, issue 18): real answers of a seed-1
// sandbox to Ambition Institute's token. Every id is derived from seed 1 and an entity key
// (S-30), so it is the same in every seed-1 sandbox whatever its seeding date, and Try-it-out
// with that token finds it. The first case of an operation (`tryIt`) supplies the parameters
// and body the docs UI fills in; the others show each error the operation can give.
import { seedId, sandboxToken } from '../../sandbox/derive.ts'

export const EXAMPLE_SEED = 1
export const EXAMPLE_LEAD_PROVIDER = 'ambition-institute'
export const exampleToken = () => sandboxToken(EXAMPLE_SEED, EXAMPLE_LEAD_PROVIDER)

const lp = EXAMPLE_LEAD_PROVIDER
const id = (key: string) => seedId(EXAMPLE_SEED, key)
const teacher = (school: string, code: string) => id(`teacher:${lp}:${school}:${code}`)
const declaration = (person: string, name: string) => id(`declaration:teacher:${lp}:${person}:${name}`)

/** Seed-1 ids of Ambition Institute's data (S-35 … S-38 rows named in brackets). */
export const EXAMPLE_IDS = {
  deliveryPartnerD1: id(`delivery-partner:${lp}:D1`),
  deliveryPartnerD2: id(`delivery-partner:${lp}:D2`),
  deliveryPartnerUnpaired: id('delivery-partner:U'),
  schoolA: id(`school:${lp}:A`),
  schoolEmpty: id('school:empty-1'),
  /** Row 4: school A, cohort 2024, with D1. */
  partnershipA2024: id(`partnership:${lp}:A:2024:D1`),
  /** Rows 6, 9, 13, 2, 12, 17, 21. */
  p1: teacher('A', 'p1'),
  p4: teacher('A', 'p4'),
  a1: teacher('A', 'a1'),
  a2: teacher('A', 'a2'),
  o2: teacher('A', 'o2'),
  w1: teacher('A', 'w1'),
  w2: teacher('A', 'w2'),
  d2: teacher('D', 'd2'),
  e1: teacher('E', 'e1'),
  t1: teacher('H', 't1'),
  /** Row 19: mentor g, trained by another lead provider, mentors f1. */
  g: teacher('F', 'g'),
  p1Started: declaration('A:p1', 'started'),
  p1Retained2: declaration('A:p1', 'retained-2'),
  p4Retained1: declaration('A:p4', 'retained-1'),
}

const UNKNOWN = '00000000-0000-4000-8000-000000000000'

export type ExampleCase = {
  operationId: string
  /** The example's name in the document (a key of `examples`). */
  name: string
  summary: string
  /** `{id}` and other path parameters; `@<operationId>/<name>` is the id of that earlier answer's first record. */
  path?: Record<string, string>
  query?: string
  body?: unknown
  /** The case Try-it-out starts from: its path, filter and body become the parameters' examples. */
  tryIt?: { filter?: Record<string, string> }
}

const q = (filter: Record<string, string>) => Object.entries(filter).map(([k, v]) => `filter[${k}]=${encodeURIComponent(v)}`).join('&')
const data = (type: string, attributes: Record<string, unknown>) => ({ data: { type, attributes } })
const badPage = (operationId: string): ExampleCase => ({ operationId, name: 'bad_page', summary: 'page[per_page]=0: not a positive number', query: 'page[per_page]=0' })
const badFilter = (operationId: string): ExampleCase => ({ operationId, name: 'filter_not_an_object', summary: 'filter=2025: filter must be an object', query: 'filter=2025' })
const badSince = (operationId: string): ExampleCase => ({ operationId, name: 'bad_updated_since', summary: 'filter[updated_since] without a time', query: 'filter[updated_since]=2026-12-01' })
const notFound = (operationId: string, extra: Partial<ExampleCase> = {}): ExampleCase => ({ operationId, name: 'not_found', summary: 'An id that is not one of yours', path: { id: UNKNOWN }, ...extra })
const noBody = (operationId: string, path?: Record<string, string>): ExampleCase => ({
  operationId, name: 'no_attributes', summary: 'A body without data.attributes', body: { data: { type: 'x' } }, ...(path ? { path } : {}),
})

const E = EXAMPLE_IDS
const cohort = { cohort: '2025' }

/** In order: each write sees the data the writes before it left. */
export const EXAMPLE_CASES: ExampleCase[] = [
  { operationId: 'getDeliveryPartners', name: 'cohort_2025', summary: 'Your delivery partners in cohort 2025', query: q(cohort), tryIt: { filter: cohort } },
  badPage('getDeliveryPartners'),
  badFilter('getDeliveryPartners'),
  { operationId: 'getDeliveryPartner', name: 'found', summary: 'One of your delivery partners', path: { id: E.deliveryPartnerD1 }, tryIt: {} },
  notFound('getDeliveryPartner'),

  { operationId: 'getPartnerships', name: 'cohort_2025', summary: 'Your partnerships in cohort 2025', query: q(cohort), tryIt: { filter: cohort } },
  badPage('getPartnerships'),
  badSince('getPartnerships'),
  { operationId: 'getPartnership', name: 'found', summary: 'One of your partnerships', path: { id: E.partnershipA2024 }, tryIt: {} },
  notFound('getPartnership'),
  {
    operationId: 'createPartnership', name: 'created', summary: 'A new partnership with an eligible school',
    body: data('partnership', { cohort: '2025', school_id: E.schoolEmpty, delivery_partner_id: E.deliveryPartnerD1 }), tryIt: {},
  },
  {
    operationId: 'createPartnership', name: 'duplicate', summary: 'The same partnership again',
    body: data('partnership', { cohort: '2025', school_id: E.schoolEmpty, delivery_partner_id: E.deliveryPartnerD1 }),
  },
  {
    operationId: 'createPartnership', name: 'unpaired_delivery_partner', summary: 'A delivery partner you are not paired with in the cohort',
    body: data('partnership', { cohort: '2025', school_id: id('school:empty-2'), delivery_partner_id: E.deliveryPartnerUnpaired }),
  },
  {
    operationId: 'createPartnership', name: 'missing_attributes', summary: 'Required attributes left blank',
    body: data('partnership', { cohort: '2025', school_id: null, delivery_partner_id: '' }),
  },
  noBody('createPartnership'),
  {
    operationId: 'updatePartnership', name: 'updated', summary: 'The partnership moved to another of your delivery partners',
    path: { id: E.partnershipA2024 }, body: data('partnership', { delivery_partner_id: E.deliveryPartnerD2 }), tryIt: {},
  },
  {
    operationId: 'updatePartnership', name: 'unpaired_delivery_partner', summary: 'A delivery partner you are not paired with in the cohort',
    path: { id: E.partnershipA2024 }, body: data('partnership', { delivery_partner_id: E.deliveryPartnerUnpaired }),
  },
  notFound('updatePartnership', { body: data('partnership', { delivery_partner_id: E.deliveryPartnerD2 }) }),
  noBody('updatePartnership', { id: E.partnershipA2024 }),

  { operationId: 'getSchools', name: 'cohort_2025', summary: 'Schools in cohort 2025', query: `${q(cohort)}&page[per_page]=2`, tryIt: { filter: cohort } },
  { operationId: 'getSchools', name: 'no_cohort', summary: 'Without filter[cohort]', query: '' },
  { ...badPage('getSchools'), query: `${q(cohort)}&page[per_page]=0` },
  { operationId: 'getSchool', name: 'found', summary: 'A school as you see it in cohort 2025', path: { id: E.schoolA }, query: q(cohort), tryIt: { filter: cohort } },
  { operationId: 'getSchool', name: 'no_cohort', summary: 'Without filter[cohort]', path: { id: E.schoolA } },
  notFound('getSchool', { query: q(cohort) }),

  { operationId: 'getTransfers', name: 'all', summary: 'Your participants who moved school', query: 'page[per_page]=2', tryIt: {} },
  badSince('getTransfers'),
  { operationId: 'getTransfer', name: 'found', summary: "A participant's transfers", path: { id: E.t1 }, tryIt: {} },
  notFound('getTransfer', { summary: 'A participant with no transfer, or not yours', path: { id: E.p1 } }),

  { operationId: 'getParticipants', name: 'cohort_2025', summary: 'Your participants in cohort 2025', query: `${q(cohort)}&page[per_page]=2`, tryIt: { filter: cohort } },
  badSince('getParticipants'),
  badPage('getParticipants'),
  { operationId: 'getParticipant', name: 'found', summary: 'One of your participants', path: { id: E.p1 }, tryIt: {} },
  notFound('getParticipant'),

  {
    operationId: 'withdrawParticipant', name: 'withdrawn', summary: 'An active participant withdrawn',
    path: { id: E.a1 }, body: data('participant-withdraw', { reason: 'other', course_identifier: 'ecf-induction' }), tryIt: {},
  },
  {
    operationId: 'withdrawParticipant', name: 'already_withdrawn', summary: 'A participant who is already withdrawn',
    path: { id: E.w1 }, body: data('participant-withdraw', { reason: 'other', course_identifier: 'ecf-induction' }),
  },
  {
    operationId: 'withdrawParticipant', name: 'invalid_reason', summary: 'A reason that is not in the list',
    path: { id: E.p1 }, body: data('participant-withdraw', { reason: 'moved-away', course_identifier: 'ecf-induction' }),
  },
  notFound('withdrawParticipant', { body: data('participant-withdraw', { reason: 'other', course_identifier: 'ecf-induction' }) }),
  noBody('withdrawParticipant', { id: E.p1 }),
  {
    operationId: 'deferParticipant', name: 'deferred', summary: 'An active participant deferred',
    path: { id: E.e1 }, body: data('participant-defer', { reason: 'parental-leave', course_identifier: 'ecf-induction' }), tryIt: {},
  },
  {
    operationId: 'deferParticipant', name: 'already_deferred', summary: 'A participant who is already deferred',
    path: { id: E.w2 }, body: data('participant-defer', { reason: 'parental-leave', course_identifier: 'ecf-induction' }),
  },
  notFound('deferParticipant', { body: data('participant-defer', { reason: 'parental-leave', course_identifier: 'ecf-induction' }) }),
  noBody('deferParticipant', { id: E.p1 }),
  {
    operationId: 'resumeParticipant', name: 'resumed', summary: 'A withdrawn participant resumed',
    path: { id: E.w1 }, body: data('participant-resume', { course_identifier: 'ecf-induction' }), tryIt: {},
  },
  {
    operationId: 'resumeParticipant', name: 'already_active', summary: 'A participant who is already training',
    path: { id: E.p1 }, body: data('participant-resume', { course_identifier: 'ecf-induction' }),
  },
  notFound('resumeParticipant', { body: data('participant-resume', { course_identifier: 'ecf-induction' }) }),
  noBody('resumeParticipant', { id: E.p1 }),
  {
    operationId: 'changeScheduleParticipant', name: 'changed', summary: 'A participant moved to the extended schedule',
    path: { id: E.d2 }, body: data('participant-change-schedule', { schedule_identifier: 'ecf-extended-september', course_identifier: 'ecf-induction' }), tryIt: {},
  },
  {
    operationId: 'changeScheduleParticipant', name: 'invalid_schedule', summary: 'A schedule identifier that does not exist',
    path: { id: E.d2 }, body: data('participant-change-schedule', { schedule_identifier: 'ecf-standard-march', course_identifier: 'ecf-induction' }),
  },
  notFound('changeScheduleParticipant', { body: data('participant-change-schedule', { schedule_identifier: 'ecf-extended-september', course_identifier: 'ecf-induction' }) }),
  noBody('changeScheduleParticipant', { id: E.d2 }),

  { operationId: 'getDeclarations', name: 'one_participant', summary: "One participant's declarations", query: q({ participant_id: E.p1 }), tryIt: { filter: { participant_id: E.p1 } } },
  badPage('getDeclarations'),
  badSince('getDeclarations'),
  { operationId: 'getDeclaration', name: 'found', summary: 'One of your declarations', path: { id: E.p1Started }, tryIt: {} },
  notFound('getDeclaration'),
  {
    operationId: 'createDeclaration', name: 'created', summary: 'A started declaration',
    body: data('participant-declaration', {
      participant_id: E.a2, declaration_type: 'started', declaration_date: '2026-10-01T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended',
    }),
    tryIt: {},
  },
  {
    operationId: 'createDeclaration', name: 'repeated', summary: 'The same declaration again: a 422, not the first answer (not idempotent)',
    body: data('participant-declaration', {
      participant_id: E.a2, declaration_type: 'started', declaration_date: '2026-10-01T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended',
    }),
  },
  {
    operationId: 'createDeclaration', name: 'payments_frozen', summary: 'A participant in a cohort whose payments are frozen',
    body: data('participant-declaration', {
      participant_id: E.o2, declaration_type: 'retained-2', declaration_date: '2023-05-01T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended',
    }),
  },
  {
    operationId: 'createDeclaration', name: 'missing_attributes', summary: 'Required attributes left blank',
    body: data('participant-declaration', { participant_id: E.a2, declaration_type: 'retained-1', declaration_date: '', course_identifier: 'ecf-induction' }),
  },
  noBody('createDeclaration'),
  { operationId: 'voidDeclaration', name: 'voided', summary: 'A declaration not yet paid, voided', path: { id: E.p1Retained2 }, tryIt: {} },
  { operationId: 'voidDeclaration', name: 'already_voided', summary: 'A declaration that is already voided', path: { id: E.p4Retained1 } },
  notFound('voidDeclaration'),

  { operationId: 'getStatements', name: 'cohort_2025', summary: 'Your statements for cohort 2025', query: `${q(cohort)}&page[per_page]=2`, tryIt: { filter: cohort } },
  badPage('getStatements'),
  badSince('getStatements'),
  { operationId: 'getStatement', name: 'found', summary: 'One of your statements', path: { id: '@getStatements/cohort_2025' }, tryIt: {} },
  notFound('getStatement'),

  { operationId: 'getUnfundedMentors', name: 'all', summary: 'Mentors of your participants trained by another lead provider', tryIt: {} },
  badSince('getUnfundedMentors'),
  { operationId: 'getUnfundedMentor', name: 'found', summary: 'One unfunded mentor', path: { id: E.g }, tryIt: {} },
  notFound('getUnfundedMentor'),
]
