// The write journeys of `rect check --admin-token`: each starts from a named sandbox scenario
// (S-52) on a rect sandbox, then drives the v3 API as the scenario's lead provider with a token
// the check issues for it (P-15) and revokes at the end (P-16). Every answer is validated
// against the document like the reads.
import { queryOf, type Answer } from './client.ts'
import { Stop, type Context, type Harness } from './harness.ts'

const V3 = '/api/v3'
const ADMIN = '/api/admin/v1'

type Report = {
  today: string
  cohort: string
  lead_provider_id: string
  schools: { id: string; urn: string }[]
  participants: { id: string; role: string }[]
  declarations: string[]
}

export async function journeyChecks(h: Harness, adminToken: string): Promise<void> {
  let leadProviderId: string | null = null
  let token: { id: string; token: string } | null = null
  const admin = (ctx: Context, status: number, method: 'GET' | 'POST' | 'DELETE', template: string, body?: unknown, params?: Record<string, string>) =>
    ctx.expect(status, { method, template: `${ADMIN}${template}`, token: adminToken, ...(body !== undefined ? { body } : {}), ...(params ? { params } : {}) })
  const scenario = async (ctx: Context, name: string): Promise<Report> => {
    const res = await ctx.call({ method: 'POST', template: `${ADMIN}/sandbox/seed`, token: adminToken, body: { scenario: name, ...(leadProviderId ? { lead_provider_id: leadProviderId } : {}) } })
    if (res.status === 404) throw new Stop([`POST ${ADMIN}/sandbox/seed answered 404: the write journeys need a rect deployment in sandbox mode`])
    if (res.status !== 201) throw new Stop([`scenario ${name} answered ${res.status}: ${res.text.slice(0, 300)}`])
    return res.body.data as Report
  }
  const v3 = (ctx: Context, status: number, method: 'GET' | 'POST' | 'PUT', template: string, options: { params?: Record<string, string>; query?: string; body?: unknown } = {}) => {
    if (!token) throw new Stop(['no lead provider token was issued for the journeys'])
    return ctx.expect(status, { method, template: `${V3}${template}`, token: token.token, ...options })
  }

  await h.run('journeys', 'the admin token opens the operator API', async (ctx) => {
    await admin(ctx, 200, 'GET', '/lead-providers')
  })

  await h.run('journeys', 'EOI: a registration without a partnership shows on the school, the participant only once partnered (S-52 eoi-school, P-33)', async (ctx) => {
    const report = await scenario(ctx, 'eoi-school')
    leadProviderId = report.lead_provider_id
    const issued = await admin(ctx, 201, 'POST', '/lead-providers/{id}/tokens', { description: 'rect check' }, { id: report.lead_provider_id })
    token = { id: issued.body.data.id, token: issued.body.data.token }
    const school = report.schools[0]!
    const participant = report.participants[0]!
    const shown = await v3(ctx, 200, 'GET', '/schools/{id}', { params: { id: school.id }, query: queryOf({ 'filter[cohort]': report.cohort }) })
    ctx.check(shown.body.data.attributes.expression_of_interest === true, `school ${school.urn}: expression_of_interest is ${shown.body.data.attributes.expression_of_interest}, expected true`)
    await v3(ctx, 404, 'GET', '/participants/{id}', { params: { id: participant.id } })
    ctx.note(`lead provider ${report.lead_provider_id}, school ${school.urn}, cohort ${report.cohort}`)
  })

  await h.run('journeys', 'partnership creation, then the same partnership again is the 422 (P-51 … P-53)', async (ctx) => {
    const report = await scenario(ctx, 'eoi-school')
    const school = report.schools[0]!
    const partners = await v3(ctx, 200, 'GET', '/delivery-partners', { query: queryOf({ 'filter[cohort]': report.cohort }) })
    const partner = (partners.body.data as { id: string }[])[0]
    if (!partner) throw new Stop([`the lead provider has no delivery partner in cohort ${report.cohort}`])
    const body = { data: { type: 'partnership', attributes: { cohort: report.cohort, school_id: school.id, delivery_partner_id: partner.id } } }
    const created = await v3(ctx, 200, 'POST', '/partnerships', { body })
    const attributes = created.body.data.attributes
    ctx.check(attributes.cohort === report.cohort && attributes.school_id === school.id && attributes.delivery_partner_id === partner.id, `the new partnership shows ${JSON.stringify(attributes).slice(0, 200)}`)
    const read = await v3(ctx, 200, 'GET', '/partnerships/{id}', { params: { id: created.body.data.id } })
    ctx.check(JSON.stringify(read.body) === JSON.stringify(created.body), 'GET /partnerships/{id} differs from the POST answer')
    await v3(ctx, 200, 'GET', '/participants/{id}', { params: { id: report.participants[0]!.id } })
    const again = await v3(ctx, 422, 'POST', '/partnerships', { body })
    ctx.check(hasError(again, 'school_id', 'You are already in a confirmed partnership with this school for the entered cohort.'), `the duplicate answered ${again.text.slice(0, 200)}`)
  })

  await h.run('journeys', 'a transfer with no new school is type unknown, joining null (S-52 transfer-unknown-destination)', async (ctx) => {
    const report = await scenario(ctx, 'transfer-unknown-destination')
    const transfer = await onlyTransfer(ctx, v3, report.participants[0]!.id)
    ctx.check(transfer.transfer_type === 'unknown' && transfer.joining === null && transfer.leaving?.school_urn === report.schools[0]!.urn, `the transfer is ${JSON.stringify(transfer).slice(0, 300)}`)
  })

  await h.run('journeys', 'a leaving date after the joining date is corrected to it (S-52 transfer-overlap-corrected, T-14)', async (ctx) => {
    const report = await scenario(ctx, 'transfer-overlap-corrected')
    const transfer = await onlyTransfer(ctx, v3, report.participants[0]!.id)
    ctx.check(transfer.transfer_type === 'new_provider' && transfer.status === 'complete', `type ${transfer.transfer_type}, status ${transfer.status}; expected new_provider, complete`)
    ctx.check(transfer.joining !== null && transfer.leaving?.date === transfer.joining?.date, `leaving ${transfer.leaving?.date}, joining ${transfer.joining?.date}: the leaving date should be the joining date`)
  })

  await h.run('journeys', 'declarations: the scenario\'s are shown, one voided; voiding another works once; a repeat is the 422 (S-52 declarations, D-47)', async (ctx) => {
    const report = await scenario(ctx, 'declarations')
    const shown = []
    for (const id of report.declarations) shown.push((await v3(ctx, 200, 'GET', '/participant-declarations/{id}', { params: { id } })).body.data)
    const voided = shown.filter((d) => d.attributes.state === 'voided')
    ctx.check(voided.length === 1, `${voided.length} of the scenario's ${shown.length} declarations are voided, expected 1`)
    const open = shown.filter((d) => d.attributes.state === 'eligible' || d.attributes.state === 'submitted')
    if (open.length < 2) throw new Stop([`the scenario left ${open.length} declarations that can be voided, expected at least 2`])
    const [victim, kept] = [open.at(-1)!, open[0]!]
    const done = await v3(ctx, 200, 'PUT', '/participant-declarations/{id}/void', { params: { id: victim.id } })
    ctx.check(done.body.data.attributes.state === 'voided', `void answered state ${done.body.data.attributes.state}, expected voided`)
    await v3(ctx, 422, 'PUT', '/participant-declarations/{id}/void', { params: { id: victim.id } })
    const { participant_id, declaration_type, declaration_date, course_identifier, evidence_held } = kept.attributes
    const repeat = { data: { type: 'participant-declaration', attributes: { participant_id, declaration_type, declaration_date, course_identifier, ...(evidence_held ? { evidence_held } : {}) } } }
    await v3(ctx, 422, 'POST', '/participant-declarations', { body: repeat })
  })

  await h.run('journeys', 'the token issued for the journeys is revoked, and then refused (P-16)', async (ctx) => {
    if (!token) throw new Stop(['no token was issued'])
    const { id, token: value } = token
    await admin(ctx, 204, 'DELETE', '/tokens/{token_id}', undefined, { token_id: id })
    const refused = await ctx.call({ template: `${V3}/partnerships`, token: value })
    ctx.check(refused.status === 401, `the revoked token answered ${refused.status}`)
  })
}

function hasError(answer: Answer, title: string, detail: string): boolean {
  return Array.isArray(answer.body?.errors) && answer.body.errors.some((e: { title: string; detail: string }) => e.title === title && e.detail === detail)
}

type V3Call = (ctx: Context, status: number, method: 'GET', template: string, options: { params: Record<string, string> }) => Promise<Answer>

async function onlyTransfer(ctx: Context, v3: V3Call, participantId: string): Promise<Record<string, any>> {
  const res = await v3(ctx, 200, 'GET', '/participants/{id}/transfers', { params: { id: participantId } })
  const transfers = (Array.isArray(res.body.data) ? res.body.data[0] : res.body.data)?.attributes?.transfers ?? []
  if (transfers.length !== 1) throw new Stop([`participant ${participantId} has ${transfers.length} transfers, expected 1`])
  return transfers[0]
}
