// W-50 … W-64: registering an ECT or a mentor. Each step reads its fields (forms/register.ts),
// checks them with the register command itself given the earlier answers (dry-run.ts, W-10), keeps
// the answers in the session and answers 303 to the next unanswered step; check answers runs the
// command on the operator body (W-17), with a journey's ECT assigned in the same transaction (W-63).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { registerFromBody, assignMentorFromBody } from '../../api/admin/v1/school-actions/actions.ts'
import { findRegistration } from '../../api/admin/v1/school-actions/query.ts'
import { latestPeriodAtSchool } from '../../domain/participants/store.ts'
import { InvalidError, NotFoundError, type Problem } from '../../errors.ts'
import type { WebDeps } from '../deps.ts'
import { asUser } from '../plugins/user.ts'
import { field } from '../forms/form.ts'
import { registrationCohort, sameChoicesOffer } from './choices.ts'
import { describeTraining, trainingShown } from '../people.ts'
import { problemsOf } from './dry-run.ts'
import * as f from './forms/register.ts'
import type { RegisterAnswers, Role, Step } from './forms/register.ts'
import { answersOf, clearAnswers, fullName, pageErrors, PATHS, replaceAnswers, schoolOf, type ShownError } from './pages.ts'
import * as q from './queries.ts'
import { isUuid } from '../../api/common/ids.ts'

const BASE: Record<Role, string> = { ect: '/school/register-ect', mentor: '/school/register-mentor' }
/** The routes are registered under the area's `/school` prefix. */
const route = (path: string) => path.replace(/^\/school/, '')
const KEY: Record<Role, string> = { ect: 'register-ect', mentor: 'register-mentor' }
const DONE = (role: Role) => `${KEY[role]}:done`

const STEPS: Step[] = ['find', 'registered-before', 'name', 'email-address', 'start-date', 'working-pattern', 'previous-choices', 'training-programme', 'lead-provider', 'check-answers']

/** The fields of each step in page order (W-7), and the attributes a step checks with the command (W-10, W-54). */
const FIELDS: Partial<Record<Step, string[]>> = {
  find: ['trn', 'date_of_birth'],
  name: ['first_name', 'last_name'],
  'email-address': ['email'],
  'start-date': ['started_on'],
  'working-pattern': ['working_pattern'],
  'previous-choices': ['use_previous'],
  'training-programme': ['training_programme'],
  'lead-provider': ['lead_provider_id'],
}
const CHECKED: Partial<Record<Step, Record<Role, string[]>>> = {
  find: { ect: ['trn', 'date_of_birth'], mentor: ['trn', 'date_of_birth'] },
  'email-address': { ect: ['email'], mentor: ['email'] },
  'start-date': { ect: ['started_on', 'cohort'], mentor: ['started_on', 'cohort'] },
  'lead-provider': { ect: ['lead_provider_id'], mentor: ['lead_provider_id', 'training_programme'] },
}

type Ctx = { request: FastifyRequest; reply: FastifyReply; deps: WebDeps; role: Role; answers: RegisterAnswers }

/** The assignment of W-63 failed: its problems are shown apart from the registration's. */
class AssignmentRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super('assignment refused')
  }
}

export async function registerRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db } = deps

  app.get(route(BASE.ect), async (request, reply) => {
    if (!schoolOf(request).induction_tutor_name) return toInductionTutor(reply, BASE.ect)
    return reply.render('school/register/start.njk', { title: 'Register an early career teacher (ECT)', backLink: '/school/ects', activeNav: '/school/ects' })
  })

  for (const role of ['ect', 'mentor'] as const) {
    // W-52, W-60: starting clears the answers (and records the mentor journey's ECT).
    app.post(route(BASE[role]), async (request, reply) => {
      const ect = field(request.body, 'ect')
      let mentee: RegisterAnswers['ect']
      if (role === 'mentor' && ect !== '') {
        const period = isUuid(ect) ? await q.teacherAtSchool(db, schoolOf(request).id, ect.toLowerCase(), 'ect') : undefined
        if (!period) throw new NotFoundError()
        mentee = { participant_id: period.participant_id, name: fullName(period) }
      }
      return startRegistration(request, reply, role, mentee)
    })

    app.get(route(`${BASE[role]}/confirmation`), async (request, reply) => {
      const done = request.session.wizards?.[DONE(role)] as Confirmation | undefined
      if (!done) return reply.redirect(`/school/${PATHS[role]}`, 302)
      delete request.session.wizards![DONE(role)]
      return reply.render('school/register/confirmation.njk', { ...done, role, activeNav: `/school/${PATHS[role]}` })
    })

    app.get(route(`${BASE[role]}/:step`), async (request, reply) => {
      const ctx = { request, reply, deps, role, answers: answersOf<RegisterAnswers>(request, KEY[role]) as RegisterAnswers }
      const step = stepOf(role, request)
      if (!f.mayShow(role, ctx.answers, step)) return reply.redirect(`${BASE[role]}/${f.slugOf(role, f.firstUnanswered(role, ctx.answers))}`, 302)
      return renderStep(ctx, step, valuesOf(ctx.answers, step))
    })

    app.post(route(`${BASE[role]}/:step`), async (request, reply) => {
      const ctx = { request, reply, deps, role, answers: answersOf<RegisterAnswers>(request, KEY[role]) as RegisterAnswers }
      const step = stepOf(role, request)
      if (!f.mayShow(role, ctx.answers, step)) return reply.redirect(`${BASE[role]}/${f.slugOf(role, f.firstUnanswered(role, ctx.answers))}`, 303)
      if (step === 'check-answers') return submit(ctx)
      const read = await readStep(ctx, step)
      if (read.errors.length > 0) return renderStep(ctx, step, read.values, read.errors)
      replaceAnswers(request, KEY[role], read.answers)
      return reply.redirect(`${BASE[role]}/${f.slugOf(role, f.firstUnanswered(role, read.answers))}`, 303)
    })
  }
}

