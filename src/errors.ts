// Domain errors carry meaning, never an HTTP status: api/plugins/errors.ts maps them (STYLE).

export type Problem = { attribute: string; detail: string }

export class DomainError extends Error {}

/** The resource does not exist or is outside the caller's scope (C-28). */
export class NotFoundError extends DomainError {
  constructor() {
    super('not found')
  }
}

/** Validation failed: every problem, in the order the checks ran (C-30, C-76). */
export class InvalidError extends DomainError {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.attribute}: ${p.detail}`).join('; '))
  }
}

/** A malformed request (C-21, C-26): one problem, reported alone (C-27). */
export class BadRequestError extends DomainError {
  constructor(
    readonly detail: string,
    readonly title: 'Bad request' | 'Bad parameter' = 'Bad request',
  ) {
    super(detail)
  }
}

/** No valid credentials for this surface (C-8). */
export class UnauthorisedError extends DomainError {
  /** Why, for the request log only; the body never says (C-8). */
  constructor(readonly reason = 'no valid token') {
    super('unauthorised')
  }
}

/** The database (or another dependency) cannot be reached in time (C-31, C-68). */
export class UnavailableError extends DomainError {
  constructor(cause?: unknown) {
    super('unavailable', { cause })
  }
}

export const BAD_BODY = 'Correct json data structure required. See API docs for reference.'

/** Throws the 422 when any problem was found; keeps the order and drops exact duplicates. */
export function throwIfProblems(problems: Problem[]): void {
  if (problems.length === 0) return
  throw new InvalidError(problems)
}
