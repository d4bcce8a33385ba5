// The 400s for v3 write bodies (C-21, C-23, issue 18): upstream's title, a detail naming the mistake.

export const SHAPE = {
  none: 'The request has no body.',
  array: 'The request body must be a JSON object, not an array.',
  noData: "The request body has no 'data'.",
  dataNull: "The request body's 'data' must be an object, not null.",
  noAttributes: "The request body has no 'data.attributes'.",
  attributesArray: "The request body's 'data.attributes' must be an object, not an array.",
  attributesEmpty: "The request body's 'data.attributes' is empty.",
  noneRead: "The request body's 'data.attributes' has none of this endpoint's attributes as a value (an array or object counts as absent).",
} as const

/** The 400 for a v3 body of the wrong shape, on an endpoint reading `allowed`. */
export const badShape = (problem: string, allowed: readonly string[]) => ({
  errors: [{ title: 'Bad request', detail: `${problem} Expected {"data":{"type":"…","attributes":{…}}} with at least one of: ${allowed.join(', ')}.` }],
})

export const BROKEN_JSON = { errors: [{ title: 'Bad request', detail: 'The request body is not valid JSON: it ends before the JSON is complete.' }] }
