// S-40 at T = 2027-09-15 (guarantee.ts).
import { describeGuarantee } from './guarantee.ts'

describeGuarantee('2027-09-15')
