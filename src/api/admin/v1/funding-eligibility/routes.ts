import type { App, SurfaceOptions } from '../../../surface.ts'
import { wireTimestamp } from '../../../../clock.ts'
import { inTransaction } from '../../../../db/transaction.ts'
import { roleOfCourse } from '../../../../domain/declarations/rules.ts'
import { setFundingEligibility } from '../../../../domain/declarations/set-funding-eligibility.ts'
import { findTeacher } from '../../../../domain/declarations/store.ts'
import { readFields } from '../../../common/fields.ts'
import { pathId } from '../../../common/ids.ts'
import { found, paramOf } from '../common.ts'
import { fundingEligibilitySchema, fundingFields } from './schemas.ts'

export async function fundingEligibilityRoutes(app: App, { db }: SurfaceOptions): Promise<void> {
  app.put('/participants/:participant_id/funding-eligibility', { schema: fundingEligibilitySchema }, async (request) => {
    const teacherId = pathId(paramOf(request, 'participant_id'))
    found(await findTeacher(db, teacherId))
    const { values, problems } = readFields(request.body, fundingFields)
    const role = values.course_identifier === undefined ? undefined : roleOfCourse(values.course_identifier)!
    const result = await inTransaction(db, (tx) =>
      setFundingEligibility(tx, request.clock, teacherId, { ...(role ? { role } : {}), ...(values.eligible !== undefined ? { eligible: values.eligible } : {}) }, problems),
    )
    return {
      data: {
        participant_id: teacherId,
        course_identifier: values.course_identifier!,
        eligible: values.eligible!,
        eligible_for_funding_at: result.eligible_for_funding_at === null ? null : wireTimestamp(result.eligible_for_funding_at),
        declarations_made_eligible: result.declarations_made_eligible,
      },
    }
  })
}
