// C-71, issue 18: /api/docs renders in a real browser reached at the machine's own address over
// plain http (no upgrade to https), and Try-it-out with a seeded token returns seeded data.
import { mkdirSync } from 'node:fs'
import { networkInterfaces } from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { exampleSandbox } from '../../src/api/openapi/example-sandbox.ts'
import { exampleToken } from '../../src/api/openapi/example-cases.ts'
import { listen } from '../../src/server.ts'
import examples from '../../src/api/openapi/examples.json' with { type: 'json' }
import { launchChromium } from '../support/chromium.ts'
import { testDatabase } from '../support/db.ts'

/** An address of this machine other than loopback, as a reader on another machine would use. */
function machineAddress(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}

const database = await testDatabase()
const sandbox = await exampleSandbox(database, new Date().toISOString().slice(0, 10) < '2026-08-01' ? '2026-11-23' : new Date().toISOString().slice(0, 10))
const { port } = await listen(sandbox.app, '0.0.0.0', 0)
const base = `http://${machineAddress()}:${port}`
const browser = await launchChromium()
afterAll(async () => {
  await browser.close()
  await sandbox.close()
  await database.close()
})

describe('C-71 the docs UI in Chromium', () => {
  it('C-71: /api/docs renders over plain http at the machine address; Try-it-out on GET /participants/{id} with the seeded token shows the participant', { timeout: 120_000 }, async () => {
    const page = await browser.newPage()
    const failed: string[] = []
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`))
    const answer = await page.goto(`${base}/api/docs`)
    expect(answer?.status()).toBe(200)
    expect(answer?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests')
    await page.locator('.swagger-ui .info .title').filter({ hasText: 'Lead Provider API' }).waitFor({ timeout: 60_000 })

    await page.locator('button.authorize').first().click()
    await page.locator('.modal-ux input[type=text], .modal-ux input[type=password]').first().fill(exampleToken())
    await page.locator('.modal-ux button.authorize').first().click()
    await page.locator('.modal-ux button.btn-done').first().click()

    const operation = page.locator('#operations-Participants-getParticipant')
    await operation.locator('.opblock-summary').click()
    // The UI opens in Try-it-out mode (tryItOutEnabled), so Execute is there at once.
    await operation.locator('button.execute').click()
    const status = operation.locator('.live-responses-table .response .response-col_status').first()
    await status.waitFor({ timeout: 60_000 })
    expect((await status.textContent())?.trim()).toBe('200')
    const body = await operation.locator('.live-responses-table .response-col_description pre.microlight').first().textContent()
    const shown = JSON.parse(body ?? '{}')
    const expected = examples.getParticipant.responses['200'].found.value
    expect(shown.data.id).toBe(expected.data.id)
    expect(shown.data.attributes.full_name).toBe(expected.data.attributes.full_name)
    const curl = await operation.locator('.curl-command').first().textContent()
    expect(curl).toContain(`${base}/api/v3/participants/${expected.data.id}`)

    mkdirSync('test-results', { recursive: true })
    await operation.screenshot({ path: 'test-results/docs-try-it-out.png' })
    expect(failed).toEqual([])
  })
})
