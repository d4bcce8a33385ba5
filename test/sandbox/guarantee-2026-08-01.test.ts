// S-40 at T = 2026-08-01 (guarantee.ts).
import { describeGuarantee } from './guarantee.ts'

describeGuarantee('2026-08-01')
