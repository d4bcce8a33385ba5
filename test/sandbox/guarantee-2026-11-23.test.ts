// S-40 at T = 2026-11-23 (guarantee.ts).
import { describeGuarantee } from './guarantee.ts'

describeGuarantee('2026-11-23')