/** W-52, W-60: the journey's answers cleared (a mentor's ECT recorded), then its first step. */
export function startRegistration(request: FastifyRequest, reply: FastifyReply, role: Role, ect?: RegisterAnswers['ect']) {
  if (!schoolOf(request).induction_tutor_name) return toInductionTutor(reply, role === 'ect' ? BASE.ect : '/school/mentors')
  replaceAnswers(request, KEY[role], ect ? { ect } : {})
  return reply.redirect(`${BASE[role]}/${f.slugOf(role, 'find')}`, 303)
}

function toInductionTutor(reply: FastifyReply, returnTo: string) {
  return reply.redirect(`/school/induction-tutor?return_to=${encodeURIComponent(returnTo)}&first=1`, 303)
}

function stepOf(role: Role, request: FastifyRequest): Step {
  const slug = (request.params as Record<string, string>).step
  const step = STEPS.find((s) => f.slugOf(role, s) === slug)
  if (step === undefined || (role === 'mentor' && ['working-pattern', 'previous-choices', 'training-programme'].includes(step))) throw new NotFoundError()
  return step
}

/** What a step's inputs show: the stored answers (a date as its parts). */
function valuesOf(a: RegisterAnswers, step: Step): Record<string, unknown> {
  switch (step) {
    case 'find': return { trn: a.trn ?? '', date_of_birth: a.date_of_birth ?? '' }
    case 'name': return { first_name: a.first_name ?? '', last_name: a.last_name ?? '' }
    case 'email-address': return { email: a.email ?? '' }
    case 'start-date': return { started_on: a.started_on ?? '' }
    case 'working-pattern': return { working_pattern: a.working_pattern ?? '' }
    case 'previous-choices': return { use_previous: a.use_previous === undefined ? '' : a.use_previous ? 'yes' : 'no' }
    case 'training-programme': return { training_programme: a.training_programme ?? '' }
    case 'lead-provider': return { lead_provider_id: a.training_programme === 'school_led' ? 'none' : (a.lead_provider_id ?? '') }
    default: return {}
  }
}

type StepRead = { answers: RegisterAnswers; values: Record<string, unknown>; errors: ShownError[] }

