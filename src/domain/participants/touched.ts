// What a school action changed, so its stamps move once at the end: teachers, partnerships
// with an attached period whose dates or attachment changed (P-36), and school cohorts (P-37);
// then the EOI periods it created look once more for a partnership (P-33 against P-5, 0014).
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/transaction.ts'
import { attachToPartnershipCreatedMeanwhile, type NewEoiPeriod } from '../partnerships/attach-eoi-training.ts'
import { bumpPartnerships, bumpSchoolCohort, bumpTeachers } from '../stamps.ts'

export class Touched {
  readonly #teachers = new Set<string>()
  readonly #partnerships = new Set<string>()
  readonly #attached = new Set<string>()
  readonly #schoolCohorts = new Map<string, { school_id: string; cohort_year: number }>()
  readonly #eoiPeriods = new Map<string, NewEoiPeriod>()

  teacher(id: string): this {
    this.#teachers.add(id)
    return this
  }

  partnership(id: string | null): this {
    if (id !== null) this.#partnerships.add(id)
    return this
  }

  /** A partnership a training period was created on (P-5, P-29 row 4): P-27 rule 2's first attachment, P-36's stamp. */
  attached(id: string | null): this {
    if (id !== null) this.#attached.add(id)
    return this.partnership(id)
  }

  schoolCohort(schoolId: string, cohortYear: number): this {
    this.#schoolCohorts.set(`${schoolId}/${cohortYear}`, { school_id: schoolId, cohort_year: cohortYear })
    return this
  }

  /** An EOI period created (its school cohort is touched too). */
  eoiPeriod(period: NewEoiPeriod): this {
    this.#eoiPeriods.set(`${period.school_id}/${period.lead_provider_id}/${period.cohort_year}`, period)
    return this.schoolCohort(period.school_id, period.cohort_year)
  }

  async bump(tx: Tx, clock: Clock): Promise<void> {
    const now = clock.now
    await bumpTeachers(tx, now, [...this.#teachers])
    // Every partnership row is first taken here, in key order (stamps.ts): marking an attachment
    // before the stamps would hold one partnership while waiting for another.
    await bumpPartnerships(tx, now, [...this.#partnerships], [...this.#attached])
    // In key order, as bumpTeachers and bumpPartnerships lock theirs (stamps.ts): no two commands wait in a cycle.
    const schoolCohorts = [...this.#schoolCohorts.values()].sort((a, b) => a.school_id.localeCompare(b.school_id) || a.cohort_year - b.cohort_year)
    for (const { school_id, cohort_year } of schoolCohorts) await bumpSchoolCohort(tx, now, school_id, cohort_year)
    for (const period of this.#eoiPeriods.values()) await attachToPartnershipCreatedMeanwhile(tx, clock, period)
  }
}
