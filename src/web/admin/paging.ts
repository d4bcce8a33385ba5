// Admin lists page 50 at a time (spec/08 section 5), `?page=` in the URL; a page number that is
// not a whole number from 1 is not a page (W-14: 404, never 5xx).
import type { Page } from '../../api/common/paging.ts'
import { NotFoundError } from '../../errors.ts'

export const ADMIN_PER_PAGE = 50

export function adminPage(value: unknown): Page {
  if (value === undefined || value === '') return { page: 1, perPage: ADMIN_PER_PAGE, offset: 0, beyondEnd: false }
  if (typeof value !== 'string' || !/^[1-9]\d{0,5}$/.test(value)) throw new NotFoundError()
  const page = Number(value)
  return { page, perPage: ADMIN_PER_PAGE, offset: (page - 1) * ADMIN_PER_PAGE, beyondEnd: false }
}

export type PaginationLink = { number: number; href: string; current: boolean } | { ellipsis: true }

export type Pagination = {
  previous: { href: string } | null
  next: { href: string } | null
  items: PaginationLink[]
}

/**
 * The GOV.UK pagination component's model: previous and next, the first and last pages, and
 * the pages either side of the current one, with ellipses between. `href` keeps the other query
 * parameters (a search or filter) and sets `page`.
 */
export function pagination(page: number, total: number, href: (page: number) => string): Pagination | null {
  const pages = Math.max(1, Math.ceil(total / ADMIN_PER_PAGE))
  if (pages <= 1) return null
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  const items: PaginationLink[] = []
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) items.push({ ellipsis: true })
    items.push({ number: n, href: href(n), current: n === page })
  })
  return {
    previous: page > 1 ? { href: href(page - 1) } : null,
    next: page < pages ? { href: href(page + 1) } : null,
    items,
  }
}

/** A path with its query: empty values left out, `page` 1 left out. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue
    if (key === 'page' && Number(value) === 1) continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return text === '' ? path : `${path}?${text}`
}
