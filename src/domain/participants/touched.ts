// What a school action changed, so its stamps move once at the end: teachers, partnerships
// with an attached period whose dates or attachment changed (P-36), and school cohorts (P-37).
import type { Tx } from '../../db/transaction.ts'
import { bumpPartnerships, bumpSchoolCohort, bumpTeachers } from '../stamps.ts'

export class Touched {
  readonly #teachers = new Set<string>()
  readonly #partnerships = new Set<string>()
  readonly #schoolCohorts = new Map<string, { school_id: string; cohort_year: number }>()

  teacher(id: string): this {
    this.#teachers.add(id)
    return this
  }

  partnership(id: string | null): this {
    if (id !== null) this.#partnerships.add(id)
    return this
  }

  schoolCohort(schoolId: string, cohortYear: number): this {
    this.#schoolCohorts.set(`${schoolId}/${cohortYear}`, { school_id: schoolId, cohort_year: cohortYear })
    return this
  }

  async bump(tx: Tx, now: Date): Promise<void> {
    await bumpTeachers(tx, now, [...this.#teachers])
    await bumpPartnerships(tx, now, [...this.#partnerships])
    for (const { school_id, cohort_year } of this.#schoolCohorts.values()) await bumpSchoolCohort(tx, now, school_id, cohort_year)
  }
}
