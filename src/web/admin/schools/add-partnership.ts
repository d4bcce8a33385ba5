// W-89: adding a partnership by hand (P-24): cohort → lead provider → delivery partner → check
// answers, the answers kept in the session (W-10) until the submit succeeds.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { manualPartnershipFields } from '../../../api/admin/v1/partnerships/schemas.ts'
import { readFields } from '../../../api/common/fields.ts'
import type { Db } from '../../../db/connect.ts'
import { addManualPartnership, type ManualPartnershipInput } from '../../../domain/partnerships/add-manual-partnership.ts'
import { texts } from '../../../domain/partnerships/rules.ts'
import type { Problem } from '../../../errors.ts'
import { ErrorCollector, type FieldSpec } from '../../forms/errors.ts'
import type { FormBody } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { asUser } from '../../plugins/user.ts'
import { attempt, found, param, pathUrn } from '../common.ts'
import { cohortYears } from '../cohorts/query.ts'
import { PARTNERSHIP_TEXTS, partnershipBody, type PartnershipAnswers } from '../forms.ts'
import { schoolByUrn, type SchoolRow } from './query.ts'

type Choice = { value: string; text: string }

/** Lead providers available in the cohort (P-2: paired with a delivery partner in it), by name. */
function leadProvidersIn(db: Db, cohort: number): Promise<Choice[]> {
  return db
    .selectFrom('lead_providers as lp')
    .where((eb) => eb.exists(eb.selectFrom('lead_provider_delivery_partners as p').select('p.id').whereRef('p.lead_provider_id', '=', 'lp.id').where('p.cohort_year', '=', cohort)))
    .select(['lp.id as value', 'lp.name as text'])
    .orderBy(sql`lower(lp.name)`)
    .execute()
}

/** Delivery partners paired with the lead provider in the cohort, by name. */
function deliveryPartnersOf(db: Db, leadProviderId: string, cohort: number): Promise<Choice[]> {
  return db
    .selectFrom('lead_provider_delivery_partners as p')
    .innerJoin('delivery_partners as dp', 'dp.id', 'p.delivery_partner_id')
    .where('p.lead_provider_id', '=', leadProviderId)
    .where('p.cohort_year', '=', cohort)
    .select(['dp.id as value', 'dp.name as text'])
    .orderBy(sql`lower(dp.name)`)
    .execute()
}

/** P-24's duplicate check, for the delivery partner step (W-10: a step runs the command's checks for its field). */
async function alreadyPartnered(db: Db, schoolId: string, answers: Required<PartnershipAnswers>): Promise<boolean> {
  const row = await db
    .selectFrom('partnerships')
    .select('id')
    .where('school_id', '=', schoolId)
    .where('lead_provider_id', '=', answers.lead_provider_id)
    .where('delivery_partner_id', '=', answers.delivery_partner_id)
    .where('cohort_year', '=', answers.cohort)
    .executeTakeFirst()
  return row !== undefined
}

const STEPS = ['cohort', 'lead-provider', 'delivery-partner', 'check-answers'] as const
type Step = (typeof STEPS)[number]
const FIELD: Record<Exclude<Step, 'check-answers'>, keyof PartnershipAnswers> = { cohort: 'cohort', 'lead-provider': 'lead_provider_id', 'delivery-partner': 'delivery_partner_id' }
const QUESTION: Record<Exclude<Step, 'check-answers'>, string> = {
  cohort: 'Which cohort is the partnership for?',
  'lead-provider': 'Which lead provider?',
  'delivery-partner': 'Which delivery partner?',
}

