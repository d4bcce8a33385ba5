// What every school page shares: the signed-in school (W-26), a period's display row (W-41 … W-43),
// the wizard answers kept in the session (W-10) and the shown errors as the layout reads them (W-7).
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../errors.ts'
import type { Role } from '../../db/schema.ts'
import { isUuid } from '../../api/common/ids.ts'
import type { PageErrors } from '../forms/errors.ts'
import { answersOf, clearAnswers, saveAnswers } from '../forms/wizard.ts'
import { currentOrFuture, describeTraining, mentorShown, statusOf, trainingShown } from '../people.ts'
import type { TeacherRow } from './queries.ts'

export const PATHS: Record<Role, 'ects' | 'mentors'> = { ect: 'ects', mentor: 'mentors' }

export function schoolOf(request: FastifyRequest) {
  return request.school!
}

/** W-26: `{participant_id}` must be a UUID; the page then looks it up at the school only. */
export function participantIdOf(request: FastifyRequest): string {
  const id = (request.params as Record<string, string>).participant_id
  if (!isUuid(id)) throw new NotFoundError()
  return id.toLowerCase()
}

export function fullName(t: { first_name: string; last_name: string }): string {
  return `${t.first_name} ${t.last_name}`
}

/** A row of the ECT and mentor lists (W-43, W-44) and the head of the teacher pages (W-45, W-46). */
export function displayRow(row: TeacherRow, role: Role, today: string) {
  const training = trainingShown(row.trainings, today)
  const mentor = role === 'ect' ? mentorShown(row.mentorships, today) : undefined
  return {
    ...row,
    name: fullName(row),
    href: `/school/${PATHS[role]}/${row.participant_id}`,
    status: statusOf(row, role, row.mentorships, today),
    training: describeTraining(training),
    cohort: training?.cohort ?? null,
    mentor: mentor ?? null,
    mentees: role === 'mentor' ? currentOrFuture(row.mentorships, today).map((m) => m.name) : [],
    finished: row.finished_on !== null && row.finished_on <= today,
  }
}

export type ShownError = { field: string | null; text: string; parts?: ('day' | 'month' | 'year')[] }

/**
 * W-7: the summary lists the errors in page order (`order`), each linking to its field (a date's
 * first part in error); those without a field link to the page's first field, or to `href(field)`
 * when check answers points at the steps (W-10).
 */
export function pageErrors(errors: readonly ShownError[], order: readonly string[], href?: (field: string | null) => string): PageErrors {
  const fields: PageErrors['fields'] = {}
  const ranked = [...errors].sort((a, b) => rank(order, a.field) - rank(order, b.field))
  const list: PageErrors['list'] = []
  for (const error of ranked) {
    if (error.field !== null) {
      if (fields[error.field]) continue
      fields[error.field] = error.parts ? { text: error.text, parts: error.parts } : { text: error.text }
    }
    const anchor = error.field === null ? (order[0] ?? 'main-content') : error.parts?.[0] ? `${error.field}-${error.parts[0]}` : error.field
    if (!list.some((l) => l.text === error.text)) list.push({ text: error.text, href: href ? href(error.field) : `#${anchor}` })
  }
  return { list, fields }
}

function rank(order: readonly string[], field: string | null): number {
  if (field === null) return order.length
  const at = order.indexOf(field)
  return at < 0 ? order.length : at
}

/** W-10: a journey's answers replaced as a whole (a new TRN starts them again). */
export function replaceAnswers<T extends object>(request: FastifyRequest, key: string, answers: T): void {
  clearAnswers(request, key)
  saveAnswers(request, key, answers as Record<string, unknown>)
}

export { answersOf, clearAnswers }
