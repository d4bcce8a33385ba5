// `npm run openapi -- <v3|admin> [file]`: writes one of the two OpenAPI documents as the server
// serves it in sandbox mode (C-69, C-70), to a file or stdout. The client generator reads it.
import { writeFileSync } from 'node:fs'
import { buildApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { kyselyOverPGlite, openPGlite } from '../src/db/connect.ts'

const which = process.argv[2] ?? 'v3'
const url = { v3: '/api/v3/openapi.json', admin: '/api/admin/v1/openapi.json' }[which]
if (url === undefined) {
  console.error(`unknown document '${which}'; use v3 or admin`)
  process.exit(2)
}
const connection = kyselyOverPGlite(await openPGlite(null))
const app = await buildApp({ db: connection.db, config: testConfig() })
const response = await app.inject({ method: 'GET', url })
const text = `${JSON.stringify(response.json(), null, 2)}\n`
if (process.argv[3]) writeFileSync(process.argv[3], text)
else process.stdout.write(text)
await app.close()
await connection.close()
