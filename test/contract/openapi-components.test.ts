// C-69, C-70, issue 18: the documents as a client generator wants them — named schemas behind
// $refs, servers, the time-travel header in sandbox mode, required filters, nullable enums that
// list null, the rate-limit headers, and summaries that say what rect does.
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'

type Json = Record<string, any>
const sandbox = await setupTestApp()
const production = await setupTestApp({ mode: 'production' }, { database: sandbox.database })
const get = async (t: typeof sandbox, url: string, headers: Record<string, string> = {}) => (await t.app.inject({ method: 'GET', url, headers })).json() as Json
const v3 = await get(sandbox, '/api/v3/openapi.json', { host: 'rect.example.test:3000' })
const admin = await get(sandbox, '/api/admin/v1/openapi.json')

const operations = (document: Json) =>
  Object.entries<Json>(document.paths).flatMap(([path, item]) => Object.entries<Json>(item).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, operation })))

describe('C-69 named schemas', () => {
  it('C-69: the v3 resources, request bodies and the error bodies are components, referenced by $ref', () => {
    expect(Object.keys(v3.components.schemas)).toEqual(expect.arrayContaining([
      'Participant', 'Partnership', 'School', 'DeliveryPartner', 'ParticipantTransfer', 'Declaration', 'Statement', 'UnfundedMentor',
      'PartnershipCreateRequest', 'PartnershipUpdateRequest', 'DeclarationCreateRequest', 'ParticipantWithdrawRequest',
      'ParticipantDeferRequest', 'ParticipantResumeRequest', 'ParticipantChangeScheduleRequest', 'Error', 'UnauthorisedError',
    ]))
    const show = v3.paths['/api/v3/participants/{id}'].get
    expect(show.responses['200'].content['application/json'].schema.properties.data).toEqual({ $ref: '#/components/schemas/Participant' })
    expect(show.responses['404'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' })
    expect(show.responses['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/UnauthorisedError' })
    expect(v3.paths['/api/v3/partnerships'].post.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/PartnershipCreateRequest' })
    expect(v3.components.schemas.Participant.properties.attributes.properties.ecf_enrolments.items).toEqual({ $ref: '#/components/schemas/ParticipantECFEnrolment' })
  })

  it('C-70: the operator objects are components too', () => {
    expect(Object.keys(admin.components.schemas)).toEqual(expect.arrayContaining(['Cohort', 'LeadProvider', 'School', 'Statement', 'Registration', 'Error', 'UnauthorisedError']))
  })

  it('C-69: every $ref resolves', () => {
    for (const document of [v3, admin]) {
      const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? []
      for (const ref of new Set(refs)) {
        const path = ref.slice(8, -1).replace(/^#\//, '').split('/')
        expect(path.reduce((node: Json | undefined, part) => node?.[part], document), ref).toBeDefined()
      }
    }
  })

  it('C-15, issue 18: nullable enums list null', () => {
    const declaration = v3.components.schemas.Declaration.properties.attributes.properties
    expect(declaration.ineligible_for_funding_reason).toMatchObject({ nullable: true, enum: ['duplicate_declaration', null] })
    const enrolment = v3.components.schemas.ParticipantECFEnrolment.properties
    expect(enrolment.mentor_ineligible_for_funding_reason.enum).toContain(null)
    expect(enrolment.working_pattern.enum).toEqual(['full_time', 'part_time', null])
  })
})

describe('C-69 what a client needs to know', () => {
  it('C-69: servers is the address the document was fetched from', () => {
    expect(v3.servers).toEqual([{ url: 'http://rect.example.test:3000', description: 'This rect server' }])
  })

  it('C-53: X-With-Server-Date is an optional header parameter of every operation in sandbox mode, and of none in production', async () => {
    for (const document of [v3, admin]) {
      expect(document.components.parameters.XWithServerDate).toMatchObject({ name: 'X-With-Server-Date', in: 'header', required: false })
      for (const { label, operation } of operations(document)) expect(operation.parameters, label).toContainEqual({ $ref: '#/components/parameters/XWithServerDate' })
    }
    for (const url of ['/api/v3/openapi.json', '/api/admin/v1/openapi.json']) {
      const document = await get(production, url)
      expect(document.components.parameters).toBeUndefined()
      expect(JSON.stringify(document.paths)).not.toContain('X-With-Server-Date')
    }
  })

  it('P-44: GET /schools and /schools/{id} mark filter (and its cohort) required', () => {
    for (const path of ['/api/v3/schools', '/api/v3/schools/{id}']) {
      const filter = v3.paths[path].get.parameters.find((p: Json) => p.name === 'filter')
      expect(filter).toMatchObject({ in: 'query', required: true, style: 'deepObject', schema: { required: ['cohort'] } })
    }
  })

  it('C-63, C-65: every v3 answer declares the RateLimit headers, a 429 also Retry-After; operator answers only on 401 and 429', () => {
    for (const { label, operation } of operations(v3)) {
      for (const [status, response] of Object.entries<Json>(operation.responses)) {
        expect(Object.keys(response.headers), `${label} ${status}`).toEqual(expect.arrayContaining(['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset']))
        expect('Retry-After' in response.headers, `${label} ${status}`).toBe(status === '429')
      }
    }
    const listing = admin.paths['/api/admin/v1/cohorts'].get.responses
    expect(Object.keys(listing['200'].headers)).toEqual(['X-Request-Id'])
    expect(Object.keys(listing['429'].headers)).toEqual(['X-Request-Id', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After'])
  })

  it('D-47: POST /participant-declarations says a repeat is a 422, never that it is idempotent', () => {
    const create = v3.paths['/api/v3/participant-declarations'].post
    expect(`${create.summary} ${create.description}`).not.toMatch(/idempotent endpoint/i)
    expect(create.description).toContain('answers 422')
  })

  it('C-35, C-63, S-60: the introduction describes paging, rate limits and time travel', () => {
    expect(v3.info.description).toContain('"data":[]')
    expect(v3.info.description).toContain('RateLimit-Remaining')
    expect(v3.info.description).toContain('X-With-Server-Date')
  })
})
