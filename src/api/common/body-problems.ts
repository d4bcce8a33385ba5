// What is wrong with a request body, in words that name the real problem (issue 18). Every one is
// a 400 under upstream's title `Bad request` (C-21, C-23, C-26); only the detail says which
// mistake was made, so malformed JSON, a wrong Content-Type, `curl -d` without a Content-Type and
// a missing `attributes` can be told apart by the client and in the request log.

const V3_SHAPE = '{"data":{"type":"…","attributes":{…}}}'

/**
 * C-23: a body the JSON parser refused. JSON.parse's own message gives the position; when it
 * parses, the refusal was a `__proto__` or `constructor.prototype` key.
 */
export function notJson(text: string): string {
  let reason: string
  try {
    JSON.parse(text)
    return 'The request body is not accepted: it contains a "__proto__" or "constructor" key.'
  } catch (error) {
    reason = (error as Error).message
  }
  const position = /position (\d+)/.exec(reason)?.[1]
  if (/end of (json )?input|unterminated/i.test(reason) || (position !== undefined && Number(position) >= text.length)) {
    return 'The request body is not valid JSON: it ends before the JSON is complete.'
  }
  return position === undefined
    ? 'The request body is not valid JSON.'
    : `The request body is not valid JSON: unexpected character at position ${position}.`
}

/** C-23: a body sent with another Content-Type, or none (curl -d sends a form unless told). */
export function notJsonContentType(contentType: string | undefined): string {
  const wanted = "The request body must be JSON sent with 'Content-Type: application/json'"
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  if (type === '') return `${wanted}; this request has a body but no Content-Type.`
  if (type === 'application/x-www-form-urlencoded') {
    return `${wanted}; this request sent a form (application/x-www-form-urlencoded), which is what curl -d sends unless given -H 'Content-Type: application/json'.`
  }
  return `${wanted}; this request sent '${type.slice(0, 100)}'.`
}

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`

/** C-21 on a v3 write: which part of `{"data":{"attributes":{…}}}` is missing or wrong. */
export function v3BodyShape(body: unknown, allowed: readonly string[]): string {
  const expected = `Expected ${V3_SHAPE} with at least one of: ${allowed.join(', ')}.`
  if (body === undefined) return `The request has no body. ${expected}`
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return `The request body must be a JSON object, not ${kindOf(body)}. ${expected}`
  const data = (body as Record<string, unknown>).data
  if (data === undefined) return `The request body has no 'data'. ${expected}`
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return `The request body's 'data' must be an object, not ${kindOf(data)}. ${expected}`
  const attributes = (data as Record<string, unknown>).attributes
  if (Object.keys(data).length === 0 || attributes === undefined) return `The request body has no 'data.attributes'. ${expected}`
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) {
    return `The request body's 'data.attributes' must be an object, not ${kindOf(attributes)}. ${expected}`
  }
  if (Object.keys(attributes).length === 0) return `The request body's 'data.attributes' is empty. ${expected}`
  return `The request body's 'data.attributes' has none of this endpoint's attributes as a value (an array or object counts as absent). ${expected}`
}

/** C-73: an operator API body must be one flat JSON object. */
export function operatorBodyShape(body: unknown): string {
  return `The request body must be a JSON object of fields, not ${kindOf(body)}.`
}
