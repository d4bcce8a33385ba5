// The school user's pages (spec/08 section 4), under /school: one route module per page or
// journey. Every route sees `request.school` (the signed-in school, W-26).
import type { FastifyInstance } from 'fastify'
import type { WebDeps } from '../deps.ts'
import { homeRoutes } from './home.ts'
import { inductionTutorRoutes } from './induction-tutor.ts'
import { leavingRoutes } from './leaving.ts'
import { mentorRoutes } from './mentor.ts'
import { registerRoutes } from './register.ts'
import { trainingRoutes } from './training.ts'

export async function schoolRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  await homeRoutes(app, deps)
  await registerRoutes(app, deps)
  await mentorRoutes(app, deps)
  await trainingRoutes(app, deps)
  await leavingRoutes(app, deps)
  await inductionTutorRoutes(app, deps)
}
