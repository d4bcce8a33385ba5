// W-9: check-answers rows for govukSummaryList (a "Change" link per answer, to its step, with
// visually hidden text naming it) and the success banner shown once (a session flash).
import type { FastifyRequest } from 'fastify'
import type { Flash } from '../plugins/session.ts'

export type AnswerRow = {
  key: string
  /** Plain text (escaped by the template). */
  value: string
  /** The step to change it; none for answers that cannot change (e.g. "start again"). */
  changeHref?: string
  /** Shown instead of a Change link. */
  note?: string
}

/** Rows in govukSummaryList's shape. */
export function summaryRows(rows: AnswerRow[]) {
  return rows.map((row) => ({
    key: { text: row.key },
    value: { text: row.note ? `${row.value}` : row.value },
    ...(row.changeHref
      ? { actions: { items: [{ href: row.changeHref, text: 'Change', visuallyHiddenText: row.key.toLowerCase() }] } }
      : {}),
  }))
}

/** W-9: the success banner on the next page, shown once. */
export function setFlash(request: FastifyRequest, flash: Flash): void {
  request.session.flash = flash
}
