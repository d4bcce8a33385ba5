// The read-only checks of `rect check`: they hold for any v3 deployment, rect or upstream's
// sandbox, with nothing but a lead provider token. Nothing here writes.
import { randomUUID } from 'node:crypto'
import { queryOf, type Answer } from './client.ts'
import { Skip, Stop, type Context, type Harness } from './harness.ts'

const V3 = '/api/v3'

type Item = { id: string; type: string; attributes: Record<string, any> }

type List = {
  name: string
  path: string
  show: string
  /** Filters by `updated_since` (C-39). */
  since: boolean
  /** Honours `sort=updated_at` (C-48); declarations and statements keep a fixed order. */
  sorts: boolean
  /** Needs `filter[cohort]` (GET /schools, P-44). */
  cohortRequired?: boolean
}

export const LISTS: List[] = [
  { name: 'delivery partners', path: '/delivery-partners', show: '/delivery-partners/{id}', since: false, sorts: true },
  { name: 'partnerships', path: '/partnerships', show: '/partnerships/{id}', since: true, sorts: true },
  { name: 'schools', path: '/schools', show: '/schools/{id}', since: true, sorts: true, cohortRequired: true },
  { name: 'participants', path: '/participants', show: '/participants/{id}', since: true, sorts: true },
  { name: 'transfers', path: '/participants/transfers', show: '/participants/{id}/transfers', since: true, sorts: true },
  { name: 'declarations', path: '/participant-declarations', show: '/participant-declarations/{id}', since: true, sorts: false },
  { name: 'statements', path: '/statements', show: '/statements/{id}', since: true, sorts: false },
  { name: 'unfunded mentors', path: '/unfunded-mentors', show: '/unfunded-mentors/{id}', since: true, sorts: true },
]

export type ReadOptions = { token: string; maxPages: number }

const DENIED = '{"error":"HTTP Token: Access denied"}'
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Number.NaN)
const items = (answer: Answer): Item[] => (Array.isArray(answer.body?.data) ? answer.body.data : [])
const ids = (list: Item[]) => list.map((i) => i.id)

