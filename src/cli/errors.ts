// Exit codes of every command (S-12) and the error that carries one to main.ts.

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  unavailable: 3,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** A failure the user can act on: each line goes to stderr, then the process exits with `code`. */
export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    readonly lines: string[],
  ) {
    super(lines.join('\n'))
  }
}

export const USAGE_HINT = "run 'rect --help' for usage"

export function usageError(...lines: string[]): CliError {
  return new CliError(EXIT.usage, lines)
}

export function unavailable(...lines: string[]): CliError {
  return new CliError(EXIT.unavailable, lines)
}
