// the invalidation triggers are exactly what the one declared map (dependencies.ts)
// says, and a write transaction touches no document row: it only appends keys to the log (0016).
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../../src/package-root.ts'
import { DEPENDENCIES } from '../../src/read-models/dependencies.ts'
import { definitionFiles, tablesOf, triggerName } from '../../src/read-models/invalidation.ts'
import { setupTestApp } from '../support/app.ts'
import * as f from '../support/factories.ts'
import * as p from '../support/factories-participants.ts'

const t = await setupTestApp()

describe('the invalidation map (0016, src/read-models/dependencies.ts)', () => {
  it('the definitions hold the triggers the map declares, as invalidation.ts writes them (npm run definitions:read-models)', async () => {
    const dir = join(PACKAGE_ROOT, 'src/db/definitions')
    const present = (await readdir(dir)).filter((file) => file.startsWith('document_invalidations_on_')).sort()
    const expected = definitionFiles()
    expect(present).toEqual(expected.map((d) => d.file).sort())
    for (const { file, text } of expected) expect([file, await readFile(join(dir, file), 'utf8')]).toEqual([file, text])
  })

  it('every table of the map has its three statement triggers, and no document table has a trigger', async () => {
    const { rows } = await sql<{ table: string; name: string }>`
      SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND (t.tgname LIKE '%documents%' OR t.tgname LIKE 'document_invalidations%') ORDER BY 1, 2`.execute(t.db)
    const expected = tablesOf(DEPENDENCIES).flatMap((table) => (['delete', 'insert', 'update'] as const).map((op) => ({ table, name: triggerName(table, op) })))
    expect(rows).toEqual(expected.sort((a, b) => a.table.localeCompare(b.table) || a.name.localeCompare(b.name)))
  })

  it('Q-11: a command writes keys to the log and changes no document row; a build consumes them', async () => {
    const lp = await f.leadProvider(t.db)
    const dp = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, dp.id, 2025)
    const school = await f.school(t.db)
    const partnership = await p.partnership(t.db, { school_id: school.id, lead_provider_id: lp.id, delivery_partner_id: dp.id, cohort: 2025 })
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    const documents = async () => (await sql<{ n: string }>`
      SELECT (SELECT count(*) FROM participant_documents) + (SELECT count(*) FROM partnership_documents)
        + (SELECT count(*) FROM school_documents) || ':' || (SELECT coalesce(sum(version), 0) FROM participant_documents)
        || ':' || (SELECT coalesce(sum(version), 0) FROM partnership_documents) || ':' || (SELECT coalesce(sum(version), 0) FROM school_documents) AS n`.execute(t.db)).rows[0]!.n
    const before = await documents()
    const reply = await t.request('PUT', `/api/v3/partnerships/${partnership.id}`, { token: lp.token, date: '2025-10-01T09:00:00Z', body: { data: { type: 'partnership', attributes: { delivery_partner_id: dp.id } } } })
    expect(reply.status).toBe(422)
    const teacher = await p.teacher(t.db)
    const period = await p.atSchoolPeriod(t.db, { teacher_id: teacher.id, school_id: school.id, started_on: '2025-09-01' })
    await p.trainingPeriod(t.db, period, { cohort: 2025, lead_provider_id: lp.id, partnership_id: partnership.id, started_on: '2025-09-01' })
    expect(await documents()).toBe(before)
    const { rows: keys } = await sql<{ kind: string; id: string; cohort_year: number | null }>`
      SELECT DISTINCT kind, id, cohort_year FROM document_invalidations WHERE id IN (${teacher.id}, ${partnership.id}, ${school.id}) ORDER BY 1, 2`.execute(t.db)
    expect(keys).toEqual(expect.arrayContaining([
      { kind: 'participant', id: teacher.id, cohort_year: null },
      { kind: 'partnership', id: partnership.id, cohort_year: null },
      { kind: 'school', id: school.id, cohort_year: 2025 },
    ]))
    const { rows: [consumed] } = await sql<{ n: number }>`SELECT document_invalidations_consume(100000) AS n`.execute(t.db)
    expect(Number(consumed!.n)).toBeGreaterThan(0)
    const member = await t.db.selectFrom('participant_documents').select(['version', 'valid_until']).where('teacher_id', '=', teacher.id).where('lead_provider_id', '=', lp.id).executeTakeFirst()
    expect(member).toBeDefined()
    expect(Number((await sql<{ n: string }>`SELECT count(*) AS n FROM document_invalidations`.execute(t.db)).rows[0]!.n)).toBe(0)
  })

  it('Q-4, R-32, P-49: only the changes that make members log their keys as possible members; a rename logs none', async () => {
    const { lp, dp, partnership, teacher } = await p.partneredTrainee(t.db)
    const keys = async () => (await sql<{ kind: string; id: string; member: boolean }>`
      SELECT kind, id, bool_or(member) AS member FROM document_invalidations WHERE id IN (${teacher.id}, ${partnership.id}) GROUP BY 1, 2 ORDER BY 1`.execute(t.db)).rows
    expect(await keys()).toEqual([
      { kind: 'participant', id: teacher.id, member: true },
      { kind: 'partnership', id: partnership.id, member: true },
    ])
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    await t.db.updateTable('lead_providers').set({ name: `${lp.name} renamed` }).where('id', '=', lp.id).execute()
    await t.db.updateTable('delivery_partners').set({ name: `${dp.name} renamed` }).where('id', '=', dp.id).execute()
    expect(await keys()).toEqual([
      { kind: 'participant', id: teacher.id, member: false },
      { kind: 'partnership', id: partnership.id, member: false },
    ])
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
  })

  it('Q-4 mixed row, R-34: a partnership\'s stamp moving names no participant; a new delivery partner names each of its participants', async () => {
    const { lp, partnership, teacher } = await p.partneredTrainee(t.db)
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    const keys = async () => (await sql<{ kind: string; id: string }>`
      SELECT DISTINCT kind, id FROM document_invalidations WHERE id IN (${teacher.id}, ${partnership.id}) ORDER BY 1`.execute(t.db)).rows
    // What a school action on one of its participants does to the partnership (Touched.bump).
    await t.db.updateTable('partnerships').set({ updated_at: new Date('2025-10-02T09:00:00Z') }).where('id', '=', partnership.id).execute()
    expect(await keys()).toEqual([{ kind: 'partnership', id: partnership.id }])
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    const other = await f.deliveryPartner(t.db)
    await f.pairing(t.db, lp.id, other.id, 2025)
    await t.db.updateTable('partnerships').set({ delivery_partner_id: other.id }).where('id', '=', partnership.id).execute()
    expect(await keys()).toEqual([{ kind: 'participant', id: teacher.id }, { kind: 'partnership', id: partnership.id }])
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
  })

  it('Q-4, Q-11 (0020): consuming the log adds each key consumed to its documents\' logged count (a new member row counts its own); a school key without a cohort counts in every cohort', async () => {
    const { lp, partnership, teacher, school } = await p.partneredTrainee(t.db)
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    const counts = async () => ({
      participant: (await t.db.selectFrom('participant_documents').select('logged').where('lead_provider_id', '=', lp.id).where('teacher_id', '=', teacher.id).executeTakeFirstOrThrow()).logged,
      partnership: (await t.db.selectFrom('partnership_documents').select('logged').where('partnership_id', '=', partnership.id).executeTakeFirstOrThrow()).logged,
      schools: (await t.db.selectFrom('school_documents').select(['cohort_year', 'logged']).where('school_id', '=', school.id).orderBy('cohort_year').execute())
        .map((r) => `${r.cohort_year}:${r.logged}`),
    })
    const logged = async (id: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM document_invalidations WHERE id = ${id}`.execute(t.db)).rows[0]!.n
    const before = await counts()
    expect(Number(before.participant)).toBeGreaterThan(0)
    // Two statements: at least two keys of the teacher; the partnership's; the school's, without a cohort (every cohort's).
    await t.db.updateTable('teachers').set({ first_name: 'Counted' }).where('id', '=', teacher.id).execute()
    await t.db.updateTable('teachers').set({ last_name: 'Twice' }).where('id', '=', teacher.id).execute()
    await t.db.updateTable('partnerships').set({ updated_at: new Date() }).where('id', '=', partnership.id).execute()
    await t.db.updateTable('schools').set({ name: 'Counted School' }).where('id', '=', school.id).execute()
    const pending = { teacher: await logged(teacher.id), partnership: await logged(partnership.id) }
    const schoolKeys = (await sql<{ cohort_year: number | null }>`SELECT cohort_year FROM document_invalidations WHERE id = ${school.id}`.execute(t.db)).rows
    expect(pending.teacher).toBeGreaterThanOrEqual(2)
    await sql`SELECT document_invalidations_consume(100000)`.execute(t.db)
    const after = await counts()
    expect(Number(after.participant) - Number(before.participant)).toBe(pending.teacher)
    expect(Number(after.partnership) - Number(before.partnership)).toBe(pending.partnership)
    expect(after.schools.length).toBeGreaterThan(0)
    expect(schoolKeys.some((k) => k.cohort_year === null)).toBe(true)
    expect(after.schools.map((c, i) => Number(c.split(':')[1]) - Number(before.schools[i]!.split(':')[1])))
      .toEqual(after.schools.map((c) => schoolKeys.filter((k) => k.cohort_year === null || k.cohort_year === Number(c.split(':')[0])).length))
  })
})
