// What every admin page handler shares: the page of a list, a command's refusal as page errors
// (W-7), and path values that are malformed answering the 404 page (W-14).
import type { FastifyRequest } from 'fastify'
import { InvalidError, NotFoundError, type Problem } from '../../errors.ts'
import { ErrorCollector, type FieldSpec, type PageErrors } from '../forms/errors.ts'
import { queryValue } from '../forms/form.ts'
import { adminPage } from './paging.ts'

/** The list page asked for (`?page=`, 50 a page). */
export function listPage(request: FastifyRequest) {
  return adminPage(queryValue(request.query, 'page') || undefined)
}

/** Runs a command; its refusal (422, C-76) comes back as problems instead of a throw. */
export async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; problems: Problem[] }> {
  try {
    return { ok: true, value: await run() }
  } catch (error) {
    if (error instanceof InvalidError) return { ok: false, problems: error.problems }
    throw error
  }
}

export function pageErrors(fields: FieldSpec[], problems: readonly Problem[]): PageErrors {
  return new ErrorCollector(fields).addProblems(problems).result()
}

export function param(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? ''
}

/** `{year}` in a path: four digits, else the 404 page. */
export function pathYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new NotFoundError()
  return Number(value)
}

/** `{urn}` in a path: six digits, else the 404 page. */
export function pathUrn(value: string): string {
  if (!/^\d{6}$/.test(value)) throw new NotFoundError()
  return value
}

export function found<T>(row: T | undefined | null): T {
  if (row === undefined || row === null) throw new NotFoundError()
  return row
}

export type SelectItem = { value: string; text: string; selected?: boolean }

/** A select's items: a blank first option, then each choice, the one chosen marked. */
export function selectItems(choices: readonly { value: string | number; text: string }[], selected: unknown, blank: string): SelectItem[] {
  return [{ value: '', text: blank }, ...choices.map((c) => ({ value: String(c.value), text: c.text, selected: String(c.value) === String(selected ?? '') }))]
}
