import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'
import * as f from '../../support/factories.ts'
import { V3_PROBE, probeRoutes } from '../../support/probe-routes.ts'

const t = await setupTestApp({}, { routes: probeRoutes })
const lp = await f.leadProvider(t.db)
// Five partners, three sharing one created_at so only the tie-breaker (C-36) orders them.
const same = '2025-04-01T09:00:00Z'
const partners = [
  await f.deliveryPartner(t.db, { name: 'echo', created_at: '2025-03-01T09:00:00Z', updated_at: '2025-06-05T00:00:00Z' }),
  await f.deliveryPartner(t.db, { name: 'Delta', created_at: same, updated_at: '2025-06-01T00:00:00Z' }),
  await f.deliveryPartner(t.db, { name: 'charlie', created_at: same, updated_at: '2025-06-04T00:00:00Z' }),
  await f.deliveryPartner(t.db, { name: 'Bravo', created_at: same, updated_at: '2025-06-02T00:00:00Z' }),
  await f.deliveryPartner(t.db, { name: 'alpha', created_at: '2025-05-01T09:00:00Z', updated_at: '2025-06-03T00:00:00Z' }),
]
for (const p of partners) await f.pairing(t.db, lp.id, p.id, 2024)
await f.pairing(t.db, lp.id, partners[0]!.id, 2025)
await f.pairing(t.db, lp.id, partners[4]!.id, 2026)

const [echo, delta, charlie, bravo, alpha] = partners.map((p) => p.id) as [string, string, string, string, string]
const tied = [delta, charlie, bravo].sort()
const defaultOrder = [echo, ...tied, alpha]

const err = (title: string, detail: string) => ({ errors: [{ title, detail }] })
const BAD_PAGE = err('Bad request', "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number")
const BAD_FILTER = err('Bad parameter', 'Filter must be a hash')
const BAD_SINCE = err('Bad request', "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2025-11-03T08:00:00Z")

const list = (query: string) => t.request('GET', `/api/v3/delivery-partners?${query}`, { token: lp.token })
const ids = async (query: string) => {
  const res = await list(query)
  expect(res.status).toBe(200)
  return (res.body.data as { id: string }[]).map((d) => d.id)
}
const probe = (query: string) => t.request('GET', `${V3_PROBE}?${query}`, { token: lp.token })

describe('C-32 … C-35 pagination', () => {
  it('C-32, C-50, C-36: defaults are page 1 of 100, created_at ascending then the internal id', async () => {
    expect(await ids('')).toEqual(defaultOrder)
    expect((await probe('')).body.page).toEqual({ page: 1, perPage: 100, offset: 0, beyondEnd: false })
  })

  it('C-35: offset is (page − 1) × per_page; the page past the end is empty', async () => {
    expect(await ids('page[per_page]=2&page[page]=1')).toEqual(defaultOrder.slice(0, 2))
    expect(await ids('page[per_page]=2&page[page]=2')).toEqual(defaultOrder.slice(2, 4))
    expect(await ids('page[per_page]=2&page[page]=3')).toEqual(defaultOrder.slice(4))
    const past = await list('page[per_page]=2&page[page]=4')
    expect(past.text).toBe('{"data":[]}')
    expect(past.headers.link).toBeUndefined()
    expect(Object.keys(past.headers).filter((h) => /count|total/i.test(h))).toEqual([])
  })

  it.each([
    ['2abc', 2],
    ['1.5', 1],
    [' 2', 2],
    ['+2', 2],
    ['%2B2', 2],
    ['007', 7],
  ])('C-33: page[page]=%s is read by its leading integer (%i)', async (value, expected) => {
    const res = await probe(`page[page]=${value}&page[per_page]=${value}`)
    expect(res.status).toBe(200)
    expect(res.body.page.page).toBe(expected)
    expect(res.body.page.perPage).toBe(expected)
  })

  it('C-33: "2abc" on a real endpoint is page 2', async () => {
    expect(await ids('page[per_page]=2abc&page[page]=2abc')).toEqual(defaultOrder.slice(2, 4))
  })

  it.each(['abc', '', '0.8', '0', '-1', '-0', 'x1', '%20', 'page[page][]=1', 'page[page][x]=1'])(
    'C-33: page value %j answers the 400',
    async (value) => {
      const queries = value.startsWith('page[') ? [value] : [`page[page]=${value}`, `page[per_page]=${value}`]
      for (const query of queries) {
        const res = await list(query)
        expect(res.status).toBe(400)
        expect(res.body).toEqual(BAD_PAGE)
      }
    },
  )

  it.each(['page=2', 'page=', 'page[]=2', 'page'])('C-34 (decided): `?%s` (not an object) answers the same 400', async (query) => {
    const res = await list(query)
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_PAGE)
  })

  it('C-32: per_page above 3000 is silently reduced to 3000', async () => {
    expect((await probe('page[per_page]=3001')).body.page).toEqual({ page: 1, perPage: 3000, offset: 0, beyondEnd: false })
    expect((await probe('page[per_page]=99999999999999999999999&page[page]=2')).body.page).toEqual({ page: 2, perPage: 3000, offset: 3000, beyondEnd: false })
    expect(await ids('page[per_page]=100000')).toEqual(defaultOrder)
  })

  it('C-35 (decided): a page so large the offset is beyond the database is an empty list', async () => {
    for (const page of ['1000000000000', '2147483648', '3074457345618258', '9223372036854775807', '99999999999999999999999999999']) {
      const res = await list(`page[page]=${page}&page[per_page]=3000`)
      expect(res.status).toBe(200)
      expect(res.text).toBe('{"data":[]}')
    }
    const edge = await list('page[page]=3002399751580331&page[per_page]=3000')
    expect(edge.text).toBe('{"data":[]}')
  })

  it('C-36 (decided): a walk one row at a time sees every row once, in order', async () => {
    const seen: string[] = []
    for (let page = 1; page <= 6; page++) seen.push(...(await ids(`page[per_page]=1&page[page]=${page}`)))
    expect(seen).toEqual(defaultOrder)
  })
})

