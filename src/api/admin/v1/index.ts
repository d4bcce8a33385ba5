// The operator API route map (C-72 … C-82): each resource registers its own routes.
import type { App, SurfaceOptions } from '../../surface.ts'
import { cohortRoutes } from './cohorts/routes.ts'
import { deliveryPartnerRoutes } from './delivery-partners/routes.ts'
import { pairingRoutes } from './lead-provider-delivery-partners/routes.ts'
import { leadProviderRoutes } from './lead-providers/routes.ts'
import { partnershipRoutes } from './partnerships/routes.ts'
import { sandboxRoutes } from './sandbox/routes.ts'
import { schoolRoutes } from './schools/routes.ts'
import { schoolActionRoutes } from './school-actions/routes.ts'
import { statementRoutes } from './statements/routes.ts'
import { tokenRoutes } from './tokens/routes.ts'

export async function adminRoutes(app: App, options: SurfaceOptions): Promise<void> {
  await cohortRoutes(app, options)
  await leadProviderRoutes(app, options)
  await tokenRoutes(app, options)
  await deliveryPartnerRoutes(app, options)
  await pairingRoutes(app, options)
  await partnershipRoutes(app, options)
  await schoolRoutes(app, options)
  await schoolActionRoutes(app, options)
  await statementRoutes(app, options)
  await sandboxRoutes(app, options)
}
