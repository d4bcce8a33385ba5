// What a list read asks for beyond its filters: one page (C-32 … C-35) in an order (C-47 … C-50).
// The API parses them (api/common/paging.ts, api/common/sort.ts); the SQL applies them
// (fragments.ts). They live here so that db/ never imports api/.

export type Page = { page: number; perPage: number; offset: number; beyondEnd: boolean }

export type SortKey<K extends string> = { key: K; direction: 'asc' | 'desc' }
