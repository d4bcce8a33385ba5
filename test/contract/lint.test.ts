// C-69, C-70: both documents pass a maintained OpenAPI linter (Redocly's recommended rules) with no
// error and no warning, so client generators and validators read them as intended.
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'

const sandbox = await setupTestApp()
const production = await setupTestApp({ mode: 'production' }, { database: sandbox.database })

// `servers` is the address the document was fetched from (localhost here, as in a local sandbox).
const config = await createConfig({ extends: ['recommended'], rules: { 'no-server-example.com': 'off' } })

describe.each([
  ['C-69', '/api/v3/openapi.json'],
  ['C-70', '/api/admin/v1/openapi.json'],
] as const)('%s %s', (rule, url) => {
  it.each([
    ['sandbox', sandbox],
    ['production', production],
  ] as const)(`${rule}: Redocly lint (recommended) finds no problem in %s mode`, async (_mode, t) => {
    const source = (await t.request('GET', url)).text
    const problems = await lintFromString({ source, absoluteRef: url, config })
    expect(problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)).toEqual([])
  })
})
