// What makes a `case_closed` a fault of closure-before-seen. One question, asked
// by closure-before-seen (which raises the fault) and by child-not-seen (a
// closure that is a fault cannot end the closing agency's pending visit, R31),
// so the two never disagree about which closures are faults.
#pragma once

#include <string>
#include <vector>

#include "safeguards/rule_context.h"

namespace sightline::safeguards::rules {

// Why closing `child`'s case by `closer` is a fault, in words for `reasons`;
// empty when it is not. The catalogue row: a `case_closed` while the child's
// whereabouts are unknown, a transfer to or from the closing agency is not
// accepted with the child seen, or the closing agency has an open assessment.
// Asked of the state after the closure is applied: C8 leaves all three as they
// were.
std::vector<std::string> closure_faults(RuleContext& ctx, PersonId child, AgencyId closer);

}  // namespace sightline::safeguards::rules
