#include "safeguards/rules/closure_faults.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sightline::safeguards::rules {

std::vector<std::string> closure_faults(RuleContext& ctx, PersonId child, AgencyId closer) {
  const PersonState& s = ctx.state(child);
  std::vector<std::string> reasons;
  if (s.whereabouts_unknown) reasons.emplace_back("the child's whereabouts are unknown");
  for (std::uint32_t ref : s.transfers) {
    const TransferInfo* t = ctx.transfer_by_ref(ref);
    if (t == nullptr || (t->from != closer && t->to != closer)) continue;
    if (!(t->accepted && t->seen)) {
      reasons.push_back("transfer " + std::string(t->from == closer ? "to " : "from ") +
                        std::string(ctx.agency_name(t->from == closer ? t->to : t->from)) +
                        " not accepted with the child seen");
      break;
    }
  }
  for (const Involvement& i : s.involvements) {
    if (i.agency == closer &&
        (i.kind == InvolvementKind::kAssessment || i.kind == InvolvementKind::kS47)) {
      reasons.emplace_back("the closing agency's assessment is still open");
      break;
    }
  }
  return reasons;
}

}  // namespace sightline::safeguards::rules
