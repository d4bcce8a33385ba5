import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkDeclaration, completionFinish, DECLARATION_TYPES, evidenceRule, inSequence, mentorAt, milestoneWindow, parseDeclarationDate, wireState,
  type DeclarationFacts, type DeclarationInput,
} from '../../../../src/domain/declarations/rules.ts'

describe('parseDeclarationDate (D-44 #12)', () => {
  it('D-44 #12: the accepted forms, read as instants', () => {
    expect(parseDeclarationDate('2026-11-20T09:00:00Z')?.toISOString()).toBe('2026-11-20T09:00:00.000Z')
    expect(parseDeclarationDate('2026-11-20T09:00:00')?.toISOString()).toBe('2026-11-20T09:00:00.000Z')
    expect(parseDeclarationDate('2026-11-20T09:00:00,25+01')?.toISOString()).toBe('2026-11-20T08:00:00.250Z')
    expect(parseDeclarationDate('2026-11-20T09:00:00.1234-0130')?.toISOString()).toBe('2026-11-20T10:30:00.123Z')
    expect(parseDeclarationDate('2026-11-20T09:00:00+05:30')?.toISOString()).toBe('2026-11-20T03:30:00.000Z')
  })

  it('D-44 #12: bare dates, impossible days and other forms are rejected', () => {
    for (const text of ['2026-11-20', '2026-02-29T09:00:00Z', '2026-11-20 09:00:00', '2026-11-20T24:00:00Z', '2026-11-20t09:00:00z', '2026-11-20T09:00Z', '2026-11-20T09:00:00+25:00']) {
      expect([text, parseDeclarationDate(text)]).toEqual([text, null])
    }
  })
})

describe('inSequence (D-46)', () => {
  const at = (iso: string) => new Date(iso)

  it('D-46: equal instants pass; missing earlier types are fine', () => {
    expect(inSequence('retained-1', at('2026-03-10T09:00:00Z'), [])).toBe(true)
    expect(inSequence('retained-2', at('2026-03-10T09:00:00Z'), [{ declaration_type: 'retained-1', declaration_date: at('2026-03-10T09:00:00Z') }])).toBe(true)
    expect(inSequence('retained-2', at('2026-02-01T09:00:00Z'), [{ declaration_type: 'retained-1', declaration_date: at('2026-03-10T09:00:00Z') }])).toBe(false)
    expect(inSequence('started', at('2026-03-11T09:00:00Z'), [{ declaration_type: 'completed', declaration_date: at('2026-03-10T09:00:00Z') }])).toBe(false)
  })

  it('D-46: any new date between the neighbours of a well-ordered history passes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 9, maxLength: 9 }), fc.integer({ min: 0, max: 8 }), (raw, pick) => {
        const times = [...raw].sort((a, b) => a - b)
        const history = DECLARATION_TYPES.map((type, i) => ({ declaration_type: type, declaration_date: new Date(times[i]! * 60_000) })).filter((_, i) => i !== pick)
        const low = pick === 0 ? 0 : times[pick - 1]!
        const high = pick === 8 ? 10_000 : times[pick + 1]!
        const date = new Date(Math.floor((low + high) / 2) * 60_000)
        return inSequence(DECLARATION_TYPES[pick]!, date, history)
      }),
    )
  })
})

describe('milestoneWindow (D-32)', () => {
  it('D-32: from 00:00 London on the start date to before 00:00 London after the milestone date', () => {
    const m = { start_date: '2024-06-01', milestone_date: '2024-12-31' }
    expect(milestoneWindow(new Date('2024-05-31T22:59:59Z'), m)).toEqual({ early: true, late: false })
    expect(milestoneWindow(new Date('2024-05-31T23:00:00Z'), m)).toEqual({ early: false, late: false })
    expect(milestoneWindow(new Date('2024-12-31T23:59:59Z'), m)).toEqual({ early: false, late: false })
    expect(milestoneWindow(new Date('2025-01-01T00:00:00Z'), m)).toEqual({ early: false, late: true })
    expect(milestoneWindow(new Date('2030-01-01T00:00:00Z'), { start_date: '2025-06-01', milestone_date: null })).toEqual({ early: false, late: false })
  })
})

describe('evidenceRule (D-45)', () => {
  it('D-45: the detailed table and the other cohorts', () => {
    expect(evidenceRule('ect', 'retained-2', true).allowed).toEqual(['75-percent-engagement-met', '75-percent-engagement-met-reduced-induction'])
    expect(evidenceRule('ect', 'completed', true).allowed).toContain('one-term-induction')
    expect(evidenceRule('mentor', 'completed', true).allowed).not.toContain('one-term-induction')
    expect(evidenceRule('mentor', 'started', true)).toMatchObject({ required: true })
    expect(evidenceRule('ect', 'started', false)).toEqual({ required: false, allowed: ['training-event-attended', 'self-study-material-completed', 'other'], dropInvalid: true })
    expect(evidenceRule('mentor', 'retained-1', false)).toMatchObject({ required: true, dropInvalid: false })
  })
})

