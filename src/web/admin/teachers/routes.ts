// W-91: teacher lookup by TRN and a teacher's full history with its events. Read-only.
import type { FastifyInstance } from 'fastify'
import { pathId } from '../../../api/common/ids.ts'
import { queryValue } from '../../forms/form.ts'
import type { WebDeps } from '../../deps.ts'
import { found, param } from '../common.ts'
import { readTrn } from '../forms.ts'
import { teacherHistory, teacherIdByTrn } from './query.ts'

const ROLE = { ect: 'ECT', mentor: 'Mentor' } as const
export const MONTHS: Record<number, string> = { 1: 'January', 4: 'April', 8: 'August', 11: 'November' }
const AUTHOR = { operator: 'DfE', lead_provider: 'Lead provider', school: 'School', system: 'System' } as const

export async function teacherPages(app: FastifyInstance, { db }: WebDeps): Promise<void> {
  app.get('/teachers', async (request, reply) => {
    const asked = queryValue(request.query, 'trn')
    if (!Object.hasOwn((request.query ?? {}) as object, 'trn')) return reply.render('admin/teachers/find.njk', { title: 'Find a teacher', trn: '' })
    const read = readTrn(asked)
    if ('error' in read) return reply.render('admin/teachers/find.njk', { title: 'Find a teacher', trn: asked, errors: { list: [{ text: read.error, href: '#trn' }], fields: { trn: { text: read.error } } } }, 422)
    const teacher = await teacherIdByTrn(db, read.trn)
    if (teacher) return reply.redirect(`/admin/teachers/${teacher.id}`, 302)
    return reply.render('admin/teachers/find.njk', { title: 'Find a teacher', trn: asked, notFound: `No teacher has TRN ${read.trn}` })
  })

  app.get('/teachers/:participant_id', async (request, reply) => {
    const teacher = found(await teacherHistory(db, pathId(param(request, 'participant_id'))))
    const events = teacher.events.map((e) => ({ ...e, author: AUTHOR[e.author], data: Object.entries(e.data).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })) }))
    return reply.render('admin/teachers/show.njk', { title: `${teacher.first_name} ${teacher.last_name}`, teacher, events, roles: ROLE, months: MONTHS, activeNav: '/admin/teachers' })
  })
}
