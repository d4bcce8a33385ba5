// W-10: a journey's answers live in the session until its submit succeeds or it starts again.
// A journey lists its steps in order; a step that does not apply to the answers so far is
// skipped; a GET of a step whose earlier steps are unanswered goes back to the first of them.
import type { FastifyRequest } from 'fastify'

export type Step<A> = {
  /** The step's URL. */
  path: string
  /** Whether the step is asked, given the answers so far (default: always). */
  applies?: (answers: Partial<A>) => boolean
  /** Whether its answer is in (default: always true, e.g. a start page). */
  answered?: (answers: Partial<A>) => boolean
}

export type Journey<A> = {
  /** The session key: the journey's name, plus the participant id for per-participant journeys. */
  key: string
  steps: Step<A>[]
}

export function answersOf<A>(request: FastifyRequest, key: string): Partial<A> {
  return (request.session.wizards?.[key] ?? {}) as Partial<A>
}

/** Merges a step's answers into the journey's (an answer of undefined removes it). */
export function saveAnswers<A>(request: FastifyRequest, key: string, answers: Partial<A>): Partial<A> {
  const merged = { ...answersOf<A>(request, key), ...answers } as Record<string, unknown>
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k]
  request.session.wizards = { ...(request.session.wizards ?? {}), [key]: merged }
  return merged as Partial<A>
}

/** Starting again or a successful submit (W-10, W-52). */
export function clearAnswers(request: FastifyRequest, key: string): void {
  const wizards = { ...(request.session.wizards ?? {}) }
  if (!(key in wizards)) return
  delete wizards[key]
  request.session.wizards = wizards
}

function applies<A>(step: Step<A>, answers: Partial<A>): boolean {
  return step.applies === undefined || step.applies(answers)
}

/** The path of the first applicable step before `path` that is unanswered, or null (W-10's 302). */
export function missingStep<A>(journey: Journey<A>, path: string, answers: Partial<A>): string | null {
  for (const step of journey.steps) {
    if (step.path === path) return null
    if (applies(step, answers) && step.answered !== undefined && !step.answered(answers)) return step.path
  }
  return null
}

/** The previous applicable step's path, for the back link (never `javascript:`). */
export function previousStep<A>(journey: Journey<A>, path: string, answers: Partial<A>): string | null {
  let previous: string | null = null
  for (const step of journey.steps) {
    if (step.path === path) return previous
    if (applies(step, answers)) previous = step.path
  }
  return null
}

/** The next applicable step's path after `path`. */
export function nextStep<A>(journey: Journey<A>, path: string, answers: Partial<A>): string | null {
  const at = journey.steps.findIndex((s) => s.path === path)
  return journey.steps.slice(at + 1).find((s) => applies(s, answers))?.path ?? null
}
