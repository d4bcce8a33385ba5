// The bench's judgement and table (Q-2): each row's three runs as medians with their spread, its
// two raw-SQL baselines and ratios, the mixed and rebuild rows, memory, and every bar met or missed.
// Bars are judged on the medians, for the working tree's server (B) when --compare runs two.
import type { BaselineName } from './baselines.ts'
import type { Timing } from './load.ts'
import type { MixedRound } from './mixed.ts'
import type { ColdBuild, StaleRows } from './rebuild.ts'
import type { EmptyPoll, FullSync, Scenario } from './rows.ts'

export type Summary = {
  runs: number
  rps: number
  p50: number
  p95: number
  p99: number
  failures: number
  spread_p50: [number, number]
  spread_p95: [number, number]
  statuses: Record<string, number>
}

/** The median of the runs that had answers (a run with none is counted in `failures`). */
const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : Math.round(((s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) * 10) / 10
}
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null)

/** The median of each figure over the runs (three, alternated), with min–max of p50 and p95. */
export function summarise(runs: Timing[]): Summary {
  const statuses: Record<string, number> = {}
  for (const r of runs) for (const [k, n] of Object.entries(r.statuses ?? {})) statuses[k] = (statuses[k] ?? 0) + n
  const p50s = runs.map((r) => r.p50).filter((x) => !Number.isNaN(x))
  const p95s = runs.map((r) => r.p95).filter((x) => !Number.isNaN(x))
  return {
    runs: runs.length,
    rps: median(runs.map((r) => r.rps)),
    p50: median(p50s),
    p95: median(p95s),
    p99: median(runs.map((r) => r.p99)),
    failures: runs.reduce((a, r) => a + r.failures, 0),
    spread_p50: [Math.min(...p50s), Math.max(...p50s)],
    spread_p95: [Math.min(...p95s), Math.max(...p95s)],
    statuses,
  }
}

/** Everything one run measured. */
export type Measured = {
  servers: string[]
  scenarios: Scenario[]
  /** Per server label, per scenario id, one Timing per round. */
  rows: Record<string, Record<string, Timing[]>>
  /** Per `${baseline} ${per_page}`: the floor's and the derivation's runs (one per round). */
  baselines: Record<string, { name: BaselineName; per_page: number; floor: Timing[]; derivation: Timing[] }>
  mixed: Record<string, MixedRound[]>
  sync: Record<string, FullSync>
  poll: Record<string, EmptyPoll>
  /** Per server, peak RSS in MB by phase. */
  rss: Record<string, Record<string, number>>
  cold: ColdBuild | null
  stale: StaleRows[]
  seqScans: string[]
}

export const baselineKey = (name: string, perPage: number) => `${name} ${perPage}`

export type TableRow = Summary & {
  server: string
  id: string
  name: string
  per_page: number | null
  p95_bar: number | null
  floor_p50: number | null
  ratio_floor: number | null
  derivation_p50: number | null
  ratio_derivation: number | null
}

export function tableRows(m: Measured): TableRow[] {
  const out: TableRow[] = []
  for (const s of m.scenarios) {
    for (const server of m.servers) {
      const summary = summarise(m.rows[server]![s.id]!)
      const base = s.baseline && s.perPage ? m.baselines[baselineKey(s.baseline, s.perPage)] : undefined
      const floorP50 = base ? median(base.floor.map((t) => t.p50)) : null
      const derivationP50 = base ? median(base.derivation.map((t) => t.p50)) : null
      out.push({
        ...summary, server, id: s.id, name: s.name, per_page: s.perPage, p95_bar: Number.isFinite(s.p95Bar) ? s.p95Bar : null,
        floor_p50: floorP50, ratio_floor: floorP50 === null ? null : ratio(summary.p50, floorP50),
        derivation_p50: derivationP50, ratio_derivation: derivationP50 === null ? null : ratio(summary.p50, derivationP50),
      })
    }
  }
  return out
}

export type MixedSummary = { server: string; read_only: Summary; mixed: Summary; ratio_p95: number | null; post_p95: number; post_p95_spread: [number, number]; writes: number; rate: number; statuses: Record<string, number>; server_errors: number; non_2xx: number; skipped: number }