describe('C-37 … C-42 filters', () => {
  it.each(['filter=x', 'filter[]=x', 'filter=', 'filter[]=2025&filter[]=2024', 'filter'])('C-37: `?%s` answers 400 Bad parameter', async (query) => {
    const res = await list(query)
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_FILTER)
  })

  it('C-38, C-46: unknown filters and unknown parameters are ignored', async () => {
    expect(await ids('filter[colour]=blue&filter[updated_since]=nonsense&include=school&fields[x]=1')).toEqual(defaultOrder)
  })

  it('C-40: the comma form and the repeated form', async () => {
    expect(await ids('filter[cohort]=2025,2026')).toEqual([echo, alpha])
    expect(await ids('filter[cohort][]=2025&filter[cohort][]=2026')).toEqual([echo, alpha])
    expect(await ids('filter[cohort][]=2025,2026')).toEqual([echo, alpha])
    expect(await ids('filter[cohort]=2026')).toEqual([alpha])
  })

  it.each(['filter[cohort]=', 'filter[cohort]=%20%20', 'filter[cohort]=+', 'filter[cohort][]=', 'filter[cohort][]=&filter[cohort][]=%20'])(
    'C-40: a blank list filter (%s) means not filtered',
    async (query) => {
      expect(await ids(query)).toEqual(defaultOrder)
    },
  )

  it.each(['filter[cohort]=%202025', 'filter[cohort]=20A1', 'filter[cohort]=2025.0', 'filter[cohort]=1999', 'filter[cohort]=-2025', 'filter[cohort]=99999999999999999999'])(
    'C-40, C-41: items that are not well-formed, or name no cohort, match nothing (%s)',
    async (query) => {
      expect((await list(query)).text).toBe('{"data":[]}')
    },
  )

  it('C-40: items are not trimmed; a well-formed item still matches beside a bad one', async () => {
    expect(await ids('filter[cohort]=2026,%202025')).toEqual([alpha])
    expect(await ids('filter[cohort]=2026,')).toEqual([alpha])
  })

  it('C-38, Q-21: bracket keys cannot reach Object.prototype', async () => {
    const res = await list('filter[constructor][prototype][polluted]=yes&filter[__proto__][polluted]=yes&page[constructor][prototype][per_page]=1')
    expect(res.status).toBe(200)
    expect(res.body.data).toHaveLength(5)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).per_page).toBeUndefined()
  })

  it('C-42 (decided): a repeated scalar keeps the last value; a list given as an object matches nothing', async () => {
    expect(await ids('filter[cohort]=2025&filter[cohort]=2026')).toEqual([alpha])
    expect((await list('filter[cohort][x]=2025')).text).toBe('{"data":[]}')
  })
})

