// The school actions as "operator body in, command out" (R-15 step 3 onwards): the operator API's
// routes and the school's web pages (W-17) both read a body through the same request table and
// call the same command, so one body gives one result whichever surface sent it.
import type { Clock } from '../../../../clock.ts'
import type { Role } from '../../../../db/schema.ts'
import type { Tx } from '../../../../db/transaction.ts'
import { assignMentor, type MentorInput } from '../../../../domain/participants/assign-mentor.ts'
import { changeTraining, type TrainingInput } from '../../../../domain/participants/change-training.ts'
import { registerParticipant, type RegistrationInput } from '../../../../domain/participants/register-participant.ts'
import { reportLeaving } from '../../../../domain/participants/report-leaving.ts'
import { setInductionTutor } from '../../../../domain/participants/set-induction-tutor.ts'
import { readFields } from '../../../common/fields.ts'
import * as schemas from './schemas.ts'

/** `POST /schools/{urn}/{ects|mentors}` (R-19 … R-23): the new at-school period's id. */
export function registerFromBody(tx: Tx, clock: Clock, school: { id: string; name: string }, role: Role, body: unknown) {
  const { values, problems } = readFields(body, schemas.registrationFields(role, body))
  return registerParticipant(tx, clock, { school, role, input: values as RegistrationInput }, problems)
}

/** `PUT /schools/{urn}/{ects|mentors}/{id}/training` (R-26 … R-29). */
export function changeTrainingFromBody(tx: Tx, clock: Clock, periodId: string, body: unknown) {
  const { values, problems } = readFields(body, schemas.trainingFields(body))
  return changeTraining(tx, clock, periodId, values as TrainingInput, problems)
}

/** `POST /schools/{urn}/{ects|mentors}/{id}/leaving`. */
export function reportLeavingFromBody(tx: Tx, clock: Clock, periodId: string, body: unknown) {
  const { values, problems } = readFields(body, schemas.leavingFields)
  return reportLeaving(tx, clock, periodId, values, problems)
}

/** `PUT /schools/{urn}/ects/{id}/mentor`. */
export function assignMentorFromBody(tx: Tx, clock: Clock, ectPeriodId: string, body: unknown) {
  const { values, problems } = readFields(body, schemas.mentorFields)
  return assignMentor(tx, clock, ectPeriodId, values as MentorInput, problems)
}

/** `PUT /schools/{urn}/induction-tutor`. */
export function setInductionTutorFromBody(tx: Tx, clock: Clock, schoolId: string, body: unknown) {
  const { values, problems } = readFields(body, schemas.inductionTutorFields)
  return setInductionTutor(tx, clock, schoolId, values, problems)
}