describe('mentorAt (D-48)', () => {
  const m = (id: string, started_on: string, finished_on: string | null) => ({ mentor_teacher_id: id, started_on, finished_on })
  it('D-48: the covering mentorship wins, else the nearest start or end, else null', () => {
    expect(mentorAt('2026-01-01', [])).toBeNull()
    expect(mentorAt('2026-01-01', [m('a', '2025-09-01', '2026-01-01'), m('b', '2026-01-01', null)])).toBe('b')
    expect(mentorAt('2026-01-01', [m('a', '2025-09-01', '2025-12-20'), m('b', '2026-01-05', null)])).toBe('b')
    expect(mentorAt('2026-01-01', [m('a', '2025-09-01', '2025-12-30'), m('b', '2026-01-05', null)])).toBe('a')
  })
})

describe('wireState and completionFinish (D-41, D-49)', () => {
  it('D-41: the clawback status when not none, else the payment status', () => {
    expect(wireState('paid', 'awaiting-clawback')).toBe('awaiting-clawback')
    expect(wireState('eligible', 'none')).toBe('eligible')
  })
  it('D-49 (decided): the later of the declaration date + 1 day and the TP start + 1 day', () => {
    expect(completionFinish('2026-11-20', '2025-09-01')).toBe('2026-11-21')
    expect(completionFinish('2026-11-20', '2026-12-01')).toBe('2026-12-02')
  })
})

describe('checkDeclaration (D-44)', () => {
  const input: DeclarationInput = {
    participant_id: '5b9e1d3f-7a2c-4f8e-9b4d-3c6a0e2f8d71',
    declaration_type: 'started',
    declaration_date: '2026-11-20T09:00:00Z',
    course_identifier: 'ecf-induction',
    evidence_held: 'training-event-attended',
  }
  const facts: DeclarationFacts = {
    now: new Date('2026-11-23T10:00:00Z'),
    teacherFound: true,
    fundingEligible: true,
    target: { id: 'tp', cohort_year: 2025, schedule_identifier: 'ecf-standard-september', withdrawn_at: null, deferred_at: null, mentor_funding_enabled: true, detailed_evidence_types_enabled: true },
    knownThroughOtherRole: false,
    callersParticipant: true,
    duplicate: false,
    milestone: { start_date: '2025-06-01', milestone_date: null },
    frozenCohortToday: null,
    openStatement: true,
    billable: [],
  }

  it('D-44: a valid declaration has no problems and keeps its evidence', () => {
    expect(checkDeclaration(input, facts)).toMatchObject({ problems: [], type: 'started', evidence: 'training-event-attended' })
  })

  it('D-44 #18 is skipped after #17 (errors on cohort); alone it reports the TP cohort', () => {
    const both = checkDeclaration(input, { ...facts, frozenCohortToday: 2022, openStatement: false })
    expect(both.problems.map((p) => p.detail.slice(0, 40))).toEqual(['You cannot submit declarations for the 2'])
    const alone = checkDeclaration(input, { ...facts, openStatement: false })
    expect(alone.problems.map((p) => p.detail.slice(0, 48))).toEqual(['You cannot submit or void declarations for the 2025'.slice(0, 48)])
  })

  it('D-44 #21 (decided): a participant not the caller\'s gets #21 alone, whatever else would fail (#8, #17, #19 …)', () => {
    const { problems } = checkDeclaration(
      { ...input, declaration_date: null, declaration_type: 'nonsense' },
      { ...facts, milestone: null, frozenCohortToday: 2022, duplicate: true, openStatement: false, callersParticipant: false },
    )
    expect(problems).toEqual([{ attribute: 'participant_id', detail: "Your update cannot be made as the '#/participant_id' is not recognised. Check participant details and try again." }])
    expect(checkDeclaration(input, { ...facts, duplicate: true, callersParticipant: false }).problems.map((p) => p.attribute)).toEqual(['participant_id'])
  })

  it('D-44 #19 is skipped after a cohort error', () => {
    const { problems } = checkDeclaration(input, { ...facts, milestone: null, frozenCohortToday: 2022 })
    expect(problems.map((p) => p.attribute)).toEqual(['cohort'])
  })

  it('D-44 #12 stops #9 … #11: an unparseable date reports only the format', () => {
    const { problems } = checkDeclaration({ ...input, declaration_date: '2099-01-01' }, facts)
    expect(problems).toEqual([{ attribute: 'declaration_date', detail: "Enter a valid RCF3339 '#/declaration_date'." }])
  })
})
