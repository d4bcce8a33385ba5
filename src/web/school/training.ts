// W-70 … W-73: changing an ECT's or mentor's training from today, on `PUT …/training`'s command
// with no date and no cohort, so R-26 and R-28's defaults apply (W-17).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { changeTrainingFromBody } from '../../api/admin/v1/school-actions/actions.ts'
import type { Role } from '../../db/schema.ts'
import { InvalidError, NotFoundError } from '../../errors.ts'
import { cohortOf, inForceOn, latest } from '../../domain/participants/rules.ts'
import type { WebDeps } from '../deps.ts'
import { queryValue } from '../forms/form.ts'
import { asUser } from '../plugins/user.ts'
import { describeTraining } from '../people.ts'
import { problemsOf } from './dry-run.ts'
import * as forms from './forms/actions.ts'
import { teacherPage, type TeacherPageData } from './home.ts'
import { answersOf, clearAnswers, pageErrors, participantIdOf, PATHS, replaceAnswers, schoolOf, type ShownError } from './pages.ts'
import * as q from './queries.ts'

type Answers = forms.TrainingAnswers & { lead_provider_name?: string }
type Step = 'programme' | 'lead-provider' | 'check-answers'

export async function trainingRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db } = deps

  for (const role of ['ect', 'mentor'] as const) {
    const base = `/${PATHS[role]}/:participant_id/change-training`
    const steps: Step[] = role === 'ect' ? ['programme', 'lead-provider', 'check-answers'] : ['lead-provider', 'check-answers']

    async function load(request: FastifyRequest) {
      const page = await teacherPage(db, request.clock.today, schoolOf(request).id, participantIdOf(request), role)
      const key = `${role}:training:${page.participant_id}`
      return { page, key, url: `/school/${PATHS[role]}/${page.participant_id}/change-training`, answers: answersOf<Answers>(request, key) as Answers }
    }
    type Loaded = Awaited<ReturnType<typeof load>>

    /** W-10: the first step missing its answer. */
    const firstUnanswered = (a: Answers): Step => {
      if (role === 'ect' && !a.training_programme) return 'programme'
      if ((role === 'mentor' && !a.training_programme) || (a.training_programme === 'provider_led' && !a.lead_provider_id)) return 'lead-provider'
      return 'check-answers'
    }
    const stepsOf = (a: Answers) => steps.filter((s) => !(s === 'lead-provider' && role === 'ect' && a.training_programme === 'school_led'))
    const stepOf = (request: FastifyRequest): Step => {
      const step = (request.params as Record<string, string>).step as Step
      if (!steps.includes(step)) throw new NotFoundError()
      return step
    }
    const mayShow = (a: Answers, step: Step) => {
      const order = stepsOf(a)
      return order.includes(step) && order.indexOf(step) <= order.indexOf(firstUnanswered(a))
    }

    const render = async (request: FastifyRequest, reply: FastifyReply, l: Loaded, step: Step, values: Record<string, unknown>, errors: ShownError[] = [], hrefs = false) => {
      const order = stepsOf(l.answers)
      const previous = order[order.indexOf(step) - 1]
      const data: Record<string, unknown> = {
        role, page: l.page, values, step, action: `${l.url}/${step}`, backLink: previous ? `${l.url}/${previous}` : l.page.href,
        activeNav: `/school/${PATHS[role]}`, current: currentTraining(l.page, request.clock.today),
      }
      if (step === 'lead-provider') Object.assign(data, await leadProviderOptions(db, request, l.page))
      if (step === 'check-answers') Object.assign(data, { answers: l.answers, today: request.clock.today, buttonText: 'Confirm change', programmeHref: `${l.url}/${order[0]}`, leadProviderHref: `${l.url}/lead-provider` })
      const href = hrefs ? (field: string | null) => `${l.url}/${field === 'training_programme' && role === 'ect' ? 'programme' : field === null ? 'check-answers' : 'lead-provider'}` : undefined
      const title = step === 'programme' ? `How will ${l.page.name} be trained from today?` : step === 'lead-provider'
        ? (role === 'ect' ? `Which lead provider will train ${l.page.name}?` : `Who will provide ${l.page.name}'s mentor training?`)
        : `Check your answers before changing ${l.page.name}'s training`
      const shown = pageErrors(errors, ['training_programme', 'lead_provider_id'], href)
      return reply.render(`school/change-training/${step}.njk`, { ...data, title, errors: hrefs ? { list: shown.list, fields: {} } : shown }, errors.length > 0 ? 422 : 200)
    }

    app.get(`${base}/confirmation`, async (request, reply) => {
      const l = await load(request)
      const done = request.session.wizards?.[`${l.key}:done`] as { effect: string[] } | undefined
      if (!done) return reply.redirect(l.page.href, 302)
      delete request.session.wizards![`${l.key}:done`]
      return reply.render('school/change-training/confirmation.njk', { title: `${l.page.name}'s training has been changed`, page: l.page, effect: done.effect, activeNav: `/school/${PATHS[role]}` })
    })

    app.get(`${base}/:step`, async (request, reply) => {
      const l = await load(request)
      if (l.page.finished) throw new NotFoundError()
      // W-73: the links of W-45 and W-46 start afresh.
      if (queryValue(request.query, 'new') === '1') {
        replaceAnswers(request, l.key, {})
        l.answers = answersOf<Answers>(request, l.key) as Answers
      }
      const step = stepOf(request)
      if (!mayShow(l.answers, step)) return reply.redirect(`${l.url}/${firstUnanswered(l.answers)}`, 302)
      return render(request, reply, l, step, { training_programme: l.answers.training_programme ?? '', lead_provider_id: l.answers.training_programme === 'school_led' ? 'none' : (l.answers.lead_provider_id ?? '') })
    })

    app.post(`${base}/:step`, async (request, reply) => {
      const l = await load(request)
      const step = stepOf(request)
      if (!mayShow(l.answers, step)) return reply.redirect(`${l.url}/${firstUnanswered(l.answers)}`, 303)
      const body = (request.body ?? {}) as Record<string, unknown>
      if (step === 'check-answers') {
        try {
          await asUser(db, request, (tx) => changeTrainingFromBody(tx, request.clock, l.page.period_id, forms.trainingBody(l.answers)))
        } catch (error) {
          if (error instanceof InvalidError) return render(request, reply, l, step, {}, forms.trainingProblems(role, l.page.name, error.problems), true)
          throw error
        }
        clearAnswers(request, l.key)
        ;(request.session.wizards ??= {})[`${l.key}:done`] = { effect: effectOf(role, l.page, l.answers, request.clock.today) }
        return reply.redirect(`${l.url}/confirmation`, 303)
      }
      let read: { answers: Answers; errors: ShownError[] }
      if (step === 'programme') read = forms.readTrainingProgramme(body, l.page.name)
      else {
        const { options, noneOffered } = await leadProviderOptions(db, request, l.page)
        read = forms.readTrainingLeadProvider(body, role, l.page.name, options.map((o) => o.id), noneOffered)
        read.answers.lead_provider_name = options.find((o) => o.id === read.answers.lead_provider_id)?.name
      }
      if (read.errors.length > 0) return render(request, reply, l, step, body, read.errors)
      const answers: Answers = step === 'programme' ? { ...read.answers } : { ...l.answers, ...read.answers }
      if (step === 'lead-provider' && read.answers.training_programme === 'school_led') delete answers.lead_provider_id
      // W-72: the command's own checks of this step's field, on the body so far (W-10).
      const checked = step === 'programme' ? ['training_programme'] : ['lead_provider_id', ...(role === 'mentor' ? ['training_programme'] : [])]
      const probe = answers.training_programme === 'provider_led' && !answers.lead_provider_id ? { training_programme: 'provider_led' } : forms.trainingBody(answers)
      const problems = (await problemsOf(db, (tx) => changeTrainingFromBody(tx, request.clock, l.page.period_id, probe))).filter((p) => checked.includes(p.attribute))
      if (problems.length > 0) return render(request, reply, l, step, body, forms.trainingProblems(role, l.page.name, problems))
      replaceAnswers(request, l.key, answers)
      return reply.redirect(`${l.url}/${firstUnanswered(answers)}`, 303)
    })
  }
}

