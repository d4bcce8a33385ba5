// D-43 … D-49: a lead provider declares that a participant reached a milestone.
import { newId } from '../ids.ts'
import { londonDate, type Clock } from '../../clock.ts'
import { unexplainedConflict, writeOrConflict } from '../../db/constraints.ts'
import type { Role } from '../../db/schema.ts'
import type { Tx } from '../../db/transaction.ts'
import { throwIfProblems } from '../../errors.ts'
import { recordEvent } from '../events.ts'
import { applyMentorCompletion } from './mentor-completion.ts'
import { checkDeclaration, DECLARATION_TYPES, isParticipantId, mentorAt, roleOfCourse, type DeclarationFacts, type DeclarationInput } from './rules.ts'
import {
  attachableStatement, billableDeclarations, confirmedWithCaller, DUPLICATE_CONSTRAINT, findMilestone, findTargetTraining, findTeacher,
  frozenCohortCoveringToday, insertDeclaration, mentorshipsOf, type TargetRow,
} from './store.ts'

const otherRole = (role: Role): Role => (role === 'ect' ? 'mentor' : 'ect')

async function loadFacts(tx: Tx, clock: Clock, leadProviderId: string, input: DeclarationInput) {
  const teacher = isParticipantId(input.participant_id) ? await findTeacher(tx, input.participant_id.toLowerCase()) : undefined
  const role = roleOfCourse(input.course_identifier)
  const type = (DECLARATION_TYPES as readonly string[]).includes(input.declaration_type ?? '') ? (input.declaration_type as (typeof DECLARATION_TYPES)[number]) : null
  const target: TargetRow | undefined = teacher && role ? await findTargetTraining(tx, leadProviderId, teacher.id, role) : undefined
  const billable = teacher && role ? await billableDeclarations(tx, teacher.id, role) : []
  const facts: DeclarationFacts = {
    now: clock.now,
    teacherFound: teacher !== undefined,
    fundingEligible: teacher !== undefined && role !== null && (role === 'ect' ? teacher.ect_eligible_for_funding_at : teacher.mentor_eligible_for_funding_at) !== null,
    target: target
      ? {
          id: target.id,
          cohort_year: target.cohort_year,
          schedule_identifier: target.schedule_identifier!,
          withdrawn_at: target.withdrawn_at,
          deferred_at: target.deferred_at,
          mentor_funding_enabled: target.mentor_funding_enabled,
          detailed_evidence_types_enabled: target.detailed_evidence_types_enabled,
        }
      : null,
    knownThroughOtherRole: teacher !== undefined && role !== null && !target && (await confirmedWithCaller(tx, leadProviderId, teacher.id, otherRole(role))),
    callersParticipant: teacher !== undefined && (await confirmedWithCaller(tx, leadProviderId, teacher.id, null)),
    duplicate: type !== null && billable.some((d) => d.declaration_type === type),
    milestone: target && type ? await findMilestone(tx, target.cohort_year, target.schedule_identifier!, type) : null,
    frozenCohortToday: teacher && role ? await frozenCohortCoveringToday(tx, teacher.id, role, clock.today) : null,
    openStatement: target ? (await attachableStatement(tx, leadProviderId, target.cohort_year, clock.today)) !== null : false,
    billable,
  }
  return { facts, teacher, role, target }
}

/**
 * D-44 checks, then D-48's declaration on the target TP, its state (D-42) and statement (D-63),
 * then mentor completion (D-49). Throws InvalidError with every problem (D-4).
 */
export async function createDeclaration(tx: Tx, clock: Clock, leadProviderId: string, input: DeclarationInput): Promise<{ id: string }> {
  const loaded = await loadFacts(tx, clock, leadProviderId, input)
  const checked = checkDeclaration(input, loaded.facts)
  throwIfProblems(checked.problems)
  const { teacher, role, target } = loaded as { teacher: NonNullable<typeof loaded.teacher>; role: Role; target: TargetRow }

  const statementId = loaded.facts.fundingEligible ? await attachableStatement(tx, leadProviderId, target.cohort_year, clock.today) : null
  const mentorId = role === 'ect' ? mentorAt(londonDate(checked.date), await mentorshipsOf(tx, target.at_school_period_id)) : null
  const uplifts = checked.type === 'started' && target.uplift_fees_enabled
  const id = newId(tx, 'declaration')
  const conflict = await writeOrConflict(tx, [DUPLICATE_CONSTRAINT], () =>
    insertDeclaration(tx, {
      id,
      training_period_id: target.id,
      teacher_id: teacher.id,
      role,
      lead_provider_id: leadProviderId,
      declaration_type: checked.type,
      declaration_date: checked.date,
      evidence_held: checked.evidence,
      mentor_teacher_id: mentorId,
      delivery_partner_id: target.delivery_partner_id,
      pupil_premium_uplift: uplifts && target.pupil_premium_uplift,
      sparsity_uplift: uplifts && target.sparsity_uplift,
      payment_status: statementId === null ? 'submitted' : 'eligible',
      statement_id: statementId,
      clawback_statement_id: null,
      voided_at: null,
      created_at: clock.now,
      updated_at: clock.now,
    }),
  )
  if (conflict !== null) {
    // D-47, Q-10: an identical POST won the race; its row is visible now, so the checks give #8.
    const again = await loadFacts(tx, clock, leadProviderId, input)
    throwIfProblems(checkDeclaration(input, again.facts).problems)
    throw unexplainedConflict(conflict)
  }
  await recordEvent(tx, clock, {
    author: 'lead_provider',
    lead_provider_id: leadProviderId,
    action: 'declaration.created',
    subject_type: 'declaration',
    subject_id: id,
    data: { participant_id: teacher.id, declaration_type: checked.type, course_identifier: input.course_identifier, statement_id: statementId },
  })
  if (role === 'mentor' && checked.type === 'completed') await applyMentorCompletion(tx, clock, teacher.id, leadProviderId)
  return { id }
}
