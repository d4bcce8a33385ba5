// The registration resource of R-16, read in one statement: the period, its teacher and school,
// its training (oldest first), its mentorships and the previous period in the role, as JSON.
import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../../../db/schema.ts'

export function findRegistration(db: Kysely<Database>, periodId: string) {
  return db
    .selectFrom('at_school_periods as p')
    .innerJoin('teachers as t', 't.id', 'p.teacher_id')
    .innerJoin('schools as s', 's.id', 'p.school_id')
    .select([
      'p.id', 'p.role', 'p.email', 'p.working_pattern', 'p.started_on', 'p.finished_on', 'p.reported_leaving_on', 'p.created_at', 'p.updated_at',
      't.id as participant_id', 't.trn', 't.first_name', 't.last_name', 't.date_of_birth', 's.urn as school_urn',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('training_periods as tp')
          .leftJoin('lead_providers as lp', 'lp.id', 'tp.lead_provider_id')
          .leftJoin('partnerships as pa', 'pa.id', 'tp.partnership_id')
          .select([
            'tp.id', 'tp.training_programme', 'tp.lead_provider_id', 'lp.name as lead_provider_name', sql<string>`tp.cohort_year::text`.as('cohort'),
            'tp.partnership_id', 'pa.delivery_partner_id', 'tp.schedule_identifier', 'tp.started_on', 'tp.finished_on',
          ])
          .whereRef('tp.at_school_period_id', '=', 'p.id')
          .orderBy('tp.started_on')
          .orderBy('tp.created_at')
          .orderBy('tp.id'),
      ).as('training_periods'),
      jsonArrayFrom(
        eb
          .selectFrom('mentorships as m')
          .select(['m.id', 'm.mentor_teacher_id as mentor_participant_id', 'm.started_on', 'm.finished_on'])
          .whereRef('m.ect_period_id', '=', 'p.id')
          .orderBy('m.started_on')
          .orderBy('m.id'),
      ).as('mentorships'),
      jsonObjectFrom(
        eb
          .selectFrom('at_school_periods as pp')
          .innerJoin('schools as ps', 'ps.id', 'pp.school_id')
          .select(['ps.urn as school_urn', 'pp.started_on', 'pp.finished_on', 'pp.reported_leaving_on'])
          .whereRef('pp.teacher_id', '=', 'p.teacher_id')
          .whereRef('pp.role', '=', 'p.role')
          .whereRef('pp.started_on', '<', 'p.started_on')
          .orderBy('pp.started_on', 'desc')
          .limit(1),
      ).as('previous_school'),
    ])
    .where('p.id', '=', periodId)
    .executeTakeFirst()
}

export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof findRegistration>>>
