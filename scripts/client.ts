// `npm run client`: regenerates clients/typescript/v3.ts (types of the v3 document, by
// openapi-typescript). test/clients/typescript.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildApp } from '../src/app.ts'
import { testConfig } from '../src/config.ts'
import { kyselyOverPGlite, openPGlite } from '../src/db/connect.ts'
import { clientTypes } from '../clients/typescript/generate.ts'

const connection = kyselyOverPGlite(await openPGlite(null))
const app = await buildApp({ db: connection.db, config: testConfig() })
try {
  const document = (await app.inject({ method: 'GET', url: '/api/v3/openapi.json' })).json()
  const file = fileURLToPath(new URL('../clients/typescript/v3.ts', import.meta.url))
  writeFileSync(file, await clientTypes(document))
  console.log(`wrote ${file}`)
} finally {
  await app.close()
  await connection.close()
}
