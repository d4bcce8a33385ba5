// W-4, W-30: the phase banner. In the sandbox it shows the request's date and the time travel
// link; in production the Beta banner.
import type { FastifyRequest } from 'fastify'
import type { Mode } from '../../config.ts'
import { formatDate } from '../format.ts'

export type PhaseBanner = { tag: string; text: string; travelled: boolean; changeHref: string | null }

export function phaseBanner(request: FastifyRequest, mode: Mode): PhaseBanner {
  if (mode === 'production') return { tag: 'Beta', text: 'This is a new service.', travelled: false, changeHref: null }
  const path = request.url.split('?')[0]!
  const returnTo = path.startsWith('/time-travel') ? '/' : request.url
  const today = formatDate(request.clock.today)
  return {
    tag: 'Sandbox',
    text: request.travelled ? `This is a sandbox. Today is ${today} (time travel is on).` : `This is a sandbox. Today is ${today}.`,
    travelled: request.travelled,
    changeHref: `/time-travel?return_to=${encodeURIComponent(returnTo)}`,
  }
}
