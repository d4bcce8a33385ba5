// S-30, S-38: the people of the kit. Names and dates of birth come from their own mulberry32
// stream (seeded with N xor 0x5eed, so the reference draws of reference.ts are unchanged), drawn
// per person in plan order; TRNs are 2900001 upwards in that order; ids from the person's key.
import type { Role } from '../db/schema.ts'
import { randomFor, seedId } from './derive.ts'
import { FIRST_NAMES, LAST_NAMES } from './names.ts'
import type { LeadProviderPlan } from './reference.ts'

export type Person = {
  key: string
  /** The teacher id, which is the participant id (S-30: from `key`). */
  id: string
  code: string
  role: Role
  trn: string
  first_name: string
  last_name: string
  date_of_birth: string
  email: string
}

export const FIRST_TRN = 2900001

/** The people of one lead provider's kit, in row order of S-38 (a mentor `m…`/`g`/`wm`/`pm…`/`t8`). */
export const KIT_PEOPLE: readonly { code: string; role: Role }[] = [
  ...['o1', 'o2', 'o3', 'o4'].map((code) => ({ code, role: 'ect' as const })),
  { code: 'pm1', role: 'mentor' }, { code: 'pm2', role: 'mentor' },
  ...['p1', 'p2', 'p3', 'p4', 'p5', 'w1', 'w2', 'w3'].map((code) => ({ code, role: 'ect' as const })),
  { code: 'wm', role: 'mentor' },
  { code: 'a1', role: 'ect' }, { code: 'a2', role: 'ect' }, { code: 'm1', role: 'mentor' },
  ...['a3', 'a4', 'sl1', 'b1', 'd1', 'd2', 'e1', 'f1'].map((code) => ({ code, role: 'ect' as const })),
  { code: 'g', role: 'mentor' },
  ...['h1', 't1', 't2', 't3', 't4', 't5', 't6', 't7'].map((code) => ({ code, role: 'ect' as const })),
  { code: 't8', role: 'mentor' },
]

/** The kit school a person is first registered at (the S-30 key `teacher:<slug>:<school>:<code>`). */
export function homeSchool(code: string): string {
  if (code === 't3') return 'A'
  if (code === 'h1' || code.startsWith('t')) return 'H'
  if (code === 'b1') return 'B'
  if (code.startsWith('d')) return 'D'
  if (code === 'e1') return 'E'
  if (code === 'f1' || code === 'g') return 'F'
  return 'A'
}

export type PeoplePlan = {
  /** By lead provider slug, then person code. */
  kit: Map<string, Map<string, Person>>
  /** G1–G3: two school-led ECTs each, `G1:1` … `G3:2`. */
  schoolLed: Map<string, Person>
}

export function planPeople(seed: number, leadProviders: readonly LeadProviderPlan[]): PeoplePlan {
  const random = randomFor(seed ^ 0x5eed)
  let trn = FIRST_TRN
  const person = (key: string, code: string, role: Role): Person => {
    const first_name = random.pick(FIRST_NAMES)
    const last_name = random.pick(LAST_NAMES)
    const year = 1975 + random.below(26)
    const month = 1 + random.below(12)
    const day = 1 + random.below(28)
    const number = trn++
    return {
      key,
      id: seedId(seed, key),
      code,
      role,
      trn: String(number),
      first_name,
      last_name,
      date_of_birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      email: `${first_name}.${last_name}.${number}@example.com`.toLowerCase(),
    }
  }
  const kit = new Map<string, Map<string, Person>>()
  for (const lp of leadProviders) {
    const people = new Map<string, Person>()
    for (const { code, role } of KIT_PEOPLE) people.set(code, person(`teacher:${lp.slug}:${homeSchool(code)}:${code}`, code, role))
    kit.set(lp.slug, people)
  }
  const schoolLed = new Map<string, Person>()
  for (const g of ['G1', 'G2', 'G3']) {
    for (const n of [1, 2]) schoolLed.set(`${g}:${n}`, person(`teacher:${g}:${n}`, `${g}:${n}`, 'ect'))
  }
  return { kit, schoolLed }
}
