// The DfE admin's pages (spec/08 section 5), under /admin: one route module per area, registered here.
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../deps.ts'
import { cohortPages } from './cohorts/routes.ts'
import { deliveryPartnerPages } from './delivery-partners/routes.ts'
import { homePage } from './home/routes.ts'
import { leadProviderPages } from './lead-providers/routes.ts'
import { sandboxPages } from './sandbox/routes.ts'
import { schoolPages } from './schools/routes.ts'
import { statementPages } from './statements/routes.ts'
import { teacherPages } from './teachers/routes.ts'

export async function adminRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await homePage(app, deps) // W-80
  await cohortPages(app, deps) // W-81, W-82
  await leadProviderPages(app, deps) // W-83 … W-85
  await deliveryPartnerPages(app, deps) // W-86
  await schoolPages(app, deps) // W-87 … W-89
  await statementPages(app, deps) // W-90
  await teacherPages(app, deps) // W-91
  await sandboxPages(app, deps) // W-92, W-93
}
