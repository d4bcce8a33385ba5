// The school actions of the operator API (R-15 … R-31) and the operator's induction and funding
// facts (R-43, R-44). R-15's order: the school, then the participant, then the body.
import type { FastifyRequest } from 'fastify'
import type { App, SurfaceOptions } from '../../../surface.ts'
import type { Db } from '../../../../db/connect.ts'
import type { Role } from '../../../../db/schema.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { recordInduction, type InductionInput } from '../../../../domain/participants/record-induction.ts'
import { recordMentorFunding, type MentorFundingInput } from '../../../../domain/participants/record-mentor-funding.ts'
import { findSchoolByUrn, findTeacher, latestPeriodAtSchool } from '../../../../domain/participants/store.ts'
import { readFields } from '../../../common/fields.ts'
import { pathId, pathUrn } from '../../../common/ids.ts'
import { found, paramOf } from '../common.ts'
import { assignMentorFromBody, changeTrainingFromBody, registerFromBody, reportLeavingFromBody, setInductionTutorFromBody } from './actions.ts'
import { findRegistration } from './query.ts'
import * as schemas from './schemas.ts'
import { serializeSchool } from '../schools/serialize.ts'
import { serializeInduction, serializeMentorFunding, serializeRegistration } from './serialize.ts'

const PATHS: Record<Role, string> = { ect: 'ects', mentor: 'mentors' }

/** R-15 step 1 (C-78). */
export async function schoolOf(db: Db, request: FastifyRequest) {
  return found(await findSchoolByUrn(db, pathUrn(paramOf(request, 'urn'))))
}

/** R-15 step 2: the latest period in the path's role at that school; a malformed id is the same 404. */
export async function periodOf(db: Db, request: FastifyRequest, role: Role) {
  const school = await schoolOf(db, request)
  const period = found(await latestPeriodAtSchool(db, pathId(paramOf(request, 'participant_id')), role, school.id))
  return { school, period }
}

export async function registrationBody(db: Db, periodId: string) {
  return { data: serializeRegistration(found(await findRegistration(db, periodId))) }
}

/** an unknown or malformed participant id is the 404. */
async function teacherOf(db: Db, request: FastifyRequest) {
  return found(await findTeacher(db, pathId(paramOf(request, 'participant_id'))))
}

export async function schoolActionRoutes(app: App, options: SurfaceOptions): Promise<void> {
  const { db } = options

  app.put('/schools/:urn/induction-tutor', { schema: schemas.inductionTutorSchema }, async (request) => {
    const school = await schoolOf(db, request)
    await inTransaction(db, (tx) => setInductionTutorFromBody(tx, request.clock, school.id, request.body))
    return { data: serializeSchool(found(await findSchoolByUrn(db, school.urn))) }
  })

  for (const role of ['ect', 'mentor'] as const) {
    const path = `/schools/:urn/${PATHS[role]}`
    app.post(path, { schema: schemas.registerSchema(role) }, async (request, reply) => {
      const school = await schoolOf(db, request)
      const { id } = await inTransaction(db, (tx) => registerFromBody(tx, request.clock, school, role, request.body))
      return reply.code(201).send(await registrationBody(db, id))
    })

    app.put(`${path}/:participant_id/training`, { schema: schemas.trainingSchema(role) }, async (request) => {
      const { period } = await periodOf(db, request, role)
      await inTransaction(db, (tx) => changeTrainingFromBody(tx, request.clock, period.id, request.body))
      return registrationBody(db, period.id)
    })

    app.post(`${path}/:participant_id/leaving`, { schema: schemas.leavingSchema(role) }, async (request) => {
      const { period } = await periodOf(db, request, role)
      await inTransaction(db, (tx) => reportLeavingFromBody(tx, request.clock, period.id, request.body))
      return registrationBody(db, period.id)
    })
  }

  app.put('/schools/:urn/ects/:participant_id/mentor', { schema: schemas.mentorSchema }, async (request) => {
    const { period } = await periodOf(db, request, 'ect')
    await inTransaction(db, (tx) => assignMentorFromBody(tx, request.clock, period.id, request.body))
    return registrationBody(db, period.id)
  })

  app.put('/participants/:participant_id/induction', { schema: schemas.inductionSchema }, async (request) => {
    const teacher = await teacherOf(db, request)
    const { values, problems } = readFields(request.body, schemas.inductionFields)
    await inTransaction(db, (tx) => recordInduction(tx, request.clock, teacher.id, values as InductionInput, problems))
    return { data: serializeInduction(found(await findTeacher(db, teacher.id))) }
  })

  app.put('/participants/:participant_id/mentor-funding', { schema: schemas.mentorFundingSchema }, async (request) => {
    const teacher = await teacherOf(db, request)
    const { values, problems } = readFields(request.body, schemas.mentorFundingFields)
    await inTransaction(db, (tx) => recordMentorFunding(tx, request.clock, teacher.id, values as MentorFundingInput, problems))
    return { data: serializeMentorFunding(found(await findTeacher(db, teacher.id))) }
  })
}
