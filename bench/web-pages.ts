// W-110: the pages `npm run bench:web` times. Add each page template of spec/08 sections 2–5 here,
// with seed-1 ids giving the largest tables (resolved from the database in `path`), each form's
// failing POST (422) and, for a write journey, its successful final submit (`runs: 50`).
import { sql } from 'kysely'
import type { Db } from '../src/db/connect.ts'

export type BenchContext = {
  db: Db
  /** The URN of the seeded school with the most teachers (the largest school tables). */
  schoolUrn: string
}

export type BenchPage = {
  name: string
  /** Who asks: a school user of `ctx.schoolUrn`, the admin, or nobody. */
  user: 'school' | 'admin' | 'none'
  method?: 'GET' | 'POST'
  path: string | ((ctx: BenchContext) => Promise<string> | string)
  /** For a POST: the form fields (the CSRF token is added), `i` the run's number. */
  form?: (ctx: BenchContext, i: number) => Record<string, string>
  /** Expected status (default 200). */
  status: number
  /** Measured runs (default 200, after 20 warm-up runs; a write journey's submit: 50, no warm-up). */
  runs?: number
  warmUp?: number
}

export const PAGES: BenchPage[] = [
  { name: 'GET / (start page)', user: 'none', path: '/', status: 200 },
  { name: 'GET /sign-in (personas)', user: 'none', path: '/sign-in', status: 200 },
  { name: 'GET /sign-in?q=', user: 'none', path: (ctx) => `/sign-in?q=${ctx.schoolUrn.slice(0, 3)}`, status: 200 },
  { name: 'GET /time-travel', user: 'none', path: '/time-travel', status: 200 },
  { name: 'POST /time-travel (422)', user: 'none', method: 'POST', path: '/time-travel', form: () => ({}), status: 422 },
  { name: 'POST /time-travel (303)', user: 'none', method: 'POST', path: '/time-travel', form: () => ({ 'date-day': '1', 'date-month': '2', 'date-year': '2027' }), status: 303, runs: 50, warmUp: 0 },
  { name: 'POST /sign-in/persona (422)', user: 'none', method: 'POST', path: '/sign-in/persona', form: () => ({ persona: 'school', urn: '000000' }), status: 422 },
  { name: 'GET /school', user: 'school', path: '/school', status: 200 },
  { name: 'GET /admin', user: 'admin', path: '/admin', status: 200 },
  { name: 'GET /accessibility', user: 'none', path: '/accessibility', status: 200 },
  { name: 'GET /cookies', user: 'none', path: '/cookies', status: 200 },
  { name: 'GET /signed-out', user: 'none', path: '/signed-out', status: 200 },
]

export async function largestSchool(db: Db): Promise<string> {
  const row = await db
    .selectFrom('schools as s')
    .innerJoin('at_school_periods as p', 'p.school_id', 's.id')
    .select(['s.urn', sql<number>`count(*)`.as('n')])
    .groupBy('s.urn')
    .orderBy('n', 'desc')
    .orderBy('s.urn')
    .limit(1)
    .executeTakeFirstOrThrow()
  return row.urn
}