/** Reads a step's form, then runs the command's own checks of its fields (W-10). */
async function readStep(ctx: Ctx, step: Step): Promise<StepRead> {
  const { request, role, answers } = ctx
  const body = (request.body ?? {}) as Record<string, unknown>
  const name = f.nameOf(answers)
  const values: Record<string, unknown> = { ...body }
  let patch: Partial<RegisterAnswers> = {}
  let errors: ShownError[] = []
  switch (step) {
    case 'find': {
      const ectTrn = answers.ect ? (await q.teacherAtSchool(ctx.deps.db, schoolOf(request).id, answers.ect.participant_id, 'ect'))?.trn : undefined
      const read = f.readFind(body, role, ectTrn ? { trn: ectTrn } : undefined)
      values.date_of_birth = { day: field(body, 'date_of_birth-day'), month: field(body, 'date_of_birth-month'), year: field(body, 'date_of_birth-year') }
      values.trn = field(body, 'trn')
      ;({ errors } = read)
      patch = read.answers
      break
    }
    case 'registered-before': return { answers: { ...answers, seen_known: true }, values, errors: [] }
    case 'name': ({ answers: patch, errors } = f.readName(body, role)); break
    case 'email-address': ({ answers: patch, errors } = f.readEmail(body, role, name)); break
    case 'start-date': {
      ;({ answers: patch, errors } = f.readStartDate(body, role, name))
      values.started_on = { day: field(body, 'started_on-day'), month: field(body, 'started_on-month'), year: field(body, 'started_on-year') }
      break
    }
    case 'working-pattern': ({ answers: patch, errors } = f.readWorkingPattern(body, name)); break
    case 'previous-choices': ({ answers: patch, errors } = f.readPreviousChoices(body)); break
    case 'training-programme': ({ answers: patch, errors } = f.readProgramme(body, name)); break
    case 'lead-provider': {
      const options = await leadProviderOptions(ctx)
      ;({ answers: patch, errors } = f.readLeadProvider(body, role, name, options.map((o) => o.id)))
      patch.lead_provider_name = options.find((o) => o.id === patch.lead_provider_id)?.name
      break
    }
    default: break
  }
  if (errors.length > 0) return { answers, values, errors }
  const next = await merge(ctx, step, patch)
  const checked = CHECKED[step]?.[role]
  if (checked) {
    const problems = await problemsOf(ctx.deps.db, (tx) => registerFromBody(tx, request.clock, schoolOf(request), role, dryRunBody(role, step, next, request.clock.today)))
    errors = f.registrationProblems(role, f.nameOf(next), problems, checked)
  }
  return { answers: next, values, errors }
}

/** The step's answers merged in; a new TRN starts the answers again, a new start date re-asks the training (W-53). */
async function merge(ctx: Ctx, step: Step, patch: Partial<RegisterAnswers>): Promise<RegisterAnswers> {
  const { answers, deps, request } = ctx
  if (step === 'find') {
    const teacher = await q.findTeacherByTrn(deps.db, patch.trn!)
    const known = teacher ? { participant_id: teacher.id, first_name: teacher.first_name, last_name: teacher.last_name } : null
    if (patch.trn !== answers.trn) return { ...(answers.ect ? { ect: answers.ect } : {}), ...patch, known }
    return { ...answers, ...patch, known, ...(known?.participant_id !== answers.known?.participant_id ? { seen_known: false } : {}) }
  }
  if (step === 'start-date' && patch.started_on !== answers.started_on) {
    const { offer: _o, use_previous: _u, ...rest } = answers
    return { ...rest, ...patch }
  }
  if (step === 'working-pattern') {
    const cohort = await registrationCohort(deps.db, request.clock, 'ect', answers.known?.participant_id ?? null, answers.started_on!)
    const offer = await sameChoicesOffer(deps.db, schoolOf(request).id, cohort)
    const same = JSON.stringify(offer) === JSON.stringify(answers.offer)
    return { ...answers, ...patch, offer, ...(same ? {} : { use_previous: undefined }) }
  }
  if (step === 'training-programme' && patch.training_programme === 'school_led') return { ...answers, ...patch, lead_provider_id: undefined }
  if (step === 'lead-provider' && patch.training_programme === 'school_led') return { ...answers, ...patch, lead_provider_id: undefined }
  return { ...answers, ...patch }
}

/** The body so far, with what later steps will ask filled in so that only this step's checks can fail on it. */
function dryRunBody(role: Role, step: Step, a: RegisterAnswers, today: string): Record<string, unknown> {
  const body = f.registrationBody(role, a)
  if (step === 'find') return { trn: a.trn, date_of_birth: a.date_of_birth, started_on: today }
  if (step === 'email-address') return { trn: a.trn, email: a.email }
  if (step === 'start-date') return { ...body, training_programme: role === 'ect' ? 'school_led' : 'provider_led', ...(role === 'ect' ? { working_pattern: 'full_time' } : {}) }
  return body
}

/** W-51 step 9, W-61: the lead providers available in the registration's cohort; the ECT's first for a mentor (W-61). */
async function leadProviderOptions(ctx: Ctx) {
  const { deps, request, role, answers } = ctx
  const cohort = await registrationCohort(deps.db, request.clock, role, answers.known?.participant_id ?? null, answers.started_on ?? request.clock.today)
  const available = cohort === null ? [] : await q.leadProvidersAvailable(deps.db, cohort)
  const options = available.map((lp) => ({ id: lp.id, name: lp.name, hint: null as string | null }))
  if (role === 'mentor' && answers.ect) {
    const ect = await q.teacherAtSchool(deps.db, schoolOf(request).id, answers.ect.participant_id, 'ect')
    const training = ect ? trainingShown(ect.trainings, request.clock.today) : undefined
    const at = training?.training_programme === 'provider_led' ? options.findIndex((o) => o.id === training.lead_provider_id) : -1
    if (at >= 0) {
      const [first] = options.splice(at, 1)
      options.unshift({ ...first!, hint: `${answers.ect.name}'s lead provider` })
    }
  }
  return options
}

