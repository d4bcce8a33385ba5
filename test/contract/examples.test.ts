// C-69, issue 18: the v3 document's examples are real answers of a seed-1 sandbox to Ambition
// Institute's token (src/api/openapi/examples.json), and the ids Try-it-out sends exist in every
// seed-1 sandbox, whatever its seeding date.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { captureExamples } from '../../src/api/openapi/capture-examples.ts'
import { EXAMPLE_CASES } from '../../src/api/openapi/example-cases.ts'
import { exampleSandbox } from '../../src/api/openapi/example-sandbox.ts'
import { testDatabase } from '../support/db.ts'
import { setupTestApp } from '../support/app.ts'

const committed = JSON.parse(readFileSync(new URL('../../src/api/openapi/examples.json', import.meta.url), 'utf8'))

describe('C-69 examples from seed 1', () => {
  it('C-69: examples.json is what the cases answer today (run `npm run openapi:examples` after changing an answer)', { timeout: 300_000 }, async () => {
    const database = await testDatabase()
    const sandbox = await exampleSandbox(database)
    try {
      expect(await captureExamples(sandbox.app)).toEqual(committed)
    } finally {
      await sandbox.close()
      await database.close()
    }
  })

  it('S-30, C-69: every Try-it-out request finds data in a seed-1 sandbox seeded on another date', { timeout: 300_000 }, async () => {
    const database = await testDatabase()
    const sandbox = await exampleSandbox(database, '2027-03-01')
    try {
      // captureExamples throws when a Try-it-out case answers anything but 200 with data.
      const tried = await captureExamples(sandbox.app, EXAMPLE_CASES.filter((c) => c.tryIt), '2027-03-01T12:00:00Z')
      expect(Object.keys(tried)).toHaveLength(24)
      for (const [operationId, examples] of Object.entries(tried)) expect(examples.parameters, operationId).toEqual(committed[operationId].parameters)
    } finally {
      await sandbox.close()
      await database.close()
    }
  })

  it('C-69: the document shows them: Try-it-out values on the parameters, named examples per status', async () => {
    const t = await setupTestApp()
    const document = (await t.request('GET', '/api/v3/openapi.json')).body
    const show = document.paths['/api/v3/participants/{id}'].get
    expect(show.parameters.find((p: { name: string }) => p.name === 'id').example).toBe(committed.getParticipant.parameters.id)
    expect(show.responses['200'].content['application/json'].examples.found.value).toEqual(committed.getParticipant.responses['200'].found.value)
    const create = document.paths['/api/v3/partnerships'].post
    expect(Object.keys(create.requestBody.content['application/json'].examples)[0]).toBe('created')
    expect(Object.keys(create.responses['422'].content['application/json'].examples)).toEqual(['duplicate', 'unpaired_delivery_partner', 'missing_attributes'])
    const voiding = document.paths['/api/v3/participant-declarations/{id}/void'].put.responses['422'].content['application/json'].examples
    expect(voiding.already_voided.value).toEqual({ errors: [{ title: 'participant_declaration_id', detail: 'The declaration has already been voided.' }] })
    const schools = document.paths['/api/v3/schools'].get.parameters.find((p: { name: string }) => p.name === 'filter')
    expect(schools.example).toEqual({ cohort: '2025' })
  })
})
