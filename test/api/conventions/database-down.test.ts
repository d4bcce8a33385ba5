import { afterAll, describe, expect, it } from 'vitest'
import net from 'node:net'
import { buildApp, type App } from '../../../src/app.ts'
import { testConfig } from '../../../src/config.ts'
import { kyselyOverPGlite, kyselyOverPostgres, openPGlite } from '../../../src/db/connect.ts'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, probeRoutes } from '../../support/probe-routes.ts'
import { onPostgres } from '../../support/db.ts'

// Apps over databases that do not answer (C-31, C-67, C-68): a closed PGlite, a pool pointed at
// a closed port, and a pool pointed at a server that accepts connections and then says nothing.
const UNAVAILABLE = '{"errors":[{"title":"Service unavailable","detail":"The service is temporarily unavailable. Try again later"}]}'
const DOWN = '{"status":"error","database":"unavailable"}'

const pglite = await openPGlite(null)
const closedPGlite = kyselyOverPGlite(pglite)
await pglite.close()

const refused = kyselyOverPostgres('postgres://postgres@127.0.0.1:1/none', 1000)

const silent = net.createServer(() => {})
await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
const silentPort = (silent.address() as net.AddressInfo).port
const hanging = kyselyOverPostgres(`postgres://postgres@127.0.0.1:${silentPort}/none`, 500)

const apps: App[] = []
async function appOver(db: typeof refused.db): Promise<App> {
  const app = await buildApp({ db, config: testConfig() })
  probeRoutes(app, db)
  await app.ready()
  apps.push(app)
  return app
}
const overClosed = await appOver(closedPGlite.db)
const overRefused = await appOver(refused.db)
const overHanging = await appOver(hanging.db)

afterAll(async () => {
  for (const app of apps) await app.close()
  await refused.close()
  await hanging.close().catch(() => {})
  silent.close()
})

const cases = [
  ['a closed PGlite', overClosed],
  ['a refused connection', overRefused],
  ['a server that never answers', overHanging],
] as const

describe.each(cases)('C-67, C-68 with %s', (_name, app) => {
  it('C-67: /healthcheck answers 503 within its 2-second timeout', async () => {
    const started = Date.now()
    const res = await app.inject({ method: 'GET', url: '/healthcheck' })
    expect(res.statusCode).toBe(503)
    expect(res.body).toBe(DOWN)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(Date.now() - started).toBeLessThan(2900)
  })

  it('C-68, C-31: a request that needs the database answers the 503 body, with no detail', async () => {
    const started = Date.now()
    const res = await app.inject({ method: 'GET', url: '/api/v3/delivery-partners', headers: { authorization: 'Bearer abc' } })
    expect(res.statusCode).toBe(503)
    expect(res.body).toBe(UNAVAILABLE)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['x-request-id']).toBeTruthy()
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('C-68: the documents and the docs need no database', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v3/openapi.json' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/v3/nothing-here' })).statusCode).toBe(404)
  })
})

describe.runIf(onPostgres)('C-68 statement timeout on PostgreSQL', async () => {
  const t = await setupTestApp({ statementTimeoutMs: 300 }, { routes: probeRoutes })
  const lp = await f.leadProvider(t.db)
  const short = kyselyOverPostgres(t.database.url!, 300)
  const app = await appOver(short.db)
  afterAll(() => short.close())

  it('C-68, Q-12: a query that outlives the statement timeout answers the 503', async () => {
    const res = await app.inject({ method: 'GET', url: `${V3_PROBE}/sleep`, headers: { authorization: `Bearer ${lp.token}` } })
    expect(res.statusCode).toBe(503)
    expect(res.body).toBe(UNAVAILABLE)
    const after = await app.inject({ method: 'GET', url: '/api/v3/delivery-partners', headers: { authorization: `Bearer ${lp.token}` } })
    expect(after.statusCode).toBe(200)
  })
})
