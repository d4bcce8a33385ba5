// W-65 … W-67: assigning or changing an ECT's mentor, on `PUT /schools/{urn}/ects/{id}/mentor`'s
// command with `mentor_participant_id` only, so R-24's default start date applies (W-17).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { assignMentorFromBody } from '../../api/admin/v1/school-actions/actions.ts'
import { longDate } from '../../clock.ts'
import { InvalidError } from '../../errors.ts'
import type { WebDeps } from '../deps.ts'
import { setFlash } from '../forms/check-answers.ts'
import { asUser } from '../plugins/user.ts'
import { byName } from '../format.ts'
import * as forms from './forms/actions.ts'
import { teacherPage } from './home.ts'
import { startRegistration } from './register.ts'
import { fullName, pageErrors, participantIdOf, schoolOf, type ShownError } from './pages.ts'
import * as q from './queries.ts'

export async function mentorRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const { db } = deps

  /** The ECT and the mentors offered: not finished, not the ECT's own teacher, not the current mentor. */
  async function load(request: FastifyRequest) {
    const today = request.clock.today
    const ect = await teacherPage(db, today, schoolOf(request).id, participantIdOf(request), 'ect')
    const mentors = (await q.mentorsOffered(db, schoolOf(request).id, today))
      .filter((m) => m.participant_id !== ect.participant_id && m.participant_id !== ect.mentor?.participant_id)
      .sort(byName)
      .map((m) => ({ id: m.participant_id, name: fullName(m), hint: `Mentoring ${m.mentoring} ECT${m.mentoring === 1 ? '' : 's'}` }))
    return { ect, mentors }
  }

  const render = (reply: FastifyReply, data: Awaited<ReturnType<typeof load>>, value: string, errors: ShownError[] = []) =>
    reply.render('school/mentor.njk', {
      title: `Who will mentor ${data.ect.name}?`, ...data, value, backLink: data.ect.href, activeNav: '/school/ects',
      errors: pageErrors(errors, ['mentor_participant_id']),
    }, errors.length > 0 ? 422 : 200)

  app.get('/ects/:participant_id/mentor', async (request, reply) => render(reply, await load(request), ''))

  app.post('/ects/:participant_id/mentor', async (request, reply) => {
    const data = await load(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const read = forms.readMentorChoice(body, data.ect.name, data.mentors.map((m) => m.id))
    if (read.errors.length > 0) return render(reply, data, '', read.errors)
    // W-66: `new` starts the mentor journey with this ECT, as W-60's POST does.
    if (read.answers.choice === 'new') return startRegistration(request, reply, 'mentor', { participant_id: data.ect.participant_id, name: data.ect.name })
    try {
      await asUser(db, request, (tx) => assignMentorFromBody(tx, request.clock, data.ect.period_id, forms.mentorBody(read.answers.choice!)))
    } catch (error) {
      if (error instanceof InvalidError) return render(reply, data, read.answers.choice!, forms.mentorProblems(data.ect.name, error.problems))
      throw error
    }
    const after = await teacherPage(db, request.clock.today, schoolOf(request).id, data.ect.participant_id, 'ect')
    const mentor = after.mentorships.at(-1)!
    setFlash(request, { text: `${mentor.name} will mentor ${data.ect.name} from ${longDate(mentor.started_on)}` })
    return reply.redirect(data.ect.href, 303)
  })
}
