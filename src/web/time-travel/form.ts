// W-31: the time travel form: a date (W-8, noun "Date") and an optional 24-hour time.
import { ErrorCollector, type FieldSpec, type PageErrors } from '../forms/errors.ts'
import { dateParts, parseDate, type DateParts } from '../forms/date-input.ts'
import { field, type FormBody } from '../forms/form.ts'

export const FIELDS: FieldSpec[] = [{ id: 'date' }, { id: 'time' }]

export const TEXTS = {
  blank: 'Enter a date',
  range: 'Date must be between 1 January 2000 and 31 December 2099',
  time: 'Enter a time like 14:30',
}

export type TimeTravelValues = { date: DateParts; time: string }

export type TimeTravelResult =
  | { ok: true; value: string }
  | { ok: false; errors: PageErrors; values: TimeTravelValues }

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:00` (Europe/London local time), or the page's errors. */
export function readTimeTravel(body: FormBody): TimeTravelResult {
  const values = { date: dateParts(body, 'date'), time: field(body, 'time') }
  const errors = new ErrorCollector(FIELDS)
  const date = parseDate(values.date, { blank: TEXTS.blank, noun: 'Date' })
  if (!date.ok) errors.add('date', date.error, date.partsInError)
  else if (date.value < '2000-01-01' || date.value > '2099-12-31') errors.add('date', TEXTS.range, ['day', 'month', 'year'])
  const time = values.time.trim()
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(time)
  if (time !== '' && (!m || Number(m[1]) > 23 || Number(m[2]) > 59)) errors.add('time', TEXTS.time)
  if (!errors.empty || !date.ok) return { ok: false, errors: errors.result(), values }
  if (time === '') return { ok: true, value: date.value }
  return { ok: true, value: `${date.value}T${m![1]!.padStart(2, '0')}:${m![2]}:00` }
}
