import { describe, expect, it } from 'vitest'
import { notAnObject, eventsAbout, invalid, itNeedsTheAdminToken, itPagesLikeV3 } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import { onPostgres } from '../../../support/db.ts'

const t = await setupTestApp()

async function create(path: string, body: unknown, date: string) {
  const res = await t.admin('POST', path, body, { date })
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`)
  return res.body.data
}

describe('POST /api/admin/v1/delivery-partners', () => {
  itNeedsTheAdminToken(t, 'POST', '/delivery-partners', { name: 'Nobody' })

  it('P-18: creates a delivery partner with no pairings, stamped by the request clock', async () => {
    const res = await t.admin('POST', '/delivery-partners', { name: 'Northern Lights Teaching Alliance' }, { date: '2025-04-01T09:00:00Z' })
    expect(res.status).toBe(201)
    expect(res.text).toBe(
      JSON.stringify({
        data: { id: res.body.data.id, name: 'Northern Lights Teaching Alliance', pairings: [], created_at: '2025-04-01T09:00:00Z', updated_at: '2025-04-01T09:00:00Z' },
      }),
    )
    expect((await eventsAbout(t, res.body.data.id)).map((e) => [e.author, e.action])).toEqual([['operator', 'delivery_partner.created']])
  })

  it('P-18: the name is tidied and unique ignoring case', async () => {
    const tidied = await t.admin('POST', '/delivery-partners', { name: ' Pennine   Learning Partnership ' })
    expect(tidied.status).toBe(201)
    expect(tidied.body.data.name).toBe('Pennine Learning Partnership')
    const again = await t.admin('POST', '/delivery-partners', { name: 'northern lights  teaching alliance' })
    expect(again.status).toBe(422)
    expect(again.body).toEqual(invalid(['name', 'A delivery partner with this name already exists.']))
  })

  it('C-77: name required, a string, at most 255 characters; other fields not recognised', async () => {
    const res = await t.admin('POST', '/delivery-partners', { pairings: [] })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['name', "Enter a '#/name'."], ['pairings', "The '#/pairings' is not a recognised field."]))
    expect((await t.admin('POST', '/delivery-partners', { name: false })).body).toEqual(invalid(['name', "The '#/name' must be a string."]))
    expect((await t.admin('POST', '/delivery-partners', { name: 'n'.repeat(256) })).body).toEqual(
      invalid(['name', "The '#/name' must be 255 characters or fewer."]),
    )
  })

  it('C-73: a body that is not an object is the 400', async () => {
    const res = await t.admin('POST', '/delivery-partners', 'Northern')
    expect(res.status).toBe(400)
    expect(res.body).toEqual(notAnObject('a string'))
  })

  it.runIf(onPostgres)('Q-10: concurrent creations of one name give one 201 and 422s', async () => {
    const answers = await Promise.all(['Race DP', 'race dp', 'RACE  DP', 'Race Dp'].map((name) => t.admin('POST', '/delivery-partners', { name })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422])
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body).toEqual(invalid(['name', 'A delivery partner with this name already exists.']))
  })
})

describe('GET /api/admin/v1/delivery-partners', () => {
  itNeedsTheAdminToken(t, 'GET', '/delivery-partners')
  itPagesLikeV3(t, '/delivery-partners')

  it('P-17, P-38: the worked example; pairing moves the stamp', async () => {
    const ambition = await create('/lead-providers', { name: 'Ambition Institute' }, '2025-05-02T10:01:00Z')
    await create('/cohorts', { year: '2024' }, '2025-05-02T10:00:00Z')
    await create('/cohorts', { year: '2025' }, '2025-05-02T10:00:00Z')
    const northern = (await t.admin('GET', '/delivery-partners')).body.data.find((d: { name: string }) => d.name === 'Northern Lights Teaching Alliance')
    const p2024 = await create('/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: 2024 }, '2025-05-02T10:05:00Z')
    const p2025 = await create('/lead-provider-delivery-partners', { lead_provider_id: ambition.id, delivery_partner_id: northern.id, cohort: '2025' }, '2025-05-02T10:06:00Z')

    const res = await t.admin('GET', '/delivery-partners')
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.body.data.find((d: { id: string }) => d.id === northern.id))).toBe(
      JSON.stringify({
        id: northern.id,
        name: 'Northern Lights Teaching Alliance',
        pairings: [
          { id: p2024.id, lead_provider_id: ambition.id, lead_provider_name: 'Ambition Institute', cohort: '2024' },
          { id: p2025.id, lead_provider_id: ambition.id, lead_provider_name: 'Ambition Institute', cohort: '2025' },
        ],
        created_at: '2025-04-01T09:00:00Z',
        updated_at: '2025-05-02T10:06:00Z',
      }),
    )
  })

  it('P-17: ordered by name; pairings by cohort, then lead provider name', async () => {
    const dp = await create('/delivery-partners', { name: 'aardvark Partners' }, '2025-04-02T09:00:00Z')
    const zed = await create('/lead-providers', { name: 'zed Learning' }, '2025-04-02T09:00:00Z')
    const best = await create('/lead-providers', { name: 'Best Practice Network' }, '2025-04-02T09:00:00Z')
    const ambition = (await t.admin('GET', '/lead-providers')).body.data.find((p: { name: string }) => p.name === 'Ambition Institute')
    for (const [lp, cohort] of [[zed, '2025'], [best, '2025'], [zed, '2024'], [ambition, '2025']] as const) {
      await create('/lead-provider-delivery-partners', { lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort }, '2025-04-03T09:00:00Z')
    }
    const res = await t.admin('GET', '/delivery-partners')
    const names = res.body.data.map((d: { name: string }) => d.name)
    expect(names.slice(0, 1)).toEqual(['aardvark Partners'])
    expect(names).toEqual([...names].sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)))
    const pairings = res.body.data[0].pairings.map((p: { lead_provider_name: string; cohort: string }) => `${p.cohort} ${p.lead_provider_name}`)
    expect(pairings).toEqual(['2024 zed Learning', '2025 Ambition Institute', '2025 Best Practice Network', '2025 zed Learning'])
    expect(res.body.data[0].updated_at).toBe('2025-04-03T09:00:00Z')
  })
})
