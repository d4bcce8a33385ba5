// W-78, W-79: the school's induction tutor, on `PUT /schools/{urn}/induction-tutor`'s command (W-17).
import type { FastifyInstance } from 'fastify'
import { setInductionTutorFromBody } from '../../api/admin/v1/school-actions/actions.ts'
import { InvalidError } from '../../errors.ts'
import type { WebDeps } from '../deps.ts'
import { localPath, queryValue } from '../forms/form.ts'
import { setFlash } from '../forms/check-answers.ts'
import { asUser } from '../plugins/user.ts'
import { problemsOf } from './dry-run.ts'
import * as forms from './forms/actions.ts'
import { pageErrors, schoolOf, type ShownError } from './pages.ts'

const TITLE = "Your school's induction tutor"
const ORDER = ['name', 'email']

export async function inductionTutorRoutes(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/induction-tutor', async (request, reply) => {
    const school = schoolOf(request)
    const values = { name: school.induction_tutor_name ?? '', email: school.induction_tutor_email ?? '' }
    const notice = queryValue(request.query, 'first') === '1' ? 'Add your induction tutor before you register anyone.' : null
    return reply.render('school/induction-tutor.njk', { title: TITLE, values, notice, returnTo: localPath(queryValue(request.query, 'return_to')) })
  })

  app.post('/induction-tutor', async (request, reply) => {
    const read = forms.readInductionTutor((request.body ?? {}) as Record<string, unknown>)
    const returnTo = localPath(String((request.body as Record<string, unknown> | undefined)?.return_to ?? ''))
    const render = (errors: ShownError[]) =>
      reply.render('school/induction-tutor.njk', { title: TITLE, values: read.answers, returnTo, errors: pageErrors(errors, ORDER) }, 422)
    if (read.errors.length > 0) {
      // W-7: every failing field at once; the other field's command checks still run.
      const problems = await problemsOf(db, (tx) => setInductionTutorFromBody(tx, request.clock, schoolOf(request).id, forms.inductionTutorBody(read.answers)))
      const failed = new Set(read.errors.map((e) => e.field))
      return render([...read.errors, ...forms.inductionTutorProblems(problems.filter((p) => !failed.has(p.attribute)))])
    }
    try {
      await asUser(db, request, (tx) => setInductionTutorFromBody(tx, request.clock, schoolOf(request).id, forms.inductionTutorBody(read.answers)))
    } catch (error) {
      if (error instanceof InvalidError) return render(forms.inductionTutorProblems(error.problems))
      throw error
    }
    setFlash(request, { text: 'Induction tutor details saved' })
    return reply.redirect(returnTo ?? '/school', 303)
  })
}
