// Progressive enhancement only: every page works without this script.
// GOV.UK Frontend's components look for these classes before they start.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
