// Issue 18 (5): rect as a package. `npm pack` builds the bundle into the tarball; installed into an
// empty folder, `npx rect serve --memory` starts the sandbox and `npx rect check …` passes against
// it. Dependencies come through npm's own cache (filled by `npm ci`), so the install is quick.
// PGlite in memory only: the PostgreSQL run of the suite has nothing to add here.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { onPostgres } from '../support/db.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const run = promisify(execFile)
const work = mkdtempSync(join(tmpdir(), 'rect-package-'))
afterAll(() => rmSync(work, { recursive: true, force: true }), 300_000)

/** npm's settings from the `npm test` that runs us would leak into the nested npm: keep only the cache. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name) || /^npm_config_cache$/i.test(name)) env[name] = value
  for (const name of ['PORT', 'HOST', 'RECT_MODE', 'DATABASE_URL', 'REDIS_URL', 'RECT_TEST_DB']) delete env[name]
  return { ...env, LOG_LEVEL: 'warn', RECT_ADMIN_TOKEN: 'package-test-admin-token-0123456789abcdef' }
}

describe.skipIf(onPostgres)('issue 18: the package', () => {
  it('npm pack bundles at pack time; installed in an empty folder, npx rect serve --memory starts the sandbox and npx rect check passes', async () => {
    const env = cleanEnv()
    const packed = await run('npm', ['pack', '--pack-destination', work], { cwd: ROOT, env, maxBuffer: 16 * 1024 * 1024 })
    expect(`${packed.stdout}${packed.stderr}`).toContain('rect: bundled src/main.ts into')
    const tarball = join(work, packed.stdout.trim().split('\n').at(-1)!)
    const listing = (await run('tar', ['-tzf', tarball], { env })).stdout.split('\n').filter(Boolean)
    expect(listing).toContain('package/dist/rect.mjs')
    expect(listing).toContain('package/bin/rect.js')
    expect(listing).toContain('package/src/db/migrations/0001_initial.sql')
    expect(listing.some((file) => file.startsWith('package/src/db/definitions/'))).toBe(true)
    expect(listing).toContain('package/src/web/views/layout.njk')
    expect(listing).toContain('package/src/web/assets/app.css')
    expect(listing.filter((file) => file.endsWith('.ts'))).toEqual([])

    const app = join(work, 'app')
    await run('mkdir', ['-p', app])
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: app, env, maxBuffer: 16 * 1024 * 1024 })

    const server = spawn('npx', ['rect', 'serve', '--memory', '--port', '0'], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let output = ''
    server.stdout.on('data', (chunk) => (output += chunk))
    server.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve))
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (/Reset data:.*\n/.test(output)) {
            clearInterval(timer)
            resolve()
          } else if (server.exitCode !== null) {
            clearInterval(timer)
            reject(new Error(`rect serve exited: ${output}`))
          }
        }, 200)
      })
      expect(output).toMatch(/^rect 1\.0\.0 · sandbox mode · PGlite in memory \(new database, seeded: seed 1/)
      const baseUrl = /Base URL\s+(\S+)/.exec(output)![1]!
      const token = /Ambition Institute\s+(\S+)/.exec(output)![1]!
      const checked = await run('npx', ['rect', 'check', '--base-url', baseUrl, '--token', token, '--admin-token', env.RECT_ADMIN_TOKEN!], { cwd: app, env, maxBuffer: 16 * 1024 * 1024 })
      expect(checked.stdout).toMatch(/^rect check http:\/\/127\.0\.0\.1:\d+ \(reads and write journeys\)\n/)
      expect(checked.stdout).toMatch(/\n\d+ checks: \d+ passed, 0 failed, \d+ skipped\n$/)
      // The pages and their assets come from the package and its dependencies wherever npm put them.
      for (const path of ['/', '/assets/govuk-frontend.min.css', '/assets/app.css', '/api/docs']) {
        const page = await fetch(`${baseUrl}${path}`)
        expect([path, page.status]).toEqual([path, 200])
      }
    } finally {
      // npx runs rect in a child: the group gets the signal, as a terminal's Ctrl-C would send it.
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGTERM')
    }
    await exited
    const baseUrl = /Base URL\s+(\S+)/.exec(output)![1]!
    // rect stops gracefully on the signal: soon nothing listens on its port.
    let listening = true
    for (let i = 0; i < 60 && listening; i++) {
      listening = await fetch(`${baseUrl}/healthcheck`).then(() => true, () => false)
      if (listening) await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(listening).toBe(false)
  }, 900_000)
})
