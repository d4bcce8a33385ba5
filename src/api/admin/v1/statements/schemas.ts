// The operator's statements (D-81 … D-85).
import { Type } from 'typebox'
import { OUTPUT_MONTHS, STATEMENT_TEXT, type OutputMonth } from '../../../../domain/statements/rules.ts'
import { kinds, tableSchema, type FieldKind, type FieldTable } from '../../../common/fields.ts'
import { CalendarDate, Id, Nullable, PaginationFilter, Timestamp, Year, readErrors, showErrors, writeErrors } from '../../../common/schemas.ts'
import { named } from '../../../openapi/components.ts'

export const AdminStatement = Type.Object(
  {
    id: Id,
    lead_provider_id: Type.String({ format: 'uuid' }),
    cohort: Year,
    year: Type.Integer({ example: 2027 }),
    month: Type.Integer({ enum: [...OUTPUT_MONTHS], example: 1 }),
    cut_off_date: CalendarDate,
    payment_date: CalendarDate,
    status: Type.String({ enum: ['open', 'payable', 'paid'] }),
    marked_as_paid_at: Nullable(Timestamp),
    created_at: Timestamp,
    updated_at: Timestamp,
  },
  { description: 'An output statement (D-60).' },
)
named('Statement', AdminStatement)

export const statementExample = {
  id: '45146ec2-594a-495a-bb02-8b2280a3deaf',
  lead_provider_id: '4a1f0c2e-8d3b-4f6a-9b2c-7e5d1a0f3c88',
  cohort: '2025',
  year: 2027,
  month: 1,
  cut_off_date: '2026-12-31',
  payment_date: '2027-01-25',
  status: 'open',
  marked_as_paid_at: null,
  created_at: '2025-07-01T10:00:12Z',
  updated_at: '2025-07-01T10:00:12Z',
}

/** D-82: 1, 4, 8 or 11, as a number or a string of digits. */
function month(): FieldKind<OutputMonth> {
  return {
    schema: Type.Integer({ enum: [...OUTPUT_MONTHS], example: 1 }),
    read(value) {
      const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN
      return (OUTPUT_MONTHS as readonly number[]).includes(n) ? { ok: true, value: n as OutputMonth } : { ok: false, detail: STATEMENT_TEXT.month }
    },
  }
}

/** D-82's request table, in its order (C-76). */
export const statementFields = {
  lead_provider_id: { kind: kinds.uuid(), required: true },
  cohort: { kind: kinds.year(), required: true, example: '2025' },
  year: { kind: kinds.year(), required: true, description: 'From the cohort year to four years after it.', example: '2027' },
  month: { kind: month(), required: true, example: 1 },
  cut_off_date: { kind: kinds.date(), required: true, example: '2026-12-31' },
  payment_date: { kind: kinds.date(), required: true, description: 'After the cut-off date.', example: '2027-01-25' },
} satisfies FieldTable

/** D-83's request table. */
export const calendarFields = {
  lead_provider_id: { kind: kinds.uuid(), description: 'Only this lead provider; by default every lead provider paired in the cohort.' },
} satisfies FieldTable

const tags = ['Statements']
const one = (description: string, example: unknown = statementExample) => ({ ...Type.Object({ data: AdminStatement }, { description }), examples: [{ data: example }] })

export const listSchema = {
  operationId: 'listStatements',
  summary: 'List statements, ordered by lead provider name, cohort and cut-off date',
  tags,
  querystring: Type.Object({
    filter: Type.Optional(
      Type.Object({
        lead_provider_id: Type.Optional(Type.String({ format: 'uuid' })),
        cohort: Type.Optional(Type.String({ example: '2025' })),
        status: Type.Optional(Type.String({ enum: ['open', 'payable', 'paid'] })),
      }),
    ),
    page: Type.Optional(PaginationFilter),
  }),
  response: { 200: { ...Type.Object({ data: Type.Array(AdminStatement) }, { description: 'The statements' }), examples: [{ data: [statementExample] }] }, ...readErrors },
}

export const createSchema = {
  operationId: 'createStatement',
  summary: 'Add one output statement',
  tags,
  body: tableSchema(statementFields, {
    example: { lead_provider_id: statementExample.lead_provider_id, cohort: '2025', year: '2027', month: 1, cut_off_date: '2026-12-31', payment_date: '2027-01-25' },
  }),
  response: { 201: one('The statement created'), ...writeErrors },
}

export const calendarSchema = {
  operationId: 'createStatementCalendar',
  summary: "Create a cohort's standard statement calendar, skipping statements that exist",
  tags,
  params: Type.Object({ year: Year }),
  body: tableSchema(calendarFields, { example: { lead_provider_id: statementExample.lead_provider_id } }),
  response: {
    201: {
      ...Type.Object({ data: Type.Object({ created: Type.Array(AdminStatement), already_present: Type.Integer() }) }, { description: 'The statements created' }),
      examples: [{ data: { created: [statementExample], already_present: 3 } }],
    },
    ...writeErrors,
  },
}

export const markPayableSchema = {
  operationId: 'markStatementPayable',
  summary: 'Mark an open statement whose cut-off date has passed payable',
  tags,
  params: Type.Object({ id: Id }),
  response: { 200: one('The statement, payable', { ...statementExample, status: 'payable' }), ...showErrors, 422: writeErrors[422] },
}

export const markPaidSchema = {
  operationId: 'markStatementPaid',
  summary: 'Mark a payable statement paid',
  tags,
  params: Type.Object({ id: Id }),
  response: { 200: one('The statement, paid', { ...statementExample, status: 'paid', marked_as_paid_at: '2027-01-25T10:00:00Z' }), ...showErrors, 422: writeErrors[422] },
}
