// Pieces every operator resource uses: list requests (C-80) and path lookups (C-78).
import type { FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../errors.ts'
import { readListRequest } from '../../common/list-request.ts'

/** C-80: operator lists page like v3 and check `filter` (C-37); their order is fixed. */
export function readAdminList(request: FastifyRequest) {
  const { filter, page } = readListRequest(request, { sortKeys: [] as const })
  return { filter, page }
}

export function paramOf(request: FastifyRequest, name: string): string {
  return (request.params as Record<string, string>)[name] ?? ''
}

/** C-78: the path resource must exist before the body is read. */
export function found<T>(row: T | undefined): T {
  if (row === undefined) throw new NotFoundError()
  return row
}
