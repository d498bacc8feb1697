// hv-new-registration's per-area numbers (working days, age) from the
// safeguards' configuration, for the dashboard's gp-registrations-seen figure
// to count as the safeguard does (web/figures.h cannot see the safeguards).
#pragma once

#include "safeguards/config.h"
#include "web/figures.h"

namespace sightline::cli {

// A copy of `config` is kept by the returned function.
web::RegistrationTermsOfArea registration_terms(const safeguards::SafeguardsConfig& config);

}  // namespace sightline::cli
