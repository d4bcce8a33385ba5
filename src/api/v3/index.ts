// The v3 route map at a glance: each resource registers its own routes.
import type { App, SurfaceOptions } from '../surface.ts'
import { deliveryPartnerRoutes } from './delivery-partners/routes.ts'
import { partnershipRoutes } from './partnerships/routes.ts'
import { schoolRoutes } from './schools/routes.ts'
import { participantTransferRoutes } from './participant-transfers/routes.ts'
import { participantDeclarationRoutes } from './participant-declarations/routes.ts'
import { statementRoutes } from './statements/routes.ts'
import { participantRoutes } from './participants/routes.ts'
import { participantActionRoutes } from './participant-actions/routes.ts'
import { unfundedMentorRoutes } from './unfunded-mentors/routes.ts'

export async function v3Routes(app: App, options: SurfaceOptions): Promise<void> {
  await deliveryPartnerRoutes(app, options)
  await partnershipRoutes(app, options)
  await schoolRoutes(app, options)
  await participantTransferRoutes(app, options)
  await participantDeclarationRoutes(app, options)
  await statementRoutes(app, options)
  await participantRoutes(app, options)
  await participantActionRoutes(app, options)
  await unfundedMentorRoutes(app, options)
}
