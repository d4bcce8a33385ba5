// sort (C-47 … C-50): keys in order, `-` descending; unknown keys dropped, never a 400.
import type { SortKey } from '../../db/page.ts'
import type { QueryValue } from './query-string.ts'

/** Declared in db/page.ts, beside the SQL that applies it (db/ never imports api/). */
export type { SortKey }

export function parseSort<K extends string>(value: QueryValue | undefined, allowed: readonly K[]): SortKey<K>[] {
  const text = Array.isArray(value) ? value.at(-1) : value
  if (typeof text !== 'string') return []
  const keys: SortKey<K>[] = []
  for (const raw of text.split(',')) {
    let item = raw
    let direction: 'asc' | 'desc' = 'asc'
    if (item.startsWith('-')) {
      direction = 'desc'
      item = item.slice(1)
    } else if (item.startsWith('+') || item.startsWith(' ')) {
      item = item.slice(1)
    }
    if ((allowed as readonly string[]).includes(item) && !keys.some((k) => k.key === item)) {
      keys.push({ key: item as K, direction })
    }
  }
  return keys
}
