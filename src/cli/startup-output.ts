// What `rect serve` prints once it listens: S-18 (sandbox, plain text with the tokens) and S-19
// (production, one JSON line without secrets).
import { addDays } from '../clock.ts'
import type { LeadProviderToken } from '../sandbox/sandbox-tokens.ts'

export type SandboxStart = {
  version: string
  database: string
  isNew: boolean
  seeding: { seed: number; seeding_date: string } | null
  noSeed: boolean
  baseUrl: string
  admin: { token: string | null; source: 'environment' | 'generated' | 'none' }
  leadProviders: LeadProviderToken[]
  today: string
}

/** S-18: a wildcard bind shows the loopback address, so the URLs work when pasted. */
export function baseUrlOf(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host === '::' || host === '[::]' ? '[::1]' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `http://${shown}:${port}`
}

export function sandboxStartText(s: SandboxStart): string {
  const state = s.isNew ? 'new database' : 'existing database'
  const seeding = s.seeding
    ? `seeded: seed ${s.seeding.seed}, seeding date ${s.seeding.seeding_date}`
    : s.noSeed && s.isNew
      ? 'not seeded: --no-seed'
      : 'not seeded'
  const lines = [
    `rect ${s.version} · sandbox mode · ${s.database} (${state}, ${seeding})`,
    '',
    `  Base URL    ${s.baseUrl}`,
    `  API docs    ${s.baseUrl}/api/docs`,
    `  Health      ${s.baseUrl}/healthcheck`,
    '',
  ]
  if (s.admin.token !== null) {
    const where = s.admin.source === 'environment' ? 'from RECT_ADMIN_TOKEN' : 'new at every start; set RECT_ADMIN_TOKEN to keep one'
    lines.push(`  Admin token (operator API /api/admin/v1 — ${where})`, `    ${s.admin.token}`, '')
  }
  lines.push(...leadProviderLines(s), '')
  const first = s.leadProviders.find((lp) => lp.token !== null)
  lines.push('  Try it:')
  if (first) lines.push(`    curl -H "Authorization: Bearer ${first.token}" ${s.baseUrl}/api/v3/partnerships`)
  else if (s.admin.token !== null) lines.push(`    curl -H "Authorization: Bearer ${s.admin.token}" ${s.baseUrl}/api/admin/v1/lead-providers`)
  else lines.push(`    curl ${s.baseUrl}/healthcheck`)
  lines.push('')
  lines.push(`  Time travel: add -H "X-With-Server-Date: ${addDays(s.today, 40)}" to any /api/v3 or /api/admin/v1 request.`)
  const bearer = s.admin.token ?? '<admin token>'
  // A reset without a seed number returns to seed 1 (issue 18): another seed is named, so the hint keeps these tokens.
  const keep = s.seeding && s.seeding.seed !== 1 ? ` -H "Content-Type: application/json" -d '{"seed":${s.seeding.seed}}'` : ''
  lines.push(`  Reset data:  curl -X POST -H "Authorization: Bearer ${bearer}"${keep} ${s.baseUrl}/api/admin/v1/sandbox/reset`)
  return lines.join('\n') + '\n'
}

function leadProviderLines(s: SandboxStart): string[] {
  if (s.leadProviders.length === 0) return ['  No lead providers yet: POST /api/admin/v1/lead-providers']
  const about = s.seeding ? ` — the same at every start for seed ${s.seeding.seed}` : ''
  const width = Math.max(...s.leadProviders.map((lp) => lp.name.length)) + 3
  return [
    `  Lead provider tokens (lead provider API /api/v3${about})`,
    ...s.leadProviders.map(
      (lp) => `    ${lp.name.padEnd(width)}${lp.token ?? `(no sandbox token: POST /api/admin/v1/lead-providers/${lp.id}/tokens)`}`,
    ),
  ]
}

export type ProductionStart = { url: string; migrationsApplied: number; adminTokens: number }

/** S-19: one JSON line, nothing secret in it (Q-22). */
export function productionStartLine(p: ProductionStart): string {
  return (
    JSON.stringify({
      level: 'info',
      msg: 'rect listening',
      mode: 'production',
      url: p.url,
      database: 'postgresql',
      migrations_applied: p.migrationsApplied,
      admin_tokens: p.adminTokens,
    }) + '\n'
  )
}