export async function readChecks(h: Harness, options: ReadOptions): Promise<void> {
  const token = options.token
  const get = (ctx: Context, template: string, query?: string, params?: Record<string, string>) =>
    ctx.expect(200, { template: `${V3}${template}`, token, ...(query ? { query } : {}), ...(params ? { params } : {}) })

  await h.run('authentication', 'a request without a token is the 401 of C-8', async (ctx) => {
    const res = await ctx.call({ template: `${V3}/partnerships`, token: null })
    ctx.check(res.status === 401 && res.text === DENIED, `GET /partnerships without a token answered ${res.status} ${res.text.slice(0, 100)}, expected 401 ${DENIED}`)
  })
  await h.run('authentication', 'an unknown token is the 401 of C-8', async (ctx) => {
    const res = await ctx.call({ template: `${V3}/partnerships`, token: `rect-check-${randomUUID()}` })
    ctx.check(res.status === 401 && res.text === DENIED, `GET /partnerships with an unknown token answered ${res.status} ${res.text.slice(0, 100)}, expected 401 ${DENIED}`)
  })
  await h.run('authentication', 'the lead provider token is accepted', async (ctx) => {
    await get(ctx, '/partnerships', queryOf({ 'page[per_page]': 1 }))
  })

  // The reference copy of each list: one page as large as C-32 allows.
  const reference = new Map<string, Item[]>()
  let cohorts: string[] = []
  await h.run('lists', 'cohorts to read schools in (from partnerships and statements)', async (ctx) => {
    const found = new Set<string>()
    for (const path of ['/partnerships', '/statements']) {
      for (const item of items(await get(ctx, path, queryOf({ 'page[per_page]': 3000 })))) if (typeof item.attributes?.cohort === 'string') found.add(item.attributes.cohort)
    }
    cohorts = [...found].sort().reverse().slice(0, 2)
    if (cohorts.length === 0) throw new Skip('no partnership or statement names a cohort')
    ctx.note(`cohorts ${cohorts.join(', ')}`)
  })

  for (const list of LISTS) {
    const base = list.cohortRequired ? { 'filter[cohort]': cohorts[0] } : {}
    await h.run(list.name, `GET ${list.path} walks every page to the empty one, each answer as documented`, async (ctx) => {
      if (list.cohortRequired && cohorts.length === 0) throw new Skip('no cohort to read schools in')
      const all = items(await get(ctx, list.path, queryOf({ ...base, 'page[per_page]': 3000 })))
      reference.set(list.path, all)
      const perPage = Math.max(1, Math.ceil(Math.min(all.length, 300) / 3))
      const walked: Item[] = []
      let page = 1
      for (; page <= options.maxPages; page++) {
        const got = items(await get(ctx, list.path, queryOf({ ...base, 'page[page]': page, 'page[per_page]': perPage })))
        if (got.length === 0) break
        ctx.check(got.length <= perPage, `page ${page} holds ${got.length} records, more than page[per_page]=${perPage}`)
        walked.push(...got)
      }
      const complete = page <= options.maxPages
      const repeated = ids(walked).filter((id, i, all2) => all2.indexOf(id) !== i)
      ctx.check(repeated.length === 0, `the walk returned ${repeated.length} records twice (C-36), such as ${repeated[0]}`)
      if (complete && all.length < 3000) {
        ctx.check(JSON.stringify(ids(walked)) === JSON.stringify(ids(all)), `walking pages of ${perPage} gave ${walked.length} records in another order or number than one page of 3000 (${all.length})`)
      }
      ctx.note(`${plural(all.length, 'record')}, ${complete ? plural(page - 1, 'page') : `the first ${options.maxPages} pages`} of ${perPage}${complete ? ', then an empty page' : ''}`)
    })

    await h.run(list.name, `GET ${list.show} answers each listed record as the list shows it`, async (ctx) => {
      const all = reference.get(list.path) ?? []
      if (all.length === 0) throw new Skip('the list is empty')
      const sample = [all[0]!, all[all.length - 1]!].filter((item, i, both) => both.findIndex((x) => x.id === item.id) === i)
      for (const item of sample) {
        const res = await get(ctx, list.show, list.cohortRequired ? queryOf(base) : undefined, { id: item.id })
        const shown = Array.isArray(res.body?.data) ? res.body.data.find((x: Item) => x.id === item.id) : res.body?.data
        ctx.check(JSON.stringify(shown) === JSON.stringify(item), `GET ${list.show} for ${item.id} differs from its list entry`)
      }
      const missing = await ctx.call({ template: `${V3}${list.show}`, token, params: { id: randomUUID() }, ...(list.cohortRequired ? { query: queryOf(base) } : {}) })
      ctx.check(missing.status === 404 && missing.body?.errors?.[0]?.title === 'Resource not found', `an unknown id answered ${missing.status} ${missing.text.slice(0, 120)}, expected the 404 of C-28`)
    })

    if (list.since) {
      await h.run(list.name, `GET ${list.path}?filter[updated_since] keeps exactly the records updated at or after it`, async (ctx) => {
        const all = reference.get(list.path) ?? []
        const stamps = all.map((i) => i.attributes?.updated_at).filter((s): s is string => typeof s === 'string').sort()
        if (stamps.length === 0) throw new Skip('the list is empty')
        const since = stamps[Math.floor(stamps.length / 2)]!
        const got = items(await get(ctx, list.path, queryOf({ ...base, 'filter[updated_since]': since, 'page[per_page]': 3000 })))
        const early = got.filter((i) => time(i.attributes?.updated_at) < time(since))
        ctx.check(early.length === 0, `${early.length} records updated before ${since} were returned, such as ${early[0]?.id}`)
        const expected = all.filter((i) => time(i.attributes?.updated_at) >= time(since)).map((i) => i.id).sort()
        ctx.check(JSON.stringify(ids(got).sort()) === JSON.stringify(expected), `updated_since=${since} returned ${got.length} records; ${expected.length} of the list were updated at or after it (C-44)`)
        ctx.note(`since ${since}: ${got.length} of ${all.length}`)
      })
    }

    if (list.sorts) {
      await h.run(list.name, `GET ${list.path}?sort=-updated_at and sort=updated_at order by updated_at`, async (ctx) => {
        if ((reference.get(list.path) ?? []).length < 2) throw new Skip('fewer than two records')
        for (const [sort, direction] of [['-updated_at', -1], ['updated_at', 1]] as const) {
          const got = items(await get(ctx, list.path, queryOf({ ...base, sort, 'page[per_page]': 3000 })))
          const out = got.findIndex((item, i) => i > 0 && direction * (time(item.attributes?.updated_at) - time(got[i - 1]!.attributes?.updated_at)) < 0)
          ctx.check(out === -1, `sort=${sort}: record ${out} (${got[out]?.id}) is out of order`)
        }
      })
    }
  }

  await filterChecks(h, reference, cohorts, get)
  await errorChecks(h, token)
}

type Get = (ctx: Context, template: string, query?: string, params?: Record<string, string>) => Promise<Answer>

