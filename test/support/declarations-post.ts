// The scene of POST /api/v3/participant-declarations tests: two lead providers, Teach First's
// statements around the D-56 timeline, and the request, trainee and body helpers.
import { setupTestApp } from './app.ts'
import * as f from './factories.ts'
import * as d from './factories-declarations.ts'

export const NOW = '2026-11-23T10:15:02Z'
export const errors = (...pairs: [string, string][]) => ({ errors: pairs.map(([title, detail]) => ({ title, detail })) })

export async function declarationsPostScene() {
  const t = await setupTestApp()
  await f.cohort(t.db, 2024)
  await f.cohort(t.db, 2025)
  const teachFirst = await d.provider(t.db, 2025, 'Teach First')
  await f.pairing(t.db, teachFirst.id, teachFirst.deliveryPartnerId, 2024)
  const ambition = await d.provider(t.db, 2025, 'Ambition Institute')

  // Teach First's 2025 output statements around the D-56 timeline.
  await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2026, month: 11, cut_off_date: '2026-10-31', payment_date: '2026-11-25' })
  const jan2027 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })
  await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2025, year: 2027, month: 4, cut_off_date: '2027-03-31', payment_date: '2027-04-25' })
  const tf2024 = await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2025, month: 1, cut_off_date: '2024-12-31', payment_date: '2025-01-25' })
  await d.statement(t.db, { lead_provider_id: teachFirst.id, cohort: 2024, year: 2025, month: 4, cut_off_date: '2025-03-31', payment_date: '2025-04-25' })
  await d.statement(t.db, { lead_provider_id: ambition.id, cohort: 2025, year: 2027, month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' })

  const post = (token: string, attributes: Record<string, unknown>, date = NOW) =>
    t.request('POST', '/api/v3/participant-declarations', { token, body: d.declarationBody(attributes), date })
  const ect = (fields: Partial<Parameters<typeof d.trainee>[2]> = {}) => d.trainee(t.db, teachFirst, { cohort: 2025, started_on: '2025-09-01', ...fields })
  return { t, teachFirst, ambition, jan2027, tf2024, post, ect }
}

export const started = (participantId: string, extra: Record<string, unknown> = {}) => ({
  participant_id: participantId,
  declaration_type: 'started',
  declaration_date: '2026-11-20T09:00:00Z',
  course_identifier: 'ecf-induction',
  evidence_held: 'training-event-attended',
  ...extra,
})

export const TEXT = {
  enter: (n: string) => `Enter a '#/${n}'.`,
  unknown: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again.",
  course: "The entered '#/course_identifier' is not recognised for the given participant. Check details and try again.",
  duplicate: 'A declaration has already been submitted that will be, or has been, paid for this event.',
  future: "The '#/declaration_date' value cannot be a future date. Check the date and try again.",
  early: 'Declaration date must be on or after the milestone start date for the same declaration type.',
  late: 'Declaration date must be on or before the milestone date for the same declaration type.',
  badDate: "Enter a valid RCF3339 '#/declaration_date'.",
  mentorTypes:
    'You cannot send retained or extended declarations for participants who began their mentor training after June 2025. Resubmit this declaration with either a started or completed declaration.',
  evidenceMissing: "Enter a '#/evidence_held' value for this participant.",
  evidenceInvalid: "Enter an available '#/evidence_held' type for this participant.",
  noMilestone: "The property '#/declaration_type' does not exist for this schedule.",
  sequence: "This '#/declaration_date' is invalid. Check that it is in sequence with existing declaration dates for this participant.",
}