async function renderStep(ctx: Ctx, step: Step, values: Record<string, unknown>, errors: ShownError[] = []) {
  const { reply, role, answers } = ctx
  const name = f.nameOf(answers)
  const previous = f.previousStep(role, answers, step)
  const backLink = previous ? `${BASE[role]}/${f.slugOf(role, previous)}` : role === 'ect' ? BASE.ect : answers.ect ? `/school/ects/${answers.ect.participant_id}/mentor` : '/school/mentors'
  const data: Record<string, unknown> = {
    role, name, values, answers, backLink, action: `${BASE[role]}/${f.slugOf(role, step)}`,
    activeNav: `/school/${PATHS[role]}`, noun: role === 'ect' ? 'ECT' : 'mentor',
  }
  if (step === 'registered-before') Object.assign(data, await knownTeacher(ctx))
  if (step === 'lead-provider') data.options = await leadProviderOptions(ctx)
  if (step === 'check-answers') Object.assign(data, { rows: checkRows(ctx), buttonText: 'Confirm and register' })
  const title = titleOf(role, step, name)
  return reply.render(`school/register/${step}.njk`, { ...data, title, errors: pageErrors(errors, FIELDS[step] ?? []) }, errors.length > 0 ? 422 : 200)
}

function titleOf(role: Role, step: Step, name: string): string {
  const noun = role === 'ect' ? 'ECT' : 'mentor'
  switch (step) {
    case 'find': return `Find the ${noun}`
    case 'registered-before': return `${name} is already known to this service`
    case 'name': return `What is the ${noun}'s name?`
    case 'email-address': return `What is ${name}'s email address?`
    case 'start-date': return role === 'ect' ? `When did or will ${name} start as an ECT at your school?` : `When did or will ${name} start mentoring at your school?`
    case 'working-pattern': return `Is ${name} working full time or part time?`
    case 'previous-choices': return 'Use the same training choices as your last ECT?'
    case 'training-programme': return `How will ${name} be trained?`
    case 'lead-provider': return role === 'ect' ? `Which lead provider will train ${name}?` : `Who will provide ${name}'s mentor training?`
    case 'check-answers': return `Check your answers before registering ${name}`
  }
}

/** W-51 step 3a: what rect holds about a known TRN. */
async function knownTeacher(ctx: Ctx) {
  const { deps, request, role, answers } = ctx
  const today = request.clock.today
  const periods = (await q.earlierPeriods(deps.db, answers.known!.participant_id, role)).map((p) => ({
    ...p,
    training: describeTraining(trainingShown(p.trainings, today)),
    open: p.finished_on === null || p.finished_on > today,
  }))
  const openElsewhere = periods.find((p) => p.open && p.school_id !== schoolOf(request).id)
  return { periods, openElsewhere: openElsewhere?.school_name ?? null }
}

function checkRows(ctx: Ctx) {
  const { role, answers: a } = ctx
  const href = (step: Step) => `${BASE[role]}/${f.slugOf(role, step)}`
  const { training_programme } = f.chosenTraining(a)
  const trainingStep: Step = role === 'mentor' ? 'lead-provider' : a.use_previous ? 'previous-choices' : 'training-programme'
  return {
    trn: a.trn,
    dateOfBirth: a.date_of_birth,
    name: f.nameOf(a),
    nameHref: a.known ? null : href('name'),
    email: a.email,
    startedOn: a.started_on,
    workingPattern: a.working_pattern === 'part_time' ? 'Part time' : 'Full time',
    training: training_programme === 'provider_led' ? 'Provider-led' : role === 'mentor' ? 'No mentor training from a lead provider' : 'School-led',
    trainingHref: href(trainingStep),
    leadProvider: training_programme === 'provider_led' ? (a.use_previous ? a.offer?.lead_provider_name : a.lead_provider_name) : null,
    leadProviderHref: href(a.use_previous ? 'previous-choices' : 'lead-provider'),
    deliveryPartner: a.use_previous && a.offer?.training_programme === 'provider_led' ? a.offer.delivery_partner : null,
    hrefs: { find: href('find'), email: href('email-address'), start: href('start-date'), pattern: href('working-pattern') },
  }
}

