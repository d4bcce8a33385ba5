import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { declarationTypesOf, roleMayHold, SCHEDULE_IDENTIFIERS, shiftedSchedules, tabledSchedules } from '../../../../src/domain/schedules/rules.ts'

describe('schedules as data', () => {
  it('D-30: twelve identifiers; ECTs never replacement, mentors never reduced', () => {
    expect(SCHEDULE_IDENTIFIERS).toHaveLength(12)
    expect(SCHEDULE_IDENTIFIERS.filter((s) => roleMayHold('ect', s)).every((s) => !s.includes('replacement'))).toBe(true)
    expect(SCHEDULE_IDENTIFIERS.filter((s) => roleMayHold('mentor', s)).every((s) => !s.includes('reduced'))).toBe(true)
    expect(SCHEDULE_IDENTIFIERS.filter((s) => roleMayHold('ect', s))).toHaveLength(9)
    expect(declarationTypesOf('ecf-extended-april')).toHaveLength(9)
    expect(declarationTypesOf('ecf-replacement-april')).toEqual(['started', 'retained-1', 'retained-2', 'retained-3', 'retained-4', 'completed'])
  })

  it('D-33: 2022 standard-january is the published table', () => {
    const s = tabledSchedules(2022).find((x) => x.identifier === 'ecf-standard-january')!
    expect(s.milestones).toEqual([
      { declaration_type: 'started', start_date: '2023-01-01', milestone_date: '2023-03-31' },
      { declaration_type: 'retained-1', start_date: '2023-04-01', milestone_date: '2023-07-31' },
      { declaration_type: 'retained-2', start_date: '2023-08-01', milestone_date: '2023-12-31' },
      { declaration_type: 'retained-3', start_date: '2024-01-01', milestone_date: '2024-03-31' },
      { declaration_type: 'retained-4', start_date: '2024-04-01', milestone_date: '2024-07-31' },
      { declaration_type: 'completed', start_date: '2024-08-01', milestone_date: '2024-12-31' },
    ])
  })

  it('D-34: 2024 extended, reduced and replacement schedules start 2024-09-01, 2025-01-01, 2025-04-01, no deadlines', () => {
    const starts = Object.fromEntries(
      tabledSchedules(2024)
        .filter((s) => !s.identifier.startsWith('ecf-standard'))
        .map((s) => [s.identifier, [...new Set(s.milestones.map((m) => `${m.start_date}/${m.milestone_date}`))]]),
    )
    expect(starts).toEqual({
      'ecf-extended-september': ['2024-09-01/null'], 'ecf-extended-january': ['2025-01-01/null'], 'ecf-extended-april': ['2025-04-01/null'],
      'ecf-reduced-september': ['2024-09-01/null'], 'ecf-reduced-january': ['2025-01-01/null'], 'ecf-reduced-april': ['2025-04-01/null'],
      'ecf-replacement-september': ['2024-09-01/null'], 'ecf-replacement-january': ['2025-01-01/null'], 'ecf-replacement-april': ['2025-04-01/null'],
    })
  })

  it('D-35: 2025 and 2026 start dates, every milestone_date null', () => {
    for (const [year, [standardSeptember, september, january, april]] of [
      [2025, ['2025-06-01', '2025-09-01', '2026-01-01', '2026-04-01']],
      [2026, ['2026-06-01', '2026-09-01', '2027-01-01', '2027-04-01']],
    ] as const) {
      const starts = Object.fromEntries(tabledSchedules(year).map((s) => [s.identifier, [...new Set(s.milestones.map((m) => m.start_date))]]))
      expect(starts['ecf-standard-september']).toEqual([standardSeptember])
      for (const kind of ['extended', 'reduced', 'replacement']) expect(starts[`ecf-${kind}-september`]).toEqual([september])
      for (const kind of ['standard', 'extended', 'reduced', 'replacement']) {
        expect(starts[`ecf-${kind}-january`]).toEqual([january])
        expect(starts[`ecf-${kind}-april`]).toEqual([april])
      }
      expect(tabledSchedules(year).every((s) => s.milestones.every((m) => m.milestone_date === null))).toBe(true)
    }
  })

  it('D-36: before 2021 there are none', () => {
    expect(tabledSchedules(2020)).toEqual([])
  })

  it('D-31: every tabled milestone has milestone_date after start_date (property over years and shifts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2021, max: 2026 }), fc.integer({ min: 0, max: 70 }), (year, shift) => {
        for (const s of shiftedSchedules(tabledSchedules(year), shift)) {
          expect(s.milestones.map((m) => m.declaration_type)).toEqual(declarationTypesOf(s.identifier))
          for (const m of s.milestones) if (m.milestone_date !== null) expect(m.milestone_date > m.start_date).toBe(true)
        }
      }),
    )
  })
})
