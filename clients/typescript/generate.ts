// The types of the v3 document as openapi-typescript writes them (scripts/client.ts).
import openapiTS, { astToString } from 'openapi-typescript'

const HEADER = `// Generated from rect's /api/v3/openapi.json by openapi-typescript (npm run client). Do not edit.\n\n`

export async function clientTypes(document: Record<string, unknown>): Promise<string> {
  const { servers: _servers, ...rest } = document
  return HEADER + astToString(await openapiTS(rest as never, { alphabetize: false }))
}
