// Where whereabouts-unknown and missing-alert-required meet: when the
// whereabouts alert is raised, the missing alert is raised with it (and an
// involvement that begins while the whereabouts alert stands calls for one
// too), so each rule reaches the other. Every other rule stands alone.
#pragma once

#include <string>

#include "safeguards/rule.h"
#include "safeguards/rule_context.h"

namespace sightline::safeguards::rules {

const Rule& whereabouts_unknown();
const Rule& missing_alert_required();
// Raises missing-alert-required for `child` with its whereabouts alert
// `occurrence`, for each agency whose involvement calls for it, unless a
// `missing` event came since the child was last located.
void raise_missing_alerts(RuleContext& ctx, PersonId child, const std::string& occurrence);

}  // namespace sightline::safeguards::rules