type Confirmation = { title: string; name: string; participantId: string; ectName: string | null; effect: string[] }

/** W-55, W-63: the command on the operator body; with an ECT, the assignment in the same transaction. */
async function submit(ctx: Ctx) {
  const { request, reply, deps, role, answers } = ctx
  const school = schoolOf(request)
  const body = f.registrationBody(role, answers)
  let periodId: string
  try {
    periodId = await asUser(deps.db, request, async (tx) => {
      const { id } = await registerFromBody(tx, request.clock, school, role, body)
      if (answers.ect) {
        const ectPeriod = await latestPeriodAtSchool(tx, answers.ect.participant_id, 'ect', school.id)
        const { teacher_id } = await tx.selectFrom('at_school_periods').select('teacher_id').where('id', '=', id).executeTakeFirstOrThrow()
        try {
          if (!ectPeriod) throw new InvalidError([{ attribute: 'participant_id', detail: `${answers.ect.name} is no longer an ECT at your school` }])
          await assignMentorFromBody(tx, request.clock, ectPeriod.id, { mentor_participant_id: teacher_id })
        } catch (error) {
          if (error instanceof InvalidError) throw new AssignmentRefused(error.problems)
          throw error
        }
      }
      return id
    })
  } catch (error) {
    if (error instanceof InvalidError) return refused(ctx, f.registrationProblems(role, f.nameOf(answers), error.problems))
    if (error instanceof AssignmentRefused) {
      return refused(ctx, error.problems.map((p) => ({ field: p.attribute === 'started_on' ? 'started_on' : null, text: p.detail.includes("'#/") ? 'The mentor could not be assigned' : p.detail })))
    }
    throw error
  }
  clearAnswers(request, KEY[role])
  const registration = (await findRegistration(deps.db, periodId))!
  const name = `${registration.first_name} ${registration.last_name}`
  const done: Confirmation = {
    title: role === 'ect' ? `${name} has been registered` : `${name} has been registered as a mentor`,
    name,
    participantId: registration.participant_id,
    ectName: answers.ect?.name ?? null,
    effect: effectOf(role, name, registration.training_periods.at(-1), request),
  }
  ;(request.session.wizards ??= {})[DONE(role)] = done as unknown as Record<string, unknown>
  return reply.redirect(`${BASE[role]}/confirmation`, 303)
}

/** W-10: a refused submit re-renders check answers with 422, the summary linking to the steps. */
function refused(ctx: Ctx, errors: ShownError[]) {
  const { reply, role, answers } = ctx
  const title = titleOf(role, 'check-answers', f.nameOf(answers))
  const href = (field: string | null) => `${BASE[role]}/${f.slugOf(role, field === null ? 'check-answers' : f.stepOf(field))}`
  return reply.render('school/register/check-answers.njk', {
    role, title, name: f.nameOf(answers), answers, rows: checkRows(ctx), buttonText: 'Confirm and register', action: `${BASE[role]}/check-answers`,
    backLink: `${BASE[role]}/${f.slugOf(role, f.previousStep(role, answers, 'check-answers') ?? 'find')}`, activeNav: `/school/${PATHS[role]}`,
    errors: { list: pageErrors(errors, [...STEPS.flatMap((s) => FIELDS[s] ?? [])], href).list, fields: {} },
  }, 422)
}

type TrainingOut = NonNullable<Awaited<ReturnType<typeof findRegistration>>>['training_periods'][number]

/** W-9, W-100: what lead providers see at once, in plain words; W-33 in a travelled sandbox. */
function effectOf(role: Role, name: string, tp: TrainingOut | undefined, request: FastifyRequest): string[] {
  const lines: string[] = []
  if (tp === undefined || tp.training_programme === 'school_led') {
    lines.push(role === 'ect' ? `${name} will be trained by your school. No lead provider sees ${name}.` : `${name} will have no mentor training from a lead provider. No lead provider sees ${name} as a participant.`)
  } else if (tp.partnership_id) {
    lines.push(`${tp.lead_provider_name} can now see ${name} in their list of participants, in the ${tp.cohort} cohort.`)
  } else {
    lines.push(`${tp.lead_provider_name} can now see that your school wants to work with them in the ${tp.cohort} cohort, and your induction tutor's details.`)
    lines.push(`${name} will appear in their list of participants once ${tp.lead_provider_name} confirms a partnership with your school.`)
  }
  const travel = request.session.travel
  if (travel) lines.push(`This sandbox's date is travelled: to see this from the API as this page did, send the header X-With-Server-Date: ${travel}.`)
  return lines
}