export function mixedSummary(server: string, rounds: MixedRound[]): MixedSummary {
  const readOnly = summarise(rounds.map((r) => r.read_only))
  const mixed = summarise(rounds.map((r) => r.mixed))
  const statuses: Record<string, number> = {}
  for (const r of rounds) for (const [k, n] of Object.entries(r.writer.statuses)) statuses[k] = (statuses[k] ?? 0) + n
  const posts = rounds.map((r) => r.writer.posts.p95)
  const sum = (f: (r: MixedRound) => number) => rounds.reduce((a, r) => a + f(r), 0)
  return {
    server, read_only: readOnly, mixed, ratio_p95: ratio(mixed.p95, readOnly.p95),
    post_p95: median(posts), post_p95_spread: [Math.min(...posts), Math.max(...posts)],
    writes: sum((r) => r.writer.writes), rate: median(rounds.map((r) => r.writer.rate)), statuses,
    server_errors: sum((r) => r.writer.server_errors), non_2xx: sum((r) => r.writer.non_2xx), skipped: sum((r) => r.writer.skipped),
  }
}

type Bar = { bar: string; met: boolean; detail: string }

/** Every bar, judged on the medians of `judged` (the working tree's server). */
export function judge(m: Measured, table: TableRow[], judged: string): Bar[] {
  const bars: Bar[] = []
  const mine = table.filter((r) => r.server === judged)
  for (const r of mine) {
    if (r.p95_bar !== null) bars.push({ bar: `Q-4 ${r.id}`, met: r.p95 <= r.p95_bar && r.failures === 0, detail: `median p95 ${r.p95} ms (bar ${r.p95_bar} ms; ${r.spread_p95.join('–')}), ${r.failures} failures` })
    if (r.per_page === 3000 && r.ratio_derivation !== null) bars.push({ bar: `Q-3 ${r.id}`, met: r.ratio_derivation <= 2, detail: `p50 ${r.p50} ms = ${r.ratio_derivation} × raw-SQL derivation ${r.derivation_p50} ms (bar 2 ×)` })
    if (r.ratio_floor !== null) bars.push({ bar: `floor ${r.id}`, met: r.ratio_floor <= 1.5, detail: `p50 ${r.p50} ms = ${r.ratio_floor} × stored-text floor ${r.floor_p50} ms (bar 1.5 ×)` })
  }
  const q5 = mine.find((r) => r.name === 'GET /api/v3/partnerships' && r.per_page === 100)!
  bars.push({ bar: 'Q-5 GET /api/v3/partnerships per_page 100', met: q5.rps >= 1000 && q5.failures === 0, detail: `median ${q5.rps} requests/s (bar 1,000)` })
  const sync = m.sync[judged]!
  bars.push({ bar: 'Q-6 full sync', met: sync.ms <= 10_000 && !sync.failed,
    detail: `${sync.pages} pages, ${sync.records} participants, ${sync.ms} ms (bar 10,000 ms)${sync.failed ? `; stopped: ${sync.failed}` : ''}` })
  const poll = m.poll[judged]!
  bars.push({ bar: 'Q-6 empty incremental poll', met: poll.p95 <= 50 && poll.records === 0 && !poll.failed,
    detail: `p95 ${poll.p95} ms over 20 polls, ${poll.records} records (bar 50 ms)${poll.failed ? `; failed: ${poll.failed}` : ''}` })
  const mixed = mixedSummary(judged, m.mixed[judged]!)
  bars.push({ bar: 'mixed poll p95 ≤ 1.5 × read-only', met: mixed.ratio_p95 !== null && mixed.ratio_p95 <= 1.5 && mixed.mixed.failures === 0 && mixed.read_only.failures === 0,
    detail: `median p95 ${mixed.mixed.p95} ms beside ${mixed.rate} writes/s = ${mixed.ratio_p95} × read-only ${mixed.read_only.p95} ms; poll failures ${mixed.mixed.failures}` })
  bars.push({ bar: 'mixed POST /api/v3/partnerships p95 ≤ 30 ms', met: mixed.post_p95 <= 30, detail: `median p95 ${mixed.post_p95} ms (${mixed.post_p95_spread.join('–')})` })
  bars.push({ bar: 'mixed writes: no 5xx', met: mixed.server_errors === 0, detail: `${mixed.writes} writes, ${mixed.server_errors} 5xx, ${mixed.non_2xx} not 2xx, ${mixed.skipped} not sent` })
  if (m.cold) bars.push({ bar: 'cold build ≤ 60 s', met: m.cold.seconds <= 60, detail: `${m.cold.documents} documents in ${m.cold.seconds} s (${m.cold.per_second}/s)` })
  for (const s of m.stale.filter((x) => x.server === judged)) {
    for (const r of s.rows) {
      const fives = [r.per_page_100, r.per_page_3000].reduce((a, t) => a + Object.entries(t.statuses ?? {}).filter(([k]) => Number(k) >= 500 || Number(k) === 0).reduce((b, [, n]) => b + n, 0), 0)
      bars.push({ bar: `rebuild after ${r.cause}: participants per_page 100 p95 ≤ 100 ms`, met: r.per_page_100.p95 <= 100, detail: `p95 ${r.per_page_100.p95} ms (${r.stale} documents stale)` })
      bars.push({ bar: `rebuild after ${r.cause}: participants per_page 3000 p95 ≤ 1,000 ms`, met: r.per_page_3000.p95 <= 1000, detail: `p95 ${r.per_page_3000.p95} ms` })
      bars.push({ bar: `rebuild after ${r.cause}: no 5xx`, met: fives === 0, detail: `${fives} 5xx or failed connections` })
    }
  }
  const rss = m.rss[judged] ?? {}
  const peak = Math.max(0, ...Object.values(rss))
  bars.push({ bar: 'Q-7 server RSS ≤ 200 MB', met: peak > 0 && peak <= 200, detail: `peak ${peak} MB (${Object.entries(rss).map(([k, v]) => `${k} ${v}`).join(', ')})` })
  bars.push({ bar: 'Q-9 no Seq Scan on a table over 10,000 rows', met: m.seqScans.length === 0, detail: m.seqScans.length ? m.seqScans.join('; ') : 'none' })
  return bars
}

