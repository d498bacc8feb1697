#include "safeguards/alert.h"

#include <tuple>

namespace sightline::safeguards {

std::string_view to_string(Level level) {
  switch (level) {
    case Level::kPractitioner:
      return "practitioner";
    case Level::kManager:
      return "manager";
    case Level::kSafeguardingLead:
      return "safeguarding_lead";
    case Level::kPartnership:
      return "partnership";
  }
  return "practitioner";
}

bool alert_order(const Alert& a, const Alert& b) {
  return std::tie(a.raised, a.rule, a.child, a.owner, a.occurrence) <
         std::tie(b.raised, b.rule, b.child, b.owner, b.occurrence);
}

}  // namespace sightline::safeguards
