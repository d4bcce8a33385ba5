// Query strings with bracket keys, as upstream's Rails reads them: `filter[cohort]=2025`,
// `filter[cohort][]=2024&filter[cohort][]=2025`, `page[per_page]=10`. The last value of a
// repeated scalar wins (C-42); an escape that cannot be decoded stays literal text (C-45).

export type QueryValue = string | QueryValue[] | { [key: string]: QueryValue }
export type Query = { [key: string]: QueryValue }

export function decodeComponent(text: string): string {
  const plus = text.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(plus)
  } catch {
    return plus.replace(/%([0-9a-fA-F]{2})/g, (whole, hex: string) => {
      const code = Number.parseInt(hex, 16)
      return code < 0x80 ? String.fromCharCode(code) : whole
    })
  }
}

/** `filter[cohort][]` → ['filter', 'cohort', '']; a key without brackets is one part. */
function keyParts(key: string): string[] {
  const m = /^([^[\]]*)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!m || m[1] === '') return [key]
  const rest = [...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((x) => x[1]!)
  return [m[1]!, ...rest]
}

// Every object is prototype-free and only own keys are followed, so no key (`constructor`,
// `prototype`, `__proto__`) can reach Object.prototype (Q-21: request data never shapes code).
const child = (): Query => Object.create(null)

function assign(target: Query, parts: string[], value: string): void {
  const [head, ...rest] = parts as [string, ...string[]]
  if (rest.length === 0) {
    target[head] = value
    return
  }
  const [next, ...deeper] = rest as [string, ...string[]]
  const existing = Object.hasOwn(target, head) ? target[head] : undefined
  if (next === '' && deeper.length === 0) {
    if (Array.isArray(existing)) existing.push(value)
    else target[head] = [value]
    return
  }
  let node = existing
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) {
    node = child()
    target[head] = node
  }
  assign(node, rest, value)
}

export function parseQueryString(text: string): Query {
  const out = child()
  if (text === '') return out
  for (const pair of text.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const rawKey = eq === -1 ? pair : pair.slice(0, eq)
    const rawValue = eq === -1 ? '' : pair.slice(eq + 1)
    const key = decodeComponent(rawKey)
    const parts = keyParts(key)
    if (key === '' || parts.includes('__proto__')) continue
    assign(out, parts, decodeComponent(rawValue))
  }
  return out
}
