// The safeguards catalogue (docs/safeguards-v1.md) as code: every rule, in the
// catalogue's order, and the configuration sections they define.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "safeguards/rule_info.h"

namespace sightline::safeguards {

class Rule;

// Every rule of the catalogue, in table order. Rules hold no state.
std::span<const Rule* const> catalogue();
// The rule with this id, or nullptr.
const Rule* find_rule(std::string_view id);

// Configuration sections: kEscalationSection, kIndicatorSection, then one per
// rule of catalogue() in the same order (section = kFirstRuleSection + rule index).
inline constexpr std::size_t kEscalationSection = 0;
inline constexpr std::size_t kIndicatorSection = 1;
inline constexpr std::size_t kFirstRuleSection = 2;
const std::vector<SectionSpec>& config_sections();

// Parameters of the "escalation" section (C2), by index.
enum EscalationParam : std::size_t { kManagerWd, kSafeguardingLeadWd, kPartnershipWd };
// Parameters of the "indicators" section, by index.
enum IndicatorParam : std::size_t { kTransienceDays, kNonCooperationDays, kMissedAppointmentsDays };

}  // namespace sightline::safeguards
