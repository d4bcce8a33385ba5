// P-33: a new partnership takes every expression-of-interest period of its school, lead provider
// and cohort, in the creating transaction; the periods keep their dates and that they began as EOI.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { bumpSchoolCohort, bumpTeachers } from '../stamps.ts'
import { attachEoiPeriods, markAttached, teachersOfEoiPeriods, type PartnershipKey } from './store.ts'

/** Returns the ids of the training periods attached. */
export async function attachEoiTraining(tx: Tx, clock: Clock, partnership: PartnershipKey): Promise<string[]> {
  // the teachers' rows before their training periods', the order of the school actions
  // (which lock the participant first), so the two never wait on each other in a cycle.
  await bumpTeachers(tx, clock.now, await teachersOfEoiPeriods(tx, partnership))
  const attached = await attachEoiPeriods(tx, partnership, clock.now)
  if (attached.length === 0) return []
  // P-27 rule 2 and P-36: first_attached_at and the partnership stamp; R-14: the teachers; P-37.
  await markAttached(tx, [partnership.id], clock.now)
  await bumpTeachers(tx, clock.now, attached.map((a) => a.teacher_id))
  await bumpSchoolCohort(tx, clock.now, partnership.school_id, partnership.cohort_year)
  return attached.map((a) => a.id)
}

/**
 * For a school action that creates training directly on a partnership (P-5, P-29 row 4): the
 * partnership now has had a training period (P-27 rule 2) and its stamp moves (P-36).
 */
export async function noteTrainingAttached(tx: Tx, clock: Clock, partnershipId: string): Promise<void> {
  await markAttached(tx, [partnershipId], clock.now)
}
