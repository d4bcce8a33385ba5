// Issue 18: the typed TypeScript client (clients/typescript) is generated from the v3 document
// and kept fresh, and the README walkthrough runs through it against a seeded sandbox.
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { clientTypes } from '../../clients/typescript/generate.ts'
import { walkthrough } from '../../clients/typescript/example.ts'
import { exampleSandbox } from '../../src/api/openapi/example-sandbox.ts'
import { exampleToken } from '../../src/api/openapi/example-cases.ts'
import { listen } from '../../src/server.ts'
import { setupTestApp } from '../support/app.ts'
import { testDatabase } from '../support/db.ts'

const database = await testDatabase()
// S-31: the walkthrough's ids and dates hold for a seeding date from 2026-12-01 to 2027-07-30.
const sandbox = await exampleSandbox(database, '2027-01-15')
const { port } = await listen(sandbox.app, '127.0.0.1', 0)
afterAll(async () => {
  await sandbox.close()
  await database.close()
})

describe('issue 18 the TypeScript client', () => {
  it('C-69: clients/typescript/v3.ts is what openapi-typescript writes for the current document (npm run client)', { timeout: 120_000 }, async () => {
    const t = await setupTestApp()
    const document = (await t.request('GET', '/api/v3/openapi.json')).body
    expect(await clientTypes(document)).toBe(readFileSync(new URL('../../clients/typescript/v3.ts', import.meta.url), 'utf8'))
  })

  it('S-38, P-33, T-3, D-43, S-60: the README walkthrough through createClient, as Ambition Institute', { timeout: 120_000 }, async () => {
    const lines: string[] = []
    const result = await walkthrough(`http://127.0.0.1:${port}`, exampleToken(), (line) => lines.push(line))
    expect(result.school.attributes).toMatchObject({ expression_of_interest: true, in_partnership: false, cohort: '2026' })
    expect(result.partnership.attributes).toMatchObject({ school_id: 'bee9f094-ce91-4e69-a5c4-63abd1fde13a', cohort: '2026' })
    expect(result.participant.attributes.ecf_enrolments[0]).toMatchObject({ cohort: '2026', delivery_partner_id: result.partnership.attributes.delivery_partner_id })
    expect(result.transferToday).toBe('incomplete')
    expect(result.declaration.attributes).toMatchObject({ declaration_type: 'started', state: 'eligible' })
    expect([result.transferNextYear, result.joiningNextYear]).toEqual(['complete', 'active'])
    expect(lines).toHaveLength(6)
  })
})
