// W-30 … W-33: the date of a browser session in the sandbox. The stored value becomes the
// request clock of that session's requests (plugins/clock.ts); in production the pages are 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { WebDeps } from '../deps.ts'
import { field, localPath, queryValue } from '../forms/form.ts'
import { WebNotFound } from '../plugins/errors.ts'
import { formatDate, formatInstant } from '../format.ts'
import { readTimeTravel, type TimeTravelValues } from './form.ts'
import { NO_ERRORS, type PageErrors } from '../forms/errors.ts'
import { partsOf } from '../forms/date-input.ts'

const TITLE = 'Change the date in this sandbox'

export async function timeTravelRoutes(app: FastifyInstance, { config }: WebDeps): Promise<void> {
  if (config.mode !== 'sandbox') {
    app.all('/time-travel', async () => {
      throw new WebNotFound()
    })
    app.all('/time-travel/clear', async () => {
      throw new WebNotFound()
    })
    return
  }

  app.get('/time-travel', async (request, reply) => {
    const travel = request.session.travel
    const values: TimeTravelValues = { date: partsOf(travel?.slice(0, 10)), time: travel?.slice(11, 16) ?? '' }
    return render(request, reply, values, NO_ERRORS, localPath(queryValue(request.query, 'return_to')))
  })

  app.post('/time-travel', async (request, reply) => {
    const returnTo = localPath(field(request.body, 'return_to'))
    const result = readTimeTravel(request.body as Record<string, string>)
    if (!result.ok) return render(request, reply, result.values, result.errors, returnTo, 422)
    request.session.travel = result.value
    return reply.redirect(returnTo ?? '/', 303)
  })

  app.post('/time-travel/clear', async (request, reply) => {
    delete request.session.travel
    return reply.redirect(localPath(field(request.body, 'return_to')) ?? '/', 303)
  })
}

function render(request: FastifyRequest, reply: FastifyReply, values: TimeTravelValues, errors: PageErrors, returnTo: string | null, status = 200) {
  const now = request.travelled && request.session.travel?.includes('T') ? formatInstant(request.clock.now) : formatDate(request.clock.today)
  return reply.render('time-travel/form.njk', { title: TITLE, values, errors, returnTo, now, backLink: returnTo ?? '/' }, status)
}
