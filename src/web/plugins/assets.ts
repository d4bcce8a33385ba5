// W-3: govuk-frontend's compiled CSS and JS, its fonts and images, and ours, under /assets/ at the
// paths the compiled CSS expects; cached for a day, no sign-in. Nothing comes from another origin.
import { join } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { PACKAGE_ROOT } from '../../package-root.ts'
import { GOVUK_DIR } from './views.ts'

const GOVUK = join(GOVUK_DIR, 'govuk')
const SERVED = /^\/(fonts\/[\w.-]+|images\/[\w.-]+|manifest\.json|govuk-frontend\.min\.(css|js)|app\.(css|js))$/

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: [join(GOVUK, 'assets'), GOVUK, join(PACKAGE_ROOT, 'src', 'web', 'assets')],
    prefix: '/assets/',
    maxAge: 86_400_000,
    immutable: false,
    index: false,
    allowedPath: (path) => SERVED.test(path),
  })
}
