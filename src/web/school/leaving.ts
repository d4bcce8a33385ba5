// W-75 … W-77: reporting that an ECT or mentor is leaving, on `POST …/leaving`'s command (W-17).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { reportLeavingFromBody } from '../../api/admin/v1/school-actions/actions.ts'
import { InvalidError, NotFoundError } from '../../errors.ts'
import type { WebDeps } from '../deps.ts'
import { field, queryValue } from '../forms/form.ts'
import { asUser } from '../plugins/user.ts'
import { problemsOf } from './dry-run.ts'
import * as forms from './forms/actions.ts'
import { teacherPage } from './home.ts'
import { answersOf, clearAnswers, pageErrors, participantIdOf, PATHS, replaceAnswers, schoolOf, type ShownError } from './pages.ts'

type Answers = { leaving_on?: string }

export async function leavingRoutes(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  for (const role of ['ect', 'mentor'] as const) {
    const base = `/${PATHS[role]}/:participant_id/leaving`

    async function load(request: FastifyRequest) {
      const page = await teacherPage(db, request.clock.today, schoolOf(request).id, participantIdOf(request), role)
      const key = `${role}:leaving:${page.participant_id}`
      return { page, key, url: `/school/${PATHS[role]}/${page.participant_id}/leaving`, answers: answersOf<Answers>(request, key) as Answers }
    }
    type Loaded = Awaited<ReturnType<typeof load>>

    const renderDate = (reply: FastifyReply, l: Loaded, value: unknown, errors: ShownError[] = []) =>
      reply.render('school/leaving/date.njk', {
        title: `When did or will ${l.page.name} leave your school?`, page: l.page, value, action: `${l.url}/date`, backLink: l.page.href,
        activeNav: `/school/${PATHS[role]}`, errors: pageErrors(errors, ['leaving_on']),
      }, errors.length > 0 ? 422 : 200)

    const renderCheck = (reply: FastifyReply, l: Loaded, errors: ShownError[] = []) =>
      reply.render('school/leaving/check-answers.njk', {
        title: `Check your answers before reporting that ${l.page.name} is leaving`, page: l.page, leavingOn: l.answers.leaving_on, action: `${l.url}/check-answers`,
        backLink: `${l.url}/date`, buttonText: 'Confirm and report', activeNav: `/school/${PATHS[role]}`,
        errors: { list: pageErrors(errors, ['leaving_on'], () => `${l.url}/date`).list, fields: {} },
      }, errors.length > 0 ? 422 : 200)

    app.get(`${base}/date`, async (request, reply) => {
      const l = await load(request)
      if (l.page.finished) throw new NotFoundError()
      // W-73's rule for this journey too: the page's link starts afresh.
      if (queryValue(request.query, 'new') === '1') replaceAnswers(request, l.key, {})
      return renderDate(reply, l, (answersOf<Answers>(request, l.key) as Answers).leaving_on ?? '')
    })

    app.post(`${base}/date`, async (request, reply) => {
      const l = await load(request)
      const body = (request.body ?? {}) as Record<string, unknown>
      const entered = { day: field(body, 'leaving_on-day'), month: field(body, 'leaving_on-month'), year: field(body, 'leaving_on-year') }
      const read = forms.readLeaving(body, l.page.name)
      if (read.errors.length > 0) return renderDate(reply, l, entered, read.errors)
      // W-76: R-30's rows, from the command itself (W-10).
      const problems = await problemsOf(db, (tx) => reportLeavingFromBody(tx, request.clock, l.page.period_id, forms.leavingBody(read.answers.leaving_on!)))
      if (problems.length > 0) return renderDate(reply, l, entered, forms.leavingProblems(l.page.name, problems))
      replaceAnswers(request, l.key, read.answers)
      return reply.redirect(`${l.url}/check-answers`, 303)
    })

    app.get(`${base}/check-answers`, async (request, reply) => {
      const l = await load(request)
      if (!l.answers.leaving_on) return reply.redirect(`${l.url}/date`, 302)
      return renderCheck(reply, l)
    })

    app.post(`${base}/check-answers`, async (request, reply) => {
      const l = await load(request)
      if (!l.answers.leaving_on) return reply.redirect(`${l.url}/date`, 303)
      try {
        await asUser(db, request, (tx) => reportLeavingFromBody(tx, request.clock, l.page.period_id, forms.leavingBody(l.answers.leaving_on!)))
      } catch (error) {
        if (error instanceof InvalidError) return renderCheck(reply, l, forms.leavingProblems(l.page.name, error.problems))
        throw error
      }
      clearAnswers(request, l.key)
      ;(request.session.wizards ??= {})[`${l.key}:done`] = { leaving_on: l.answers.leaving_on }
      return reply.redirect(`${l.url}/confirmation`, 303)
    })

    app.get(`${base}/confirmation`, async (request, reply) => {
      const l = await load(request)
      const done = request.session.wizards?.[`${l.key}:done`] as Answers | undefined
      if (!done) return reply.redirect(l.page.href, 302)
      delete request.session.wizards![`${l.key}:done`]
      return reply.render('school/leaving/confirmation.njk', {
        title: `${l.page.name} has been reported as leaving`, page: l.page, leavingOn: done.leaving_on, role, activeNav: `/school/${PATHS[role]}`,
      })
    })
  }
}
