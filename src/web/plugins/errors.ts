// W-14: the web interface's error pages, and the one place that picks their status (like
// api/plugins/errors.ts for the APIs). No page shows a stack trace, SQL or an internal id.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { InvalidError, NotFoundError, UnavailableError } from '../../errors.ts'
import { isDatabaseUnavailable } from '../../db/faults.ts'

/** The 404 page (W-14, W-26). */
export class WebNotFound extends Error {
  constructor() {
    super('web page not found')
  }
}

/** A 403 page with its own words (W-23's "You cannot use this service"). */
export class WebForbidden extends Error {
  constructor(
    readonly title: string,
    readonly paragraphs: string[] = [],
  ) {
    super(title)
  }
}

export type ErrorPage = {
  status: number
  title: string
  paragraphs: string[]
  reference?: string
  link?: { href: string; text: string }
}

const PROBLEM = 'Sorry, there is a problem with the service'

export const NOT_FOUND_PAGE: ErrorPage = {
  status: 404,
  title: 'Page not found',
  paragraphs: ['If you typed the web address, check it is correct.', 'If you pasted the web address, check you copied the entire address.'],
}

const CSRF_CODES = new Set(['FST_CSRF_MISSING_SECRET', 'FST_CSRF_INVALID_TOKEN'])

export function errorPageFor(error: unknown, request: FastifyRequest): ErrorPage {
  const code = (error as FastifyError | undefined)?.code
  if (error instanceof WebNotFound || error instanceof NotFoundError) return NOT_FOUND_PAGE
  if (error instanceof WebForbidden) return { status: 403, title: error.title, paragraphs: error.paragraphs }
  if (code !== undefined && CSRF_CODES.has(code)) {
    // W-11: the form's token is missing or wrong (or the session that issued it has ended).
    return {
      status: 403,
      title: 'This form has expired',
      paragraphs: ['Nothing was changed. Go back to the page, then try again.'],
      link: { href: backTo(request), text: 'Go back and try again' },
    }
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, title: PROBLEM, paragraphs: ['The form you sent was too large. Go back and try again.'] }
  if (error instanceof UnavailableError || isDatabaseUnavailable(error)) {
    return { status: 503, title: 'Sorry, the service is unavailable', paragraphs: ['Try again later.'] }
  }
  const status = (error as FastifyError | undefined)?.statusCode
  if (error instanceof InvalidError || (status !== undefined && status >= 400 && status < 500)) {
    return { status: 400, title: PROBLEM, paragraphs: ['The request could not be understood. Go back and try again.'] }
  }
  return { status: 500, title: PROBLEM, paragraphs: ['Try again later.'], reference: request.id }
}

/** The page the failing form came from, when it is ours: Referer's path, else the request's. */
function backTo(request: FastifyRequest): string {
  const referer = request.headers.referer
  if (typeof referer === 'string') {
    try {
      const url = new URL(referer)
      if (url.host === request.headers.host) return `${url.pathname}${url.search}`
    } catch {
      // not a URL: fall through
    }
  }
  return request.url.split('?')[0]!
}

export async function sendErrorPage(request: FastifyRequest, reply: FastifyReply, page: ErrorPage): Promise<FastifyReply> {
  return reply.render('error.njk', { title: page.title, paragraphs: page.paragraphs, reference: page.reference, link: page.link }, page.status)
}

/** W-1: HTML for a browser, C-29's JSON for anything else. */
export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept
  return typeof accept === 'string' && accept.toLowerCase().includes('text/html')
}
