// The query of a list endpoint, read in the order of C-10 rows 6 … 9.
import type { FastifyRequest } from 'fastify'
import { filterOf, updatedSince, type Filter } from './filters.ts'
import { parsePage, type Page } from './paging.ts'
import type { Query } from './query-string.ts'
import { parseSort, type SortKey } from './sort.ts'

export type ListRequest<K extends string> = {
  filter: Filter
  page: Page
  sort: SortKey<K>[]
  /** Only when the endpoint supports `updated_since` (C-39). */
  updatedSince: Date | null
}

export function queryOf(request: FastifyRequest): Query {
  return (request.query ?? {}) as Query
}

export function readListRequest<K extends string>(
  request: FastifyRequest,
  options: { sortKeys: readonly K[]; updatedSince?: boolean; required?: (filter: Filter) => void },
): ListRequest<K> {
  const query = queryOf(request)
  const filter = filterOf(query)
  options.required?.(filter)
  const since = options.updatedSince ? updatedSince(filter) : null
  const page = parsePage(query)
  return { filter, page, sort: parseSort(query.sort, options.sortKeys), updatedSince: since }
}

/** C-37 on show and write endpoints: `filter`, when present, must still be an object. */
export function checkFilterShape(request: FastifyRequest): Filter {
  return filterOf(queryOf(request))
}
