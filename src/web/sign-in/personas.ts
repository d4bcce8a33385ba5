// W-21: the sandbox's persona sign-in: the schools a person may act for, found by URN or name.
import { sql } from 'kysely'
import type { Db } from '../../db/connect.ts'

export type PersonaSchool = { urn: string; name: string; local_authority: string | null; current_ects: number }

/** Up to 25 schools by URN: URN starting with `q` or name containing it, any case (all without q). */
export async function findPersonaSchools(db: Db, today: string, q: string): Promise<PersonaSchool[]> {
  const term = q.trim()
  const like = term.replace(/[\\%_]/g, (c) => `\\${c}`)
  let query = db
    .selectFrom('schools as s')
    .select(['s.urn', 's.name', 's.local_authority'])
    .select((eb) =>
      eb
        .selectFrom('at_school_periods as p')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('p.school_id', '=', 's.id')
        .where('p.role', '=', 'ect')
        .where('p.started_on', '<=', today)
        .where((w) => w.or([w('p.finished_on', 'is', null), w('p.finished_on', '>', today)]))
        .as('current_ects'),
    )
    .orderBy('s.urn')
    .limit(25)
  if (term !== '') {
    query = query.where((w) => w.or([w('s.urn', 'like', `${like}%`), w('s.name', 'ilike', `%${like}%`)]))
  }
  const rows = await query.execute()
  return rows.map((r) => ({ ...r, current_ects: Number(r.current_ects ?? 0) }))
}

export function findSchoolForPersona(db: Db, urn: string) {
  return db.selectFrom('schools').select(['id', 'urn', 'name']).where('urn', '=', urn).executeTakeFirst()
}
