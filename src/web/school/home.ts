// W-40 … W-46: the school's home, its ECT and mentor lists and each teacher's page.
import type { FastifyInstance } from 'fastify'
import type { Role } from '../../db/schema.ts'
import { NotFoundError } from '../../errors.ts'
import { cohortOf } from '../../domain/participants/rules.ts'
import type { WebDeps } from '../deps.ts'
import { queryValue } from '../forms/form.ts'
import { byName, displayDate } from '../format.ts'
import { describeTraining } from '../people.ts'
import { displayRow, participantIdOf, PATHS, schoolOf } from './pages.ts'
import * as q from './queries.ts'

export async function homeRoutes(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/', async (request, reply) => {
    const school = schoolOf(request)
    const today = request.clock.today
    const cohort = cohortOf(today, await q.cohorts(db))
    const counts = await q.currentCounts(db, school.id, today)
    const working = cohort ? await q.workingWith(db, school.id, cohort.year, today) : null
    return reply.render('school/home.njk', { title: school.name, school, cohort: cohort?.year ?? null, counts, working })
  })

  for (const role of ['ect', 'mentor'] as const) {
    app.get(`/${PATHS[role]}`, async (request, reply) => {
      const today = request.clock.today
      const left = queryValue(request.query, 'show') === 'left'
      const rows = (await q.teachersAtSchool(db, schoolOf(request).id, role)).sort(byName).map((r) => displayRow(r, role, today))
      const shown = rows.filter((r) => r.finished === left)
      return reply.render(`school/${PATHS[role]}.njk`, { title: listTitle(role, left), rows: shown, left })
    })

    app.get(`/${PATHS[role]}/:participant_id`, async (request, reply) => {
      const page = await teacherPage(db, request.clock.today, schoolOf(request).id, participantIdOf(request), role)
      return reply.render('school/teacher.njk', { title: page.name, role, caption: role === 'ect' ? 'ECT' : 'Mentor', page, activeNav: `/school/${PATHS[role]}` })
    })
  }
}

function listTitle(role: Role, left: boolean): string {
  if (role === 'ect') return left ? 'ECTs who have left' : 'Early career teachers (ECTs)'
  return left ? 'Mentors who have left' : 'Mentors'
}

/** W-45, W-46: the teacher's latest period in the role at this school (W-26: else 404). */
export async function teacherPage(db: WebDeps['db'], today: string, schoolId: string, participantId: string, role: Role) {
  const row = await q.teacherAtSchool(db, schoolId, participantId, role)
  if (!row) throw new NotFoundError()
  const shown = displayRow(row, role, today)
  const history = row.trainings.map((tp) => ({ ...describeTraining(tp), cohort: tp.cohort, from: displayDate(tp.started_on), to: displayDate(tp.finished_on) }))
  return { ...row, ...shown, history }
}

export type TeacherPageData = Awaited<ReturnType<typeof teacherPage>>
