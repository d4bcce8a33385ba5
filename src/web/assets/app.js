// GOV.UK Frontend's components (service navigation toggle, error summary focus, …). Every page
// works without it (W-6).
import { initAll } from './govuk-frontend.min.js'

initAll()
