// the school's one induction tutor. A change moves the school's stamp for every cohort
// (P-37) and every partnership of the school (P-36); the same values change nothing (decided).
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { bumpPartnershipsOfSchool, bumpSchool } from '../stamps.ts'

export const INDUCTION_TUTOR_FIELDS = ['name', 'email'] as const

export type InductionTutorInput = { name?: string; email?: string }

export async function setInductionTutor(
  tx: Tx,
  clock: Clock,
  schoolId: string,
  input: InductionTutorInput,
  problems: Problems = new Problems(INDUCTION_TUTOR_FIELDS),
): Promise<{ id: string }> {
  problems.throwIfAny()
  const name = input.name!
  const email = input.email!
  // The row lock orders concurrent changes, so each sees the values the previous one stored.
  const school = await tx.selectFrom('schools').select(['induction_tutor_name', 'induction_tutor_email']).where('id', '=', schoolId).forUpdate().executeTakeFirstOrThrow()
  if (school.induction_tutor_name === name && school.induction_tutor_email === email) return { id: schoolId }
  await tx.updateTable('schools').set({ induction_tutor_name: name, induction_tutor_email: email }).where('id', '=', schoolId).execute()
  await bumpSchool(tx, clock.now, schoolId)
  await bumpPartnershipsOfSchool(tx, clock.now, schoolId)
  await recordEvent(tx, clock, { author: 'operator', action: 'school.induction_tutor_set', subject_type: 'school', subject_id: schoolId, data: { name, email } })
  return { id: schoolId }
}
