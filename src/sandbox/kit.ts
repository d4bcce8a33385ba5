// S-38: the kit each lead provider gets, rows 1 … 28, as dated steps; and the G1–G3 school-led
// schools. L is the lead provider (index i in name order), L′ the next one (wrapping round).
import { addDays } from '../clock.ts'
import { standardCalendar } from '../domain/statements/rules.ts'
import type { Person, PeoplePlan } from './people.ts'
import type { LeadProviderPlan, SchoolPlan } from './reference.ts'
import {
  actionStep, declarationStep, fundingStep, leavingStep, manualPartnershipStep, mentorStep, partnershipStep, registerStep,
  scheduleStep, schoolOf, voidStep, type Replay,
} from './kit-support.ts'
import { inductionStep, participantIdChangeStep } from './facts.ts'
import type { Step } from './steps.ts'

/** s₋₁, s₀, s₁: the cut-off dates of the three latest P statements with a cut-off before T. */
export function previousCohortCutOffs(previous: number, seedingDate: string): [string, string, string] {
  const before = standardCalendar(previous).map((s) => s.cut_off_date).filter((d) => d < seedingDate).sort()
  const [sm1, s0, s1] = before.slice(-3) as [string, string, string]
  return [sm1, s0, s1]
}

export function kitSteps(r: Replay, people: PeoplePlan, i: number): Step[] {
  const lps = r.plan.leadProviders
  const L = lps[i]!
  const Lnext = lps[(i + 1) % lps.length]!
  const { seedingDate: T, current: C, previous: P, currentStart: SC, previousStart: SP } = r.dates
  const at = (days: number) => addDays(T, days)
  const [sm1, s0, s1] = previousCohortCutOffs(P, T)
  const who = (code: string): Person => people.kit.get(L.slug)!.get(code)!
  const school = (code: string, lp: LeadProviderPlan = L) => schoolOf(r.plan, lp, code)
  const [A, B, Cn, D, E, F, H] = (['A', 'B', 'Cn', 'D', 'E', 'F', 'H'] as const).map((c) => school(c)) as [SchoolPlan, SchoolPlan, SchoolPlan, SchoolPlan, SchoolPlan, SchoolPlan, SchoolPlan]
  const Aother = school('A', Lnext)
  const july = (year: number) => `${year}-07-01`
  const reg = (code: string, where = A, extra: Partial<Parameters<typeof registerStep>[1]> = {}) =>
    registerStep(r, { on: extra.on ?? SP, person: who(code), school: where, lp: L, ...extra })
  const declare = (code: string, type: string, on: string, cohort: number, name?: string) =>
    declarationStep(r, { on, lp: L, person: who(code), type, cohort, ...(name ? { name } : {}) })
  const leave = (code: string, where: typeof A, leavingOn: string, reportedOn = leavingOn) =>
    leavingStep(r, { on: reportedOn, person: who(code), school: where, leavingOn })

  return [
    // Row 1 … 4: A in 2021 … 2024.
    partnershipStep(r, { on: july(2021), lp: L, school: A, dp: 'D3', year: 2021 }),
    reg('o1', A, { on: '2021-09-01' }),
    declare('o1', 'started', '2021-10-01', 2021),
    scheduleStep({ on: at(-20), lp: L, person: who('o1'), schedule: 'ecf-extended-september', cohort: C }),
    partnershipStep(r, { on: july(2022), lp: L, school: A, dp: 'D3', year: 2022 }),
    reg('o2', A, { on: '2022-09-01' }),
    declare('o2', 'started', '2022-10-01', 2022),
    declare('o2', 'retained-1', '2023-02-01', 2022),
    partnershipStep(r, { on: july(2023), lp: L, school: A, dp: 'D1', year: 2023 }),
    reg('o3', A, { on: '2023-09-01' }),
    declare('o3', 'started', '2023-10-01', 2023),
    declare('o3', 'retained-1', '2024-02-01', 2023),
    declare('o3', 'retained-2', '2024-05-01', 2023),
    declare('o3', 'retained-3', '2024-09-01', 2023),
    declare('o3', 'retained-4', '2025-02-01', 2023),
    inductionStep({ on: '2025-07-15', person: who('o3') }),
    leave('o3', A, '2025-08-31'),
    partnershipStep(r, { on: july(2024), lp: L, school: A, dp: 'D1', year: 2024 }),
    reg('o4', A, { on: '2024-09-01' }),
    declare('o4', 'started', '2024-10-01', 2024),
    declare('o4', 'retained-1', '2025-02-01', 2024),
    declare('o4', 'retained-2', '2025-05-01', 2024),

    // Rows 5 … 12: A in P.
    partnershipStep(r, { on: july(P), lp: L, school: A, dp: 'D1', year: P }),
    reg('pm1'), reg('pm2'),
    reg('p1'), reg('p2'), reg('p3'), reg('p4'), reg('p5'),
    ...['p1', 'p2', 'p3'].map((c) => mentorStep(r, { on: SP, ect: who(c), mentor: who('pm2'), school: A })),
    ...['p4', 'p5'].map((c) => mentorStep(r, { on: SP, ect: who(c), mentor: who('pm1'), school: A })),
    fundingStep({ on: SP, person: who('p5'), eligible: false }),
    declare('p1', 'started', addDays(s0, -20), P),
    declare('p1', 'retained-1', addDays(s1, -20), P),
    declare('p1', 'retained-2', T, P),
    declare('p2', 'started', addDays(sm1, -20), P),
    voidStep(r, { on: addDays(s0, -20), lp: L, person: who('p2'), name: 'started' }),
    declare('p2', 'started', addDays(s1, -15), P, 'started-again'),
    declare('p3', 'started', addDays(s0, -20), P),
    voidStep(r, { on: T, lp: L, person: who('p3'), name: 'started' }),
    declare('p4', 'started', T, P),
    declare('p4', 'retained-1', T, P),
    voidStep(r, { on: T, lp: L, person: who('p4'), name: 'retained-1' }),
    declare('p5', 'started', T, P),
    declare('pm1', 'started', addDays(s0, -20), P),
    declare('pm1', 'completed', T, P),
    declare('pm2', 'started', addDays(s1, -20), P),
    reg('w1'), reg('w2'), reg('w3'), reg('wm'),
    actionStep({ on: at(-20), lp: L, person: who('w1'), action: 'withdraw', reason: 'other' }),
    actionStep({ on: at(-15), lp: L, person: who('w2'), action: 'defer', reason: 'parental-leave' }),
    actionStep({ on: at(-60), lp: L, person: who('w3'), action: 'defer', reason: 'career-break' }),
    actionStep({ on: at(-30), lp: L, person: who('w3'), action: 'resume' }),
    actionStep({ on: at(-10), lp: L, person: who('wm'), action: 'withdraw', reason: 'mentor-no-longer-being-mentor' }),

    // Rows 13, 14: A in C.
    partnershipStep(r, { on: july(C), lp: L, school: A, dp: 'D1', year: C }),
    reg('a1', A, { on: SC }),
    reg('a2', A, { on: SC, workingPattern: 'part_time' }),
    reg('m1', A, { on: SC }),
    mentorStep(r, { on: SC, ect: who('a1'), mentor: who('m1'), school: A }),
    mentorStep(r, { on: SC, ect: who('a2'), mentor: who('m1'), school: A }),
    declare('a1', 'started', T, C),
    scheduleStep({ on: at(-10), lp: L, person: who('a2'), schedule: 'ecf-extended-september' }),
    reg('a3', A, { on: at(-3), startedOn: at(14) }),
    reg('a4', A, { on: SC }),
    leave('a4', A, at(30), at(-2)),
    reg('sl1', A, { on: SC, lp: null }),

    // Row 15: B, an expression of interest.
    reg('b1', B, { on: SC }),
    // Row 16: Cn, a partnership without participants.
    partnershipStep(r, { on: july(C), lp: L, school: Cn, dp: 'D2', year: C }),
    // Row 17: D, carried forward from P to C.
    partnershipStep(r, { on: july(P), lp: L, school: D, dp: 'D1', year: P }),
    reg('d1', D),
    reg('d2', D, { on: SC, cohort: C, usePrevious: true }),
    // Row 18: E, a second partnership added by DfE.
    partnershipStep(r, { on: july(C), lp: L, school: E, dp: 'D1', year: C }),
    manualPartnershipStep(r, { on: july(C), lp: L, school: E, dp: 'D2', year: C }),
    reg('e1', E, { on: SC }),
    // Row 19: F, two lead providers; g trains with L′ and mentors L's f1.
    partnershipStep(r, { on: july(C), lp: L, school: F, dp: 'X1', year: C }),
    partnershipStep(r, { on: july(C), lp: Lnext, school: F, dp: 'X2', year: C }),
    reg('f1', F, { on: SC }),
    reg('g', F, { on: SC, lp: Lnext }),
    mentorStep(r, { on: SC, ect: who('f1'), mentor: who('g'), school: F }),
    // Row 20: H keeps h1, who has one participant id change (S-39).
    partnershipStep(r, { on: july(P), lp: L, school: H, dp: 'D2', year: P }),
    partnershipStep(r, { on: july(C), lp: L, school: H, dp: 'D2', year: C }),
    reg('h1', H),
    participantIdChangeStep(r, L, who('h1'), at(-100)),

    // Rows 21 … 28: transfers.
    reg('t1', H), leave('t1', H, at(-60)), reg('t1', A, { on: at(-60) }),
    reg('t2', H), declare('t2', 'started', addDays(s0, -20), P), leave('t2', H, at(-45)), reg('t2', Aother, { on: at(-45), lp: Lnext }),
    reg('t3', A), leave('t3', A, at(10), at(-5)), reg('t3', Aother, { on: at(-3), startedOn: at(10), lp: Lnext }),
    reg('t4', H), leave('t4', H, at(-20)),
    reg('t5', H), leave('t5', H, at(20), at(-10)), reg('t5', D, { on: at(-4), startedOn: at(-5) }),
    reg('t6', H), leave('t6', H, at(-30)), reg('t6', schoolOf(r.plan, null, `G${(i % 3) + 1}`), { on: at(-30), lp: null }),
    reg('t7', H), leave('t7', H, at(-120)), reg('t7', A, { on: at(-90) }),
    reg('t8', H), leave('t8', H, at(-25)), reg('t8', A, { on: at(-25) }),
  ]
}

/** G1–G3: two school-led ECTs each from S_C; no lead provider sees them. */
export function schoolLedSteps(r: Replay, people: PeoplePlan): Step[] {
  return [...people.schoolLed.entries()].map(([code, person]) =>
    registerStep(r, { on: r.dates.currentStart, person, school: schoolOf(r.plan, null, code.split(':')[0]!), lp: null }),
  )
}