describe('C-43 updated_since', () => {
  const since = async (raw: string) => {
    const res = await probe(`filter[updated_since]=${raw}`)
    expect(res.status).toBe(200)
    return res.body.updated_since as string | null
  }

  it.each([
    ['2025-11-03T08:00:00Z', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03t08:00:00z', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T08:00:00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T08:00:00.123456Z', '2025-11-03T08:00:00.123Z'],
    ['2025-11-03T08:00:00.5', '2025-11-03T08:00:00.500Z'],
    ['2025-11-03T09:00:00%2B01:00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00%2B0100', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09:00:00%2B01', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T07:00:00-01:00', '2025-11-03T08:00:00.000Z'],
    ['2025-11-03T09%3A00%3A00%2B01%3A00', '2025-11-03T08:00:00.000Z'],
  ])('C-43: %s is the instant %s', async (raw, instant) => {
    expect(await since(raw)).toBe(instant)
  })

  it('C-43 (decided): a raw +01:00, decoded to a space, is read as the sign', async () => {
    expect(await since('2025-11-03T09:00:00+01:00')).toBe('2025-11-03T08:00:00.000Z')
    expect(await since('2025-11-03T09:00:00+0100')).toBe('2025-11-03T08:00:00.000Z')
  })

  it('C-43: a double-encoded value is decoded once more', async () => {
    expect(await since('2025-11-03T09%253A00%253A00%252B01%253A00')).toBe('2025-11-03T08:00:00.000Z')
    expect(await since('2025-11-03T08%253A00%253A00Z')).toBe('2025-11-03T08:00:00.000Z')
  })

  it.each(['', '%20', '+'])('C-38: a blank value (%j) filters nothing', async (raw) => {
    expect(await since(raw)).toBeNull()
  })

  it('C-42: repeated, the last value wins', async () => {
    const res = await probe('filter[updated_since]=bad&filter[updated_since]=2025-11-03T08:00:00Z')
    expect(res.body.updated_since).toBe('2025-11-03T08:00:00.000Z')
  })

  it('C-43, issue 18: a date without a time answers the 400 that asks for a date-time', async () => {
    const res = await probe('filter[updated_since]=2026-12-01')
    expect([res.status, res.body]).toEqual([400, err('Bad request', "The filter '#/updated_since' must be a valid ISO 8601 date-time, such as 2026-12-01T00:00:00Z: a date alone is not enough")])
  })

  it.each([
    ['a word', 'filter[updated_since]=yesterday'],
    ['an epoch number', 'filter[updated_since]=1730620800'],
    ['an impossible day', 'filter[updated_since]=2025-02-30T00:00:00Z'],
    ['an impossible hour', 'filter[updated_since]=2025-11-03T24:00:00Z'],
    ['a space instead of T', 'filter[updated_since]=2025-11-03%2008:00:00Z'],
    ['an object', 'filter[updated_since][x]=2025-11-03T08:00:00Z'],
    ['a broken escape', 'filter[updated_since]=2025-11-03T08:00:00%ZZ'],
    ['minutes without hours', 'filter[updated_since]=2025-11-03T08:00Z'],
  ])('C-43, C-45: %s answers the 400', async (_name, query) => {
    const res = await probe(query)
    expect(res.status).toBe(400)
    expect(res.body).toEqual(BAD_SINCE)
  })
})

describe('C-47 … C-50 sort', () => {
  it('C-47: keys in order; - descending; + or a leading space ascending', async () => {
    expect(await ids('sort=-created_at')).toEqual([alpha, ...tied, echo])
    expect(await ids('sort=updated_at')).toEqual([delta, bravo, alpha, charlie, echo])
    expect(await ids('sort=-updated_at')).toEqual([echo, charlie, alpha, bravo, delta])
    expect(await ids('sort=%2Bupdated_at')).toEqual([delta, bravo, alpha, charlie, echo])
    expect(await ids('sort=+updated_at')).toEqual([delta, bravo, alpha, charlie, echo])
  })

  it('C-47, C-36: later keys break ties of earlier ones, then the internal id', async () => {
    expect(await ids('sort=created_at,-updated_at')).toEqual([echo, charlie, bravo, delta, alpha])
    expect(await ids('sort=-created_at,name')).toEqual([alpha, bravo, charlie, delta, echo])
    expect(await ids('sort=created_at,+name')).toEqual([echo, bravo, charlie, delta, alpha])
    expect(await ids('sort=-created_at, name')).toEqual([alpha, bravo, charlie, delta, echo])
  })

  it('C-48 (decided): name sorts delivery partners, without regard to case', async () => {
    expect(await ids('sort=name')).toEqual([alpha, bravo, charlie, delta, echo])
    expect(await ids('sort=-name')).toEqual([echo, delta, charlie, bravo, alpha])
  })

  it.each(['sort=colour', 'sort=', 'sort=,', 'sort=--name', 'sort=id', 'sort[x]=name'])(
    'C-49 (decided): unknown keys are dropped, never a 400 (%s)',
    async (query) => {
      expect(await ids(query)).toEqual(defaultOrder)
    },
  )

  it('C-49: unknown keys beside known ones are dropped; repeats keep the first', async () => {
    expect(await ids('sort=colour,-name')).toEqual([echo, delta, charlie, bravo, alpha])
    expect(await ids('sort=-name,name')).toEqual([echo, delta, charlie, bravo, alpha])
    expect((await probe('sort=-name,colour,created_at')).body.sort).toEqual([
      { key: 'name', direction: 'desc' },
      { key: 'created_at', direction: 'asc' },
    ])
  })
})
