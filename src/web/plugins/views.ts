// W-2, W-4: Nunjucks (autoescape on) over govuk-frontend's templates and ours, through
// @fastify/view; `reply.render` adds what every page needs (user, navigation, phase banner,
// CSRF token, CSP nonce, flash).
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import fastifyView from '@fastify/view'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import nunjucks from 'nunjucks'
import type { Config } from '../../config.ts'
import { PACKAGE_ROOT } from '../../package-root.ts'
import { formatDate, formatInstant, yesNo } from '../format.ts'
import { NO_ERRORS, type PageErrors } from '../forms/errors.ts'
import { partsOf, type DatePart, type DateParts } from '../forms/date-input.ts'
import { navigationFor } from '../navigation.ts'
import { phaseBanner } from './phase-banner.ts'
import { homeOf } from './user.ts'

export const VIEWS_DIR = join(PACKAGE_ROOT, 'src', 'web', 'views')
// Resolved as Node resolves a dependency, so an installed rect finds it where npm put it (hoisted).
export const GOVUK_DIR = join(dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist')

export const SERVICE_NAME = 'Register early career teachers'

export function configureEnvironment(env: nunjucks.Environment): nunjucks.Environment {
  env.addFilter('date', formatDate)
  env.addFilter('instant', formatInstant)
  env.addFilter('yesNo', yesNo)
  env.addGlobal('fieldError', fieldError)
  env.addGlobal('dateItems', dateItems)
  return env
}

export function createEnvironment(): nunjucks.Environment {
  return configureEnvironment(
    new nunjucks.Environment(new nunjucks.FileSystemLoader([VIEWS_DIR, GOVUK_DIR], { noCache: false }), {
      autoescape: true,
      throwOnUndefined: false,
    }),
  )
}

/** W-7: a field's inline error for a macro's `errorMessage`, or false. */
export function fieldError(errors: PageErrors | undefined, id: string): { text: string } | false {
  const error = errors?.fields[id]
  return error ? { text: error.text } : false
}

/** W-8: govukDateInput's items, the parts at fault marked (all three for a whole-field error). */
export function dateItems(errors: PageErrors | undefined, id: string, value: DateParts | string | null | undefined) {
  const parts = typeof value === 'string' || value === null || value === undefined ? partsOf(value) : value
  const error = errors?.fields[id]
  const faulty = (part: DatePart) => error !== undefined && (error.parts === undefined || error.parts.includes(part))
  const item = (name: DatePart, label: string, width: number) => ({
    name,
    label,
    value: parts[name],
    classes: `govuk-input--width-${width}${faulty(name) ? ' govuk-input--error' : ''}`,
  })
  return [item('day', 'Day', 2), item('month', 'Month', 2), item('year', 'Year', 4)]
}

export type PageData = Record<string, unknown> & {
  /** The page's h1 text, used in <title> (W-5). */
  title: string
  errors?: PageErrors
  /** W-4: the navigation link to mark active, when the path alone does not say it. */
  activeNav?: string
}

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page of the web interface with the common context (W-4, W-5). */
    render(template: string, data: PageData, status?: number): Promise<FastifyReply>
    pageNonce: string
  }
}

export async function registerViews(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [VIEWS_DIR, GOVUK_DIR],
    options: { onConfigure: (configured: nunjucks.Environment) => configureEnvironment(configured) },
  })
  app.decorateReply('render', async function render(this: FastifyReply, template: string, data: PageData, status = 200) {
    const html = await this.viewAsync(template, { ...pageContext(this.request, this, config, data.activeNav), ...data })
    return this.code(status).type('text/html; charset=utf-8').send(html)
  })
}


/** What the layout reads besides the page's own data. */
export function pageContext(request: FastifyRequest, reply: FastifyReply, config: Config, activeNav?: string) {
  const user = request.webUser ?? null
  const session = request.session as FastifyRequest['session'] | undefined
  const flash = session?.flash
  if (flash !== undefined) delete session!.flash
  const path = request.url.split('?')[0]!
  // One token per page, however many forms it has (W-11).
  let token: string | null = null
  return {
    serviceName: SERVICE_NAME,
    serviceUrl: homeOf(user),
    user,
    navigation: navigationFor(user, config.mode, activeNav ?? path),
    phaseBanner: phaseBanner(request, config.mode),
    cspNonce: reply.pageNonce,
    csrfToken: () => (token ??= session ? reply.generateCsrf() : ''),
    flash: flash ?? null,
    errors: NO_ERRORS,
    currentPath: path,
  }
}
