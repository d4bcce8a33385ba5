// The introductions of the two documents (info.description, Markdown): what a client author needs
// that no single operation says — authentication, paging, filters, rate limits, errors, time travel.

const sandbox = (surface: string) => `
## Sandbox and time travel

In sandbox mode (\`rect serve\`, \`npm start\`) every ${surface} request may carry
\`X-With-Server-Date: 2027-01-10\` or a date-time such as \`2027-01-10T10:00:00Z\`: that one request
acts on that date. A date alone means 00:00 Europe/London, so a declaration dated later that day is in
the future; send a date-time to act during the day. Everything the request decides uses the date, and
what it writes keeps it as \`created_at\`/\`updated_at\`, so a later poll with an earlier
\`filter[updated_since]\` can miss a record written "in the past". Other requests, rate-limit windows
and the request log keep the real time. In production the header answers 400.`

export const V3_GUIDE = `The Register early career teachers Lead Provider API v3, served by rect.

## Authentication

Send \`Authorization: Bearer <token>\` on every request. A missing, unknown or revoked token answers 401
\`{"error":"HTTP Token: Access denied"}\`. A sandbox started with \`npm start\` prints one token per lead
provider; the examples in this document are real answers of a sandbox with seed 1 to
**Ambition Institute**'s token, and the ids in them are the same in every seed-1 sandbox, so
*Try it out* with that token returns data.

## Answers

Every answer is JSON: \`{"data": …}\` on success (200, both POSTs included), \`{"errors":[{"title":…,"detail":…}]}\`
on any error but 401. A 422 lists every problem of the request, \`title\` naming the attribute.
Nothing of another lead provider's is ever shown: its ids answer 404.

## Paging

List endpoints take \`page[page]\` (from 1) and \`page[per_page]\` (default 100, at most 3000). There are no
totals or links: ask for the next page until a page comes back with \`"data":[]\`. Rows are in a stable
order (the sort, then an internal id), so a walk never repeats or skips a row that does not change
meanwhile. A value below 1 or not a number answers 400.

## Filters and polling

\`filter\` is an object in the query string (\`filter[cohort]=2024,2025\`); list filters take a comma-separated
string. \`filter[updated_since]\` takes an ISO 8601 date-time (\`2025-11-03T08:00:00Z\`; a date alone is a 400)
and keeps records whose \`updated_at\` is at or after it. \`updated_at\` moves whenever anything you can see
in the record changes, including changes made by schools, DfE or the passing of a date, so polling with
\`updated_since\` set a few minutes before your last poll misses nothing. \`GET /schools\` needs
\`filter[cohort]\`.

## Rate limits

Each token may make 1000 requests per 5-minute window (windows start at multiples of 300 seconds since the
Unix epoch); requests without a valid token count per IP address (1500). Every limited answer carries
\`RateLimit-Limit\`, \`RateLimit-Remaining\` and \`RateLimit-Reset\` (seconds to the window's end); beyond the
limit the answer is 429 with \`Retry-After\` in seconds.
${sandbox('`/api/v3`')}`

export const ADMIN_GUIDE = `The operator API of rect: reference data (cohorts, lead providers, delivery partners, schools,
statements), lead provider tokens, DfE's manual partnerships, the school actions that register and move
teachers, and in sandbox mode the seed, scenario and reset endpoints.

Authenticate with an admin token: \`Authorization: Bearer <admin token>\` (printed at sandbox start-up, or
\`RECT_ADMIN_TOKEN\`, or \`rect admin-token\`). Bodies are flat JSON objects of snake_case fields; answers are
\`{"data": …}\`, 201 for a creation, 204 for a deletion. A 422 lists one problem per field. Lists page like
the lead provider API (\`page[page]\`, \`page[per_page]\`, stop at \`"data":[]\`). Admin-token requests are not
rate limited; requests without a valid token count against the client IP (429 with \`Retry-After\`).
${sandbox('`/api/admin/v1`')}`