/** One filter: the records it returns all match, and they are the records of the list that match. */
async function filterChecks(h: Harness, reference: Map<string, Item[]>, cohorts: string[], get: Get): Promise<void> {
  const cases: { list: string; filter: string; pick: (all: Item[]) => string | undefined; matches: (item: Item, value: string) => boolean; extra?: Record<string, string> }[] = [
    { list: '/partnerships', filter: 'cohort', pick: (all) => all.at(-1)?.attributes.cohort, matches: (i, v) => i.attributes.cohort === v },
    { list: '/partnerships', filter: 'delivery_partner_id', pick: (all) => all[0]?.attributes.delivery_partner_id, matches: (i, v) => i.attributes.delivery_partner_id === v },
    { list: '/delivery-partners', filter: 'cohort', pick: () => cohorts[0], matches: (i, v) => [i.attributes.cohort].flat().includes(v) },
    { list: '/participants', filter: 'cohort', pick: (all) => all[0]?.attributes.ecf_enrolments?.[0]?.cohort, matches: (i, v) => (i.attributes.ecf_enrolments ?? []).some((e: any) => e.cohort === v) },
    { list: '/participants', filter: 'training_status', pick: (all) => all.flatMap((i) => i.attributes.ecf_enrolments ?? []).find((e: any) => e.training_status !== 'active')?.training_status ?? 'active', matches: (i, v) => (i.attributes.ecf_enrolments ?? []).some((e: any) => e.training_status === v) },
    { list: '/schools', filter: 'urn', pick: (all) => all[0]?.attributes.urn, matches: (i, v) => i.attributes.urn === v, extra: { 'filter[cohort]': cohorts[0] ?? '' } },
    { list: '/participant-declarations', filter: 'participant_id', pick: (all) => all[0]?.attributes.participant_id, matches: (i, v) => i.attributes.participant_id === v },
    { list: '/statements', filter: 'cohort', pick: (all) => all.at(-1)?.attributes.cohort, matches: (i, v) => i.attributes.cohort === v },
  ]
  for (const c of cases) {
    await h.run('filters', `GET ${c.list}?filter[${c.filter}] returns exactly the matching records`, async (ctx) => {
      const all = reference.get(c.list) ?? []
      const value = c.pick(all)
      if (all.length === 0 || value === undefined || value === '') throw new Skip('nothing to filter by')
      const got = items(await get(ctx, c.list, queryOf({ ...(c.extra ?? {}), [`filter[${c.filter}]`]: value, 'page[per_page]': 3000 })))
      const wrong = got.filter((i) => !c.matches(i, value))
      ctx.check(wrong.length === 0, `filter[${c.filter}]=${value} returned ${wrong.length} records that do not match, such as ${wrong[0]?.id}`)
      const expected = all.filter((i) => c.matches(i, value)).map((i) => i.id).sort()
      ctx.check(JSON.stringify(ids(got).sort()) === JSON.stringify(expected), `filter[${c.filter}]=${value} returned ${got.length} records; ${expected.length} of the list match`)
      ctx.note(`${c.filter}=${value}: ${got.length} of ${all.length}`)
    })
  }
}

/** The error answers of C-26 every deployment gives: status, title, and the documented shape. */
async function errorChecks(h: Harness, token: string): Promise<void> {
  const cases: [string, string, string, number, string][] = [
    ['page[per_page]=0 is the pagination 400 (C-33)', '/partnerships', 'page[per_page]=0', 400, 'Bad request'],
    ['filter=x is the 400 Bad parameter (C-37)', '/partnerships', 'filter=x', 400, 'Bad parameter'],
    ['a malformed filter[updated_since] is the 400 (C-43)', '/partnerships', 'filter[updated_since]=yesterday', 400, 'Bad request'],
    ['GET /schools without filter[cohort] is the 400 Bad parameter (P-44)', '/schools', '', 400, 'Bad parameter'],
  ]
  for (const [name, path, query, status, title] of cases) {
    await h.run('errors', name, async (ctx) => {
      const res = await ctx.call({ template: `${V3}${path}`, token, query })
      ctx.check(res.status === status, `GET ${path}?${query} answered ${res.status}, expected ${status}`)
      const errors = res.body?.errors
      if (!Array.isArray(errors) || errors.length === 0) throw new Stop([`GET ${path}?${query}: the body is not {"errors":[…]}: ${res.text.slice(0, 120)}`])
      ctx.check(errors.every((e: unknown) => typeof e === 'object' && e !== null && Object.keys(e).join() === 'title,detail' && Object.values(e).every((v) => typeof v === 'string')), `GET ${path}?${query}: each error must have exactly title and detail, strings (C-25)`)
      ctx.check(errors[0].title === title, `GET ${path}?${query}: title '${errors[0].title}', expected '${title}'`)
    })
  }
}