export async function partnershipWizard(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  const keyOf = (school: SchoolRow) => `admin-partnership:${school.urn}`
  const answersOf = (request: FastifyRequest, school: SchoolRow): PartnershipAnswers => (request.session.wizards?.[keyOf(school)] ?? {}) as PartnershipAnswers
  const save = (request: FastifyRequest, school: SchoolRow, answers: PartnershipAnswers) => {
    request.session.wizards = { ...(request.session.wizards ?? {}), [keyOf(school)]: answers }
  }
  const base = (school: SchoolRow) => `/admin/schools/${school.urn}/partnerships/new`
  const schoolOf = async (request: FastifyRequest) => found(await schoolByUrn(db, pathUrn(param(request, 'urn'))))

  /** The step's choices given the earlier answers, or the first unanswered step to go to. */
  const choicesFor = async (step: Step, answers: PartnershipAnswers): Promise<Choice[] | Step> => {
    if (step === 'cohort') return (await cohortYears(db)).map((y) => ({ value: String(y), text: String(y) }))
    if (answers.cohort === undefined) return 'cohort'
    if (step === 'lead-provider') return leadProvidersIn(db, answers.cohort)
    if (answers.lead_provider_id === undefined) return 'lead-provider'
    if (step === 'delivery-partner') return deliveryPartnersOf(db, answers.lead_provider_id, answers.cohort)
    return answers.delivery_partner_id === undefined ? 'delivery-partner' : []
  }

  const renderStep = async (reply: FastifyReply, school: SchoolRow, step: Exclude<Step, 'check-answers'>, choices: Choice[], answers: PartnershipAnswers, errors?: ReturnType<ErrorCollector['result']>) => {
    const chosen = String(answers[FIELD[step]] ?? '')
    const previous = STEPS[STEPS.indexOf(step) - 1]
    const data = {
      title: QUESTION[step], school, field: FIELD[step], items: choices.map((c) => ({ ...c, checked: c.value === chosen })),
      backLink: previous ? `${base(school)}/${previous}` : `/admin/schools/${school.urn}`, activeNav: '/admin/schools', ...(errors ? { errors } : {}),
    }
    return reply.render('admin/schools/partnership-step.njk', data, errors ? 422 : 200)
  }

  const renderCheck = async (reply: FastifyReply, school: SchoolRow, answers: PartnershipAnswers, problems?: readonly Problem[]) => {
    const [lps, dps] = await Promise.all([leadProvidersIn(db, answers.cohort!), deliveryPartnersOf(db, answers.lead_provider_id!, answers.cohort!)])
    const name = (list: Choice[], id: string | undefined) => list.find((c) => c.value === id)?.text ?? 'Not available'
    // W-10: a refused submit links its problems to the steps.
    const specs: FieldSpec[] = [
      { id: 'cohort', attributes: ['cohort', 'urn'], invalid: 'Select a cohort' },
      { id: 'lead-provider', attributes: ['lead_provider_id'], invalid: 'Select a lead provider' },
      { id: 'delivery-partner', attributes: ['delivery_partner_id'], invalid: 'Select a delivery partner' },
    ]
    const errors = problems ? new ErrorCollector(specs).addProblems(problems).result() : undefined
    if (errors) errors.list = errors.list.map((e) => ({ ...e, href: `${base(school)}/${e.href.slice(1)}` }))
    const data = { title: 'Check your answers before adding the partnership', school, answers, leadProviderName: name(lps, answers.lead_provider_id), deliveryPartnerName: name(dps, answers.delivery_partner_id), base: base(school), backLink: `${base(school)}/delivery-partner`, activeNav: '/admin/schools', ...(errors ? { errors } : {}) }
    return reply.render('admin/schools/partnership-check.njk', data, errors ? 422 : 200)
  }

  app.get('/schools/:urn/partnerships/new', async (request, reply) => {
    const school = await schoolOf(request)
    save(request, school, {})
    return reply.redirect(`${base(school)}/cohort`, 302)
  })

  app.get('/schools/:urn/partnerships/new/:step', async (request, reply) => {
    const school = await schoolOf(request)
    const step = param(request, 'step') as Step
    if (!STEPS.includes(step)) return reply.callNotFound()
    const answers = answersOf(request, school)
    const choices = await choicesFor(step, answers)
    if (typeof choices === 'string') return reply.redirect(`${base(school)}/${choices}`, 302)
    if (step === 'check-answers') return renderCheck(reply, school, answers)
    return renderStep(reply, school, step, choices, answers)
  })

  app.post('/schools/:urn/partnerships/new/:step', async (request, reply) => {
    const school = await schoolOf(request)
    const step = param(request, 'step') as Step
    if (!STEPS.includes(step)) return reply.callNotFound()
    const answers = answersOf(request, school)
    const choices = await choicesFor(step, answers)
    if (typeof choices === 'string') return reply.redirect(`${base(school)}/${choices}`, 303)
    if (step === 'check-answers') return submit(request, reply, school, answers)
    const value = String((request.body as FormBody)[FIELD[step]] ?? '')
    const collector = new ErrorCollector(PARTNERSHIP_TEXTS)
    const spec = PARTNERSHIP_TEXTS.find((s) => s.id === FIELD[step])!
    if (!choices.some((c) => c.value === value)) collector.add(spec.id, spec.blank!)
    const next: PartnershipAnswers = { ...answers, [FIELD[step]]: step === 'cohort' ? Number(value) : value }
    if (step === 'cohort') delete next.lead_provider_id
    if (step !== 'delivery-partner') delete next.delivery_partner_id
    if (collector.empty && step === 'delivery-partner' && (await alreadyPartnered(db, school.id, next as Required<PartnershipAnswers>))) collector.add(spec.id, texts.operatorDuplicate)
    if (!collector.empty) return renderStep(reply, school, step, choices, { ...answers, [FIELD[step]]: value }, collector.result())
    save(request, school, next)
    return reply.redirect(`${base(school)}/${STEPS[STEPS.indexOf(step) + 1]}`, 303)
  })

  const submit = async (request: FastifyRequest, reply: FastifyReply, school: SchoolRow, answers: PartnershipAnswers) => {
    const { values, problems } = readFields(partnershipBody(school.urn, answers), manualPartnershipFields)
    const result = await attempt(() => asUser(db, request, (tx) => addManualPartnership(tx, request.clock, values as ManualPartnershipInput, problems)))
    if (!result.ok) return renderCheck(reply, school, answers, result.problems)
    save(request, school, {})
    request.session.flash = { text: 'Partnership added' }
    return reply.redirect(`/admin/schools/${school.urn}`, 303)
  }
}
