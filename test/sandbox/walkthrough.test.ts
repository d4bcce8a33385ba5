// README "Using the sandbox": every curl of the section, exactly as written, against a freshly
// seeded sandbox (seeded today, as `npm start` does), with what each step says it shows.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { systemClock } from '../../src/clock.ts'
import { seedId } from '../../src/sandbox/derive.ts'
import { seededApp } from './guarantee.ts'

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
const section = readme.slice(readme.indexOf('## Using the sandbox'), readme.indexOf('\n## ', readme.indexOf('## Using the sandbox') + 5))
const blocks = [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!.trim().split('\n'))
const vars = new Map<string, string>()
const curls: string[] = []
for (const line of blocks.flat()) {
  const assignment = /^([A-Z_]+)=(\S+)$/.exec(line)
  if (assignment) vars.set(assignment[1]!, assignment[2]!)
  else if (line.startsWith('curl ')) curls.push(line)
}

/** Splits a curl line as a POSIX shell would (double quotes expand $VARS, single quotes do not). */
function words(line: string): string[] {
  const out: string[] = []
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    const expand = (text: string) => text.replace(/\$([A-Z_]+)/g, (_, name: string) => vars.get(name) ?? `$${name}`)
    out.push(m[2] !== undefined ? m[2] : expand(m[1] ?? m[3]!))
  }
  return out
}

function request(line: string) {
  const args = words(line).slice(1)
  let method = 'GET'
  let url = ''
  let body: string | undefined
  const headers: Record<string, string> = {}
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-X') method = args[++i]!
    else if (arg === '-H') {
      const [name, ...value] = args[++i]!.split(':')
      headers[name!.toLowerCase()] = value.join(':').trim()
    } else if (arg === '-d') body = args[++i]!
    else if (arg === '-g') continue
    else url = arg
  }
  return { method, path: url.replace(vars.get('BASE')!, ''), headers, body }
}

const { t, seeded } = await seededApp(systemClock().today)

describe('README: Using the sandbox', () => {
  it('the section holds the six steps and the seed-1 token and ids', () => {
    expect(curls).toHaveLength(12)
    expect(vars.get('TOKEN')).toBe(seeded.lead_providers[0]!.token)
    for (const key of ['school:ambition-institute:B', 'delivery-partner:ambition-institute:D1', 'teacher:ambition-institute:B:b1', 'teacher:ambition-institute:A:t3', 'teacher:ambition-institute:E:e1', 'teacher:ambition-institute:A:a3']) {
      expect(section).toContain(seedId(1, key))
    }
  })

  it('every request answers as the walkthrough says', async () => {
    const answers = []
    for (const line of curls) {
      const { method, path, headers, body } = request(line)
      const res = await t.request(method, path, { headers, ...(body !== undefined ? { payload: body } : {}) })
      expect(res.status, `${line}\n${res.text}`).toBeLessThan(300)
      answers.push(res.body)
    }
    const [schools, school, , partnership, participants, participant, transfers, transfer, declaration, , future, joining] = answers
    expect(schools.data.some((s: any) => s.attributes.expression_of_interest === true)).toBe(true)
    expect(school.data.attributes.expression_of_interest).toBe(true)
    expect(partnership.data.type).toBe('partnership')
    expect(participants.data.some((p: any) => p.id === seedId(1, 'teacher:ambition-institute:B:b1'))).toBe(true)
    expect(participant.data.attributes.ecf_enrolments[0].school_urn).toBe(school.data.attributes.urn)
    expect(transfers.data.length).toBeGreaterThan(0)
    expect(transfer.data.attributes.transfers[0]).toMatchObject({ transfer_type: 'new_provider', status: 'incomplete' })
    expect(declaration.data.attributes.state).toBe('eligible')
    expect(future.data.attributes.transfers[0].status).toBe('complete')
    expect(joining.data.attributes.ecf_enrolments[0].participant_status).toBe('active')
  }, 120_000)
})
