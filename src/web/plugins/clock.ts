// W-32: in the sandbox, a browser session's travelled date sets the request clock, read by the
// same function as X-With-Server-Date (C-53). Web requests never read that header (C-52); in
// production no stored value is read.
import type { FastifyInstance } from 'fastify'
import { clockAt, parseServerDate } from '../../clock.ts'
import type { Mode } from '../../config.ts'

export function registerWebClock(app: FastifyInstance, mode: Mode): void {
  if (mode !== 'sandbox') return
  app.addHook('onRequest', async (request) => {
    const travel = request.session?.travel
    if (travel === undefined) return
    const instant = parseServerDate(travel)
    if (instant === null) return
    request.clock = clockAt(instant)
    request.travelled = true
  })
}
