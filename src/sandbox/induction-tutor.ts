// S-36: every kit school has an induction tutor. Until the school action of R-17 lands (issue 5,
// POST /api/admin/v1/schools/{urn}/induction-tutor), the seed writes the two columns directly;
// the reference step then calls that action instead.
import type { Clock } from '../clock.ts'
import type { Tx } from '../db/transaction.ts'

export async function setInductionTutor(tx: Tx, clock: Clock, schoolId: string, tutor: { name: string; email: string }): Promise<void> {
  await tx
    .updateTable('schools')
    .set({ induction_tutor_name: tutor.name, induction_tutor_email: tutor.email, updated_at: clock.now })
    .where('id', '=', schoolId)
    .execute()
}
