// page[page] and page[per_page] (C-32 … C-35).
import type { Page } from '../../db/page.ts'
import { BadRequestError } from '../../errors.ts'
import type { Query } from './query-string.ts'

export const PAGE_MESSAGE =
  "The '#/page[page]' and '#/page[per_page]' parameter values must be a valid positive number"
export const DEFAULT_PER_PAGE = 100
export const MAX_PER_PAGE = 3000
/** C-35: an offset beyond this answers an empty page rather than a database error. */
const MAX_OFFSET = 2 ** 53 - 1

/** Declared in db/page.ts, beside the SQL that applies it (db/ never imports api/). */
export type { Page }

/** Leading integer: optional spaces, optional sign, digits; no digits → 0 (C-33). */
export function leadingInteger(value: string): number {
  const m = /^\s*([+-]?)(\d+)/.exec(value)
  if (!m) return 0
  const n = Number(m[2])
  return m[1] === '-' ? -n : n
}

function pageValue(value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'string') return 0
  return leadingInteger(value)
}

export function parsePage(query: Query): Page {
  const raw = query.page
  if (raw === undefined) return { page: 1, perPage: DEFAULT_PER_PAGE, offset: 0, beyondEnd: false }
  // C-34: a scalar or an array in place of the object is the same 400.
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new BadRequestError(PAGE_MESSAGE)
  const page = pageValue(raw.page, 1)
  const perPage = pageValue(raw.per_page, DEFAULT_PER_PAGE)
  if (page < 1 || perPage < 1) throw new BadRequestError(PAGE_MESSAGE)
  const limited = Math.min(perPage, MAX_PER_PAGE)
  const offset = (page - 1) * limited
  const beyondEnd = !Number.isSafeInteger(offset) || offset > MAX_OFFSET || offset > 2 ** 62
  return { page, perPage: limited, offset: beyondEnd ? 0 : offset, beyondEnd }
}
