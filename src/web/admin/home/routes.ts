// W-80: the admin home, each area with its count.
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../../deps.ts'
import { adminCounts } from './query.ts'

export async function homePage(app: FastifyInstance, { db, config }: WebDeps): Promise<void> {
  app.get('/', async (_request, reply) => {
    const counts = await adminCounts(db)
    const areas = [
      { href: '/admin/schools', text: 'Schools', count: counts.schools, noun: ['school', 'schools'] },
      { href: '/admin/teachers', text: 'Teachers', count: counts.teachers, noun: ['teacher', 'teachers'] },
      { href: '/admin/cohorts', text: 'Cohorts', count: counts.cohorts, noun: ['cohort', 'cohorts'] },
      { href: '/admin/lead-providers', text: 'Lead providers', count: counts.lead_providers, noun: ['lead provider', 'lead providers'] },
      { href: '/admin/delivery-partners', text: 'Delivery partners', count: counts.delivery_partners, noun: ['delivery partner', 'delivery partners'] },
      { href: '/admin/statements?status=open', text: 'Statements', count: counts.open_statements, noun: ['open statement', 'open statements'] },
    ].map((a) => ({ href: a.href, text: a.text, description: `${a.count} ${a.count === 1 ? a.noun[0] : a.noun[1]}` }))
    return reply.render('admin/home.njk', { title: 'DfE admin', areas, sandbox: config.mode === 'sandbox' })
  })
}