const cell = (n: number | null | undefined) => (n === null || n === undefined || Number.isNaN(n) ? '' : String(n))

export function printTable(head: string[], body: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |'
  console.log('\n' + line(head))
  console.log('|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|')
  for (const b of body) console.log(line(b))
}

/** The rows' table: medians of the three runs, the spread, both baselines and both ratios. */
export function printRows(table: TableRow[], compare: boolean): void {
  const head = ['endpoint', 'per_page', ...(compare ? ['server'] : []), 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'p50 spread', 'p95 spread', 'floor p50', 'ratio_floor', 'derivation p50', 'ratio_derivation', 'p95 bar']
  printTable(head, table.map((r) => [
    r.name, cell(r.per_page), ...(compare ? [r.server] : []), cell(r.rps), cell(r.p50), cell(r.p95), cell(r.p99),
    `${r.spread_p50[0]}–${r.spread_p50[1]}`, `${r.spread_p95[0]}–${r.spread_p95[1]}`,
    cell(r.floor_p50), cell(r.ratio_floor), cell(r.derivation_p50), cell(r.ratio_derivation), cell(r.p95_bar),
  ]))
}

/** --compare: per row A's and B's medians and the ratio B/A of p50 and p95. */
export function compareRows(table: TableRow[], a: string, b: string) {
  const ids = [...new Set(table.map((r) => r.id))]
  return ids.map((id) => {
    const ra = table.find((r) => r.id === id && r.server === a)!
    const rb = table.find((r) => r.id === id && r.server === b)!
    return { id, a_p50: ra.p50, b_p50: rb.p50, ratio_p50: ratio(rb.p50, ra.p50), a_p95: ra.p95, b_p95: rb.p95, ratio_p95: ratio(rb.p95, ra.p95) }
  })
}

export function printCompare(rows: ReturnType<typeof compareRows>): void {
  printTable(['row', 'A p50', 'B p50', 'B/A p50', 'A p95', 'B p95', 'B/A p95'],
    rows.map((r) => [r.id, cell(r.a_p50), cell(r.b_p50), cell(r.ratio_p50), cell(r.a_p95), cell(r.b_p95), cell(r.ratio_p95)]))
}
