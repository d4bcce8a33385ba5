// P-22: change a school's details; its URN never changes (an equal value is ignored).
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { NotFoundError } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { Problems, say } from '../problems.ts'
import { bumpPartnershipsOfSchool, bumpTeachersTrainingAtSchool } from '../stamps.ts'
import { movesParticipantStamps, movesPartnershipStamps, movesSchoolStamp, SCHOOL_FIELDS, type SchoolDetails } from './rules.ts'
import { findSchoolByUrn, updateSchoolRow } from './store.ts'

export type SchoolChanges = { urn?: string } & Partial<SchoolDetails>

/**
 * Absent fields keep their value; `null` clears a nullable one (C-79). Stamps move only for what
 * lead providers see (P-36, P-37, and R-14 for the uplifts participants show, R-34).
 */
export async function updateSchool(
  tx: Tx,
  clock: Clock,
  urn: string,
  changes: SchoolChanges,
  problems: Problems = new Problems(SCHOOL_FIELDS),
): Promise<{ id: string }> {
  const current = await findSchoolByUrn(tx, urn)
  if (!current) throw new NotFoundError()
  const { urn: newUrn, ...details } = changes
  if (newUrn !== undefined && newUrn !== urn) problems.add('urn', say.cannotChange('urn'))
  problems.throwIfAny()

  const changed: Partial<SchoolDetails> = {}
  for (const [key, value] of Object.entries(details) as [keyof SchoolDetails, unknown][]) {
    if (value !== undefined && value !== current[key]) Object.assign(changed, { [key]: value })
  }
  if (Object.keys(changed).length === 0) return { id: current.id }
  await updateSchoolRow(tx, current.id, { ...changed, ...(movesSchoolStamp(changed) ? { updated_at: clock.now } : {}) })
  // Teachers' rows before partnerships', the lock order of every other command.
  if (movesParticipantStamps(changed)) await bumpTeachersTrainingAtSchool(tx, clock.now, current.id)
  if (movesPartnershipStamps(changed, current.induction_tutor_email)) await bumpPartnershipsOfSchool(tx, clock.now, current.id)
  await recordEvent(tx, clock, { author: 'operator', action: 'school.updated', subject_type: 'school', subject_id: current.id, data: changed })
  return { id: current.id }
}