/** The training in force today (else W-41's), as "current" on the pages. */
function currentTraining(page: TeacherPageData, today: string) {
  const tp = page.trainings.find((t) => t.started_on !== t.finished_on && inForceOn(t, today))
  return { tp, description: describeTraining(tp ?? undefined) }
}

/** W-70, W-71: lead providers available in the R-28 cohort, by name, without the current one. */
async function leadProviderOptions(db: WebDeps['db'], request: FastifyRequest, page: TeacherPageData) {
  const today = request.clock.today
  const { tp } = currentTraining(page, today)
  const from = tp ?? latest(page.trainings)
  const cohort = from?.cohort ?? cohortOf(today, await q.cohorts(db))?.year ?? null
  const available = cohort === null ? [] : await q.leadProvidersAvailable(db, cohort)
  const currentLp = tp?.training_programme === 'provider_led' ? tp.lead_provider_id : null
  return { options: available.filter((lp) => lp.id !== currentLp), noneOffered: tp?.training_programme === 'provider_led' }
}

/** W-100: what lead providers see, in plain words. */
function effectOf(role: Role, page: TeacherPageData, a: Answers, today: string): string[] {
  const { tp } = currentTraining(page, today)
  const lines: string[] = []
  if (tp?.training_programme === 'provider_led') {
    lines.push(tp.partnership_id
      ? `${tp.lead_provider_name} will see ${page.name} as leaving, then left.`
      : `${tp.lead_provider_name} will no longer see your school's interest for ${page.name}.`)
  }
  if (a.training_programme === 'provider_led') lines.push(`${a.lead_provider_name} will see ${page.name} as a new registration with your school.`)
  else lines.push(role === 'ect' ? `${page.name} will be trained by your school from today.` : `${page.name} will have no mentor training from a lead provider.`)
  return lines
}

