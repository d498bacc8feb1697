// Every rule of the catalogue, one accessor each, grouped by the finding (or
// guidance) it comes from. catalogue.cc lists them in the catalogue's order.
#pragma once

#include <string>

#include "safeguards/person_state.h"
#include "safeguards/rule.h"

namespace sightline::safeguards {
class RuleContext;
}

namespace sightline::safeguards::rules {

// F3: GP registration and health visiting.
const Rule& hv_new_registration();
// F8: health-visiting handovers.
const Rule& hv_handover_missing();
const Rule& hv_transfer_contact();
const Rule& records_not_reviewed();
// F7 (and F8): transfers and closures.
const Rule& handover_understated();
const Rule& transfer_child_not_seen();
const Rule& closure_before_seen();
// F4: strategy discussions.
const Rule& strategy_discussion_incomplete();
const Rule& strategy_review_missing();
// F5, F6: neglect.
const Rule& neglect_holistic_review();
const Rule& neglect_assessment_required();
// F2: pre-birth assessment.
const Rule& prebirth_assessment_required();
// F1: support options.
const Rule& support_options_review();
// F7, F8: seeing the child and knowing where the child is.
const Rule& child_not_seen();
const Rule& whereabouts_unknown();
const Rule& missing_alert_required();
// Raises missing-alert-required for `child` with its whereabouts alert
// `occurrence`, for each agency whose involvement calls for it, unless a
// `missing` event came since the child was last located.
void raise_missing_alerts(RuleContext& ctx, PersonId child, const std::string& occurrence);
const Rule& unverified_claim();
const Rule& non_residential_address();
// Healthy Child Programme and health.
const Rule& healthy_child_contact_overdue();
const Rule& was_not_brought();
const Rule& antenatal_contact_overdue();
// Working Together timescales.
const Rule& cp_transfer_in_conference();
const Rule& referral_decision_overdue();
const Rule& assessment_overdue();
const Rule& icpc_overdue();
const Rule& cp_review_overdue();
// Housing Act 1996 s208.
const Rule& out_of_area_placement_notice();

}  // namespace sightline::safeguards::rules
