// Wire building blocks shared by every resource's schemas.ts (C-11 … C-15, C-25, C-26).
import { Type, type TSchema, type TObject } from 'typebox'
import { unnamed } from '../openapi/components.ts'

/**
 * A value that may be null. Emitted as `type: [t, 'null']`; the OpenAPI plugin writes `nullable`.
 * An enum lists `null` too, so strict validators accept the null they will be sent (OpenAPI 3.0.3).
 */
export function Nullable<T extends TSchema>(schema: T) {
  const s = unnamed(schema as unknown as { type?: string; enum?: unknown[]; [k: string]: unknown })
  return Type.Unsafe<import('typebox').Static<T> | null>({ ...s, type: [s.type, 'null'], ...(s.enum ? { enum: [...s.enum, null] } : {}) })
}

export const Id = Type.String({ format: 'uuid', description: 'The unique ID of the resource.', example: 'd0b4a32e-a272-489e-b30a-cb17131457fc' })
export const Timestamp = Type.String({ format: 'date-time', example: '2025-06-20T09:14:03Z' })
export const CalendarDate = Type.String({ format: 'date', example: '2025-09-01' })
export const Year = Type.String({ example: '2025' })

/** `{ id, type, attributes }` in that order (C-13). */
export function Resource<A extends TObject>(type: string, attributes: A, description?: string) {
  return Type.Object(
    { id: Id, type: Type.String({ enum: [type], example: type, description: 'The data type.' }), attributes },
    { required: ['id', 'type', 'attributes'], ...(description ? { description } : {}) },
  )
}

export function One<T extends TSchema>(resource: T, description: string) {
  return Type.Object({ data: resource }, { description })
}

export function Many<T extends TSchema>(resource: T, description: string) {
  return Type.Object({ data: Type.Array(resource) }, { description })
}

const ErrorItem = Type.Object({ title: Type.String(), detail: Type.String() })

export function ErrorBody(description: string, title: string, detail: string) {
  return Type.Object(
    { errors: Type.Array(ErrorItem) },
    { description, examples: [{ errors: [{ title, detail }] }] },
  )
}

export const Unauthorised = Type.Object(
  { error: Type.String({ example: 'HTTP Token: Access denied' }) },
  { description: 'Authorization information is missing or invalid.', examples: [{ error: 'HTTP Token: Access denied' }] },
)
export const NotFound = ErrorBody('The requested resource was not found.', 'Resource not found', 'Nothing could be found for the provided details')
export const BadRequest = ErrorBody(
  'The request was malformed.',
  'Bad request',
  'Correct json data structure required. See API docs for reference.',
)
export const Unprocessable = ErrorBody('The payload was not valid. See the errors for more information.', 'cohort', "Enter a '#/cohort'.")
export const TooLarge = ErrorBody('The request body is larger than 1 MB.', 'Payload too large', 'The request body must not be larger than 1 MB')
export const TooMany = ErrorBody(
  'Rate limit exceeded.',
  'Too many requests',
  'Rate limit exceeded. Retry after the number of seconds given in the Retry-After header',
)

/** The error responses a read can give (C-69). */
export const readErrors = { 400: BadRequest, 401: Unauthorised, 429: TooMany }
export const showErrors = { ...readErrors, 404: NotFound }
export const writeErrors = { ...showErrors, 413: TooLarge, 422: Unprocessable }

export const PaginationFilter = Type.Object(
  {
    page: Type.Optional(Type.Integer({ description: 'The page number to paginate to in the collection. Defaults to 1.', example: 1 })),
    per_page: Type.Optional(Type.Integer({ description: 'The number of items per page. Defaults to 100; at most 3000.', example: 10 })),
  },
  { description: 'Pagination options to navigate through the list of results.' },
)

export function SortParameter(keys: string[]) {
  return Type.String({
    description: `Sort records: a comma-separated list of ${keys.join(', ')}; a leading - sorts descending.`,
    enum: keys.flatMap((k) => [k, `-${k}`]),
    example: keys[0],
  })
}
