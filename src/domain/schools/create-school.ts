// P-21: a new school; its URN is unique and never changes.
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Tx } from '../../db/transaction.ts'
import { recordEvent } from '../events.ts'
import { Problems } from '../problems.ts'
import { DUPLICATE_URN, SCHOOL_DEFAULTS, SCHOOL_FIELDS, type SchoolDetails } from './rules.ts'
import { findSchoolByUrn, insertSchool, URN_CONSTRAINT } from './store.ts'

export type CreateSchoolInput = { id?: string; urn: string; name: string } & Partial<Omit<SchoolDetails, 'name'>>

async function check(tx: Tx, urn: string, problems: Problems): Promise<void> {
  if (!problems.has('urn') && (await findSchoolByUrn(tx, urn))) problems.add('urn', DUPLICATE_URN)
}

/**
 * `name` arrives tidied by the wire reader. `problems` holds what the caller found reading the
 * wire (C-76); a field with a problem there may be missing from `input` and is not checked again.
 */
export async function createSchool(
  tx: Tx,
  clock: Clock,
  input: CreateSchoolInput,
  problems: Problems = new Problems(SCHOOL_FIELDS),
): Promise<{ id: string }> {
  await check(tx, input.urn, problems)
  problems.throwIfAny()
  const { id: given, urn, name, ...optional } = input
  const school: SchoolDetails = { ...SCHOOL_DEFAULTS, name }
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(school, { [key]: value })
  const id = given ?? randomUUID()
  const row = { id, urn, ...school, induction_tutor_name: null, induction_tutor_email: null, created_at: clock.now, updated_at: clock.now }
  const conflict = await writeOrConflict(tx, [URN_CONSTRAINT], () => insertSchool(tx, row))
  if (conflict !== null) {
    await check(tx, input.urn, problems)
    problems.throwIfAny()
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, { author: 'operator', action: 'school.created', subject_type: 'school', subject_id: id, data: { urn, ...school } })
  return { id }
}
